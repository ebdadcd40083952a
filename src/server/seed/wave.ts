/**
 * The demo's "a wave arrives": a template family's text filed now, through one channel, in the names of
 * borrowers who had not used it, the way an agent gang fires a batch. Both demo hosts run it, so people
 * trying the product (and the e2e) can watch the early-warning rules react without waiting for real traffic.
 */
import type { Complaint, DemoWave, User } from '@/api/schemas';
import { moodOf, runAlertRules } from '@/domain/alerts';
import { recordAudit } from '@/domain/audit-log';
import { dueAtIso } from '@/domain/deadlines';
import { rescore } from '@/domain/rescore';
import { piiKey, type World } from '@/domain/world';
import { fail, type Ctx } from '../http';
import { plainWorld } from '../tracker';

const MOOD_SENTENCE = {
  none: '',
  escalation: '如贵司仍不解决，我们将组织集体投诉并向媒体曝光。',
  self_harm: '我已经被逼得活不下去了，真的不想活了。',
} as const;

/** Both demo hosts' `POST /demo/wave`, with its refusals in the contract's error body. */
export function demoWave(world: World, body: Required<Pick<DemoWave, 'size' | 'channel' | 'mood'>> & Pick<DemoWave, 'family'>, user: Pick<User, 'id' | 'role'>, now: Date, t: Ctx['t']) {
  if (user.role !== 'lead' && user.role !== 'admin') throw fail(403, 'forbidden', t('waveNeedsLead'));
  const members = new Map<string, Complaint[]>();
  for (const c of world.complaints) {
    if (!c.templateFamilyId) continue;
    const list = members.get(c.templateFamilyId);
    if (list) list.push(c);
    else members.set(c.templateFamilyId, [c]);
  }
  const family = body.family ?? [...members.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]?.[0];
  const siblings = family ? members.get(family) : undefined;
  if (!family || !siblings?.length) throw fail(422, 'validation', t('waveNoFamily'));
  const source = siblings[siblings.length - 1];
  const used = new Set(siblings.map((c) => c.customerId));
  const customers = world.customers.filter((c) => !used.has(c.id)).slice(0, body.size);
  let next = world.complaints.reduce((n, c) => Math.max(n, Number(c.id.replace(/\D/g, '')) || 0), 0);
  const iso = now.toISOString();
  const created: Complaint[] = customers.map((customer, i) => {
    next += 1;
    const id = `cmp-${String(next).padStart(6, '0')}`;
    // One minute apart, the last one now: a batch, not one instant.
    const receivedAt = new Date(now.getTime() - (customers.length - 1 - i) * 60_000).toISOString();
    const sentence = body.mood === 'self_harm' ? (i === 0 ? MOOD_SENTENCE.self_harm : '') : MOOD_SENTENCE[body.mood];
    const text = source.text.split(source.borrowerName).join(customer.name) + sentence;
    for (const field of ['complainantPhone', 'complainantIdNumber']) {
      const clear = world.pii[piiKey('complaint', source.id, field)];
      if (clear) world.pii[piiKey('complaint', id, field)] = clear;
    }
    const mood = moodOf(text);
    return {
      id,
      channel: body.channel,
      regulatorRef: null,
      customerId: customer.id,
      borrowerName: customer.name,
      complainant: source.complainant.kind === 'self' ? { ...source.complainant, name: customer.name } : source.complainant,
      demands: source.demands,
      text,
      receivedAt,
      deadlineKind: 'standard',
      dueAt: dueAtIso(receivedAt, 'standard'),
      status: 'new',
      answeredAt: null,
      label: 'none',
      riskScore: 0,
      grade: 'normal',
      signals: [],
      assigneeId: null,
      caseId: null,
      templateFamilyId: family,
      templateFamilySize: 0,
      evidenceIds: [],
      notes: [],
      ...(mood ? { mood } : {}),
      version: 1,
      updatedAt: iso,
    };
  });
  world.complaints.push(...created);
  const size = siblings.length + created.length;
  for (const c of created) c.templateFamilySize = size;
  for (const c of siblings) Object.assign(c, { templateFamilySize: size, version: c.version + 1, updatedAt: iso });
  rescore(world, created.map((c) => c.id), now);
  recordAudit(world, { actorId: user.id, action: 'demo_wave', recordType: 'system', recordId: 'demo', summary: `demo wave: ${created.length} complaints in ${family}`, detail: { kind: 'demoWave', text: family, count: created.length, ids: created.map((c) => c.id) } }, now);
  const { raised, updated } = runAlertRules(world, now, plainWorld(world));
  return { complaintIds: created.map((c) => c.id), family, raised: raised.length, updated: updated.length };
}
