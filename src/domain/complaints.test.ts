import { describe, expect, it } from 'vitest';
import { complaintQuerySchema, type Complaint, type ComplaintQuery } from '@/api/schemas';
import { Rng } from '@/server/seed/random';
import { queryComplaints, queryIndex } from './complaints';
import { DAY_MS } from './deadlines';
import { emptyDb, makeComplaint } from './testFixtures';

const now = new Date('2026-11-20T04:00:00.000Z');
const ctx = { userId: 'u-analyst-1', now };
const at = (daysFromNow: number) => new Date(now.getTime() + daysFromNow * DAY_MS).toISOString();
const signal = (code: Complaint['signals'][number]['code']) => ({ code, weight: 10, explanation: '测试', evidenceRefs: [] });

/** A small queue where each complaint differs in the one field a test is about. */
function queue() {
  const db = emptyDb();
  db.complaints.push(
    makeComplaint({ id: 'c01', status: 'new', channel: '12378', receivedAt: at(-2), dueAt: at(-0.5), riskScore: 90, grade: 'level1', label: 'agent_proposed', signals: [signal('wording_level1')], templateFamilyId: 'tf-0001', templateFamilySize: 3 }),
    makeComplaint({ id: 'c02', status: 'in_progress', channel: 'hotline', receivedAt: at(-10), dueAt: at(0.5), riskScore: 10, assigneeId: 'u-analyst-1', borrowerName: '王小明', text: '扣款重复了' }),
    makeComplaint({ id: 'c03', status: 'in_progress', channel: '12363', receivedAt: at(-12), dueAt: at(2.5), riskScore: 60, grade: 'level2', assigneeId: 'u-analyst-2', signals: [signal('wording_level2'), signal('template_text')], templateFamilyId: 'tf-0001', templateFamilySize: 3 }),
    makeComplaint({ id: 'c04', status: 'new', channel: 'app', receivedAt: at(-1), dueAt: at(6), riskScore: 0, complainant: { kind: 'relative', name: '李阿姨', phone: '138****0001', idNumber: '110***********1234', agentFirm: null, powerOfAttorneyEvidenceId: null } }),
    makeComplaint({ id: 'c05', status: 'answered', channel: '12378', receivedAt: at(-30), dueAt: at(-15), riskScore: 60, label: 'legitimate', assigneeId: 'u-analyst-1' }),
    makeComplaint({ id: 'c06', status: 'closed', channel: 'email', receivedAt: at(-40), dueAt: at(-25), riskScore: 30, regulatorRef: null, templateFamilyId: 'tf-0001', templateFamilySize: 3 }),
    makeComplaint({ id: 'c07', status: 'new', channel: 'regulator_letter', receivedAt: at(-0.2), dueAt: at(10), riskScore: 60, regulatorRef: '金管消保转〔2026〕1234号' }),
  );
  return db;
}
const ids = (query: ComplaintQuery) => queryComplaints(queue(), query, ctx).items.map((c) => c.id);

describe('queryComplaints filters', () => {
  it('by status, label, channel and grade (any of the listed values)', () => {
    expect(ids({ status: ['new'], sort: 'receivedAt', order: 'asc' })).toEqual(['c01', 'c04', 'c07']);
    expect(ids({ label: ['legitimate'] })).toEqual(['c05']);
    expect(ids({ channel: ['12378', 'email'], sort: 'receivedAt', order: 'asc' })).toEqual(['c06', 'c05', 'c01']);
    expect(ids({ grade: ['level1', 'level2'], sort: 'riskScore' })).toEqual(['c01', 'c03']);
  });

  it('by signal', () => {
    expect(ids({ signal: ['template_text'] })).toEqual(['c03']);
    expect(ids({ signal: ['template_text', 'wording_level1'], sort: 'riskScore' })).toEqual(['c01', 'c03']);
  });

  it('by assignee: me, unassigned, or a user id', () => {
    expect(ids({ assignee: 'me', sort: 'receivedAt' })).toEqual(['c02', 'c05']);
    expect(ids({ assignee: 'u-analyst-2' })).toEqual(['c03']);
    expect(ids({ assignee: 'unassigned', sort: 'receivedAt', order: 'asc' })).toEqual(['c06', 'c01', 'c04', 'c07']);
  });

  it('by deadline window, counting only open complaints', () => {
    expect(ids({ deadline: 'overdue' })).toEqual(['c01']); // c05/c06 are past due but handled
    expect(ids({ deadline: 'within1' })).toEqual(['c02']);
    expect(ids({ deadline: 'within3', sort: 'dueAt' })).toEqual(['c02', 'c03']);
    expect(ids({ deadline: 'within7', sort: 'dueAt' })).toEqual(['c02', 'c03', 'c04']);
  });

  it('by template family', () => {
    expect(ids({ family: 'tf-0001', sort: 'receivedAt', order: 'asc' })).toEqual(['c06', 'c03', 'c01']);
  });

  it('by free text over text, borrower name, complainant name, id and reference number', () => {
    expect(ids({ q: '扣款' })).toEqual(['c02']);
    expect(ids({ q: '王小明' })).toEqual(['c02']);
    expect(ids({ q: '李阿姨' })).toEqual(['c04']);
    expect(ids({ q: ' 1234号 ' })).toEqual(['c07']);
    expect(ids({ q: 'C05' })).toEqual(['c05']);
    expect(ids({ q: '不存在的内容' })).toEqual([]);
  });

  it('combines filters with AND', () => {
    expect(ids({ status: ['new', 'in_progress'], grade: ['level2'] })).toEqual(['c03']);
  });
});

describe('queryComplaints sorting and paging', () => {
  it('defaults to newest first, page 1 of 50', () => {
    const page = queryComplaints(queue(), {}, ctx);
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 7 });
    expect(page.items.map((c) => c.id)).toEqual(['c07', 'c04', 'c01', 'c02', 'c03', 'c05', 'c06']);
  });

  it('sorts due dates soonest first by default and breaks ties by id, in the direction of the sort', () => {
    expect(ids({ sort: 'dueAt' })).toEqual(['c06', 'c05', 'c01', 'c02', 'c03', 'c04', 'c07']);
    // riskScore 60 ties between c03, c05 and c07: id order decides, descending with the score (as SQL's index reads).
    expect(ids({ sort: 'riskScore' })).toEqual(['c01', 'c07', 'c05', 'c03', 'c06', 'c02', 'c04']);
    expect(ids({ sort: 'riskScore', order: 'asc' })).toEqual(['c04', 'c02', 'c06', 'c03', 'c05', 'c07', 'c01']);
  });

  it('sorts channel by its enum order and status by lifecycle', () => {
    expect(ids({ sort: 'channel' })).toEqual(['c01', 'c05', 'c03', 'c07', 'c02', 'c04', 'c06']);
    expect(ids({ sort: 'status' })).toEqual(['c01', 'c04', 'c07', 'c02', 'c03', 'c05', 'c06']);
    expect(ids({ sort: 'templateFamilySize' }).slice(0, 3)).toEqual(['c06', 'c03', 'c01']);
  });

  it('pages through the sorted result', () => {
    const db = queue();
    const p2 = queryComplaints(db, { sort: 'dueAt', page: 2, pageSize: 3 }, ctx);
    expect(p2).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(p2.items.map((c) => c.id)).toEqual(['c02', 'c03', 'c04']);
    expect(queryComplaints(db, { sort: 'dueAt', page: 3, pageSize: 3 }, ctx).items.map((c) => c.id)).toEqual(['c07']);
    expect(queryComplaints(db, { page: 9, pageSize: 3 }, ctx).items).toEqual([]);
  });

  it('accepts queries exactly as the URL schema parses them', () => {
    const query = complaintQuerySchema.parse({ status: 'new,in_progress', sort: 'riskScore', order: 'desc', page: '1', pageSize: '2' });
    expect(queryComplaints(queue(), query, ctx).items.map((c) => c.id)).toEqual(['c01', 'c07']);
  });

  it('reads the records as they are now (no stale cache after a handler mutates one)', () => {
    const db = queue();
    expect(queryComplaints(db, { status: ['closed'] }, ctx).total).toBe(1);
    db.complaints[0].status = 'closed';
    expect(queryComplaints(db, { status: ['closed'] }, ctx).total).toBe(2);
  });
});

describe('the kept index (sort orders and filter columns)', () => {
  // Many ties (scores 0–20 over 400 records). Shuffled ids exercise the tie-break by id; whole scores
  // in id order take the packed numeric sort, fractional ones the comparator.
  function tied({ shuffled = true, fractional = false } = {}) {
    const rng = new Rng(11);
    const db = emptyDb();
    for (let i = 0; i < 400; i++) {
      const n = shuffled ? (i * 7919) % 400 : i;
      const riskScore = rng.int(0, 20) + (fractional ? rng.int(0, 1) / 2 : 0);
      db.complaints.push(makeComplaint({ id: `x${String(n).padStart(3, '0')}`, riskScore, status: (['new', 'in_progress', 'answered', 'closed'] as const)[rng.int(0, 3)] }));
    }
    return db;
  }
  const pageIds = (db: ReturnType<typeof tied>, query: ComplaintQuery, cache?: Parameters<typeof queryComplaints>[3]) => queryComplaints(db, query, ctx, cache).items.map((c) => c.id);

  it.each([
    ['shuffled ids', { shuffled: true }],
    ['ids in order, whole scores', { shuffled: false }],
    ['ids in order, fractional scores', { shuffled: false, fractional: true }],
  ])('serve the same pages as sorting afresh, in both directions, filtered or not (%s)', (_, shape) => {
    const db = tied(shape);
    const byScore = (dir: 1 | -1) => [...db.complaints].sort((a, b) => dir * (a.riskScore - b.riskScore) || dir * a.id.localeCompare(b.id)).map((c) => c.id);
    const cache = { index: queryIndex(), revision: 1 };
    for (const order of ['asc', 'desc'] as const) {
      const expected = byScore(order === 'asc' ? 1 : -1);
      for (const page of [1, 2, 8, 9]) {
        const query: ComplaintQuery = { sort: 'riskScore', order, page, pageSize: 50 };
        expect(pageIds(db, query, cache)).toEqual(expected.slice((page - 1) * 50, page * 50));
        expect(pageIds(db, query, cache)).toEqual(pageIds(db, query));
      }
      const open: ComplaintQuery = { sort: 'riskScore', order, status: ['new', 'in_progress'], page: 2, pageSize: 30 };
      expect(pageIds(db, open, cache)).toEqual(pageIds(db, open));
      expect(queryComplaints(db, open, ctx, cache).total).toBe(db.complaints.filter((c) => c.status === 'new' || c.status === 'in_progress').length);
    }
  });

  it('follow a write once the revision changes', () => {
    const db = tied();
    const cache = { index: queryIndex(), revision: 1 };
    const top = pageIds(db, { sort: 'riskScore', pageSize: 1 }, cache)[0];
    const last = db.complaints.find((c) => c.id === pageIds(db, { sort: 'riskScore', order: 'asc', pageSize: 1 }, cache)[0])!;
    last.riskScore = 99;
    expect(pageIds(db, { sort: 'riskScore', pageSize: 2 }, { ...cache, revision: 2 })).toEqual([last.id, top]);
    // Filters read columns kept for the revision: a new revision rebuilds them.
    const closed = (revision: number) => queryComplaints(db, { status: ['closed'] }, ctx, { ...cache, revision }).total;
    const before = closed(2);
    db.complaints.find((c) => c.status !== 'closed')!.status = 'closed';
    expect(closed(3)).toBe(before + 1);
    expect(queryComplaints(db, { status: ['closed'], assignee: 'unassigned', signal: ['template_text'] }, ctx, { ...cache, revision: 3 }).total).toBe(
      queryComplaints(db, { status: ['closed'], assignee: 'unassigned', signal: ['template_text'] }, ctx).total,
    );
    // A record added is a new position in every order.
    db.complaints.push(makeComplaint({ id: 'y000', riskScore: 100 }));
    expect(pageIds(db, { sort: 'riskScore', pageSize: 1 }, { ...cache, revision: 4 })).toEqual(['y000']);
    expect(queryComplaints(db, {}, ctx, { ...cache, revision: 4 }).total).toBe(401);
    expect(queryComplaints(db, { status: ['new', 'in_progress', 'answered', 'closed'] }, ctx, { ...cache, revision: 4 }).total).toBe(401);
  });
});

describe('scale', () => {
  it('filters, sorts and pages 100k complaints (speed is measured in npm run bench)', () => {
    const rng = new Rng(5);
    const channels = ['12378', '12363', 'hotline', 'app', 'heimao'] as const;
    const statuses = ['new', 'in_progress', 'answered', 'closed'] as const;
    const base = makeComplaint();
    const complaints: Complaint[] = Array.from({ length: 100_000 }, (_, i) => {
      const received = now.getTime() - rng.float() * 90 * DAY_MS;
      return {
        ...base,
        id: `cmp-${String(i).padStart(6, '0')}`,
        channel: channels[i % channels.length],
        status: statuses[rng.int(0, 3)],
        receivedAt: new Date(received).toISOString(),
        dueAt: new Date(received + 15 * DAY_MS).toISOString(),
        riskScore: rng.int(0, 100),
        assigneeId: rng.chance(0.3) ? null : 'u-analyst-1',
        text: i % 50 === 0 ? '停息挂账 模板' : '催收电话太多了，请处理。',
      };
    });
    const db = { ...emptyDb(), complaints };
    const queries: ComplaintQuery[] = [
      {},
      { status: ['new', 'in_progress'], sort: 'dueAt' },
      { channel: ['12378'], sort: 'riskScore' },
      { assignee: 'unassigned', deadline: 'within3' },
      { q: '停息挂账', sort: 'receivedAt' },
      { sort: 'dueAt', page: 20, pageSize: 100 },
    ];
    for (const query of queries) {
      const page = queryComplaints(db, query, ctx);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.total).toBeLessThanOrEqual(100_000);
    }
  });
});
