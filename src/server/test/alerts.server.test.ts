/**
 * 预警 through HTTP: a wave raises an alert that explains itself and lists its records, a second wave
 * updates it rather than adding another, people act on it (each action in the trail), a lead tunes the
 * rules, and a complaint that suggests self-harm reaches a lead at once as urgent.
 */
import { describe, expect, it } from 'vitest';
import { alertCaseResultSchema, alertRuleSchema, alertSchema, alertSummarySchema, demoWaveResultSchema, pageOf, trailCheckSchema, type Alert } from '@/api/schemas';
import { START, USERS, auditCount, clock, signIn, type Client } from './harness';

const alerts = async (c: Client, query: string): Promise<Alert[]> => pageOf(alertSchema).parse((await c.call('GET', `/alerts?${query}`)).body).items;
const trailOf = async (c: Client, alertId: string) => ((await c.call('GET', `/audit?recordType=alert&recordId=${alertId}&pageSize=50`)).body.items as { action: string; detail?: { kind: string } }[]).map((e) => e.detail?.kind);

describe('early warning', () => {
  it('every signed-in role reads the inbox, the count and the rules', async () => {
    for (const who of [USERS.analyst, USERS.lead, USERS.auditor, USERS.admin]) {
      const c = await signIn(who);
      expect((await c.call('GET', '/alerts')).status).toBe(200);
      alertSummarySchema.parse((await c.call('GET', '/alerts/summary')).body);
      const rules = alertRuleSchema.array().parse((await c.call('GET', '/alert-rules')).body);
      expect(rules.map((r) => r.id)).toContain('selfHarm');
    }
    const anon = (await import('./harness')).client();
    expect((await anon.call('GET', '/alerts')).status).toBe(401);
  });

  it('a wave raises one family-growth alert with its figures and records; a second wave updates it; the queue lists exactly its complaints', async () => {
    const lead = await signIn(USERS.lead);
    const before = await auditCount();
    const wave = demoWaveResultSchema.parse((await lead.call('POST', '/demo/wave', { size: 6, channel: 'heimao' })).body);
    expect(wave.complaintIds).toHaveLength(6);
    expect(wave.raised).toBeGreaterThanOrEqual(1);
    expect(await auditCount()).toBeGreaterThan(before);
    const found = (await alerts(lead, 'rule=familyGrowth&status=open')).filter((a) => a.subject.id === wave.family);
    expect(found).toHaveLength(1);
    const alert = found[0];
    expect(alert.severity).toBe('high');
    expect(alert.figures.count).toBeGreaterThanOrEqual(6);
    expect(alert.figures.threshold).toBe(5);
    for (const id of wave.complaintIds) expect(alert.complaintIds).toContain(id);
    expect(await trailOf(lead, alert.id)).toContain('alertRaised');

    const queue = (await lead.call('GET', `/complaints?alert=${alert.id}&pageSize=200`)).body;
    expect(queue.total).toBe(alert.complaintIds.length);
    expect(new Set(queue.items.map((c: { id: string }) => c.id))).toEqual(new Set(alert.complaintIds));

    const again = demoWaveResultSchema.parse((await lead.call('POST', '/demo/wave', { size: 2, channel: 'heimao', family: wave.family })).body);
    const after = (await alerts(lead, 'rule=familyGrowth')).filter((a) => a.key === alert.key && a.status !== 'closed');
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(alert.id);
    expect(after[0].fired).toBe(alert.fired + 1);
    expect(after[0].version).toBe(alert.version + 1);
    for (const id of again.complaintIds) expect(after[0].complaintIds).toContain(id);
    expect(await trailOf(lead, alert.id)).toContain('alertGrew');
  });

  it('a lead acknowledges an alert and turns it into a case; a stale version meets 409; a second case is refused', async () => {
    const lead = await signIn(USERS.lead);
    const wave = demoWaveResultSchema.parse((await lead.call('POST', '/demo/wave', { size: 5, channel: 'app' })).body);
    const alert = (await alerts(lead, 'rule=familyGrowth&status=open')).find((a) => a.subject.id === wave.family)!;
    const acked = await lead.call('PATCH', `/alerts/${alert.id}`, { action: 'acknowledge', version: alert.version });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ status: 'acknowledged', acknowledgedById: 'u-lead-1' });
    const stale = await lead.call('PATCH', `/alerts/${alert.id}`, { action: 'acknowledge', version: alert.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');

    const made = await lead.call('POST', `/alerts/${alert.id}/case`, { version: acked.body.version, title: '预警立案', priority: 'high' });
    expect(made.status).toBe(200);
    const { alert: linked, case: kase } = alertCaseResultSchema.parse(made.body);
    expect(linked.caseId).toBe(kase.id);
    expect(kase.complaintIds.length).toBeGreaterThan(0);
    for (const id of kase.complaintIds) expect(alert.complaintIds).toContain(id);
    const twice = await lead.call('POST', `/alerts/${alert.id}/case`, { version: linked.version, title: '再建', priority: 'high' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain(kase.id);
    expect(await trailOf(lead, alert.id)).toEqual(expect.arrayContaining(['alertAcknowledged', 'alertCase']));
  });

  it('a complaint that suggests self-harm raises an urgent alert assigned to a lead, whatever else it is', async () => {
    const lead = await signIn(USERS.lead);
    const analyst = await signIn(USERS.analyst);
    const summaryBefore = alertSummarySchema.parse((await analyst.call('GET', '/alerts/summary')).body);
    const wave = demoWaveResultSchema.parse((await lead.call('POST', '/demo/wave', { size: 1, mood: 'self_harm' })).body);
    const [complaintId] = wave.complaintIds;
    const alert = (await alerts(analyst, 'rule=selfHarm')).find((a) => a.complaintIds.includes(complaintId))!;
    expect(alert).toBeDefined();
    expect(alert.severity).toBe('urgent');
    expect(alert.status).toBe('open');
    const users = (await lead.call('GET', '/users')).body as { id: string; role: string }[];
    expect(users.find((u) => u.id === alert.assigneeId)?.role).toBe('lead');
    const summary = alertSummarySchema.parse((await analyst.call('GET', '/alerts/summary')).body);
    expect(summary.urgent).toBe(summaryBefore.urgent + 1);
    expect(summary.latest?.id).toBe(alert.id);
    expect((await lead.call('GET', `/complaints/${complaintId}`)).body.mood).toBe('self_harm');
    // The rule cannot be switched off.
    const rule = alertRuleSchema.array().parse((await lead.call('GET', '/alert-rules')).body).find((r) => r.id === 'selfHarm')!;
    const off = await lead.call('PATCH', '/alert-rules/selfHarm', { version: rule.version, enabled: false });
    expect(off.status).toBe(422);
    expect(off.body.message).toContain('不能停用');
  });

  it('snooze hides an alert until its time, close keeps it closed through the next pass, reopen brings it back', async () => {
    const lead = await signIn(USERS.lead);
    const wave = demoWaveResultSchema.parse((await lead.call('POST', '/demo/wave', { size: 1, mood: 'self_harm' })).body);
    let alert = (await alerts(lead, 'rule=selfHarm')).find((a) => a.complaintIds.includes(wave.complaintIds[0]))!;
    const snoozed = await lead.call('PATCH', `/alerts/${alert.id}`, { action: 'snooze', version: alert.version, hours: 4 });
    expect(snoozed.body.status).toBe('snoozed');
    expect((await alerts(lead, 'status=open')).map((a) => a.id)).not.toContain(alert.id);
    try {
      clock.now = new Date(START.getTime() + 5 * 3_600_000);
      // Hours later: the morning's session has lapsed, so a fresh one reads it.
      const later = await signIn(USERS.lead);
      alert = alertSchema.parse((await later.call('GET', `/alerts/${alert.id}`)).body);
      expect(alert.status).toBe('open');
    } finally {
      clock.now = START;
    }
    const closed = await lead.call('PATCH', `/alerts/${alert.id}`, { action: 'close', version: alert.version, reason: '已电话联系本人，情绪稳定' });
    expect(closed.body.status).toBe('closed');
    const pass = await lead.call('POST', '/alerts/evaluate');
    expect(pass.status).toBe(200);
    const same = (await alerts(lead, 'rule=selfHarm')).filter((a) => a.key === alert.key);
    expect(same.map((a) => a.status)).toEqual(['closed']);
    const acting = await lead.call('PATCH', `/alerts/${alert.id}`, { action: 'acknowledge', version: closed.body.version });
    expect(acting.status).toBe(409);
    const reopened = await lead.call('PATCH', `/alerts/${alert.id}`, { action: 'reopen', version: closed.body.version });
    expect(reopened.body.status).toBe('open');
    expect(await trailOf(lead, alert.id)).toEqual(expect.arrayContaining(['alertSnoozed', 'alertClosed']));
  });

  it('analysts take an alert themselves; handing it to someone else is a lead’s', async () => {
    const lead = await signIn(USERS.lead);
    const analyst = await signIn(USERS.analyst);
    const wave = demoWaveResultSchema.parse((await lead.call('POST', '/demo/wave', { size: 1, mood: 'self_harm' })).body);
    const alert = (await alerts(lead, 'rule=selfHarm')).find((a) => a.complaintIds.includes(wave.complaintIds[0]))!;
    const toOther = await analyst.call('PATCH', `/alerts/${alert.id}`, { action: 'assign', version: alert.version, assigneeId: 'u-analyst-2' });
    expect(toOther.status).toBe(403);
    const mine = await analyst.call('PATCH', `/alerts/${alert.id}`, { action: 'assign', version: alert.version, assigneeId: 'u-analyst-1' });
    expect(mine.body.assigneeId).toBe('u-analyst-1');
    expect((await alerts(analyst, 'assignee=me')).map((a) => a.id)).toContain(alert.id);
    const byLead = await lead.call('PATCH', `/alerts/${alert.id}`, { action: 'assign', version: mine.body.version, assigneeId: 'u-analyst-2' });
    expect(byLead.body.assigneeId).toBe('u-analyst-2');
  });

  it('a lead tunes a threshold, with the change and its reason in the trail; the new threshold decides the next pass', async () => {
    const lead = await signIn(USERS.lead);
    const rules = alertRuleSchema.array().parse((await lead.call('GET', '/alert-rules')).body);
    const growth = rules.find((r) => r.id === 'familyGrowth')!;
    const tuned = await lead.call('PATCH', '/alert-rules/familyGrowth', { version: growth.version, threshold: 50, reason: '本周投诉潮，先看大家族' });
    expect(tuned.status).toBe(200);
    expect(tuned.body).toMatchObject({ threshold: 50, version: growth.version + 1, updatedById: 'u-lead-1' });
    const trail = (await lead.call('GET', '/audit?recordType=alert&recordId=rule:familyGrowth&pageSize=5')).body.items;
    expect(trail[0]).toMatchObject({ action: 'alert_rule_change', reason: '本周投诉潮，先看大家族' });
    expect(trail[0].summary).toContain('5 → 50');
    const stale = await lead.call('PATCH', '/alert-rules/familyGrowth', { version: growth.version, threshold: 6 });
    expect(stale.status).toBe(409);
    try {
      // Below the new threshold, a wave of six raises nothing for its family.
      const wave = demoWaveResultSchema.parse((await lead.call('POST', '/demo/wave', { size: 6, channel: 'email' })).body);
      const live = (await alerts(lead, 'rule=familyGrowth&status=open')).filter((a) => a.subject.id === wave.family && a.complaintIds.includes(wave.complaintIds[0]));
      expect(live).toEqual([]);
    } finally {
      await lead.call('PATCH', '/alert-rules/familyGrowth', { version: tuned.body.version, threshold: 5 });
    }
    const noThreshold = await lead.call('PATCH', '/alert-rules/level1Wording', { version: rules.find((r) => r.id === 'level1Wording')!.version, threshold: 3 });
    expect(noThreshold.status).toBe(422);
    const analyst = await signIn(USERS.analyst);
    const refused = await analyst.call('PATCH', '/alert-rules/familyGrowth', { version: growth.version + 2, threshold: 7 });
    expect(refused.status).toBe(403);
    expect((await lead.call('PATCH', '/alert-rules/noSuchRule', { version: 1, threshold: 3 })).status).toBe(404);
  });

  it('bad input gets the contract’s error, not a crash', async () => {
    const lead = await signIn(USERS.lead);
    const bad = await lead.call('PATCH', '/alerts/alert-000001', { action: 'explode', version: 1 });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('validation');
    expect((await lead.call('GET', '/alerts/no-such-alert')).status).toBe(404);
    expect((await lead.call('GET', '/alerts?status=burning')).status).toBe(400);
    expect((await lead.call('POST', '/demo/wave', { size: 100_000 })).status).toBe(422);
    const analyst = await signIn(USERS.analyst);
    const wave = await analyst.call('POST', '/demo/wave', { size: 3 });
    expect(wave.status).toBe(403);
    expect(wave.body.message).toContain('组长');
  });

  it('every alert event keeps the trail verifiable', async () => {
    const auditor = await signIn(USERS.auditor);
    const check = trailCheckSchema.parse((await auditor.call('POST', '/audit/verify')).body);
    expect(check.firstBroken, JSON.stringify(check.firstBroken)).toBeNull();
    expect(check.ok).toBe(true);
  });
});
