import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  assignResultSchema,
  auditExportSchema,
  autoAssignPlanSchema,
  boardSchema,
  casePreviewSchema,
  caseSchema,
  complaintRowSchema,
  complaintSchema,
  customerSchema,
  dashboardStatsSchema,
  errorBodySchema,
  loopExportSchema,
  loopReportSchema,
  evidenceSchema,
  graphSchema,
  nextItemSchema,
  pageOf,
  referralPartyCandidatesSchema,
  referralSchema,
  relatedComplaintsSchema,
  templateSiblingsSchema,
  trailCheckSchema,
  userSchema,
  type Case,
  type Complaint,
  type ComplaintRow,
  type LoopReport,
} from '@/api/schemas';
import { dueAtIso } from '@/domain/deadlines';
import { USERS, auditCount, clock, dbKind, readyReferral, server, signIn, type Client } from './harness';

const listOf = async (c: Client, path: string) => (await c.call('GET', path)).body;
const firstComplaint = async (c: Client, query = 'status=new,in_progress'): Promise<ComplaintRow> => (await listOf(c, `/complaints?${query}&pageSize=1`)).items[0];

describe('every read route answers the contract', () => {
  it('serves complaints, their detail, related complaints, siblings and the customer, masked', async () => {
    const lead = await signIn(USERS.lead);
    const page = pageOf(complaintRowSchema).parse(await listOf(lead, '/complaints?pageSize=20&sort=riskScore'));
    expect(page.items).toHaveLength(20);
    expect(page.total).toBeGreaterThanOrEqual(600);
    const scores = page.items.map((c) => c.riskScore);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const member = (await listOf(lead, '/complaints?sort=templateFamilySize&pageSize=1')).items[0] as ComplaintRow;
    const detail = complaintSchema.parse((await lead.call('GET', `/complaints/${member.id}`)).body);
    expect(detail.id).toBe(member.id);
    relatedComplaintsSchema.parse((await lead.call('GET', `/complaints/${member.id}/related`)).body);
    const siblings = templateSiblingsSchema.parse((await lead.call('GET', `/complaints/${member.id}/siblings`)).body);
    expect(siblings.familyId).toBe(member.templateFamilyId);
    const customer = customerSchema.parse((await lead.call('GET', `/customers/${detail.customerId}`)).body);
    const json = JSON.stringify([page, detail, customer]);
    expect(json).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(json).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
  });

  it('filters the queue by every filter of the contract, as the in-browser demo does', async () => {
    const lead = await signIn(USERS.lead);
    const check = async (query: string, holds: (c: ComplaintRow) => boolean) => {
      const page = pageOf(complaintRowSchema).parse(await listOf(lead, `/complaints?${query}&pageSize=200`));
      expect(page.items.every(holds), query).toBe(true);
      return page;
    };
    await check('status=new', (c) => c.status === 'new');
    await check('grade=level1,level2', (c) => c.grade !== 'normal');
    await check('channel=12378', (c) => c.channel === '12378');
    await check('label=none', (c) => c.label === 'none');
    await check('assignee=unassigned', (c) => c.assigneeId === null);
    await check('assignee=me', (c) => c.assigneeId === 'u-lead-1');
    await check('signal=template_text', (c) => c.signals.some((s) => s.code === 'template_text'));
    const overdue = await check('deadline=overdue', (c) => Date.parse(c.dueAt) < Date.parse('2026-11-23T02:00:00Z') && (c.status === 'new' || c.status === 'in_progress'));
    expect(overdue.total).toBeGreaterThan(0);
    const fam = (await firstComplaint(lead, 'sort=templateFamilySize')).templateFamilyId!;
    const family = await check(`family=${fam}`, (c) => c.templateFamilyId === fam);
    expect(family.total).toBeGreaterThan(1);
    const one = await firstComplaint(lead, 'sort=receivedAt');
    const byId = await check(`q=${one.id}`, (c) => c.id === one.id);
    expect(byId.total).toBe(1);
    const byName = await check(`q=${encodeURIComponent(one.borrowerName)}`, () => true);
    expect(byName.items.some((c) => c.id === one.id)).toBe(true);
    // Beijing days: the 1st starts at 16:00 UTC on the 31st.
    const week = await check('receivedFrom=2026-11-01&receivedTo=2026-11-07&status=', (c) => c.receivedAt >= '2026-10-31T16:00:00.000Z' && c.receivedAt < '2026-11-07T16:00:00.000Z');
    expect(week.total).toBeGreaterThan(0);
    const met = await check('deadline=met&status=', (c) => !!c.answeredAt && Date.parse(c.answeredAt) <= Date.parse(c.dueAt));
    expect(met.total).toBeGreaterThan(0);
    await check('deadline=late&status=', (c) => !!c.answeredAt && Date.parse(c.answeredAt) > Date.parse(c.dueAt));
    const people = z.array(userSchema).parse((await lead.call('GET', '/users')).body);
    const team = new Set(people.filter((u) => u.team === '消保一组').map((u) => u.id));
    const mine = await check(`team=${encodeURIComponent('消保一组')}&status=`, (c) => c.assigneeId !== null && team.has(c.assigneeId));
    expect(mine.total).toBeGreaterThan(0);
    expect((await listOf(lead, '/complaints?team=nobody&status=')).total).toBe(0);
    // Paging walks the same order without gaps or repeats.
    const a = await listOf(lead, '/complaints?sort=dueAt&pageSize=7&page=1');
    const b = await listOf(lead, '/complaints?sort=dueAt&pageSize=7&page=2');
    const both = await listOf(lead, '/complaints?sort=dueAt&pageSize=14&page=1');
    expect([...a.items, ...b.items].map((c: ComplaintRow) => c.id)).toEqual(both.items.map((c: ComplaintRow) => c.id));
  });

  it('serves cases, timeline, board, next item, users, stats, evidence, graph and referrals', async () => {
    const lead = await signIn(USERS.lead);
    const cases = pageOf(caseSchema).parse(await listOf(lead, '/cases?pageSize=50'));
    expect(cases.total).toBeGreaterThan(0);
    const kase = cases.items[0];
    caseSchema.parse((await lead.call('GET', `/cases/${kase.id}`)).body);
    expect(Array.isArray((await lead.call('GET', `/cases/${kase.id}/timeline`)).body)).toBe(true);
    const board = boardSchema.parse((await lead.call('GET', '/board')).body);
    // People who do casework carry a load; the auditor and the administrator do not.
    expect(board.workloads.some((w) => w.userId === 'u-admin-1' || w.userId === 'u-auditor-1')).toBe(false);
    nextItemSchema.parse((await lead.call('GET', '/users/u-analyst-1/next')).body);
    z.array(userSchema).parse((await lead.call('GET', '/users')).body);
    dashboardStatsSchema.parse((await lead.call('GET', '/stats')).body);
    const evidence = z.array(evidenceSchema).parse((await lead.call('GET', `/evidence?caseId=${kase.id}`)).body);
    if (evidence[0]) {
      evidenceSchema.parse((await lead.call('GET', `/evidence/${evidence[0].id}`)).body);
      expect((await lead.call('GET', `/evidence/${evidence[0].id}/reuse`)).status).toBe(200);
      expect((await lead.call('GET', `/evidence/${evidence[0].id}/voiceprint`)).status).toBe(200);
    }
    const network = graphSchema.parse((await lead.call('GET', '/graph/network?excludeHubs=true')).body);
    const entity = network.entities.find((e) => e.type === 'agent_firm')!;
    expect((await lead.call('GET', `/graph/neighbourhood?entityId=${entity.id}&depth=1`)).status).toBe(200);
    expect((await lead.call('GET', `/graph/entities?q=${encodeURIComponent(entity.label.slice(0, 4))}`)).body.length).toBeGreaterThan(0);
    graphSchema.parse((await lead.call('GET', `/graph/subgraph?ids=${network.entities.slice(0, 5).map((e) => e.id).join(',')}`)).body);
    expect((await lead.call('GET', `/graph/layouts/${kase.id}`)).status).toBe(200);
    const referrals = z.array(referralSchema).parse((await lead.call('GET', '/referrals')).body);
    if (referrals[0]) {
      referralSchema.parse((await lead.call('GET', `/referrals/${referrals[0].id}`)).body);
      referralPartyCandidatesSchema.parse((await lead.call('GET', `/referrals/${referrals[0].id}/parties`)).body);
    }
  });

  it('serves an evidence file from the content-addressed store with its type, a safe name and nosniff', async () => {
    const lead = await signIn(USERS.lead);
    const all = z.array(evidenceSchema).parse((await lead.call('GET', '/evidence')).body);
    const pdf = all.find((e) => e.mime === 'application/pdf')!;
    const { app } = await server();
    const res = await app.fetch(new Request(`http://jianzheng.test/api/evidence/${pdf.id}/content`, { headers: { cookie: lead.cookie! } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''[\w%.-]+$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pdf.sha256);
  });
});

describe('the loop dashboard', () => {
  const period = 'from=2026-10-25&to=2026-11-23';
  const figures = (r: LoopReport) => new Map(r.stages.flatMap((s) => s.figures).map((f) => [f.key, f]));

  it('each complaint figure is the total of the queue filter it links to', async () => {
    const lead = await signIn(USERS.lead);
    const report = loopReportSchema.parse((await lead.call('GET', `/loop?${period}`)).body);
    expect(report).toMatchObject({ from: '2026-10-25', to: '2026-11-23', previousFrom: '2026-09-25', previousTo: '2026-10-24', team: null });
    const linked = [...figures(report).values()].filter((f) => f.link?.screen === 'queue' && f.key !== 'medianHandlingDays');
    expect(linked.length).toBeGreaterThanOrEqual(7);
    expect(figures(report).get('received')!.value).toBeGreaterThan(0);
    for (const f of linked) {
      const query = new URLSearchParams(f.link!.params).toString();
      expect((await listOf(lead, `/complaints?${query}&pageSize=1`)).total, f.key).toBe(f.value);
    }
    // Gang cases and referral events open the case and referral lists on the same days.
    const wide = loopReportSchema.parse((await lead.call('GET', '/loop?from=2026-01-01&to=2026-11-23')).body);
    const others = [...figures(wide).values()].filter((f) => f.link?.screen === 'cases' || f.link?.screen === 'referrals');
    expect(others.map((f) => f.key).sort()).toEqual(['filedAdministrative', 'filedCriminal', 'gangs', 'referralsAccepted', 'referralsRejected', 'referralsSubmitted']);
    expect(figures(wide).get('referralsSubmitted')!.value).toBeGreaterThan(0);
    for (const f of others) {
      const query = new URLSearchParams(f.link!.params).toString();
      const count = f.link!.screen === 'cases' ? (await listOf(lead, `/cases?${query}&pageSize=500`)).total : (await lead.call('GET', `/referrals?${query}`)).body.length;
      expect(count, f.key).toBe(f.value);
    }
  });

  it('an analyst gets their own team whatever they ask for; a lead and the auditor any team', async () => {
    const analyst = await signIn(USERS.analyst);
    const me = (await analyst.call('GET', '/session')).body.user;
    const other = me.team === '消保一组' ? '消保二组' : '消保一组';
    const theirs = loopReportSchema.parse((await analyst.call('GET', `/loop?${period}&team=${encodeURIComponent(other)}`)).body);
    expect(theirs.team).toBe(me.team);
    expect(theirs.teams).toEqual([me.team]);
    for (const who of [USERS.lead, USERS.auditor]) {
      const r = loopReportSchema.parse((await (await signIn(who)).call('GET', `/loop?${period}&team=${encodeURIComponent(other)}`)).body);
      expect(r.team).toBe(other);
      expect(r.teams.length).toBeGreaterThan(1);
    }
  });

  it('a download of the figures is recorded in the trail before the file is made, in the reader’s language', async () => {
    const auditor = await signIn(USERS.auditor);
    const before = await auditCount();
    const r = await auditor.call('POST', '/loop/export', { query: { from: '2026-11-01', to: '2026-11-30' }, format: 'csv' });
    expect(r.status).toBe(200);
    const done = loopExportSchema.parse(r.body);
    expect(done.fileName).toBe('loop-2026-11-01-2026-11-30.csv');
    expect(done.report.previousFrom).toBe('2026-10-01');
    const received = done.report.stages.flatMap((s) => s.figures).find((f) => f.key === 'received')!;
    expect(done.csv).toContain(`识别,收到投诉,${received.value},${received.previous}`);
    const raised = done.report.stages.flatMap((s) => s.figures).find((f) => f.key === 'alertsRaised')!;
    expect(raised.value).not.toBeNull();
    expect(done.csv).toContain(`预警,触发预警,${raised.value},${raised.previous}`);
    expect(await auditCount()).toBe(before + 1);
    const trail = (await auditor.call('GET', `/audit?recordType=system&pageSize=5`)).body.items as { id: string; detail?: { kind: string; text?: string } }[];
    const event = trail.find((e) => e.id === done.auditEventId)!;
    expect(event.detail).toMatchObject({ kind: 'loopExported', text: '2026-11-01 – 2026-11-30 · CSV' });
    const pdf = loopExportSchema.parse((await auditor.call('POST', '/loop/export', { query: { from: '2026-11-01', to: '2026-11-30', team: '消保一组' }, format: 'pdf' })).body);
    expect(pdf).toMatchObject({ csv: null, fileName: 'loop-2026-11-01-2026-11-30-消保一组.pdf' });
    expect((await auditor.call('POST', '/loop/export', { query: { from: '2026-11-30', to: '2026-11-01' }, format: 'csv' })).status).toBe(422);
  });

  it('refuses a period that runs backwards or is not a day, with the contract error', async () => {
    const lead = await signIn(USERS.lead);
    for (const bad of ['from=2026-11-23&to=2026-11-01', 'from=2026-02-30&to=2026-03-01', 'from=today&to=2026-11-01', 'to=2026-11-01']) {
      const r = await lead.call('GET', `/loop?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(errorBodySchema.parse(r.body).code).toBe('bad_request');
    }
  });
});

describe('failures answer the contract error body', () => {
  it('400 for a malformed query, 404 for an unknown record or route, 422 for an invalid body, 400 for broken JSON', async () => {
    const lead = await signIn(USERS.lead);
    const bad = await lead.call('GET', '/complaints?pageSize=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('bad_request');
    for (const path of ['/complaints/nope', '/cases/nope', '/evidence/nope', '/referrals/nope', '/customers/nope', '/no/such/route']) {
      const r = await lead.call('GET', path);
      expect(r.status, path).toBe(404);
      expect(r.body.code).toBe('not_found');
      expect(typeof r.body.message).toBe('string');
    }
    const c = await firstComplaint(lead);
    const invalid = await lead.call('PATCH', `/complaints/${c.id}`, { version: 'one' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('validation');
    const broken = await lead.call('PATCH', `/complaints/${c.id}`, undefined, { raw: '{"version": 1,', headers: { 'content-type': 'application/json', 'content-length': '14' } });
    expect(broken.status).toBe(400);
  });

  it('413 for a body over the limit', async () => {
    const lead = await signIn(USERS.lead);
    const c = await firstComplaint(lead);
    const r = await lead.call('PATCH', `/complaints/${c.id}`, { version: c.version, note: 'x'.repeat(3 * 1024 * 1024) });
    expect(r.status).toBe(413);
    expect(r.body.message).toBe('请求内容过大。');
  });

  it('409 with the current record for a stale version, and nothing written', async () => {
    const analyst = await signIn(USERS.analyst);
    const c = await firstComplaint(analyst);
    const ok = await analyst.call('PATCH', `/complaints/${c.id}`, { version: c.version, note: '第一次' });
    expect(ok.status).toBe(200);
    const before = await auditCount();
    const stale = await analyst.call('PATCH', `/complaints/${c.id}`, { version: c.version, note: '过期' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    expect(stale.body.current.version).toBe(c.version + 1);
    expect(await auditCount()).toBe(before);
  });
});

describe('transactions', () => {
  it('of two concurrent conflicting writes, exactly one wins, the other gets 409, and one audit event is written', async () => {
    const a = await signIn(USERS.analyst);
    const b = await signIn(USERS.analyst2);
    const c = await firstComplaint(a, 'assignee=unassigned&status=new');
    const before = await auditCount();
    const [ra, rb] = await Promise.all([
      a.call('PATCH', `/complaints/${c.id}`, { version: c.version, assigneeId: 'u-analyst-1' }),
      b.call('PATCH', `/complaints/${c.id}`, { version: c.version, assigneeId: 'u-analyst-2' }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    expect(await auditCount()).toBe(before + 1);
    const winner = ra.status === 200 ? 'u-analyst-1' : 'u-analyst-2';
    expect((await a.call('GET', `/complaints/${c.id}`)).body.assigneeId).toBe(winner);
  });

  it('a write that fails midway leaves no change and no audit event', async () => {
    const { database } = await server();
    const lead = await signIn(USERS.lead);
    const c = await firstComplaint(lead);
    // The record's UPDATE succeeds; the audit INSERT after it fails: the whole command must roll back.
    await sql`CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.summary LIKE '%FAIL-MIDWAY%' THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END $$`.execute(database.db);
    await sql`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_audit()`.execute(database.db);
    try {
      const before = await auditCount();
      const r = await lead.call('PATCH', `/complaints/${c.id}`, { version: c.version, note: 'FAIL-MIDWAY', status: 'in_progress' });
      expect(r.status).toBe(500);
      expect(r.body.code).toBe('server_error');
      expect(r.body.message).not.toContain('injected');
      expect(await auditCount()).toBe(before);
      const after = (await lead.call('GET', `/complaints/${c.id}`)).body as Complaint;
      expect(after.version).toBe(c.version);
      expect(after.notes.some((n) => n.text === 'FAIL-MIDWAY')).toBe(false);
      const row = await database.db.selectFrom('complaints').select(['version', 'status']).where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ version: c.version, status: c.status });
    } finally {
      await sql`DROP TRIGGER fail_audit ON audit_events`.execute(database.db);
      await sql`DROP FUNCTION fail_audit()`.execute(database.db);
    }
  });

  it('sees a change made by another server process on the same database', async () => {
    const { database } = await server();
    const { createApp } = await import('../app');
    const { memoryBlobStore } = await import('../blobs');
    const { memoryUploads } = await import('../ports');
    const uploads = memoryUploads();
    const other = createApp({ database, blobs: memoryBlobStore(), uploads: () => uploads, now: () => clock.now });
    const lead = await signIn(USERS.lead);
    const c = await firstComplaint(lead);
    // Warm this process's records first, then write through the other process.
    expect((await lead.call('GET', `/complaints/${c.id}/related`)).status).toBe(200);
    const res = await other.app.fetch(
      new Request(`http://jianzheng.test/api/complaints/${c.id}`, {
        method: 'PATCH',
        headers: { cookie: lead.cookie!, origin: 'http://jianzheng.test', 'content-type': 'application/json', 'content-length': '40' },
        body: JSON.stringify({ version: c.version, note: '另一进程' }),
      }),
    );
    expect(res.status).toBe(200);
    const timeline = (await lead.call('GET', `/audit?recordId=${c.id}&action=note`)).body;
    expect(timeline.items.some((e: { summary: string }) => e.summary === '另一进程')).toBe(true);
    const stale = await lead.call('PATCH', `/complaints/${c.id}`, { version: c.version, note: 'stale' });
    expect(stale.status).toBe(409);
  });
});

describe('the rules, enforced on the server', () => {
  it('changing the deadline kind follows the calendar rule, not receivedAt + N × 24 h', async () => {
    const lead = await signIn(USERS.lead);
    const c = await firstComplaint(lead, 'status=new');
    const kind = c.deadlineKind === 'extended' ? 'standard' : 'extended';
    const r = await lead.call('PATCH', `/complaints/${c.id}`, { version: c.version, deadlineKind: kind });
    expect(r.status).toBe(200);
    expect(r.body.dueAt).toBe(dueAtIso(c.receivedAt, kind));
    expect(r.body.dueAt).toMatch(/T15:59:59\.999Z$/);
  });

  it('answering a complaint records when; closing it later keeps that time; reopening clears it', async () => {
    const lead = await signIn(USERS.lead);
    const c = await firstComplaint(lead, 'status=in_progress');
    const answered = await lead.call('PATCH', `/complaints/${c.id}`, { version: c.version, status: 'answered' });
    expect(answered.status).toBe(200);
    expect(answered.body.answeredAt).toBe(clock.now.toISOString());
    const closed = await lead.call('PATCH', `/complaints/${c.id}`, { version: answered.body.version, status: 'closed' });
    expect(closed.body.answeredAt).toBe(answered.body.answeredAt);
    const reopened = await lead.call('PATCH', `/complaints/${c.id}`, { version: closed.body.version, status: 'in_progress' });
    expect(reopened.body.answeredAt).toBeNull();
  });

  it('a forged verdict re-scores the complaints carrying the document', async () => {
    const analyst = await signIn(USERS.analyst);
    const all = z.array(evidenceSchema).parse((await analyst.call('GET', '/evidence')).body);
    const doc = all.find((e) => e.complaintId && e.verdict.status === 'unverified' && (e.kind === 'image' || e.kind === 'pdf'))!;
    const before = complaintSchema.parse((await analyst.call('GET', `/complaints/${doc.complaintId}`)).body);
    expect(before.signals.some((s) => s.code === 'false_evidence_refuses_contact')).toBe(false);
    const r = await analyst.call('PUT', `/evidence/${doc.id}/verdict`, { version: doc.version, status: 'forged', reason: '印章与医院备案不符', method: '比对备案印模' });
    expect(r.status).toBe(200);
    const after = complaintSchema.parse((await analyst.call('GET', `/complaints/${doc.complaintId}`)).body);
    const signal = after.signals.find((s) => s.code === 'false_evidence_refuses_contact')!;
    expect(signal.explanation).toContain('伪造');
    expect(after.riskScore).toBeGreaterThan(before.riskScore);
    // The list's row says the same as the detail.
    const row = (await listOf(analyst, `/complaints?q=${after.id}`)).items[0];
    expect(row.riskScore).toBe(after.riskScore);
  });

  it('approving a referral is for leads only, and an approved referral can be exported once audited with a reason', async () => {
    const lead = await signIn(USERS.lead);
    const analyst = await signIn(USERS.analyst);
    const kase = (pageOf(caseSchema).parse(await listOf(lead, '/cases?status=investigating,pending_review&pageSize=50')).items as Case[])[0];
    const incomplete = referralSchema.parse((await analyst.call('POST', '/referrals', { caseId: kase.id })).body);
    // The builder's checks run on the server too: a draft with gaps cannot be approved.
    const refused = await lead.call('PUT', `/referrals/${incomplete.id}/approval`, { version: incomplete.version });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/尚有 \d+ 项须修正，不能审批/);
    const draft = referralSchema.parse(await readyReferral(analyst, kase.id));
    expect(draft.status).toBe('draft');
    const denied = await analyst.call('PUT', `/referrals/${draft.id}/approval`, { version: draft.version });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('报案材料需由组长审批。');
    expect((await analyst.call('POST', `/referrals/${draft.id}/export`, { version: draft.version, reason: '报送公安' })).status).toBe(422);
    const approved = await lead.call('PUT', `/referrals/${draft.id}/approval`, { version: draft.version });
    expect(approved.status).toBe(200);
    const exported = await lead.call('POST', `/referrals/${draft.id}/export`, { version: approved.body.version, reason: '报送江州市公安局' });
    expect(exported.status).toBe(200);
    const events = (await lead.call('GET', `/audit?recordId=${draft.id}&action=export`)).body;
    expect(events.items[0].reason).toBe('报送江州市公安局');
  });

  it('a PII reveal needs a reason, is refused to the auditor, and is audited', async () => {
    const analyst = await signIn(USERS.analyst);
    const auditor = await signIn(USERS.auditor);
    const c = complaintSchema.parse((await analyst.call('GET', `/complaints/${(await firstComplaint(analyst)).id}`)).body);
    const body = { recordType: 'customer', recordId: c.customerId, field: 'phone', reason: '核实借款人身份' };
    expect((await analyst.call('POST', '/pii/reveal', { ...body, reason: '' })).status).toBe(422);
    expect((await auditor.call('POST', '/pii/reveal', body)).status).toBe(403);
    const r = await analyst.call('POST', '/pii/reveal', body);
    expect(r.status).toBe(200);
    expect(r.body.value).toMatch(/^1[3-9]\d{9}$/);
    const trail = (await auditor.call('GET', `/audit?action=reveal_pii&recordId=${c.customerId}`)).body;
    expect(trail.items[0]).toMatchObject({ actorId: 'u-analyst-1', reason: '核实借款人身份', summary: 'phone' });
    expect(JSON.stringify(trail)).not.toContain(r.body.value);
  });
});

describe('a case from a graph community', () => {
  it('previews exactly what it will hold, leaves complaints of another case unless told, and records a move on both sides', async () => {
    const lead = await signIn(USERS.lead);
    const other = (await listOf(lead, '/cases?status=investigating,pending_review&pageSize=50')).items.find((c: Case) => c.complaintIds.length >= 2) as Case;
    const taken = other.complaintIds[0];
    const free = (await listOf(lead, '/complaints?status=new&pageSize=100')).items.find((c: ComplaintRow) => c.caseId === null) as ComplaintRow;

    const preview = casePreviewSchema.parse((await lead.call('POST', '/cases/preview', { complaintIds: [taken, free.id] })).body);
    expect(preview.complaints.map((c) => c.id)).toEqual([taken, free.id]);
    expect(preview.complaints[0]).toMatchObject({ caseId: other.id, caseTitle: other.title, caseStatus: other.status });
    expect(preview.complaints[1].caseId).toBeNull();
    // Adding to the case that already holds it is not "another case".
    const own = casePreviewSchema.parse((await lead.call('POST', '/cases/preview', { complaintIds: [taken], caseId: other.id })).body);
    expect(own.complaints[0].caseId).toBeNull();

    // Through the graph: the complaint's own entity brings it along, and it stays in its case unless told.
    const viaGraph = { complaintIds: [free.id], entityIds: [`ent-${taken}`] };
    expect(casePreviewSchema.parse((await lead.call('POST', '/cases/preview', viaGraph)).body).complaints.map((c) => c.id)).toEqual([free.id, taken]);
    const left = caseSchema.parse((await lead.call('POST', '/cases', { title: '只取未归案的', priority: 'high', ...viaGraph })).body);
    expect(left.complaintIds).toEqual([free.id]);
    expect((await lead.call('GET', `/cases/${other.id}`)).body.complaintIds).toContain(taken);

    const moved = caseSchema.parse((await lead.call('POST', '/cases', { title: '移入', priority: 'high', complaintIds: [], entityIds: [`ent-${taken}`], inOtherCase: 'move' })).body);
    expect(moved.complaintIds).toEqual([taken]);
    // Read back, not only answered: the stored case holds the complaints it gained after it was added.
    expect((await lead.call('GET', `/cases/${moved.id}`)).body.complaintIds).toEqual([taken]);
    const before = (await lead.call('GET', `/cases/${other.id}`)).body as Case;
    expect(before.complaintIds).not.toContain(taken);
    const trail = (await lead.call('GET', `/audit?recordType=case&recordId=${other.id}&pageSize=5`)).body.items;
    expect(trail[0].detail).toEqual({ kind: 'leftCase', ids: [taken], related: { type: 'case', id: moved.id } });
    const history = (await lead.call('GET', `/audit?recordType=complaint&recordId=${taken}&pageSize=5`)).body.items;
    expect(history[0].detail).toMatchObject({ kind: 'joinedCase', from: other.id, related: { type: 'case', id: moved.id } });
  });
});

describe('the audit trail', () => {
  it('verifies the chain for the auditor, names the first event altered with SQL, and refuses UPDATE and DELETE', async () => {
    const { database } = await server();
    const auditor = await signIn(USERS.auditor);
    const ok = trailCheckSchema.parse((await auditor.call('POST', '/audit/verify')).body);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(100);
    expect((await (await signIn(USERS.analyst)).call('POST', '/audit/verify')).status).toBe(403);

    await expect(sql`UPDATE audit_events SET summary = 'edited' WHERE seq = 10`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events WHERE seq = 10`.execute(database.db)).rejects.toThrow(/append-only/);

    // Someone with the power to switch the guard off edits one row: the chain still tells.
    const target = await database.db.selectFrom('audit_events').select(['seq', 'id', 'summary']).where('seq', '=', 42).executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(database.db);
    await sql`UPDATE audit_events SET summary = 'quietly edited' WHERE seq = 42`.execute(database.db);
    try {
      const broken = trailCheckSchema.parse((await auditor.call('POST', '/audit/verify')).body);
      expect(broken.ok).toBe(false);
      expect(broken.firstBroken).toMatchObject({ seq: 42, id: target.id, problem: 'hash' });
    } finally {
      await sql`UPDATE audit_events SET summary = ${target.summary} WHERE seq = 42`.execute(database.db);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(database.db);
    }
    expect(trailCheckSchema.parse((await auditor.call('POST', '/audit/verify')).body).ok).toBe(true);

    // What an event says as data is part of its hash too: a verdict quietly rewritten breaks the chain.
    const verdict = await database.db.selectFrom('audit_events').select(['seq', 'id']).where('action', '=', 'verdict').orderBy('seq').limit(1).executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(database.db);
    const before = await sql<{ detail: unknown }>`SELECT detail FROM audit_events WHERE seq = ${verdict.seq}`.execute(database.db);
    await sql`UPDATE audit_events SET detail = jsonb_set(detail, '{to}', '"tampered"') WHERE seq = ${verdict.seq}`.execute(database.db);
    try {
      expect(trailCheckSchema.parse((await auditor.call('POST', '/audit/verify')).body).firstBroken).toMatchObject({ seq: verdict.seq, problem: 'hash' });
    } finally {
      await sql`UPDATE audit_events SET detail = ${JSON.stringify(before.rows[0].detail)}::jsonb WHERE seq = ${verdict.seq}`.execute(database.db);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(database.db);
    }
    expect(trailCheckSchema.parse((await auditor.call('POST', '/audit/verify')).body).ok).toBe(true);
  });

  it('exports the trail as CSV and audits the export', async () => {
    const auditor = await signIn(USERS.auditor);
    const r = auditExportSchema.parse((await auditor.call('POST', '/audit/export?action=login')).body);
    expect(r.rows).toBeGreaterThan(0);
    // People read it: headers in their language, names and sentences rather than ids and codes.
    const [header, first] = r.csv.split('\n');
    expect(header).toContain('操作人');
    expect(header).not.toContain('actorId');
    expect(first).toContain('登录');
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},/);
    const last = (await auditor.call('GET', '/audit?pageSize=1')).body.items[0];
    expect(last).toMatchObject({ id: r.auditEventId, action: 'export', actorId: 'u-auditor-1', detail: { kind: 'auditExported', count: r.rows } });
    const english = auditExportSchema.parse((await auditor.call('POST', '/audit/export?action=login', undefined, { headers: { 'accept-language': 'en' } })).body);
    expect(english.csv.split('\n')[0]).toContain('Actor');
    expect(english.csv.split('\n')[1]).toContain('Signed in');
  });
});

describe('board and assignment', () => {
  it('a lead bulk-assigns and previews and applies auto-assignment; an analyst cannot', async () => {
    const lead = await signIn(USERS.lead);
    const analyst = await signIn(USERS.analyst);
    const c = await firstComplaint(lead, 'assignee=unassigned&status=new');
    const bulk = assignResultSchema.parse((await lead.call('POST', '/assign/bulk', { items: [{ type: 'complaint', id: c.id, version: c.version }], assigneeId: 'u-analyst-4' })).body);
    expect(bulk.assigned).toBe(1);
    expect((await analyst.call('POST', '/assign/bulk', { items: [{ type: 'complaint', id: c.id, version: c.version + 1 }], assigneeId: 'u-analyst-1' })).status).toBe(403);
    const plan = autoAssignPlanSchema.parse((await lead.call('POST', '/assign/auto/preview')).body);
    const applied = assignResultSchema.parse((await lead.call('POST', '/assign/auto/apply', plan)).body);
    expect(applied.assigned + applied.skipped.length).toBe(plan.assignments.length);
    expect((await analyst.call('POST', '/assign/auto/preview')).status).toBe(403);
  });

  it(`runs on ${dbKind()}`, () => expect(['pglite', 'postgres']).toContain(dbKind()));
});
