import { describe, expect, it } from 'vitest';
import { spreadReportSchema, type Complaint } from '@/api/schemas';
import { entityIdForComplaint as cmpEnt, entityIdForCustomer as cusEnt } from './conventions';
import { buildGraphIndex } from './graph';
import { SPREAD_DAILY_MAX_DAYS, spreadOf, weekStartOf } from './spread';
import { emptyDb, makeComplaint, makeEntity, makeLink } from './testFixtures';
import { beijingDayStart } from './time';

const at = (day: string, hour = 10) => new Date(beijingDayStart(day) + hour * 3_600_000).toISOString();

/**
 * A small wave: an agent of one firm files for three borrowers over a few days, through two
 * channels; a fee account ties two of them; a fourth borrower complains alone. The hotline hub
 * touches everyone.
 */
function wave() {
  const db = emptyDb();
  db.entities.push(
    makeEntity('agent', 'agent_person', { label: '张立强' }),
    makeEntity('firm', 'agent_firm', { label: '优信商务' }),
    makeEntity('fee', 'bank_account', { label: '6222 **** 3391' }),
    makeEntity('hub', 'phone', { label: '95xxx', isHub: true }),
  );
  db.links.push(makeLink('employed_by', 'agent', 'firm'));
  const file = (id: string, customerId: string, receivedAt: string, channel: Complaint['channel'], opts: { agent?: boolean; fee?: boolean } = {}) => {
    const c = makeComplaint({ id, customerId, borrowerName: `借款人${customerId}`, receivedAt, channel, complainant: { kind: opts.agent ? 'agent' : 'self', name: 'x', phone: '138****0001', idNumber: '110***********1234', agentFirm: opts.agent ? '优信商务' : null, powerOfAttorneyEvidenceId: null } });
    db.complaints.push(c);
    db.entities.push(makeEntity(cmpEnt(id), 'complaint', { attributes: { complaintId: id } }));
    if (!db.entities.some((e) => e.id === cusEnt(customerId))) db.entities.push(makeEntity(cusEnt(customerId), 'borrower', { attributes: { customerId } }));
    db.links.push(makeLink('called', cusEnt(customerId), 'hub', { complaintIds: [id] }));
    if (opts.agent) db.links.push(makeLink('submitted', 'agent', cmpEnt(id), { complaintIds: [id] }), makeLink('represents', 'agent', cusEnt(customerId), { complaintIds: [id] }));
    else db.links.push(makeLink('submitted', cusEnt(customerId), cmpEnt(id), { complaintIds: [id] }));
    if (opts.fee) db.links.push(makeLink('paid', cusEnt(customerId), 'fee', { complaintIds: [id] }));
    return c;
  };
  // Given out of order: the report sorts by time.
  file('c3', 'b2', at('2026-11-04'), '12363', { agent: true });
  file('c1', 'b1', at('2026-11-02', 9), '12378', { agent: true, fee: true });
  file('c2', 'b1', at('2026-11-02', 15), '12363', { agent: true });
  file('c4', 'b3', at('2026-11-05'), '12378', { agent: true, fee: true });
  file('c5', 'b4', at('2026-11-05', 11), 'hotline');
  return db;
}

describe('spreadOf', () => {
  const db = wave();
  const report = spreadOf(db.complaints, buildGraphIndex(db));

  it('starts at the earliest complaint and says who filed it', () => {
    expect(report.first).toMatchObject({ id: 'c1', channel: '12378', customerId: 'b1', complainantKind: 'agent', agentFirm: '优信商务' });
    expect(report.lastAt).toBe(at('2026-11-05', 11));
    expect(report.complaints).toBe(5);
    expect(report.borrowers).toBe(4);
    expect(report.channels).toEqual(['12378', '12363', 'hotline']);
  });

  it('lists borrowers in the order the wave used their names, with the channels each reached', () => {
    expect(report.borrowerList.map((b) => [b.order, b.customerId, b.firstComplaintId, b.complaints])).toEqual([
      [1, 'b1', 'c1', 2],
      [2, 'b2', 'c3', 1],
      [3, 'b3', 'c4', 1],
      [4, 'b4', 'c5', 1],
    ]);
    expect(report.borrowerList[0].channels).toEqual(['12378', '12363']);
  });

  it('finds what ties the borrowers together, firm through its agent, and leaves the hub out', () => {
    expect(report.linkers.map((l) => [l.entity.id, l.borrowers, l.complaints])).toEqual([
      ['agent', 3, 4],
      ['firm', 3, 4],
      ['fee', 2, 2],
    ]);
    expect(report.linkers.find((l) => l.entity.id === 'fee')!.firstAt).toBe(at('2026-11-02', 9));
    expect(report.borrowerList.find((b) => b.customerId === 'b3')!.via).toEqual(['agent', 'firm', 'fee']);
    expect(report.borrowerList.find((b) => b.customerId === 'b4')!.via).toEqual([]);
  });

  it('counts every day from the first to the last by channel, quiet days included, with borrowers joining', () => {
    expect(report.bucket).toBe('day');
    expect(report.timeline.map((b) => [b.start, b.total, b.newBorrowers, b.borrowersSoFar])).toEqual([
      ['2026-11-02', 2, 1, 1],
      ['2026-11-03', 0, 0, 1],
      ['2026-11-04', 1, 1, 2],
      ['2026-11-05', 2, 2, 4],
    ]);
    expect(report.timeline[0].byChannel).toEqual({ '12378': 1, '12363': 1 });
    expect(report.timeline[3].byChannel).toEqual({ '12378': 1, hotline: 1 });
  });

  it('puts each complaint against its borrower’s place in the order', () => {
    expect(report.points.map((p) => [p.complaintId, p.order])).toEqual([
      ['c1', 1],
      ['c2', 1],
      ['c3', 2],
      ['c4', 3],
      ['c5', 4],
    ]);
  });

  it('answers in the contract’s shape', () => {
    expect(() => spreadReportSchema.parse({ subject: { kind: 'family', id: 'tf-1' }, title: null, ...report })).not.toThrow();
  });

  it('buckets a Beijing late evening on its own day', () => {
    const late = makeComplaint({ receivedAt: '2026-11-02T15:59:59.000Z', customerId: 'x' }); // 23:59:59 on the 2nd
    const early = makeComplaint({ receivedAt: '2026-11-02T16:00:00.000Z', customerId: 'y' }); // 00:00 on the 3rd
    const r = spreadOf([late, early], buildGraphIndex(emptyDb()));
    expect(r.timeline.map((b) => [b.start, b.total])).toEqual([
      ['2026-11-02', 1],
      ['2026-11-03', 1],
    ]);
  });

  it('goes week by week when a wave runs longer than two months, weeks starting on Monday', () => {
    const first = makeComplaint({ receivedAt: at('2026-08-05'), customerId: 'x' }); // a Wednesday
    const last = makeComplaint({ receivedAt: at('2026-08-05'), customerId: 'y' });
    last.receivedAt = new Date(beijingDayStart('2026-08-05') + SPREAD_DAILY_MAX_DAYS * 86_400_000).toISOString();
    const r = spreadOf([first, last], buildGraphIndex(emptyDb()));
    expect(r.bucket).toBe('week');
    expect(r.timeline[0].start).toBe('2026-08-03');
    expect(r.timeline.every((b) => new Date(`${b.start}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(r.timeline.reduce((n, b) => n + b.total, 0)).toBe(2);
    expect(r.timeline.at(-1)!.borrowersSoFar).toBe(2);
  });

  it('stays day by day at exactly two months', () => {
    const first = makeComplaint({ receivedAt: at('2026-08-05'), customerId: 'x' });
    const last = makeComplaint({ receivedAt: new Date(beijingDayStart('2026-08-05') + (SPREAD_DAILY_MAX_DAYS - 1) * 86_400_000).toISOString(), customerId: 'y' });
    const r = spreadOf([first, last], buildGraphIndex(emptyDb()));
    expect(r.bucket).toBe('day');
    expect(r.timeline).toHaveLength(SPREAD_DAILY_MAX_DAYS);
  });

  it('has nothing to say about no complaints', () => {
    expect(spreadOf([], buildGraphIndex(emptyDb()))).toMatchObject({ complaints: 0, first: null, timeline: [], borrowerList: [], linkers: [] });
  });

  it('knows the Monday of a week', () => {
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16');
  });
});
