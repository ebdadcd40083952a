/**
 * Seeded, deterministic demo data: staff, borrowers, ~40 agent gangs, complaints over the 90 days
 * before `now`, evidence over the real sample files, the relationship graph, cases and referrals.
 * Risk scores, grades and template families are not hand-set: the domain scoring runs over the result.
 *
 * Same seed + same now ⇒ the same data. Everything random comes from one Rng, nothing reads the clock.
 */
import type { Channel, Complaint, ComplaintStatus, Customer, DeadlineKind, Entity, Evidence, Verdict } from '@/api/schemas';
import { maskBankAccount, maskIdNumber, maskPhone } from '@/api/pii';
import { piiKey, type World } from '@/domain/world';
import { ATTR, CONTACT, entityIdForComplaint, entityIdForCustomer, PHONE_OWNER } from '@/domain/conventions';
import { DAY_MS, dueDate } from '@/domain/deadlines';
import { scoreAll } from '@/domain/scoring';
import { moodOf, runAlertRules } from '@/domain/alerts';
import { recordAudit } from '@/domain/audit-log';
import { createCasesAndReferrals } from './cases';
import { AUTHENTIC_FINDINGS, FORGERY_FINDINGS, makeEvidence, perceptualHashFor, UNVERIFIED } from './evidenceFactory';
import { createGangs, type Gang, type GangPerson, type GangPhone } from './gangs';
import { GraphBuilder } from './graphBuilder';
import { IdentityFactory, maskDevice, personName, placePicker, type Gender } from './identity';
import { Rng, weighted } from './random';
import { baseTitle, catalogue, sampleManifest, type SampleCatalog, type SampleFile } from './samples';
import { composeLegitText, instantiateTemplate } from './texts';
import { LENDER, LOAN_PRODUCTS, RELATIVES, STAFF } from './vocab';
import { iso } from './time';

export type GenerateOptions = {
  seed?: number;
  complaints?: number;
  now: Date;
  /** Sample-file manifest; defaults to public/samples/manifest.json. Tests may pass a fixture. */
  manifest?: readonly SampleFile[];
  /** Number of agent gangs (default 40). */
  gangs?: number;
};

export const DEFAULT_SEED = 20261123;
export const DEFAULT_COMPLAINTS = 5000;
const SPAN_DAYS = 90;

// ---------- channel mixes ----------
const LEGIT_CHANNELS = weighted<Channel>([
  ['12378', 22], ['12363', 6], ['regulator_letter', 2], ['xinfang', 1], ['heimao', 6], ['hotline', 30], ['app', 18], ['email', 8], ['branch', 7],
]);
/** Agents go where pressure is highest: the regulators' hotlines and letters, and public shaming. */
const AGENT_CHANNELS = weighted<Channel>([
  ['12378', 40], ['12363', 18], ['regulator_letter', 10], ['xinfang', 5], ['heimao', 14], ['hotline', 6], ['app', 2], ['email', 3], ['branch', 2],
]);
/** Transferred complaints arrive in office hours on working days; the app and social media don't sleep. */
const OFFICE_HOURS_CHANNELS = new Set<Channel>(['12378', '12363', 'regulator_letter', 'xinfang', 'branch']);
const productPicker = weighted(LOAN_PRODUCTS);
const AGENT_FILINGS = weighted([[1, 30], [2, 30], [3, 22], [4, 12], [5, 6]] as const);
const LEGIT_FILINGS = weighted([[1, 87], [2, 11], [3, 2]] as const);
const LOAN_COUNTS = weighted([[1, 70], [2, 25], [3, 5]] as const);
const DEADLINE_KINDS = weighted<DeadlineKind>([['standard', 85], ['complex', 12], ['extended', 3]]);

type AgentMode = 'agent' | 'self_agent_phone' | 'self' | 'relative';

type Borrower = {
  customer: Customer;
  name: string;
  gender: Gender;
  areaCode: string;
  idNumber: string;
  phone: string;
  entity: Entity;
  phoneEntity: Entity;
  gang: Gang | null;
  mode: AgentMode;
  agent: GangPerson | null;
  agentPhone: GangPhone | null;
  relative: { name: string; relation: string; phone: string; idNumber: string; entity: Entity | null } | null;
  forgedFile: SampleFile | null;
  templateText: string | null;
  filings: number;
  /** Whether the client paid the gang's fee account; decided at their first filing. */
  paidFee: boolean | null;
};

type Draft = { borrower: Borrower; receivedMs: number; channel: Channel; order: number; followUp: boolean };

type Generation = {
  rng: Rng;
  identity: IdentityFactory;
  graph: GraphBuilder;
  /** Clear values while generating; a Map because 600k fresh keys on a plain object cost ~3× more. */
  pii: Map<string, string>;
  nowMs: number;
  startMs: number;
  samples: SampleCatalog;
  hubs: { hotline: Entity; carrierIp: Entity };
  customers: Customer[];
  complaints: Complaint[];
  evidence: Evidence[];
  documents: Map<string, Entity>;
  regulatorSeq: Map<string, number>;
  /** Ground truth the scores never see: the gang behind each complaint, by complaint index (null = genuine). */
  gangOf: (Gang | null)[];
};

/** What the generator knows and the workbench must discover: which gang, if any, is behind each complaint. */
export type GroundTruth = {
  gangs: { id: string; firmName: string; wording: 'level1' | 'level2' | 'none'; complaints: number }[];
  /** Gang id per complaint id; null for a genuine complaint. */
  gangOfComplaint: Map<string, string | null>;
};

export function generateDemoData(opts: GenerateOptions): World {
  return generateDemoDataWithTruth(opts).db;
}

/** The demo data plus its ground truth, for tests and for checking how well the scoring does. */
export function generateDemoDataWithTruth(opts: GenerateOptions): { db: World; truth: GroundTruth } {
  const seed = opts.seed ?? DEFAULT_SEED;
  const total = opts.complaints ?? DEFAULT_COMPLAINTS;
  const nowMs = opts.now.getTime();
  const rng = new Rng(seed);
  const pii = new Map<string, string>();
  const graph = new GraphBuilder(pii);
  const g: Generation = {
    rng,
    identity: new IdentityFactory(rng, opts.now.getUTCFullYear()),
    graph,
    pii,
    nowMs,
    startMs: nowMs - SPAN_DAYS * DAY_MS,
    samples: catalogue(opts.manifest ?? sampleManifest),
    hubs: createHubs(graph, nowMs),
    customers: [],
    complaints: [],
    evidence: [],
    documents: new Map(),
    regulatorSeq: new Map(),
    gangOf: [],
  };

  const gangs = createGangs({ rng, identity: g.identity, graph, pii, nowMs }, opts.gangs ?? 40, g.samples.forgedCertificates);
  for (const gang of gangs) for (const phone of gang.phones) graph.link('called', phone.entity, g.hubs.hotline, iso(g.startMs + rng.int(0, SPAN_DAYS) * DAY_MS));

  const drafts = planComplaints(g, gangs, total);
  drafts.sort((a, b) => a.receivedMs - b.receivedMs || a.order - b.order);
  drafts.forEach((draft, i) => g.complaints.push(createComplaint(g, draft, `cmp-${String(i + 1).padStart(6, '0')}`)));

  const db: World = {
    seed,
    generatedAt: opts.now.toISOString(),
    users: STAFF.map(({ id, name, role, team, capacity, away }) => ({ id, name, role, team, capacity, away })),
    customers: g.customers,
    complaints: g.complaints,
    evidence: g.evidence,
    entities: graph.entities,
    links: graph.links,
    cases: [],
    referrals: [],
    institutions: [],
    sharing: [],
    alerts: [],
    alertRules: [],
    audit: [],
    pii: toRecord(pii),
    session: { userId: 'u-analyst-1' },
  };

  scoreAll(db);
  applyLabelsAndNotes(g, db);
  const storyCustomerId = g.customers.find((c) => c.name === '陈志伟')?.id ?? null;
  createCasesAndReferrals({ rng, db, gangs, nowMs, samples: g.samples, gangOf: g.gangOf, storyCustomerId });
  settleWorkload(db, nowMs);
  // Handled work was answered at its last change: nothing after the answer is generated.
  for (const c of db.complaints) {
    c.answeredAt = c.status === 'answered' || c.status === 'closed' ? c.updatedAt : null;
    const mood = moodOf(c.text);
    if (mood) c.mood = mood;
  }
  // The team starts with what the early-warning rules see in the data, as a running system would have, and
  // with the alerts on work someone already holds acknowledged by that person: open ones are the news.
  const { raised } = runAlertRules(db, opts.now);
  const complaintById = new Map(db.complaints.map((c) => [c.id, c]));
  for (const alert of raised) {
    const held = alert.complaintIds.map((id) => complaintById.get(id));
    const holder = held[0]?.assigneeId;
    if (alert.severity === 'urgent' || !holder || held.some((c) => !c || c.status === 'new' || c.assigneeId !== holder)) continue;
    Object.assign(alert, { status: 'acknowledged', assigneeId: holder, acknowledgedById: holder, acknowledgedAt: alert.raisedAt, version: alert.version + 1 });
    recordAudit(db, { actorId: holder, action: 'alert', recordType: 'alert', recordId: alert.id, summary: 'acknowledged', detail: { kind: 'alertAcknowledged', text: alert.rule } }, opts.now);
  }
  return { db, truth: groundTruth(db, gangs, g.gangOf) };
}

function groundTruth(db: World, gangs: Gang[], gangOf: (Gang | null)[]): GroundTruth {
  const counts = new Map<Gang, number>();
  const gangOfComplaint = new Map<string, string | null>();
  db.complaints.forEach((c, i) => {
    const gang = gangOf[i];
    gangOfComplaint.set(c.id, gang?.id ?? null);
    if (gang) counts.set(gang, (counts.get(gang) ?? 0) + 1);
  });
  return {
    gangs: gangs.map((gang) => ({ id: gang.id, firmName: gang.firmName, wording: gang.wording, complaints: counts.get(gang) ?? 0 })),
    gangOfComplaint,
  };
}

function toRecord(map: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of map) out[key] = value;
  return out;
}

// ---------- hubs ----------

/** Very common nodes: the lender's own hotline (calls to and from thousands) and a carrier's mobile NAT range. */
function createHubs(graph: GraphBuilder, nowMs: number) {
  const since = iso(nowMs - 3 * 365 * DAY_MS);
  return {
    hotline: graph.addEntity('phone', `${LENDER.shortName}客服热线 ${LENDER.hotline}`, since, {
      id: 'ent-hub-hotline',
      isHub: true,
      attributes: { [ATTR.owner]: PHONE_OWNER.lender, note: '本机构客服及催收外呼号码' },
    }),
    carrierIp: graph.addEntity('ip', 'IP 112.96.*.*（移动4G出口，运营商共享）', since, {
      id: 'ent-hub-carrier-ip',
      isHub: true,
      attributes: { kind: '运营商NAT出口', range: '112.96.0.0/16' },
    }),
  };
}

// ---------- planning: who complains, where, when ----------

function planComplaints(g: Generation, gangs: Gang[], total: number): Draft[] {
  const { rng } = g;
  // About 40% agent-driven, give or take, as the published figures suggest for lenders under pressure.
  const agentTarget = Math.round(total * (0.38 + 0.04 * rng.float()));
  const legitTarget = total - agentTarget;
  const gangPicker = weighted(gangs.map((gang) => [gang, gang.weight] as const));
  const drafts: Draft[] = [];
  let agentCount = 0;
  let legitCount = 0;

  if (gangs.length > 0 && agentTarget >= 3) {
    const story = createStoryBorrower(g, gangs[0]);
    [38, 31, 24].forEach((daysAgo, i) => {
      const channel: Channel = (['12378', '12363', 'regulator_letter'] as const)[i];
      drafts.push({ borrower: story, receivedMs: atWorkingHour(g, g.nowMs - daysAgo * DAY_MS, channel), channel, order: drafts.length, followUp: i > 0 });
    });
    agentCount += 3;
  }

  // Interleave agent and legitimate borrowers so customer ids give nothing away.
  while (agentCount < agentTarget || legitCount < legitTarget) {
    const agentLeft = agentTarget - agentCount;
    const legitLeft = legitTarget - legitCount;
    const agent = rng.float() * (agentLeft + legitLeft) < agentLeft;
    if (agent) {
      const gang = rng.pickWeighted(gangPicker);
      const filings = Math.min(rng.pickWeighted(AGENT_FILINGS), agentLeft);
      const borrower = createBorrower(g, gang, filings);
      drafts.push(...planFilings(g, borrower, filings, AGENT_CHANNELS, drafts.length));
      agentCount += filings;
    } else {
      const filings = Math.min(rng.pickWeighted(LEGIT_FILINGS), legitLeft);
      const borrower = createBorrower(g, null, filings);
      drafts.push(...planFilings(g, borrower, filings, LEGIT_CHANNELS, drafts.length));
      legitCount += filings;
    }
  }
  return drafts;
}

function planFilings(g: Generation, borrower: Borrower, filings: number, channels: ReturnType<typeof weighted<Channel>>, order: number): Draft[] {
  const { rng } = g;
  // Repeats follow the first filing by days to a couple of weeks; agents spread one matter over channels.
  const offsets = [0];
  for (let i = 1; i < filings; i++) offsets.push(offsets[i - 1] + rng.skewed(0.3, 15, 1.5) * DAY_MS);
  const span = offsets[offsets.length - 1];
  const latestStart = g.nowMs - span - 2 * 3_600_000;
  const first = g.startMs + rng.float() * Math.max(0, latestStart - g.startMs);
  const used = new Set<Channel>();
  return offsets.map((offset, i) => {
    let channel = rng.pickWeighted(channels);
    for (let tries = 0; borrower.gang && used.has(channel) && tries < 4; tries++) channel = rng.pickWeighted(channels);
    // A genuine borrower who gets no answer on the hotline escalates to the regulator.
    if (!borrower.gang && i > 0 && rng.chance(0.5)) channel = '12378';
    used.add(channel);
    return { borrower, receivedMs: atWorkingHour(g, first + offset, channel), channel, order: order + i, followUp: i > 0 };
  });
}

/** Moves a time to a plausible hour for the channel (CST), never past `now`. */
function atWorkingHour(g: Generation, ms: number, channel: Channel): number {
  const { rng } = g;
  const cstDayStart = Math.floor((ms + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000;
  let dayStart = cstDayStart;
  if (OFFICE_HOURS_CHANNELS.has(channel)) {
    const weekday = new Date(dayStart + 8 * 3_600_000).getUTCDay();
    if (weekday === 6) dayStart += 2 * DAY_MS;
    else if (weekday === 0) dayStart += DAY_MS;
  }
  const hour = OFFICE_HOURS_CHANNELS.has(channel) ? rng.skewed(8.5, 18, 1) : rng.skewed(7, 23.9, 0.9);
  const out = dayStart + hour * 3_600_000;
  // Stay inside the 90-day window: not before its first minute, not after now.
  return Math.min(Math.max(out, g.startMs + rng.int(1, 600) * 60_000), g.nowMs - rng.int(5, 120) * 60_000);
}

// ---------- borrowers ----------

function createLoans(g: Generation, agent: boolean, fixed?: { product: string; principal: number; overdueDays: number }) {
  const { rng } = g;
  const count = fixed ? 1 : rng.pickWeighted(LOAN_COUNTS);
  const loans: Customer['loans'] = [];
  for (let i = 0; i < count; i++) {
    const product = fixed?.product ?? rng.pickWeighted(productPicker);
    const principal = fixed?.principal ?? Math.round((agent ? rng.skewed(10_000, 200_000, 1.6) : rng.skewed(3_000, 200_000, 2.4)) / 500) * 500;
    const overdueDays =
      fixed?.overdueDays ??
      (agent
        ? rng.chance(0.85) ? Math.round(rng.skewed(30, 400, 1.4)) : rng.int(0, 29)
        : rng.chance(0.55) ? 0 : rng.int(1, 60));
    const outstanding = Math.round(principal * (agent ? 0.5 + 0.5 * rng.float() : rng.float()) * 100) / 100;
    const disbursedMs = g.nowMs - (overdueDays + rng.int(60, 720)) * DAY_MS;
    loans.push({ loanId: '', product, principal, outstanding, overdueDays: i === 0 ? overdueDays : rng.chance(0.7) ? 0 : overdueDays, disbursedAt: iso(disbursedMs) });
  }
  return loans;
}

function createBorrower(
  g: Generation,
  gang: Gang | null,
  filings: number,
  fixed?: { name: string; gender: Gender; product: string; principal: number; overdueDays: number },
): Borrower {
  const { rng, identity, graph, pii } = g;
  const id = `c-${String(g.customers.length + 1).padStart(6, '0')}`;
  const gender: Gender = fixed?.gender ?? (rng.chance(0.55) ? 'male' : 'female');
  const name = fixed?.name ?? personName(rng, gender);
  const [city, areaCode] = rng.pickWeighted(placePicker);
  const idNumber = identity.idNumber(areaCode, gender);
  const phone = identity.mobile();
  const card = identity.bankCard().number;
  const loans = createLoans(g, gang !== null, fixed);
  loans.forEach((loan, i) => (loan.loanId = `L${id.slice(2)}${i + 1}`));
  const customer: Customer = { id, name, idNumber: maskIdNumber(idNumber), phone: maskPhone(phone), bankAccount: maskBankAccount(card), city, loans };
  pii.set(piiKey('customer', id, 'idNumber'), idNumber);
  pii.set(piiKey('customer', id, 'phone'), phone);
  pii.set(piiKey('customer', id, 'bankAccount'), card);
  g.customers.push(customer);

  const since = loans[0].disbursedAt;
  // Agent clients are told not to take the lender's calls ("陌生号码一律不接").
  const contact = gang ? (rng.chance(0.6) ? CONTACT.refused : rng.chance(0.5) ? CONTACT.unknown : CONTACT.reachable) : CONTACT.reachable;
  const entity = graph.addEntity('borrower', name, since, {
    id: entityIdForCustomer(id),
    attributes: { [ATTR.customerId]: id, city, [ATTR.contact]: contact },
  });
  const phoneEntity = graph.addEntity('phone', maskPhone(phone), since, { clearLabel: phone, attributes: { [ATTR.owner]: PHONE_OWNER.borrower } });
  graph.newLink('uses_phone', entity, phoneEntity, since);
  connectBorrowerInfrastructure(g, entity, phoneEntity, gang, since);

  const borrower: Borrower = {
    customer,
    name,
    gender,
    areaCode,
    idNumber,
    phone,
    entity,
    phoneEntity,
    gang,
    mode: 'self',
    agent: null,
    agentPhone: null,
    relative: null,
    forgedFile: null,
    templateText: null,
    filings,
    paidFee: null,
  };
  if (gang) assignAgentRole(g, borrower, gang);
  else if (rng.chance(0.12)) borrower.relative = makeRelative(g, borrower);
  return borrower;
}

/** Devices, login IPs and the lender's calls: the everyday edges that make hubs, and gang edges for clients. */
function connectBorrowerInfrastructure(g: Generation, entity: Entity, phoneEntity: Entity, gang: Gang | null, since: string) {
  const { rng, graph, identity, hubs } = g;
  if (rng.chance(0.7)) graph.newLink('called', hubs.hotline, phoneEntity, iso(Date.parse(since) + rng.int(1, 60) * DAY_MS));
  if (rng.chance(0.55)) graph.newLink('shares_device', entity, hubs.carrierIp, since);
  if (rng.chance(gang ? 0.5 : 0.4)) {
    const imei = identity.deviceId();
    const device = graph.addEntity('device', `设备 ${maskDevice(imei)}`, since, { clearLabel: imei });
    graph.newLink('shares_device', entity, device, since);
  }
  if (gang) {
    // Agents log into their clients' app accounts from their own phones and office.
    if (rng.chance(0.3)) graph.newLink('shares_device', entity, rng.pick(gang.devices), since);
    if (rng.chance(0.2)) graph.newLink('shares_device', entity, gang.officeIp, since);
  }
}

function makeRelative(g: Generation, borrower: Borrower): NonNullable<Borrower['relative']> {
  const { rng, identity } = g;
  const relation = rng.pick(RELATIVES);
  const gender: Gender = ['母亲', '妻子', '姐姐', '女儿'].includes(relation) ? 'female' : 'male';
  const sameSurname = ['父亲', '哥哥', '姐姐', '儿子', '女儿'].includes(relation);
  const name = sameSurname ? borrower.name.slice(0, 1) + personName(rng, gender).slice(1) : personName(rng, gender);
  return { name, relation, phone: identity.mobile(), idNumber: identity.idNumber(borrower.areaCode, gender, 20, 70), entity: null };
}

function assignAgentRole(g: Generation, b: Borrower, gang: Gang) {
  const { rng } = g;
  const r = rng.float();
  b.mode = r < gang.openAgentShare ? 'agent' : r < gang.openAgentShare + 0.55 * (1 - gang.openAgentShare) ? 'self_agent_phone' : r < 0.93 ? 'self' : 'relative';
  b.agentPhone = rng.pick(gang.phones);
  b.agent = rng.chance(0.7) ? b.agentPhone.user : rng.pick(gang.staff);
  if (b.mode === 'relative') b.relative = makeRelative(g, b);
  if (gang.forgedFiles.length && rng.chance(0.6)) b.forgedFile = rng.pick(gang.forgedFiles);
  const loan = b.customer.loans[0];
  b.templateText = instantiateTemplate(rng, gang.template, { name: b.name, product: loan.product, amount: loan.principal, disbursedAt: new Date(loan.disbursedAt) });
}

function createStoryBorrower(g: Generation, gang: Gang): Borrower {
  // 陈志伟 of the sample chat, recording, power of attorney and diagnosis certificate: borrowed 五万八, two months overdue.
  const b = createBorrower(g, gang, 3, { name: '陈志伟', gender: 'male', product: '消费分期', principal: 58_000, overdueDays: 112 });
  b.mode = 'agent';
  b.agentPhone = gang.phones[0];
  b.agent = gang.staff[1] ?? gang.staff[0];
  b.relative = null;
  b.forgedFile = gang.forgedFiles.find((f) => f.file === 'cert-diagnosis-a.png') ?? gang.forgedFiles[0] ?? null;
  b.entity.attributes[ATTR.contact] = CONTACT.refused;
  return b;
}

// ---------- complaints ----------

function regulatorRef(g: Generation, channel: Channel, receivedMs: number): string | null {
  const cst = new Date(receivedMs + 8 * 3_600_000);
  const y = cst.getUTCFullYear();
  const mmdd = `${String(cst.getUTCMonth() + 1).padStart(2, '0')}${String(cst.getUTCDate()).padStart(2, '0')}`;
  const key = `${channel}|${y}${mmdd}`;
  const base = g.regulatorSeq.get(key) ?? g.rng.int(100, 4000);
  const seq = base + g.rng.int(1, 40);
  g.regulatorSeq.set(key, seq);
  switch (channel) {
    case '12378':
      return `12378-${y}-${mmdd}-${String(seq).padStart(6, '0')}`;
    case '12363':
      return `12363-${y}${mmdd}-${String(seq).padStart(5, '0')}`;
    case 'regulator_letter':
      return `金管消保转〔${y}〕${seq}号`;
    case 'xinfang':
      return `信访-${y}-${mmdd}-${String(seq).padStart(4, '0')}`;
    default:
      return null;
  }
}

const SOURCE_BY_CHANNEL: Record<Channel, string> = {
  '12378': '投诉人经12378提交',
  '12363': '投诉人经12363提交',
  regulator_letter: '监管转办函附件',
  xinfang: '信访材料（来访人当面提交）',
  heimao: '黑猫投诉平台附件',
  hotline: '客服热线来电后补充提交',
  app: '投诉人经App上传',
  email: '投诉人电子邮件附件',
  branch: '网点受理时提交',
};

function statusFor(rng: Rng, receivedMs: number, dueMs: number, nowMs: number): ComplaintStatus {
  const r = rng.float();
  if (dueMs < nowMs) {
    // Past its deadline: almost all handled; a few breached and still open — the queue must surface them.
    if (r < 0.025) return 'in_progress';
    if (r < 0.03) return 'new';
    return r < 0.3 ? 'answered' : 'closed';
  }
  const ageDays = (nowMs - receivedMs) / DAY_MS;
  const mix: [number, number, number] =
    ageDays < 1 ? [0.85, 1, 1] : ageDays < 3 ? [0.35, 0.85, 1] : ageDays < 7 ? [0.1, 0.55, 0.9] : [0.04, 0.34, 0.7];
  return r < mix[0] ? 'new' : r < mix[1] ? 'in_progress' : r < mix[2] ? 'answered' : 'closed';
}

/** Work goes to analysts in proportion to their capacity; only history (closed work) includes the one who is away. */
// Shares are capacity above a common base of 30 (the same shares the demo data has always been drawn with).
const share = (u: (typeof STAFF)[number]) => u.capacity - 30;
const ANALYSTS_ALL = weighted(STAFF.filter((u) => u.role === 'analyst').map((u) => [u.id, share(u)] as const));
const ANALYSTS_PRESENT = weighted(STAFF.filter((u) => u.role === 'analyst' && !u.away).map((u) => [u.id, share(u)] as const));

function pickAnalyst(g: Generation, allowAway: boolean): string {
  return g.rng.pickWeighted(allowAway ? ANALYSTS_ALL : ANALYSTS_PRESENT);
}

function createComplaint(g: Generation, draft: Draft, id: string): Complaint {
  const { rng, graph, pii, nowMs } = g;
  const { borrower: b, channel, receivedMs } = draft;
  const receivedAt = iso(receivedMs);
  const deadlineKind = b.gang && rng.chance(0.1) ? 'complex' : rng.pickWeighted(DEADLINE_KINDS);
  const dueMs = dueDate(receivedAt, deadlineKind).getTime();
  const status = statusFor(rng, receivedMs, dueMs, nowMs);
  const open = status === 'new' || status === 'in_progress';
  // Most new complaints still wait in the team queue; anything being worked on has an owner.
  const assigneeId = status === 'new' ? (rng.chance(0.85) ? null : pickAnalyst(g, false)) : pickAnalyst(g, !open);
  const handledSpan = Math.max(3_600_000, Math.min(nowMs, dueMs) - receivedMs);
  const updatedMs = status === 'new' ? receivedMs : Math.min(nowMs - 60_000, receivedMs + rng.float() * handledSpan);

  const loan = b.customer.loans[0];
  let text: string;
  let demands: Complaint['demands'];
  if (b.gang && b.templateText) {
    // Agents mostly resend the same letter; now and then a colleague retypes it with small edits.
    text = draft.followUp && rng.chance(0.3) ? instantiateTemplate(rng, b.gang.template, { name: b.name, product: loan.product, amount: loan.principal, disbursedAt: new Date(loan.disbursedAt) }) : b.templateText;
    demands = b.gang.template.demands;
  } else {
    const composed = composeLegitText(rng, { name: b.name, product: loan.product, amount: loan.principal, receivedAt: new Date(receivedMs), followUp: draft.followUp });
    text = composed.text;
    demands = composed.demands;
  }

  const complainant = complainantFor(g, b);
  const complaint: Complaint = {
    id,
    channel,
    regulatorRef: regulatorRef(g, channel, receivedMs),
    customerId: b.customer.id,
    borrowerName: b.name,
    complainant: complainant.record,
    demands,
    text,
    receivedAt,
    deadlineKind,
    dueAt: iso(dueMs),
    status,
    label: 'none',
    riskScore: 0,
    grade: 'normal',
    signals: [],
    assigneeId,
    caseId: null,
    templateFamilyId: null,
    templateFamilySize: 0,
    evidenceIds: [],
    notes: [],
    version: 1,
    updatedAt: iso(updatedMs),
  };
  pii.set(piiKey('complaint', id, 'complainantPhone'), complainant.phone);
  pii.set(piiKey('complaint', id, 'complainantIdNumber'), complainant.idNumber);

  const complaintEntity = graph.addEntity('complaint', `投诉 ${id}`, receivedAt, {
    id: entityIdForComplaint(id),
    attributes: { [ATTR.complaintId]: id, channel, borrower: b.name },
  });
  graph.touch(b.entity, receivedAt);
  g.gangOf.push(b.gang);
  linkComplainant(g, b, complaint, complaintEntity, complainant.phone);
  attachEvidence(g, b, complaint);
  return complaint;
}


type ComplainantChoice = { record: Complaint['complainant']; phone: string; idNumber: string };

function complainantFor(g: Generation, b: Borrower): ComplainantChoice {
  const self = (phone: string): ComplainantChoice => ({
    record: { kind: 'self', name: b.name, phone: maskPhone(phone), idNumber: maskIdNumber(b.idNumber), agentFirm: null, powerOfAttorneyEvidenceId: null },
    phone,
    idNumber: b.idNumber,
  });
  if (b.relative && (b.mode === 'relative' || !b.gang)) {
    const r = b.relative;
    return {
      record: { kind: 'relative', name: r.name, phone: maskPhone(r.phone), idNumber: maskIdNumber(r.idNumber), agentFirm: null, powerOfAttorneyEvidenceId: null },
      phone: r.phone,
      idNumber: r.idNumber,
    };
  }
  if (b.gang && b.agent && b.agentPhone) {
    if (b.mode === 'agent') {
      return {
        // The power of attorney is attached with the evidence, which fills in its id.
        record: { kind: 'agent', name: b.agent.name, phone: maskPhone(b.agentPhone.number), idNumber: maskIdNumber(b.agent.idNumber), agentFirm: b.gang.firmName, powerOfAttorneyEvidenceId: null },
        phone: b.agentPhone.number,
        idNumber: b.agent.idNumber,
      };
    }
    if (b.mode === 'self_agent_phone') return self(b.agentPhone.number);
  }
  // A few genuine borrowers have changed number since they registered: a weak, explainable anomaly.
  if (!b.gang && g.rng.chance(0.03)) return self(g.identity.mobile());
  return self(b.phone);
}

/** Who filed, on whose behalf, and with which number: submitted / represents / uses_phone edges. */
function linkComplainant(g: Generation, b: Borrower, c: Complaint, complaintEntity: Entity, phone: string) {
  const { graph, rng } = g;
  const at = c.receivedAt;
  const refs = { complaintId: c.id };
  switch (c.complainant.kind) {
    case 'agent': {
      const agent = b.agent!;
      graph.newLink('submitted', agent.entity, complaintEntity, at, c.id);
      graph.link('represents', agent.entity, b.entity, at, refs);
      graph.touch(b.gang!.firm, at);
      break;
    }
    case 'relative': {
      const r = b.relative!;
      r.entity ??= graph.addEntity('complainant', r.name, at, { attributes: { relation: r.relation, borrower: b.name } });
      graph.newLink('submitted', r.entity, complaintEntity, at, c.id);
      graph.link('represents', r.entity, b.entity, at, refs);
      break;
    }
    default: {
      graph.newLink('submitted', b.entity, complaintEntity, at, c.id);
      if (phone === b.phone) break;
      if (b.agentPhone && phone === b.agentPhone.number) {
        graph.link('uses_phone', b.entity, b.agentPhone.entity, at, refs);
      } else {
        const changed = graph.addEntity('phone', maskPhone(phone), at, { clearLabel: phone, attributes: { [ATTR.owner]: PHONE_OWNER.borrower } });
        graph.link('uses_phone', b.entity, changed, at, refs);
      }
      // In person or on the phone, the agent came along and did the talking.
      if (b.gang && b.agent && (c.channel === 'branch' || c.channel === 'xinfang' || c.channel === 'hotline') && rng.chance(0.5)) {
        graph.link('represents', b.agent.entity, b.entity, at, refs);
      }
    }
  }
}

const SEAL_LABELS: Record<string, string> = {
  'diag-a': '江州市第一人民医院诊断证明专用章（印模待核）',
  'cert-diagnosis-b-altered-seal.png': '“江州市第一人民医焥”印章（印文错字）',
  'cert-poverty-b-altered.png': '“柳和村村民委员会”印章（印文错字）',
};

/** One document node per reused forged document (by reuse group) or gang letter, with the seal it bears. */
function documentEntity(g: Generation, key: string, label: string, at: string, sealLabel: string | null): Entity {
  let doc = g.documents.get(key);
  if (!doc) {
    doc = g.graph.addEntity('document', label, at, { attributes: { fingerprint: key } });
    g.documents.set(key, doc);
    if (sealLabel) {
      const seal = g.graph.addEntity('seal', sealLabel, at, { attributes: { document: label } });
      g.graph.link('same_document', doc, seal, at);
    }
  }
  return doc;
}

function verdictAt(g: Generation, c: Complaint, byId: string | null, finding: Omit<Verdict, 'byId' | 'at'>): Verdict {
  const received = Date.parse(c.receivedAt);
  const at = Math.min(g.nowMs - 3_600_000, received + g.rng.skewed(0.2, 12, 1.3) * DAY_MS);
  return { ...finding, byId: byId ?? pickAnalyst(g, false), at: iso(at) };
}

function addEvidence(g: Generation, c: Complaint, make: (id: string) => Evidence): Evidence {
  const e = make(`ev-${String(g.evidence.length + 1).padStart(6, '0')}`);
  g.evidence.push(e);
  c.evidenceIds.push(e.id);
  return e;
}

function attachEvidence(g: Generation, b: Borrower, c: Complaint) {
  const { rng, graph, samples } = g;
  const at = c.receivedAt;
  const refs = (evidenceIds: string[]) => ({ complaintId: c.id, evidenceIds });
  const source = SOURCE_BY_CHANNEL[c.channel];
  const handled = c.status !== 'new';
  const base = { complaintId: c.id, caseId: null, uploadedAt: at, uploadedById: null, source };

  if (c.complainant.kind === 'agent' && b.gang) {
    const file = samples.powerOfAttorney;
    const poa = addEvidence(g, c, (id) =>
      makeEvidence({ ...base, id, file, title: `授权委托书（${b.name}→${b.gang!.firmName}）`, verdict: UNVERIFIED, perceptualHash: perceptualHashFor(file, id) }),
    );
    c.complainant.powerOfAttorneyEvidenceId = poa.id;
  }

  if (b.gang && b.forgedFile && rng.chance(0.75)) {
    const file = b.forgedFile;
    const kind = file.file.includes('poverty') ? 'poverty' : 'diagnosis';
    const checked = handled && rng.chance(0.3);
    const findings: readonly Omit<Verdict, 'byId' | 'at'>[] = FORGERY_FINDINGS[kind];
    const verdict = checked ? verdictAt(g, c, c.assigneeId, rng.pick(findings)) : UNVERIFIED;
    const e = addEvidence(g, c, (id) => makeEvidence({ ...base, id, file, title: `${baseTitle(file)}（${b.name}提交）`, verdict, perceptualHash: perceptualHashFor(file, 'shared') }));
    const group = file.reuseGroup ?? file.file;
    const doc = documentEntity(g, `forged:${group}`, `${baseTitle(file)}（同一图像，${group}）`, at, SEAL_LABELS[group] ?? null);
    graph.link('same_document', b.entity, doc, at, refs([e.id]));
  }

  const letterChannel = c.channel === 'regulator_letter' || c.channel === '12378' || c.channel === 'email' || c.channel === 'xinfang';
  if (b.gang?.usesLetter && letterChannel && rng.chance(0.6)) {
    const file = samples.complaintLetter;
    const e = addEvidence(g, c, (id) => makeEvidence({ ...base, id, file, title: `投诉信（${b.name}）`, verdict: UNVERIFIED, perceptualHash: perceptualHashFor(file, `gang:${b.gang!.id}`) }));
    const doc = documentEntity(g, `letter:${b.gang.id}`, `投诉信模板（${b.gang.firmName}）`, at, null);
    graph.link('same_document', b.entity, doc, at, refs([e.id]));
  }

  if (b.gang && rng.chance(c.channel === 'hotline' ? 0.6 : 0.12)) attachRecording(g, b, c);

  if (b.gang && b.entity.attributes[ATTR.contact] !== CONTACT.refused && rng.chance(0.04)) {
    const file = samples.chat;
    const e = addEvidence(g, c, (id) => makeEvidence({ ...base, id, file, title: `微信群聊记录（${b.name}提供）`, source: '借款人提供（微信群聊导出）', verdict: UNVERIFIED, perceptualHash: null }));
    graph.link('called', b.entity, rng.pick(b.gang.wechat), at, refs([e.id]));
  }

  if (!b.gang && rng.chance(0.07) && samples.genuineDocuments.length) {
    const file = rng.pick(samples.genuineDocuments);
    const verdict = handled && rng.chance(0.4) ? verdictAt(g, c, c.assigneeId, rng.pick(AUTHENTIC_FINDINGS)) : UNVERIFIED;
    addEvidence(g, c, (id) => makeEvidence({ ...base, id, file, title: `${baseTitle(file)}（${b.name}）`, verdict, perceptualHash: perceptualHashFor(file, id) }));
  }

  // Agency fees: about half the clients paid the gang's account (once, before the first filing).
  if (b.gang && b.paidFee === null) {
    b.paidFee = rng.chance(0.45);
    if (b.paidFee) graph.link('paid', b.entity, rng.pick(b.gang.feeAccounts), iso(Date.parse(at) - rng.int(3, 30) * DAY_MS), { complaintId: c.id });
  }
}

/** The lender's return call, answered by an agent on the borrower's number (the SIM card was mailed to them). */
function attachRecording(g: Generation, b: Borrower, c: Complaint) {
  const { rng, graph, samples } = g;
  const gang = b.gang!;
  const uploader = c.assigneeId ?? pickAnalyst(g, false);
  const at = iso(Math.min(g.nowMs - 60_000, Date.parse(c.receivedAt) + rng.int(2, 48) * 3_600_000));
  const base = { complaintId: c.id, caseId: null, uploadedAt: at, uploadedById: uploader, source: '客服录音系统（回访录音调取）', verdict: UNVERIFIED, perceptualHash: null };
  const recording = addEvidence(g, c, (id) => makeEvidence({ ...base, id, file: samples.callRecording, title: `客服回访录音（${b.name}）` }));
  const evidenceIds = [recording.id];
  if (samples.callTranscript && rng.chance(0.4)) {
    const transcript = addEvidence(g, c, (id) => makeEvidence({ ...base, id, file: samples.callTranscript!, title: `回访录音转写（${b.name}）` }));
    evidenceIds.push(transcript.id);
  }
  const enrolled = gang.staff.filter((s) => s.entity.attributes[ATTR.voiceprint]);
  const speaker = enrolled.length && rng.chance(0.7) ? rng.pick(enrolled) : (b.agent ?? gang.staff[0]);
  graph.link('called', speaker.entity, b.phoneEntity, at, { complaintId: c.id, evidenceIds });
  graph.link('represents', speaker.entity, b.entity, at, { complaintId: c.id });
}

// ---------- after scoring: human decisions ----------

const AGENT_NOTES = [
  '已致电借款人注册手机号，接听者自称代理人，拒绝由借款人本人沟通。',
  '借款人本人电话无法接通，已发送短信提示本人联系。',
  '已调取客服回访录音，代接人员疑似既往代理人，待声纹复核。',
  '诊断证明开具医院已发函核实，等待回函。',
  '按标准口径答复：依法合规催收，不接受无资质第三方代理协商。',
  '同一借款人已在多个渠道重复投诉，合并处理。',
];
const LEGIT_NOTES = [
  '已核实还款流水，确认系代扣通道延迟入账，已申请减免罚息。',
  '已与借款人电话沟通，借款人认可处理方案。',
  '已联系催收供应商核查通话记录，确有超频外呼，已要求整改。',
  '已提交技术部门排查App还款失败问题。',
  '已为借款人提交征信异议更正申请。',
  '已退还重复扣款，借款人确认到账。',
];

/**
 * Labels and notes are human decisions informed by the scores, so they come after scoring:
 * analysts confirm most high-scoring agent complaints they have handled and mark answered genuine ones.
 */
function applyLabelsAndNotes(g: Generation, db: World) {
  const { rng } = g;
  let noteSeq = 0;
  db.complaints.forEach((c, i) => {
    const agentDriven = g.gangOf[i] != null;
    const handled = c.status === 'answered' || c.status === 'closed';
    if (agentDriven && c.riskScore >= 50) {
      const r = rng.float();
      if (handled) c.label = r < 0.55 ? 'agent_confirmed' : r < 0.7 ? 'agent_proposed' : 'none';
      else if (c.status === 'in_progress') c.label = r < 0.35 ? 'agent_proposed' : r < 0.5 ? 'agent_confirmed' : 'none';
    } else if (!agentDriven) {
      if (handled && rng.chance(0.45)) c.label = 'legitimate';
      else if (c.status === 'in_progress' && rng.chance(0.15)) c.label = 'legitimate';
    }
    if (c.status !== 'new' && c.assigneeId && rng.chance(0.08)) {
      const count = rng.int(1, 2);
      const pool = agentDriven ? AGENT_NOTES : LEGIT_NOTES;
      const received = Date.parse(c.receivedAt);
      const last = Math.max(received + 60_000, Date.parse(c.updatedAt));
      for (let n = 1; n <= count; n++) {
        const at = received + (n / (count + 1)) * (last - received);
        c.notes.push({ id: `note-${String(++noteSeq).padStart(6, '0')}`, authorId: c.assigneeId, text: rng.pick(pool), at: iso(at) });
      }
    }
  });
}

/**
 * A working team's queue: nothing open weeks past its deadline (let alone the 60-day legal maximum), and no one
 * far over capacity. Applied last and without the random stream, so every other record (and every id the
 * end-to-end tests name) stays as generated. Stale work counts as answered by its owner before its deadline.
 */
function settleWorkload(db: World, nowMs: number) {
  const present = STAFF.filter((u) => u.role === 'analyst' && !u.away).map((u) => u.id);
  const spread = (id: string) => [...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  for (const c of db.complaints) {
    if (c.status !== 'new' && c.status !== 'in_progress') continue;
    const dueMs = Date.parse(c.dueAt);
    const ageDays = (nowMs - Date.parse(c.receivedAt)) / DAY_MS;
    const longOverdue = nowMs - dueMs > 7 * DAY_MS;
    // About a third of the older work in progress is already answered: teams answer before the deadline.
    const answeredEarly = c.status === 'in_progress' && ageDays >= 7 && dueMs > nowMs && spread(c.id) % 3 === 0;
    if (!longOverdue && !answeredEarly) continue;
    c.status = 'answered';
    c.assigneeId ??= present[spread(c.id) % present.length];
    const answeredMs = Math.min(nowMs - 3_600_000, dueMs - 3_600_000, Date.parse(c.receivedAt) + Math.max(1, Math.floor(ageDays / 2)) * DAY_MS);
    c.updatedAt = iso(Math.max(Date.parse(c.receivedAt) + 3_600_000, answeredMs, Date.parse(c.updatedAt)));
  }
}