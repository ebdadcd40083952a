/**
 * 溯源 through HTTP: every role traces a family, an alert, a case and a set of graph entities; the
 * report covers exactly the records the queue lists for the same subject; a trace writes nothing; an
 * unknown subject is a 404 and a malformed one a 422.
 */
import { describe, expect, it } from 'vitest';
import { alertSchema, caseSchema, demoWaveResultSchema, pageOf, spreadReportSchema, type SpreadReport } from '@/api/schemas';
import { USERS, auditCount, client, signIn, type Client } from './harness';

const trace = async (c: Client, subject: unknown): Promise<SpreadReport> => {
  const r = await c.call('POST', '/spread', subject);
  expect(r.status, JSON.stringify(r.body).slice(0, 200)).toBe(200);
  return spreadReportSchema.parse(r.body);
};
const sum = (r: SpreadReport) => r.timeline.reduce((n, b) => n + b.total, 0);

describe('source and spread', () => {
  it('every signed-in role traces a template family, and the trace writes nothing', async () => {
    const lead = await signIn(USERS.lead);
    const queue = (await lead.call('GET', '/complaints?family=tf-0001&status=&pageSize=1')).body;
    expect(queue.total).toBeGreaterThan(5);
    for (const who of [USERS.analyst, USERS.lead, USERS.auditor, USERS.admin]) {
      const c = await signIn(who);
      const before = await auditCount();
      const report = await trace(c, { kind: 'family', id: 'tf-0001' });
      expect(await auditCount()).toBe(before);
      expect(report.complaints).toBe(queue.total);
      expect(sum(report)).toBe(queue.total);
      expect(report.timeline.at(-1)!.borrowersSoFar).toBe(report.borrowers);
      expect(report.borrowerList[0].firstComplaintId).toBe(report.first!.id);
      // A family of one agent firm: something ties its borrowers together.
      expect(report.linkers.length).toBeGreaterThan(0);
      expect(report.linkers[0].borrowers).toBeGreaterThan(1);
    }
    expect((await client().call('POST', '/spread', { kind: 'family', id: 'tf-0001' })).status).toBe(401);
  });

  it('starts a family at its earliest complaint, as the queue sorts it', async () => {
    const lead = await signIn(USERS.lead);
    const oldest = (await lead.call('GET', '/complaints?family=tf-0001&status=&sort=receivedAt&order=asc&pageSize=1')).body.items[0];
    const report = await trace(lead, { kind: 'family', id: 'tf-0001' });
    expect(report.first!.receivedAt).toBe(oldest.receivedAt);
    for (let i = 1; i < report.points.length; i++) expect(report.points[i].at >= report.points[i - 1].at).toBe(true);
  });

  it('traces an alert over exactly its records, the wave’s among them', async () => {
    const lead = await signIn(USERS.lead);
    const wave = demoWaveResultSchema.parse((await lead.call('POST', '/demo/wave', { size: 7, channel: 'email' })).body);
    // Every demo wave goes to the largest family, so another file may already have acknowledged its
    // alert: the wave grows whichever alert of the family is not closed, whatever its status.
    const alert = pageOf(alertSchema)
      .parse((await lead.call('GET', '/alerts?rule=familyGrowth&pageSize=200')).body)
      .items.find((a) => a.subject.id === wave.family && a.complaintIds.includes(wave.complaintIds[0]));
    expect(alert, 'the wave’s family has an alert').toBeDefined();
    const analyst = await signIn(USERS.analyst);
    const report = await trace(analyst, { kind: 'alert', id: alert!.id });
    expect(report.complaints).toBe(alert!.complaintIds.length);
    expect(report.title).toBe(alert!.subject.label);
    expect(report.channels).toContain('email');
    expect(report.points.map((p) => p.complaintId).sort()).toEqual([...alert!.complaintIds].sort());
    for (const id of wave.complaintIds) expect(report.points.map((p) => p.complaintId)).toContain(id);
  });

  it('traces a case over its complaints and a community over the complaints among its entities', async () => {
    const auditor = await signIn(USERS.auditor);
    const kase = caseSchema.parse((await auditor.call('GET', '/cases/case-001')).body);
    const report = await trace(auditor, { kind: 'case', id: kase.id });
    expect(report.title).toBe(kase.title);
    expect(report.complaints).toBe(kase.complaintIds.length);

    const around = (await auditor.call('GET', '/graph/neighbourhood?entityId=ent-agent-person-000001&depth=2')).body as { entities: { id: string }[] };
    const community = await trace(auditor, { kind: 'entities', entityIds: around.entities.map((e) => e.id) });
    expect(community.complaints).toBeGreaterThan(0);
    expect(community.linkers.map((l) => l.entity.id)).toContain('ent-agent-person-000001');
  });

  it('says an unknown subject does not exist and a malformed one what is wrong', async () => {
    const lead = await signIn(USERS.lead);
    for (const subject of [
      { kind: 'family', id: 'tf-none' },
      { kind: 'alert', id: 'al-none' },
      { kind: 'case', id: 'case-none' },
    ]) {
      const r = await lead.call('POST', '/spread', subject);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('not_found');
    }
    for (const subject of [{ kind: 'gang' }, { kind: 'entities', entityIds: [] }, { kind: 'family' }, null]) {
      const r = await lead.call('POST', '/spread', subject);
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('validation');
      expect(r.body.message.length).toBeGreaterThan(4);
    }
    const none = await trace(lead, { kind: 'entities', entityIds: ['ent-nobody'] });
    expect(none).toMatchObject({ complaints: 0, first: null, timeline: [] });
  });
});
