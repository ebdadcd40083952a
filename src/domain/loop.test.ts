import { describe, expect, it } from 'vitest';
import { loopReportSchema, type Alert, type Case, type LoopFigureKey, type LoopReport, type Referral } from '@/api/schemas';
import { deadlineOutcome } from './deadlines';
import { filedAs, lastDays, loopReport, median, monthRange, onDays, previousPeriod, referralEventAt } from './loop';
import { queryComplaints } from './complaints';
import { emptyDb, makeComplaint, makeEntity, makeEvidence } from './testFixtures';
import { beijingDayOf, beijingDayStart } from './time';

const now = new Date('2026-11-20T04:00:00.000Z'); // 12:00 in Beijing, a Friday
const lead = { role: 'lead' as const, team: '' };
const figure = (r: LoopReport, key: LoopFigureKey) => r.stages.flatMap((s) => s.figures).find((f) => f.key === key)!;

function world() {
  const db = emptyDb();
  db.users.push({ id: 'u-analyst-2', name: '周敏', role: 'analyst', team: '消保二组', away: false, capacity: 40 });
  const received = (day: string, hour = 10) => new Date(beijingDayStart(day) + hour * 3_600_000).toISOString();
  db.complaints.push(
    // This period (2026-11-14 .. 2026-11-20).
    makeComplaint({ id: 'a', receivedAt: received('2026-11-14', 0), dueAt: received('2026-11-29'), status: 'answered', answeredAt: received('2026-11-16'), label: 'agent_confirmed', assigneeId: 'u-analyst-1' }),
    makeComplaint({ id: 'b', receivedAt: received('2026-11-15'), dueAt: received('2026-11-18'), status: 'closed', answeredAt: received('2026-11-19'), label: 'legitimate', assigneeId: 'u-analyst-1', evidenceIds: ['e1'] }),
    makeComplaint({ id: 'c', receivedAt: received('2026-11-16'), dueAt: received('2026-11-19'), status: 'in_progress', label: 'agent_proposed', assigneeId: 'u-analyst-2', channel: 'hotline' }),
    makeComplaint({ id: 'd', receivedAt: received('2026-11-20', 23), dueAt: received('2026-12-05'), status: 'new' }),
    // Received on the last evening before the period (Beijing): the previous period's.
    makeComplaint({ id: 'e', receivedAt: '2026-11-13T15:59:59.000Z', dueAt: received('2026-11-28'), status: 'answered', answeredAt: received('2026-11-20'), assigneeId: 'u-analyst-2' }),
  );
  db.evidence.push(makeEvidence('e1', { complaintId: 'b', verdict: { status: 'forged', reason: '印章不符', method: '比对', byId: 'u-analyst-1', at: received('2026-11-17') } }));
  db.entities.push(makeEntity('f1', 'agent_firm', { firstSeen: received('2026-11-17') }), makeEntity('f2', 'agent_firm', { firstSeen: received('2026-11-01') }));
  const kase = { id: 'case-1', target: { kind: 'gang', label: 'g', entityIds: [] }, assigneeId: 'u-analyst-1', createdAt: received('2026-11-18'), status: 'reported' } as unknown as Case;
  db.cases.push(kase);
  const referral = (id: string, charges: Referral['charges'], filedAt: string | null, rejectedAt: string | null = null) =>
    ({
      id,
      caseId: 'case-1',
      charges,
      submission: { date: received('2026-11-15'), policeUnit: 'x', officer: 'y', receiptNo: null },
      outcome: { acceptedAt: received('2026-11-16'), filedAt, rejectedAt, rejectionReason: null, reviewRequested: false },
    }) as unknown as Referral;
  db.referrals.push(referral('r1', ['fraud', 'disturbing_order'], received('2026-11-18')), referral('r2', ['disturbing_order'], received('2026-11-19')), referral('r3', ['extortion'], null, received('2026-11-07')));
  return db;
}

describe('periods', () => {
  it('the previous period has the same length and ends the day before', () => {
    expect(previousPeriod('2026-11-14', '2026-11-20')).toEqual({ from: '2026-11-07', to: '2026-11-13' });
    expect(previousPeriod('2026-03-05', '2026-03-31')).toEqual({ from: '2026-02-06', to: '2026-03-04' });
  });
  it('whole calendar months compare with the months before, whatever their lengths', () => {
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriod('2026-10-01', '2026-11-30')).toEqual({ from: '2026-08-01', to: '2026-09-30' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('the last N days end today in Beijing, whatever the UTC date', () => {
    expect(lastDays(7, new Date('2026-11-19T16:30:00.000Z'))).toEqual({ from: '2026-11-14', to: '2026-11-20' });
    expect(beijingDayOf(Date.parse('2026-11-19T15:59:59.999Z'))).toBe('2026-11-19');
  });
  it('median of an even and an odd count, and of nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('deadline outcome and filing kind', () => {
  it('met on the due instant, late after it, none while open; old records fall back to their last change', () => {
    const due = '2026-11-20T15:59:59.999Z';
    expect(deadlineOutcome({ status: 'answered', answeredAt: due, updatedAt: due, dueAt: due })).toBe('met');
    expect(deadlineOutcome({ status: 'closed', answeredAt: '2026-11-20T16:00:00.000Z', updatedAt: due, dueAt: due })).toBe('late');
    expect(deadlineOutcome({ status: 'closed', answeredAt: undefined, updatedAt: '2026-11-21T00:00:00.000Z', dueAt: due })).toBe('late');
    expect(deadlineOutcome({ status: 'in_progress', answeredAt: null, updatedAt: due, dueAt: due })).toBeNull();
  });
  it('a filing only for 扰乱单位秩序 is administrative; any crime among the charges makes it criminal', () => {
    expect(filedAs({ charges: ['disturbing_order'] })).toBe('administrative');
    expect(filedAs({ charges: ['disturbing_order', 'fraud'] })).toBe('criminal');
    expect(filedAs({ charges: [] })).toBe('criminal');
  });
});

describe('loopReport', () => {
  it('counts each stage for the period and the one before, by Beijing day', () => {
    const r = loopReportSchema.parse(loopReport(world(), { from: '2026-11-14', to: '2026-11-20' }, lead, now));
    expect([r.previousFrom, r.previousTo]).toEqual(['2026-11-07', '2026-11-13']);
    expect(figure(r, 'received')).toMatchObject({ value: 4, previous: 1 });
    expect(figure(r, 'agentConfirmed').value).toBe(1);
    expect(figure(r, 'agentProposed').value).toBe(1);
    expect(figure(r, 'falseMaterialBorrowers').value).toBe(1);
    expect(figure(r, 'agentFirms').value).toBe(1);
    expect(figure(r, 'gangs').value).toBe(1);
    // a met its deadline; b (legitimate) was late and is counted apart, and in the total too.
    expect(figure(r, 'answeredOnTime').value).toBe(1);
    expect(figure(r, 'answeredLate').value).toBe(1);
    expect(figure(r, 'legitimateLate').value).toBe(1);
    expect(figure(r, 'legitimateOnTime').value).toBe(0);
    expect(figure(r, 'openOverdue').value).toBe(1); // c, due on the 19th
    expect(figure(r, 'medianHandlingDays').value).toBe(3.2); // a: 2 days 10 h, b: 4 days
    expect(figure(r, 'referralsSubmitted').value).toBe(3);
    expect(figure(r, 'referralsAccepted').value).toBe(3);
    expect(figure(r, 'filedCriminal').value).toBe(1);
    expect(figure(r, 'filedAdministrative').value).toBe(1);
    expect(figure(r, 'referralsRejected')).toMatchObject({ value: 0, previous: 1 });
    expect(figure(r, 'sharingSessions').value).toBe(0);
  });

  it('counts the alerts raised in the period and those acted on, for the whole institution only', () => {
    const db = world();
    const alert = (id: string, raisedAt: string, acted: Partial<Alert>) =>
      ({ id, raisedAt, status: 'open', acknowledgedAt: null, caseId: null, ...acted }) as unknown as Alert;
    db.alerts.push(
      alert('al-1', '2026-11-15T02:00:00.000Z', {}),
      alert('al-2', '2026-11-16T02:00:00.000Z', { status: 'acknowledged', acknowledgedAt: '2026-11-16T03:00:00.000Z' }),
      alert('al-3', '2026-11-17T02:00:00.000Z', { caseId: 'case-1' }),
      alert('al-4', '2026-11-18T02:00:00.000Z', { status: 'closed' }),
      alert('al-5', '2026-11-10T02:00:00.000Z', { status: 'acknowledged', acknowledgedAt: '2026-11-10T03:00:00.000Z' }),
    );
    const r = loopReport(db, { from: '2026-11-14', to: '2026-11-20' }, lead, now);
    const warning = r.stages.find((s) => s.stage === 'warning')!;
    expect(warning.available).toBe(true);
    expect(figure(r, 'alertsRaised')).toMatchObject({ value: 4, previous: 1, link: { screen: 'alerts', params: { from: '2026-11-14', to: '2026-11-20' } } });
    expect(figure(r, 'alertsActed')).toMatchObject({ value: 3, previous: 1 });
    const oneTeam = loopReport(db, { from: '2026-11-14', to: '2026-11-20', team: '消保一组' }, lead, now);
    expect(figure(oneTeam, 'alertsRaised')).toMatchObject({ value: null, link: null });
  });

  it('an analyst sees their own team whatever they ask for; a lead may pick one', () => {
    const asked = loopReport(world(), { from: '2026-11-14', to: '2026-11-20', team: '消保二组' }, { role: 'analyst', team: '消保一组' }, now);
    expect(asked.team).toBe('消保一组');
    expect(asked.teams).toEqual(['消保一组']);
    expect(figure(asked, 'received').value).toBe(2);
    const second = loopReport(world(), { from: '2026-11-14', to: '2026-11-20', team: '消保二组' }, lead, now);
    expect(figure(second, 'received').value).toBe(1);
    expect(figure(second, 'referralsSubmitted').value).toBe(0); // the case is the first team's
    expect(figure(second, 'sharingSessions').value).toBeNull(); // sharing belongs to no team
  });

  it('a channel filter narrows complaints and leaves figures that have no channel unmeasured', () => {
    const r = loopReport(world(), { from: '2026-11-14', to: '2026-11-20', channel: ['hotline'] }, lead, now);
    expect(figure(r, 'received').value).toBe(1);
    expect(figure(r, 'referralsSubmitted').value).toBeNull();
    expect(figure(r, 'agentFirms')).toMatchObject({ value: null, link: null });
  });

  it('each complaint figure links to the queue filter that lists exactly its complaints', () => {
    const db = world();
    const r = loopReport(db, { from: '2026-11-14', to: '2026-11-20' }, lead, now);
    for (const key of ['received', 'agentProposed', 'agentConfirmed', 'answeredOnTime', 'answeredLate', 'legitimateLate', 'openOverdue'] as const) {
      const f = figure(r, key);
      expect(f.link?.screen).toBe('queue');
      const p = f.link!.params;
      const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').filter(Boolean));
      const page = queryComplaints(
        db,
        { receivedFrom: p.receivedFrom, receivedTo: p.receivedTo, status: list(p.status) as never, label: list(p.label) as never, deadline: p.deadline as never, team: p.team, pageSize: 500 },
        { userId: 'u-analyst-1', now },
      );
      expect(page.total, key).toBe(f.value);
    }
  });

  it('referral figures are the referrals whose event fell on the period’s days', () => {
    const db = world();
    const r = loopReport(db, { from: '2026-11-14', to: '2026-11-20' }, lead, now);
    for (const key of ['referralsSubmitted', 'referralsAccepted', 'filedCriminal', 'filedAdministrative', 'referralsRejected'] as const) {
      const { screen, params } = figure(r, key).link!;
      expect(screen).toBe('referrals');
      const listed = db.referrals.filter((x) => onDays(referralEventAt(x, params.event as never), params.from, params.to));
      expect(listed.length, key).toBe(figure(r, key).value);
    }
    expect(figure(r, 'gangs').link).toEqual({ screen: 'cases', params: { target: 'gang', createdFrom: '2026-11-14', createdTo: '2026-11-20' } });
  });

  it('weeks start on Monday in Beijing, the first clipped to the period', () => {
    const r = loopReport(world(), { from: '2026-11-14', to: '2026-11-20' }, lead, now);
    expect(r.weeks.map((w) => [w.week, w.received])).toEqual([
      ['2026-11-14', 2],
      ['2026-11-16', 2],
    ]);
    expect(r.weeks[1].byChannel.hotline).toBe(1);
    expect(r.weeks[1].byTeam).toEqual({ 消保二组: 1, '': 1 });
  });
});
