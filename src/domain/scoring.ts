/**
 * Risk scoring: one small rule per identification signal (识别标准). Each rule says WHY in Chinese and
 * points at the records that prove it, so every score the product shows can be explained.
 * Score = min(100, sum of fired weights); grade follows the wording rules of the 异常维权 guide.
 */
import type { Channel, Complaint, Entity, Evidence, EvidenceRef, Grade, Signal, SignalCode } from '@/api/schemas';
import { maskPhone } from '@/api/pii';
import { piiKey, type World } from './world';
import { ATTR, CONTACT, VOICEPRINT } from './conventions';
import { clusterTemplatesDetailed, type TemplateClustering } from './templates';
import { findPhrases, findUnverifiableStatistics, IMPERSONATION_WORDING, LEVEL1_WORDING, LEVEL2_WORDING } from './wording';

export const SIGNAL_WEIGHTS: Record<SignalCode, number> = {
  agent_in_name: 30,
  agent_accompanies: 20,
  repeated_complaints: 15,
  false_evidence_refuses_contact: 25,
  template_text: 20,
  contact_anomaly: 15,
  voiceprint_match: 25,
  document_reuse: 20,
  wording_level1: 25,
  wording_level2: 10,
};
/** Lower weights for the weaker form of two signals. */
const WEAK_WEIGHTS = { falseEvidenceOnly: 15, unregisteredPhoneOnly: 8 } as const;

/** A phone or document seen on complaints of at least this many different borrowers is shared, not personal. */
export const SHARED_BY_BORROWERS = 3;
/** A template family counts once at least this many different borrowers used the text. */
export const TEMPLATE_MIN_BORROWERS = 3;

export const CHANNEL_LABELS: Record<Channel, string> = {
  '12378': '12378热线',
  '12363': '12363热线',
  regulator_letter: '监管转办函',
  xinfang: '信访',
  heimao: '黑猫投诉',
  hotline: '客服热线',
  app: 'App',
  email: '邮件',
  branch: '网点',
};
/** Channels outside the lender: filing the same matter on two of them is 多头投诉. */
const EXTERNAL_CHANNELS = new Set<Channel>(['12378', '12363', 'regulator_letter', 'xinfang', 'heimao']);

/** Everything the rules need that isn't on the complaint itself, built once per scoring pass. */
export type ScoringContext = {
  complaintsByCustomer: Map<string, Complaint[]>;
  evidenceById: Map<string, Evidence>;
  /** Clear registered phone per customer id. */
  registeredPhone: Map<string, string>;
  /** Clear phone the complainant left, per complaint id. */
  complainantPhone: Map<string, string>;
  /** Clear number → phone entity used by an agent person or firm, and its user. */
  agentPhones: Map<string, { phone: Entity; user: Entity }>;
  /** Clear number → distinct customers whose complaints left it. */
  phoneBorrowers: DistinctIndex;
  /** Document fingerprint (perceptual hash, else sha256) → distinct customers who submitted it. */
  documentBorrowers: DistinctIndex;
  /** Powers of attorney: the same form for every client, so not counted as document reuse. */
  powerOfAttorneyIds: Set<string>;
  templates: TemplateClustering;
  familyMembers: Map<string, Complaint[]>;
  familyBorrowers: Map<string, Set<string>>;
  /** Audio evidence id → enrolled agent whose voice it carries. */
  voiceprintByEvidence: Map<string, Entity>;
  /** Complaint id → agent who accompanied the borrower or spoke for them while the borrower filed. */
  accompanyingAgent: Map<string, Entity>;
  /** Customer ids of borrowers who refuse to talk to the lender directly. */
  refusesContact: Set<string>;
  agentFirmByName: Map<string, Entity>;
  /** Employer firm of each agent person entity id. */
  firmOfPerson: Map<string, Entity>;
};

export type ScoreResult = { signals: Signal[]; riskScore: number; grade: Grade };
type Rule = { code: SignalCode; evaluate: (complaint: Complaint, ctx: ScoringContext) => Signal | null };

// ---------- helpers ----------

const complaintRef = (c: Complaint): EvidenceRef => ({ type: 'complaint', id: c.id, label: `${c.id}（${CHANNEL_LABELS[c.channel]}）` });
const evidenceRef = (e: Evidence): EvidenceRef => ({ type: 'evidence', id: e.id, label: e.title });
const entityRef = (e: Entity): EvidenceRef => ({ type: 'entity', id: e.id, label: e.label });

function signal(code: SignalCode, explanation: string, evidenceRefs: EvidenceRef[], weight = SIGNAL_WEIGHTS[code]): Signal {
  return { code, weight, explanation, evidenceRefs };
}

function evidenceOf(c: Complaint, ctx: ScoringContext): Evidence[] {
  const out: Evidence[] = [];
  for (const id of c.evidenceIds) {
    const e = ctx.evidenceById.get(id);
    if (e) out.push(e);
  }
  return out;
}

export const documentFingerprint = (e: Pick<Evidence, 'perceptualHash' | 'sha256'>): string => e.perceptualHash ?? e.sha256;
const isDocument = (e: Evidence) => e.kind === 'image' || e.kind === 'pdf';

// ---------- the rules ----------

/** 以消费者名义非法代理维权: a third party files in the borrower's name. */
export function agentInName(c: Complaint, ctx: ScoringContext): Signal | null {
  if (c.complainant.kind !== 'agent') return null;
  const who = c.complainant.agentFirm ?? c.complainant.name;
  const refs: EvidenceRef[] = [];
  const poa = c.complainant.powerOfAttorneyEvidenceId ? ctx.evidenceById.get(c.complainant.powerOfAttorneyEvidenceId) : undefined;
  if (poa) refs.push(evidenceRef(poa));
  const firm = c.complainant.agentFirm ? ctx.agentFirmByName.get(c.complainant.agentFirm) : undefined;
  if (firm) refs.push(entityRef(firm));
  const explanation = poa
    ? `投诉人为第三方（${who}）并持授权委托书代为投诉，非借款人本人`
    : `投诉人为第三方（${who}）以借款人名义代为投诉，未提供授权委托书`;
  return signal('agent_in_name', explanation, refs);
}

/** 代理人陪同投诉: the borrower filed, but an agent came along or spoke for them on the call. */
export function agentAccompanies(c: Complaint, ctx: ScoringContext): Signal | null {
  if (c.complainant.kind === 'agent') return null; // already agent_in_name
  const agent = ctx.accompanyingAgent.get(c.id);
  if (!agent) return null;
  const firm = ctx.firmOfPerson.get(agent.id);
  const how = c.channel === 'branch' || c.channel === 'xinfang' ? '到访时由代理人' : '通话中由代理人';
  return signal('agent_accompanies', `${how}${agent.label}${firm ? `（${firm.label}）` : ''}陪同并代为陈述诉求`, [entityRef(agent), ...(firm ? [entityRef(firm)] : [])]);
}

/** 缠诉闹访 / 反复投诉: the same borrower on several outside channels, or three or more times. */
export function repeatedComplaints(c: Complaint, ctx: ScoringContext): Signal | null {
  const all = ctx.complaintsByCustomer.get(c.customerId) ?? [];
  if (all.length < 2) return null;
  const external = new Set(all.filter((x) => EXTERNAL_CHANNELS.has(x.channel)).map((x) => x.channel));
  if (external.size < 2 && all.length < 3) return null;
  const channels = [...new Set(all.map((x) => x.channel))].map((ch) => CHANNEL_LABELS[ch]);
  const others = all.filter((x) => x.id !== c.id);
  return signal(
    'repeated_complaints',
    `同一借款人90天内投诉${all.length}次，涉及${channels.length}个渠道（${channels.join('、')}）`,
    others.slice(0, 5).map(complaintRef),
  );
}

/** 提供虚假证据且本人拒绝沟通: a document found forged (or suspected), worse when the borrower won't talk. */
export function falseEvidenceRefusesContact(c: Complaint, ctx: ScoringContext): Signal | null {
  const false_ = evidenceOf(c, ctx).filter((e) => e.verdict.status === 'forged' || e.verdict.status === 'suspected_forged');
  if (false_.length === 0) return null;
  const refuses = ctx.refusesContact.has(c.customerId);
  const first = false_[0];
  const verdict = first.verdict.status === 'forged' ? '经核实为伪造' : '疑似伪造';
  const why = first.verdict.reason ? `（${first.verdict.reason}）` : '';
  const explanation = refuses
    ? `提交的《${first.title}》${verdict}${why}，且借款人本人拒绝与机构直接沟通`
    : `提交的《${first.title}》${verdict}${why}`;
  return signal('false_evidence_refuses_contact', explanation, false_.map(evidenceRef), refuses ? SIGNAL_WEIGHTS.false_evidence_refuses_contact : WEAK_WEIGHTS.falseEvidenceOnly);
}

/** 模板化文本: the text is a near-copy of other borrowers' complaints. */
export function templateText(c: Complaint, ctx: ScoringContext): Signal | null {
  const familyId = ctx.templates.familyOf.get(c.id);
  if (!familyId) return null;
  const borrowers = ctx.familyBorrowers.get(familyId)?.size ?? 0;
  if (borrowers < TEMPLATE_MIN_BORROWERS) return null;
  const sim = Math.round((ctx.templates.bestSimilarity.get(c.id) ?? 0) * 100);
  const siblings: Complaint[] = [];
  for (const x of ctx.familyMembers.get(familyId) ?? []) {
    if (x.customerId !== c.customerId) siblings.push(x);
    if (siblings.length === 3) break; // families run into thousands: stop at the few refs shown
  }
  return signal(
    'template_text',
    `文本与模板族 ${familyId} 中另外${borrowers - 1}名借款人的投诉高度雷同（字符相似度约${sim}%），仅姓名、产品、金额不同`,
    siblings.map(complaintRef),
  );
}

/** 联系方式异常: the number left is an agent's, shared by unrelated borrowers, or not the registered one. */
export function contactAnomaly(c: Complaint, ctx: ScoringContext): Signal | null {
  const phone = ctx.complainantPhone.get(c.id);
  if (!phone) return null;
  const masked = maskPhone(phone);
  const agent = ctx.agentPhones.get(phone);
  if (agent) {
    return signal('contact_anomaly', `投诉留存电话${masked}为已知代理人员（${agent.user.label}）使用的号码`, [entityRef(agent.phone), entityRef(agent.user)]);
  }
  const sharers = ctx.phoneBorrowers.count(phone);
  if (sharers >= SHARED_BY_BORROWERS) {
    return signal('contact_anomaly', `投诉留存电话${masked}同时出现在${sharers}名不同借款人的投诉中`, []);
  }
  if (c.complainant.kind === 'self' && phone !== ctx.registeredPhone.get(c.customerId)) {
    return signal('contact_anomaly', `自称本人投诉，但留存电话${masked}与借款人注册手机号不一致`, [], WEAK_WEIGHTS.unregisteredPhoneOnly);
  }
  return null;
}

/** 声纹匹配: a recording attached to the complaint carries an enrolled agent's voice. */
export function voiceprintMatch(c: Complaint, ctx: ScoringContext): Signal | null {
  for (const e of evidenceOf(c, ctx)) {
    if (e.kind !== 'audio') continue;
    const agent = ctx.voiceprintByEvidence.get(e.id);
    if (!agent) continue;
    const firm = ctx.firmOfPerson.get(agent.id);
    return signal(
      'voiceprint_match',
      `录音《${e.title}》中的说话人与已建档代理人${agent.label}${firm ? `（${firm.label}）` : ''}声纹比对一致`,
      [evidenceRef(e), entityRef(agent)],
    );
  }
  return null;
}

/** 材料复用: the same document (by perceptual hash) was submitted for unrelated borrowers. */
export function documentReuse(c: Complaint, ctx: ScoringContext): Signal | null {
  const reused: { e: Evidence; borrowers: number }[] = [];
  for (const e of evidenceOf(c, ctx)) {
    if (!isDocument(e) || ctx.powerOfAttorneyIds.has(e.id)) continue;
    const borrowers = ctx.documentBorrowers.count(documentFingerprint(e));
    if (borrowers >= SHARED_BY_BORROWERS) reused.push({ e, borrowers });
  }
  if (reused.length === 0) return null;
  const { e, borrowers } = reused[0];
  const more = reused.length > 1 ? `等${reused.length}份材料` : '';
  return signal('document_reuse', `《${e.title}》${more}与另外${borrowers - 1}名借款人提交的材料为同一文件（图像感知哈希一致）`, reused.map((r) => evidenceRef(r.e)));
}

/** 一级话术, including posing as a lawyer or official. */
export function wordingLevel1(c: Complaint): Signal | null {
  const wording = findPhrases(c.text, LEVEL1_WORDING);
  const impersonation = findPhrases(c.text, IMPERSONATION_WORDING);
  if (c.complainant.agentFirm?.includes('律师事务所') && !impersonation.includes('律师事务所')) impersonation.push(c.complainant.agentFirm);
  if (wording.length === 0 && impersonation.length === 0) return null;
  const parts: string[] = [];
  if (wording.length) parts.push(`含一级异常维权话术“${wording.join('”“')}”`);
  if (impersonation.length) parts.push(`疑似冒充律师或公职人员（“${impersonation.join('”“')}”）`);
  return signal('wording_level1', `投诉${parts.join('，')}`, []);
}

/** 二级话术, including unverifiable success statistics. */
export function wordingLevel2(c: Complaint): Signal | null {
  const wording = [...findPhrases(c.text, LEVEL2_WORDING), ...findUnverifiableStatistics(c.text)];
  if (wording.length === 0) return null;
  return signal('wording_level2', `投诉含二级异常维权话术“${wording.join('”“')}”`, []);
}

export const RULES: readonly Rule[] = [
  { code: 'agent_in_name', evaluate: agentInName },
  { code: 'agent_accompanies', evaluate: agentAccompanies },
  { code: 'repeated_complaints', evaluate: repeatedComplaints },
  { code: 'false_evidence_refuses_contact', evaluate: falseEvidenceRefusesContact },
  { code: 'template_text', evaluate: templateText },
  { code: 'contact_anomaly', evaluate: contactAnomaly },
  { code: 'voiceprint_match', evaluate: voiceprintMatch },
  { code: 'document_reuse', evaluate: documentReuse },
  { code: 'wording_level1', evaluate: wordingLevel1 },
  { code: 'wording_level2', evaluate: wordingLevel2 },
];

export function gradeFor(signals: readonly Signal[]): Grade {
  if (signals.some((s) => s.code === 'wording_level1')) return 'level1';
  if (signals.some((s) => s.code === 'wording_level2')) return 'level2';
  return 'normal';
}

export function scoreComplaint(complaint: Complaint, ctx: ScoringContext): ScoreResult {
  const signals: Signal[] = [];
  for (const rule of RULES) {
    const s = rule.evaluate(complaint, ctx);
    if (s) signals.push(s);
  }
  const riskScore = Math.min(100, signals.reduce((sum, s) => sum + s.weight, 0));
  return { signals, riskScore, grade: gradeFor(signals) };
}

// ---------- context ----------

/**
 * Key → number of distinct values, for "how many borrowers used this phone / document". Most keys only
 * ever see one value, so a Set is created only when a second distinct value turns up.
 */
export class DistinctIndex {
  private readonly values = new Map<string, string | Set<string>>();
  add(key: string, value: string): void {
    const current = this.values.get(key);
    if (current === undefined) this.values.set(key, value);
    else if (typeof current === 'string') {
      if (current !== value) this.values.set(key, new Set([current, value]));
    } else current.add(value);
  }
  keys(): IterableIterator<string> {
    return this.values.keys();
  }
  count(key: string): number {
    const current = this.values.get(key);
    return current === undefined ? 0 : typeof current === 'string' ? 1 : current.size;
  }
}

function addToSetMap<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
function addToListMap<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The text the template clustering sees: the borrower's and complainant's names and the loan product
 * replaced by placeholders, so texts that differ only in those (and in amounts, which normalisation
 * collapses) come out as the same template.
 */
export function templateComparableText(c: Complaint, productNames: readonly string[]): string {
  let text = c.text;
  if (c.borrowerName && text.includes(c.borrowerName)) text = text.replaceAll(c.borrowerName, '〇');
  const other = c.complainant.name;
  if (other && other !== c.borrowerName && text.includes(other)) text = text.replaceAll(other, '〇');
  for (const p of productNames) if (text.includes(p)) text = text.replaceAll(p, '品');
  return text;
}

export type ContextOptions = {
  /** Reuse an earlier clustering (it takes most of the time) when only verdicts or links changed. */
  templates?: TemplateClustering;
};

export function buildScoringContext(db: World, options: ContextOptions = {}): ScoringContext {
  // Only agents, borrowers and firms are needed by id; indexing all ~300k entities would dominate at 100k complaints.
  const agentById = new Map<string, Entity>();
  const refusesContact = new Set<string>();
  const agentFirmByName = new Map<string, Entity>();
  for (const e of db.entities) {
    if (e.type === 'agent_person' || e.type === 'agent_firm') agentById.set(e.id, e);
    if (e.type === 'agent_firm') agentFirmByName.set(e.label, e);
    else if (e.type === 'borrower' && e.attributes[ATTR.contact] === CONTACT.refused) refusesContact.add(e.attributes[ATTR.customerId]);
  }
  const evidenceById = new Map<string, Evidence>();
  for (const e of db.evidence) evidenceById.set(e.id, e);

  const complaintsByCustomer = new Map<string, Complaint[]>();
  const complainantPhone = new Map<string, string>();
  const phoneBorrowers = new DistinctIndex();
  const documentBorrowers = new DistinctIndex();
  const powerOfAttorneyIds = new Set<string>();
  for (const c of db.complaints) {
    addToListMap(complaintsByCustomer, c.customerId, c);
    const phone = db.pii[piiKey('complaint', c.id, 'complainantPhone')];
    if (phone) {
      complainantPhone.set(c.id, phone);
      phoneBorrowers.add(phone, c.customerId);
    }
    const poa = c.complainant.powerOfAttorneyEvidenceId;
    if (poa) powerOfAttorneyIds.add(poa);
    for (const evidenceId of c.evidenceIds) {
      const e = evidenceById.get(evidenceId);
      if (e && isDocument(e) && evidenceId !== poa) documentBorrowers.add(documentFingerprint(e), c.customerId);
    }
  }

  const registeredPhone = new Map<string, string>();
  const productSet = new Set<string>();
  for (const cu of db.customers) {
    const phone = db.pii[piiKey('customer', cu.id, 'phone')];
    if (phone) registeredPhone.set(cu.id, phone);
    for (const loan of cu.loans) productSet.add(loan.product);
  }
  // Longest first, so 消费分期 is replaced before a shorter product name inside it.
  const productNames = [...productSet].sort((a, b) => b.length - a.length);

  const agentPhoneLinks: { phoneId: string; user: Entity }[] = [];
  const voiceprintByEvidence = new Map<string, Entity>();
  const accompanyingAgent = new Map<string, Entity>();
  const firmOfPerson = new Map<string, Entity>();
  for (const link of db.links) {
    const source = agentById.get(link.source);
    if (!source) continue; // every fact read here starts at an agent
    if (link.type === 'uses_phone') {
      agentPhoneLinks.push({ phoneId: link.target, user: source });
    } else if (link.type === 'employed_by') {
      const firm = agentById.get(link.target);
      if (firm && source.type === 'agent_person') firmOfPerson.set(source.id, firm);
    } else if (link.type === 'represents' && source.type === 'agent_person') {
      for (const complaintId of link.complaintIds) if (!accompanyingAgent.has(complaintId)) accompanyingAgent.set(complaintId, source);
    } else if (link.type === 'called' && source.type === 'agent_person' && source.attributes[ATTR.voiceprint] === VOICEPRINT.enrolled) {
      for (const evidenceId of link.evidenceIds) if (!voiceprintByEvidence.has(evidenceId)) voiceprintByEvidence.set(evidenceId, source);
    }
  }
  const agentPhones = resolveAgentPhones(db, agentPhoneLinks);

  const templates =
    options.templates ?? clusterTemplatesDetailed(db.complaints.map((c) => ({ id: c.id, text: templateComparableText(c, productNames) })));
  const familyMembers = new Map<string, Complaint[]>();
  const familyBorrowers = new Map<string, Set<string>>();
  for (const c of db.complaints) {
    const familyId = templates.familyOf.get(c.id);
    if (!familyId) continue;
    addToListMap(familyMembers, familyId, c);
    addToSetMap(familyBorrowers, familyId, c.customerId);
  }

  return {
    complaintsByCustomer,
    evidenceById,
    registeredPhone,
    complainantPhone,
    agentPhones,
    phoneBorrowers,
    documentBorrowers,
    powerOfAttorneyIds,
    templates,
    familyMembers,
    familyBorrowers,
    voiceprintByEvidence,
    accompanyingAgent,
    refusesContact,
    agentFirmByName,
    firmOfPerson,
  };
}

/** Clear number → the phone entity an agent uses (phones only: agents' WeChat ids use the same link type). */
function resolveAgentPhones(db: World, links: { phoneId: string; user: Entity }[]): Map<string, { phone: Entity; user: Entity }> {
  const userByPhoneId = new Map<string, Entity>();
  for (const { phoneId, user } of links) if (!userByPhoneId.has(phoneId)) userByPhoneId.set(phoneId, user);
  const out = new Map<string, { phone: Entity; user: Entity }>();
  if (userByPhoneId.size === 0) return out;
  for (const e of db.entities) {
    const user = e.type === 'phone' ? userByPhoneId.get(e.id) : undefined;
    if (!user) continue;
    const number = db.pii[piiKey('entity', e.id, 'label')];
    if (number && !out.has(number)) out.set(number, { phone: e, user });
  }
  return out;
}

/**
 * Scores every complaint in place (signals, riskScore, grade, template family) and returns the
 * context, which callers may keep to re-score single complaints later.
 */
export function scoreAll(db: World, options: ContextOptions = {}): ScoringContext {
  const ctx = buildScoringContext(db, options);
  for (const c of db.complaints) {
    const { signals, riskScore, grade } = scoreComplaint(c, ctx);
    const familyId = ctx.templates.familyOf.get(c.id) ?? null;
    c.signals = signals;
    c.riskScore = riskScore;
    c.grade = grade;
    c.templateFamilyId = familyId;
    c.templateFamilySize = familyId ? (ctx.templates.familySize.get(familyId) ?? 0) : 0;
  }
  return ctx;
}
