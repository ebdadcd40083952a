import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  auditEventSchema,
  caseSchema,
  channelSchema,
  complaintSchema,
  customerSchema,
  dashboardStatsSchema,
  entitySchema,
  evidenceSchema,
  linkSchema,
  referralSchema,
  userSchema,
  type Complaint,
} from '@/api/schemas';
import { piiKey, type World } from '@/domain/world';
import { dueAtIso } from '@/domain/deadlines';
import { buildScoringContext, scoreComplaint } from '@/domain/scoring';
import { dashboardStats } from '@/domain/stats';
import { loadOf, workloads } from '@/domain/assignment';
import { blockingIssues, validateReferral } from '@/domain/referral-validation';
import { generateDemoData, generateDemoDataWithTruth, type GroundTruth } from './generator';
import { isValidCardNumber, isValidIdNumber } from './identity';
import { catalogue, sampleManifest, type SampleFile } from './samples';
import { MOBILE_PREFIXES } from './vocab';

const now = new Date('2026-11-23T01:00:00.000Z');
const DAY = 86_400_000;
let db: World;
let truth: GroundTruth;

beforeAll(() => {
  ({ db, truth } = generateDemoDataWithTruth({ now }));
});

const isAgent = (c: Complaint) => truth.gangOfComplaint.get(c.id) !== null;

describe('determinism', () => {
  it('gives equal data for the same seed and now', () => {
    const a = generateDemoData({ now, seed: 7, complaints: 600 });
    const b = generateDemoData({ now, seed: 7, complaints: 600 });
    expect(a).toStrictEqual(b);
    expect(JSON.stringify(generateDemoData({ now }))).toBe(JSON.stringify(db));
  });

  it('gives different data for a different seed', () => {
    const a = generateDemoData({ now, seed: 7, complaints: 600 });
    const b = generateDemoData({ now, seed: 8, complaints: 600 });
    expect(a.complaints.map((c) => c.text)).not.toEqual(b.complaints.map((c) => c.text));
    expect(a.customers[0].name === b.customers[0].name && a.customers[1].name === b.customers[1].name).toBe(false);
  });
});

describe('shape of the default dataset', () => {
  it('has 5,000 complaints, about 60% genuine and 40% agent-driven', () => {
    expect(db.complaints).toHaveLength(5000);
    expect(db.seed).toBe(20261123);
    const agentShare = db.complaints.filter(isAgent).length / db.complaints.length;
    expect(agentShare).toBeGreaterThan(0.35);
    expect(agentShare).toBeLessThan(0.45);
  });

  it('has about 40 gangs of very different sizes', () => {
    expect(truth.gangs).toHaveLength(40);
    expect(new Set(truth.gangs.map((g) => g.firmName)).size).toBe(40);
    const sizes = truth.gangs.map((g) => g.complaints).sort((a, b) => b - a);
    expect(sizes.filter((n) => n >= 150).length).toBeGreaterThanOrEqual(2);
    expect(sizes.filter((n) => n < 30).length).toBeGreaterThanOrEqual(15);
    expect(new Set(truth.gangs.map((g) => g.wording))).toEqual(new Set(['level1', 'level2', 'none']));
  });

  it('covers every channel, with 12378 the busiest, over the 90 days before now', () => {
    const byChannel = new Map<string, number>();
    for (const c of db.complaints) byChannel.set(c.channel, (byChannel.get(c.channel) ?? 0) + 1);
    for (const channel of channelSchema.options) expect(byChannel.get(channel) ?? 0).toBeGreaterThan(50);
    expect(Math.max(...byChannel.values())).toBe(byChannel.get('12378'));
    const times = db.complaints.map((c) => Date.parse(c.receivedAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 90 * DAY);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(85 * DAY);
  });

  it('numbers complaints in order of receipt', () => {
    for (let i = 1; i < db.complaints.length; i++) expect(db.complaints[i - 1].receivedAt <= db.complaints[i].receivedAt).toBe(true);
  });

  it('has the staff the role switch expects', () => {
    const roles = db.users.map((u) => u.role);
    expect(db.users).toHaveLength(10);
    expect(roles.filter((r) => r === 'analyst').length).toBeGreaterThanOrEqual(6);
    expect(roles.filter((r) => r === 'lead')).toHaveLength(2);
    expect(roles.filter((r) => r === 'auditor')).toHaveLength(1);
    expect(db.users.find((u) => u.role === 'analyst')?.id).toBe('u-analyst-1');
    expect(db.users.find((u) => u.role === 'lead')?.id).toBe('u-lead-1');
    expect(db.users.find((u) => u.role === 'auditor')?.id).toBe('u-auditor-1');
    expect(db.users.filter((u) => u.away)).toHaveLength(1);
    for (const u of db.users) expect(u.capacity >= 30 && u.capacity <= 100).toBe(true);
    expect(db.session.userId).toBe('u-analyst-1');
  });

  it('looks like a working team: everyone present is under capacity, with room for most of the unassigned queue', () => {
    const analysts = new Set(db.users.filter((u) => u.role === 'analyst').map((u) => u.id));
    const loads = workloads(db.users, db, now).filter((w) => analysts.has(w.userId) && !w.away);
    for (const w of loads) expect(loadOf(w), w.userId).toBeLessThan(w.capacity);
    const room = loads.reduce((n, w) => n + w.capacity - loadOf(w), 0);
    const unassigned = db.complaints.filter((c) => (c.status === 'new' || c.status === 'in_progress') && !c.assigneeId).length;
    expect(room).toBeGreaterThan(unassigned * 0.8);
  });
});

describe('every record matches the contract', () => {
  const check = <T>(schema: z.ZodType<T>, records: readonly unknown[]) => {
    for (const record of records) {
      const result = schema.safeParse(record);
      if (!result.success) throw new Error(`${JSON.stringify(record).slice(0, 200)}\n${result.error.message}`);
    }
  };
  it('users, customers, complaints, evidence, entities, links, cases, referrals, audit, stats', () => {
    check(userSchema, db.users);
    check(customerSchema, db.customers);
    check(complaintSchema, db.complaints);
    check(evidenceSchema, db.evidence);
    check(entitySchema, db.entities);
    check(linkSchema, db.links);
    check(caseSchema, db.cases);
    check(referralSchema, db.referrals);
    check(auditEventSchema, db.audit);
    check(dashboardStatsSchema, [dashboardStats(db, now)]);
  });
});

describe('personal data', () => {
  /** Every identifier-like token in the records, and every window of it as long as some clear value, checked against db.pii. */
  function findLeaks(data: World): string[] {
    const clear = new Set(Object.values(data.pii));
    const lengths = [...new Set([...clear].map((v) => v.length))];
    const leaks: string[] = [];
    for (const token of JSON.stringify({ ...data, pii: null }).match(/[0-9A-Za-z_.]{5,}/g) ?? []) {
      for (const length of lengths) {
        for (let i = 0; i + length <= token.length; i++) if (clear.has(token.slice(i, i + length))) leaks.push(token);
      }
    }
    return leaks;
  }

  it('keeps every clear value out of the records (only in db.pii)', () => {
    expect(findLeaks(db)).toEqual([]);
  });

  it('would notice a leak', () => {
    const phone = db.pii[piiKey('customer', db.customers[5].id, 'phone')];
    const leaky = { ...db, complaints: [{ ...db.complaints[0], text: `联系电话${phone}` }] };
    expect(findLeaks(leaky)).toEqual([phone]);
  });

  it('stores valid clear identifiers for every customer, and masked ones on the record', () => {
    for (const c of db.customers) {
      const id = db.pii[piiKey('customer', c.id, 'idNumber')];
      const phone = db.pii[piiKey('customer', c.id, 'phone')];
      const card = db.pii[piiKey('customer', c.id, 'bankAccount')];
      expect(isValidIdNumber(id)).toBe(true);
      expect(MOBILE_PREFIXES).toContain(phone.slice(0, 3));
      expect(phone).toHaveLength(11);
      expect(isValidCardNumber(card)).toBe(true);
      expect(c.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      expect(c.idNumber.endsWith(id.slice(-4))).toBe(true);
    }
  });

  it('has the clear phone and ID of every complainant, and masked labels on identifier entities', () => {
    for (const c of db.complaints) {
      expect(db.pii[piiKey('complaint', c.id, 'complainantPhone')]).toMatch(/^1\d{10}$/);
      expect(isValidIdNumber(db.pii[piiKey('complaint', c.id, 'complainantIdNumber')])).toBe(true);
    }
    for (const e of db.entities) {
      if (e.isHub || !['phone', 'bank_account', 'im_account', 'device', 'ip'].includes(e.type)) continue;
      expect(e.label).toContain('*');
      expect(db.pii[piiKey('entity', e.id, 'label')]).toBeTruthy();
    }
  });
});

describe('complaints', () => {
  it('compute dueAt from receipt and deadline kind, mostly standard', () => {
    for (const c of db.complaints) expect(c.dueAt).toBe(dueAtIso(c.receivedAt, c.deadlineKind));
    const standard = db.complaints.filter((c) => c.deadlineKind === 'standard').length / db.complaints.length;
    expect(standard).toBeGreaterThan(0.75);
    expect(db.complaints.some((c) => c.deadlineKind === 'extended')).toBe(true);
  });

  it('carry a regulator reference exactly on regulator channels', () => {
    const regulator = new Set(['12378', '12363', 'regulator_letter', 'xinfang']);
    for (const c of db.complaints) expect(c.regulatorRef !== null).toBe(regulator.has(c.channel));
    expect(db.complaints.find((c) => c.channel === '12378')?.regulatorRef).toMatch(/^12378-\d{4}-\d{4}-\d{6}$/);
  });

  it('are mostly handled when old and mostly open when recent, with a few breaches', () => {
    const old = db.complaints.filter((c) => Date.parse(c.receivedAt) < now.getTime() - 40 * DAY);
    const recent = db.complaints.filter((c) => Date.parse(c.receivedAt) > now.getTime() - 2 * DAY);
    const openShare = (list: Complaint[]) => list.filter((c) => c.status === 'new' || c.status === 'in_progress').length / list.length;
    expect(openShare(old)).toBeLessThan(0.1);
    expect(openShare(recent)).toBeGreaterThan(0.6);
    const overdue = db.complaints.filter((c) => (c.status === 'new' || c.status === 'in_progress') && Date.parse(c.dueAt) < now.getTime());
    expect(overdue.length).toBeGreaterThan(10);
    // Breaches are recent: nothing open weeks past its deadline, let alone the 60-day legal maximum.
    expect(Math.max(...overdue.map((c) => now.getTime() - Date.parse(c.dueAt)))).toBeLessThan(10 * DAY);
  });

  it('are assigned to analysts who are present, leaving a share of the open queue unassigned', () => {
    const open = db.complaints.filter((c) => c.status === 'new' || c.status === 'in_progress');
    const away = db.users.find((u) => u.away)!.id;
    const unassigned = open.filter((c) => c.assigneeId === null).length / open.length;
    expect(unassigned).toBeGreaterThan(0.15);
    expect(unassigned).toBeLessThan(0.4);
    for (const c of open) expect(c.assigneeId === null || (c.assigneeId.startsWith('u-analyst-') && c.assigneeId !== away)).toBe(true);
    expect(db.complaints.filter((c) => c.status === 'in_progress').every((c) => c.assigneeId !== null)).toBe(true);
  });

  it('have texts that differ for genuine complaints and repeat a template within a gang', () => {
    const genuine = db.complaints.filter((c) => !isAgent(c));
    expect(new Set(genuine.map((c) => c.text)).size).toBeGreaterThan(genuine.length * 0.97);
    for (const c of genuine) expect(c.demands.length).toBeGreaterThan(0);
    const agent = db.complaints.filter(isAgent);
    for (const c of agent.slice(0, 200)) {
      expect(c.text.length).toBeGreaterThan(180);
      expect(c.text.length).toBeLessThan(520);
    }
  });

  it('take their scores from the scoring rules, not from the generator', () => {
    const ctx = buildScoringContext(db, { templates: undefined });
    for (const c of db.complaints.filter((_, i) => i % 25 === 0)) {
      const { riskScore, grade, signals } = scoreComplaint(c, ctx);
      expect({ riskScore, grade, signals }).toEqual({ riskScore: c.riskScore, grade: c.grade, signals: c.signals });
    }
  });

  it('separate genuine from agent-driven complaints by score', () => {
    const mean = (list: Complaint[]) => list.reduce((s, c) => s + c.riskScore, 0) / list.length;
    const genuine = db.complaints.filter((c) => !isAgent(c));
    const agent = db.complaints.filter(isAgent);
    expect(mean(agent)).toBeGreaterThan(60);
    expect(mean(genuine)).toBeLessThan(10);
    expect(genuine.filter((c) => c.riskScore >= 50)).toHaveLength(0);
    // Two genuine complaints can read alike by chance, but never like a template used by three borrowers.
    expect(genuine.filter((c) => c.templateFamilyId).length).toBeLessThan(genuine.length * 0.01);
    expect(genuine.filter((c) => c.signals.some((s) => s.code === 'template_text'))).toHaveLength(0);
    // One family per gang template (the smallest gangs may file too few to form one).
    const families = new Set(agent.map((c) => c.templateFamilyId).filter(Boolean));
    for (const c of agent) expect(c.templateFamilyId).not.toBeNull();
    expect(families.size).toBeGreaterThanOrEqual(35);
    expect(families.size).toBeLessThanOrEqual(40);
  });

  it('have every grade, label and status', () => {
    const values = (pick: (c: Complaint) => string) => new Set(db.complaints.map(pick));
    expect(values((c) => c.grade)).toEqual(new Set(['level1', 'level2', 'normal']));
    expect(values((c) => c.label)).toEqual(new Set(['none', 'legitimate', 'agent_proposed', 'agent_confirmed']));
    expect(values((c) => c.status)).toEqual(new Set(['new', 'in_progress', 'answered', 'closed']));
    expect(db.complaints.filter((c) => c.label === 'none').length).toBeGreaterThan(db.complaints.length * 0.35);
    expect(db.complaints.filter((c) => !isAgent(c) && c.label.startsWith('agent'))).toHaveLength(0);
  });
});

describe('evidence', () => {
  const manifest = new Map(sampleManifest.map((f) => [f.file, f]));

  it('points at real sample files with the manifest’s size, hash and type', () => {
    for (const e of db.evidence) {
      const file = manifest.get(e.fileName)!;
      expect(file).toBeDefined();
      expect(e).toMatchObject({ url: `/samples/${file.file}`, size: file.size, sha256: file.sha256, mime: file.mime, kind: file.kind });
      expect(e.custody[0]).toMatchObject({ action: 'uploaded', at: e.uploadedAt });
    }
  });

  it('is attached to about 30% of complaints, and every reference resolves', () => {
    const byId = new Map(db.evidence.map((e) => [e.id, e]));
    const withEvidence = db.complaints.filter((c) => c.evidenceIds.length > 0).length / db.complaints.length;
    expect(withEvidence).toBeGreaterThan(0.22);
    expect(withEvidence).toBeLessThan(0.4);
    for (const c of db.complaints) {
      for (const id of c.evidenceIds) expect(byId.get(id)?.complaintId).toBe(c.id);
      if (c.complainant.kind === 'agent') expect(byId.get(c.complainant.powerOfAttorneyEvidenceId!)?.fileName).toBe('power-of-attorney.png');
      else expect(c.complainant.powerOfAttorneyEvidenceId).toBeNull();
    }
  });

  it('reuses forged certificates across many borrowers, including re-encoded copies', () => {
    const forged = db.evidence.filter((e) => manifest.get(e.fileName)?.forged);
    const customerOf = new Map(db.complaints.map((c) => [c.id, c.customerId]));
    const borrowersByHash = new Map<string, Set<string>>();
    for (const e of forged) {
      const set = borrowersByHash.get(e.perceptualHash!) ?? new Set();
      set.add(customerOf.get(e.complaintId!)!);
      borrowersByHash.set(e.perceptualHash!, set);
    }
    expect(Math.max(...[...borrowersByHash.values()].map((s) => s.size))).toBeGreaterThan(20);
    const diagA = forged.filter((e) => e.fileName.startsWith('cert-diagnosis-a'));
    expect(new Set(diagA.map((e) => e.sha256)).size).toBe(2);
    expect(new Set(diagA.map((e) => e.perceptualHash)).size).toBe(1);
    expect(forged.every((e) => !isAgent(db.complaints.find((c) => c.id === e.complaintId)!) === false)).toBe(true);
  });

  it('records checked verdicts with reason, method, who and when; most stay unverified', () => {
    const checked = db.evidence.filter((e) => e.verdict.status !== 'unverified');
    expect(checked.length).toBeGreaterThan(10);
    expect(checked.length).toBeLessThan(db.evidence.length * 0.3);
    for (const e of checked) {
      expect(e.verdict.reason.length).toBeGreaterThan(4);
      expect(e.verdict.method.length).toBeGreaterThan(1);
      expect(e.verdict.byId).toMatch(/^u-/);
      expect(e.verdict.at! >= e.uploadedAt).toBe(true);
      expect(e.custody.some((ev) => ev.action === 'verdict')).toBe(true);
    }
    expect(checked.some((e) => e.verdict.status === 'forged')).toBe(true);
    expect(checked.some((e) => e.verdict.status === 'authentic')).toBe(true);
  });
});

describe('graph', () => {
  it('is large, consistent, and has the hubs', () => {
    expect(db.entities.length).toBeGreaterThan(10_000);
    const ids = new Set(db.entities.map((e) => e.id));
    expect(ids.size).toBe(db.entities.length);
    for (const l of db.links) {
      expect(ids.has(l.source) && ids.has(l.target)).toBe(true);
      expect(l.firstSeen <= l.lastSeen).toBe(true);
    }
    const degree = new Map<string, number>();
    for (const l of db.links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const hubs = db.entities.filter((e) => e.isHub);
    expect(hubs.map((h) => h.type).sort()).toEqual(['ip', 'phone']);
    for (const h of hubs) expect(degree.get(h.id)).toBeGreaterThan(1000);
    const types = new Set(db.entities.map((e) => e.type));
    for (const t of ['borrower', 'complainant', 'agent_person', 'agent_firm', 'phone', 'im_account', 'device', 'ip', 'bank_account', 'address', 'document', 'seal', 'complaint']) {
      expect(types).toContain(t);
    }
    expect(new Set(db.links.map((l) => l.type)).size).toBe(8);
  });

  it('links every complaint to whoever submitted it', () => {
    const submitted = new Set(db.links.filter((l) => l.type === 'submitted').flatMap((l) => l.complaintIds));
    for (const c of db.complaints) expect(submitted.has(c.id)).toBe(true);
  });
});

describe('timestamps', () => {
  it('never lie in the future, except deadlines', () => {
    const nowIso = now.toISOString();
    const past = (t: string | null | undefined) => !t || t <= nowIso;
    for (const c of db.complaints) {
      expect(c.receivedAt <= c.updatedAt && past(c.updatedAt)).toBe(true);
      for (const n of c.notes) expect(n.at >= c.receivedAt && past(n.at)).toBe(true);
    }
    for (const e of db.evidence) expect(past(e.uploadedAt) && e.custody.every((k) => past(k.at))).toBe(true);
    for (const e of db.entities) expect(e.firstSeen <= e.lastSeen && past(e.lastSeen)).toBe(true);
    for (const l of db.links) expect(past(l.lastSeen)).toBe(true);
    for (const a of db.audit) expect(past(a.at)).toBe(true);
    for (const c of db.cases) expect([c.createdAt, c.updatedAt, c.acceptedAt, c.filedAt].every(past)).toBe(true);
    for (const r of db.referrals) expect([r.createdAt, r.updatedAt, r.approvedAt, r.submission?.date].every(past)).toBe(true);
  });
});

describe('cases and referrals', () => {
  it('span the case lifecycle with referrals in matching states', () => {
    expect(db.cases).toHaveLength(12);
    expect(new Set(db.cases.map((c) => c.status)).size).toBe(8);
    const referralById = new Map(db.referrals.map((r) => [r.id, r]));
    for (const c of db.cases) {
      for (const id of c.complaintIds) expect(db.complaints.find((x) => x.id === id)?.caseId).toBe(c.id);
      const referrals = c.referralIds.map((id) => referralById.get(id)!);
      if (['new', 'investigating'].includes(c.status)) expect(referrals).toHaveLength(0);
      else expect(referrals).toHaveLength(1);
      for (const r of referrals) {
        expect(r.caseId).toBe(c.id);
        if (r.status === 'draft') expect(r.approvedById).toBeNull();
        if (['submitted', 'accepted', 'filed', 'rejected'].includes(r.status)) expect(r.submission).not.toBeNull();
        if (['accepted', 'filed', 'rejected'].includes(r.status)) expect(r.outcome?.acceptedAt).toBe(c.acceptedAt);
        if (r.status === 'filed') expect(r.outcome?.filedAt).toBeTruthy();
        if (r.status === 'rejected') expect(r.outcome?.rejectionReason).toBeTruthy();
        for (const item of r.evidence) expect(db.evidence.find((e) => e.id === item.evidenceId)?.sha256).toBe(item.sha256);
      }
      if (['accepted', 'filed', 'rejected', 'closed'].includes(c.status)) expect(c.policeReceiptNo).toBeTruthy();
      else expect(c.policeReceiptNo).toBeNull();
    }
    expect(new Set(db.referrals.map((r) => r.status))).toEqual(new Set(['draft', 'approved', 'submitted', 'accepted', 'filed', 'rejected']));
  });

  it('approved referrals pass the checks that approval enforces, over their files’ recorded hashes', () => {
    const past = db.referrals.filter((r) => r.status !== 'draft');
    expect(past.length).toBeGreaterThan(3);
    for (const r of past) {
      const hashes = Object.fromEntries(r.evidence.map((e) => [e.evidenceId, 'ok' as const]));
      expect({ id: r.id, blocking: blockingIssues(validateReferral(r, hashes)).map((i) => i.code) }).toEqual({ id: r.id, blocking: [] });
      const authority = db.evidence.find((e) => e.id === r.handler.powerOfAttorneyEvidenceId);
      expect(authority?.caseId).toBe(r.caseId);
      expect(authority?.fileName).toBe('institution-authorization.pdf');
    }
  });

  it('tie the first case to the gang the sample files are about', () => {
    const first = db.cases[0];
    expect(first.title).toContain('江州市优信商务咨询有限公司');
    const files = first.evidenceIds.map((id) => db.evidence.find((e) => e.id === id)?.fileName);
    expect(files).toEqual(expect.arrayContaining(['wechat-chat.txt', 'call-recording.wav']));
    const chen = db.customers.find((c) => c.name === '陈志伟')!;
    const his = db.complaints.filter((c) => c.customerId === chen.id);
    expect(his.map((c) => c.channel)).toEqual(['12378', '12363', 'regulator_letter']);
    expect(his.every((c) => c.caseId === first.id && c.complainant.agentFirm === '江州市优信商务咨询有限公司')).toBe(true);
  });
});

describe('samples catalogue', () => {
  it('explains a missing sample file instead of producing broken evidence', () => {
    const fixture: SampleFile[] = sampleManifest.filter((f) => f.file !== 'power-of-attorney.png');
    expect(() => catalogue(fixture)).toThrow(/power-of-attorney\.png/);
  });
});
