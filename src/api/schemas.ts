/**
 * The contract: every entity the workbench exchanges with its backend.
 * Client, mock backend, forms and exports all import their types from here, so a shape changes in one place.
 */
import { z } from 'zod';

const isoDateTime = z.string().datetime({ offset: true });
const id = z.string().min(1);
/** Personal data travels masked (e.g. 187****1094); the clear value only comes from the reveal endpoint. */
const masked = z.string().regex(/\*{2,}/, 'personal data must be masked');
const version = z.number().int().nonnegative();
/** A calendar day in Beijing time, as people pick it: 2026-11-03. */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  // Date.parse rolls 2026-02-30 over to March: the day must read back as written.
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'not a calendar day');

// ---------- Users ----------
export const roleSchema = z.enum(['analyst', 'lead', 'auditor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id,
  name: z.string(),
  role: roleSchema,
  team: z.string(),
  away: z.boolean(),
  capacity: z.number().int().positive(),
});
export type User = z.infer<typeof userSchema>;

// ---------- Customers (borrowers) ----------
export const loanSchema = z.object({
  loanId: id,
  product: z.string(),
  principal: z.number().nonnegative(),
  outstanding: z.number().nonnegative(),
  overdueDays: z.number().int().nonnegative(),
  disbursedAt: isoDateTime,
});
export const customerSchema = z.object({
  id,
  name: z.string(),
  idNumber: masked,
  phone: masked,
  bankAccount: masked,
  city: z.string(),
  loans: z.array(loanSchema).min(1),
});
export type Customer = z.infer<typeof customerSchema>;

// ---------- Signals and risk ----------
export const signalCodeSchema = z.enum([
  'agent_in_name', // 以消费者名义非法代理维权
  'agent_accompanies', // 代理人陪同投诉 / on the call
  'repeated_complaints', // 缠诉闹访 / 反复投诉 across channels or lenders
  'false_evidence_refuses_contact', // 提供虚假证据且本人拒绝沟通
  'template_text', // 模板化文本 >= 90% similar
  'contact_anomaly', // 联系方式异常
  'voiceprint_match', // 声纹匹配
  'document_reuse', // 材料复用 / 印章异常
  'wording_level1', // 一级话术
  'wording_level2', // 二级话术
]);
export type SignalCode = z.infer<typeof signalCodeSchema>;

export const evidenceRefSchema = z.object({
  type: z.enum(['evidence', 'complaint', 'entity']),
  id,
  label: z.string(),
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const signalSchema = z.object({
  code: signalCodeSchema,
  weight: z.number(),
  explanation: z.string().min(1),
  evidenceRefs: z.array(evidenceRefSchema),
});
export type Signal = z.infer<typeof signalSchema>;

export const gradeSchema = z.enum(['level1', 'level2', 'normal']); // 一级 / 二级 / 正常
export type Grade = z.infer<typeof gradeSchema>;
/** 情绪导向: wording that signals escalation (群访, 媒体曝光, 起诉, 集体投诉), or that a person may harm themselves. */
export const moodSchema = z.enum(['escalation', 'self_harm']);
export type Mood = z.infer<typeof moodSchema>;

// ---------- Complaints ----------
export const channelSchema = z.enum([
  '12378', // national financial regulator hotline, transferred
  '12363', // central bank
  'regulator_letter',
  'xinfang', // 信访
  'heimao', // 黑猫投诉 / social media
  'hotline', // lender's own hotline
  'app',
  'email',
  'branch',
]);
export type Channel = z.infer<typeof channelSchema>;

export const complainantKindSchema = z.enum(['self', 'relative', 'agent']);
export const complainantSchema = z.object({
  kind: complainantKindSchema,
  name: z.string(),
  phone: masked,
  idNumber: masked,
  agentFirm: z.string().nullable(),
  /** Evidence id of the 授权委托书 when an agent files. */
  powerOfAttorneyEvidenceId: id.nullable(),
});
export type Complainant = z.infer<typeof complainantSchema>;

export const demandSchema = z.enum([
  'stop_collection', // 停催
  'waive_interest', // 减免息
  'suspend_interest', // 停息挂账
  'credit_repair', // 征信修复
  'refund', // 退还费用
  'installment', // 个性化分期
  'apology',
]);
export type Demand = z.infer<typeof demandSchema>;

export const complaintStatusSchema = z.enum(['new', 'in_progress', 'answered', 'closed']);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

/** The agent-driven label is separate from handling status: a legitimate complaint is still answered on time. */
export const complaintLabelSchema = z.enum(['none', 'legitimate', 'agent_proposed', 'agent_confirmed']);
export type ComplaintLabel = z.infer<typeof complaintLabelSchema>;

export const deadlineKindSchema = z.enum(['standard', 'complex', 'extended']); // 15 / 30 / 60 days
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;

export const noteSchema = z.object({
  id,
  authorId: id,
  text: z.string().min(1),
  at: isoDateTime,
  /** Colleagues @mentioned in the text (user ids), so they can be told. */
  mentions: z.array(id).optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const complaintSchema = z.object({
  id,
  channel: channelSchema,
  regulatorRef: z.string().nullable(),
  customerId: id,
  borrowerName: z.string(),
  complainant: complainantSchema,
  demands: z.array(demandSchema),
  text: z.string(),
  receivedAt: isoDateTime,
  deadlineKind: deadlineKindSchema,
  dueAt: isoDateTime,
  status: complaintStatusSchema,
  /** When the complaint was answered (moved to answered or closed); absent on records kept before it was tracked. */
  answeredAt: isoDateTime.nullish(),
  label: complaintLabelSchema,
  riskScore: z.number().min(0).max(100),
  grade: gradeSchema,
  signals: z.array(signalSchema),
  assigneeId: id.nullable(),
  caseId: id.nullable(),
  templateFamilyId: id.nullable(),
  templateFamilySize: z.number().int().nonnegative(),
  evidenceIds: z.array(id),
  notes: z.array(noteSchema),
  /** 情绪导向 read from the wording: escalation (群访, 媒体曝光…) or a person who may harm themselves. */
  mood: moodSchema.nullish(),
  version,
  updatedAt: isoDateTime,
});
export type Complaint = z.infer<typeof complaintSchema>;

/**
 * A complaint as lists carry it: what the queue's columns, selection and bulk actions read. The text,
 * notes, evidence and each signal's evidence come with the complaint itself; they were about two thirds
 * of a queue page, which every filter or sort change waited to serialise, copy and validate.
 */
export const complaintRowSchema = complaintSchema.omit({ text: true, notes: true, evidenceIds: true, signals: true }).extend({
  signals: z.array(signalSchema.omit({ evidenceRefs: true })),
});
export type ComplaintRow = z.infer<typeof complaintRowSchema>;

// ---------- Evidence ----------
export const evidenceKindSchema = z.enum(['image', 'pdf', 'audio', 'chat', 'text']);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;
export const verdictStatusSchema = z.enum(['unverified', 'authentic', 'suspected_forged', 'forged']);
export type VerdictStatus = z.infer<typeof verdictStatusSchema>;

export const verdictSchema = z.object({
  status: verdictStatusSchema,
  reason: z.string(),
  method: z.string(),
  byId: id.nullable(),
  at: isoDateTime.nullable(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const annotationSchema = z.object({
  id,
  /** 1-based page for PDFs, null for images. */
  page: z.number().int().positive().nullable(),
  /** Rectangle in fractions of the page/image so it survives zoom and resizing. */
  rect: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().min(0).max(1), h: z.number().min(0).max(1) }),
  note: z.string(),
  signalCode: signalCodeSchema.nullable(),
  authorId: id,
  at: isoDateTime,
});
export type Annotation = z.infer<typeof annotationSchema>;

export const custodyEventSchema = z.object({
  at: isoDateTime,
  actorId: id,
  action: z.enum(['uploaded', 'viewed', 'verdict', 'annotated', 'exported']),
  detail: z.string(),
  /** The verdict reached, for a verdict event (its reason is the detail). */
  verdict: verdictStatusSchema.optional(),
});
export type CustodyEvent = z.infer<typeof custodyEventSchema>;

export const evidenceSchema = z.object({
  id,
  kind: evidenceKindSchema,
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string(),
  source: z.string(),
  complaintId: id.nullable(),
  caseId: id.nullable(),
  uploadedAt: isoDateTime,
  uploadedById: id.nullable(),
  verdict: verdictSchema,
  annotations: z.array(annotationSchema),
  custody: z.array(custodyEventSchema),
  /** 64-bit perceptual hash (hex) of an image or a PDF's first page, for reuse detection. */
  perceptualHash: z.string().nullable(),
  version,
});
export type Evidence = z.infer<typeof evidenceSchema>;

// ---------- Relationship graph ----------
export const entityTypeSchema = z.enum([
  'borrower',
  'complainant',
  'agent_person',
  'agent_firm',
  'phone',
  'im_account', // WeChat / QQ id
  'device',
  'ip',
  'bank_account',
  'address',
  'document',
  'seal',
  'complaint',
]);
export type EntityType = z.infer<typeof entityTypeSchema>;

export const entitySchema = z.object({
  id,
  type: entityTypeSchema,
  /** Display label; personal identifiers in it are masked. */
  label: z.string(),
  attributes: z.record(z.string(), z.string()),
  /** Very common nodes (the lender's own service number) that would glue unrelated people together. */
  isHub: z.boolean(),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
});
export type Entity = z.infer<typeof entitySchema>;

export const linkTypeSchema = z.enum([
  'uses_phone',
  'represents',
  'employed_by',
  'paid',
  'submitted',
  'shares_device',
  'same_document',
  'called',
]);
export type LinkType = z.infer<typeof linkTypeSchema>;

export const linkSchema = z.object({
  id,
  type: linkTypeSchema,
  source: id,
  target: id,
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  complaintIds: z.array(id),
  evidenceIds: z.array(id),
});
export type Link = z.infer<typeof linkSchema>;

export const graphSchema = z.object({ entities: z.array(entitySchema), links: z.array(linkSchema) });
export type Graph = z.infer<typeof graphSchema>;

// --- graph ---
/** Node positions of a case's graph picture, so it looks the same next time (kept beside the case, keyed by case id). */
export const graphLayoutSchema = z.object({
  caseId: id,
  entityIds: z.array(id),
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
  savedById: id,
  savedAt: isoDateTime,
  version: z.number().int().nonnegative(),
});
export type GraphLayout = z.infer<typeof graphLayoutSchema>;
export const graphLayoutSaveSchema = graphLayoutSchema.pick({ entityIds: true, positions: true }).extend({ version: z.number().int().nonnegative() });
export type GraphLayoutSave = z.infer<typeof graphLayoutSaveSchema>;

// ---------- Cases ----------
export const caseStatusSchema = z.enum([
  'new', // 新建
  'investigating', // 调查中
  'pending_review', // 待复核
  'reported', // 已报案
  'accepted', // 已受理
  'filed', // 已立案
  'rejected', // 不予立案
  'closed', // 结案
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export const prioritySchema = z.enum(['high', 'medium', 'low']);
export type Priority = z.infer<typeof prioritySchema>;

export const caseSchema = z.object({
  id,
  title: z.string().min(1),
  status: caseStatusSchema,
  priority: prioritySchema,
  assigneeId: id.nullable(),
  target: z.object({ kind: z.enum(['gang', 'agent_firm', 'person']), label: z.string(), entityIds: z.array(id) }),
  complaintIds: z.array(id),
  entityIds: z.array(id),
  evidenceIds: z.array(id),
  referralIds: z.array(id),
  notes: z.array(noteSchema),
  policeReceiptNo: z.string().nullable(),
  acceptedAt: isoDateTime.nullable(),
  filedAt: isoDateTime.nullable(),
  dueAt: isoDateTime,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version,
});
export type Case = z.infer<typeof caseSchema>;

// ---------- Police referrals (报案材料) ----------
export const chargeSchema = z.enum([
  'extortion', // 敲诈勒索罪
  'forging_company_seal', // 伪造公司、企业、事业单位、人民团体印章罪
  'forging_state_documents', // 伪造、变造、买卖国家机关公文、证件、印章罪
  'contract_fraud', // 合同诈骗罪
  'fraud', // 诈骗罪
  'personal_information', // 侵犯公民个人信息罪
  'disturbing_order', // 扰乱单位秩序 (治安管理处罚法, administrative)
]);
export type Charge = z.infer<typeof chargeSchema>;

export const referralStatusSchema = z.enum(['draft', 'approved', 'submitted', 'accepted', 'filed', 'rejected']);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

export const referralFactSchema = z.object({
  id,
  time: z.string(),
  place: z.string(),
  means: z.string(),
  consequence: z.string(),
  evidenceIds: z.array(id),
});
export const referralEvidenceItemSchema = z.object({
  evidenceId: id,
  description: z.string(),
  source: z.string(),
  pages: z.number().int().nonnegative(),
  verdict: verdictStatusSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  factIds: z.array(id),
});
export const reportedPartySchema = z.object({
  entityId: id,
  kind: z.enum(['person', 'firm']),
  name: z.string(),
  idNumber: masked.nullable(),
  phone: masked.nullable(),
  address: z.string().nullable(),
});

export const referralSchema = z.object({
  id,
  caseId: id,
  status: referralStatusSchema,
  addressee: z.string(), // police unit
  reportingInstitution: z.string(),
  handler: z.object({ name: z.string(), title: z.string(), powerOfAttorneyEvidenceId: id.nullable() }),
  reportedParties: z.array(reportedPartySchema),
  cause: z.string(), // 案由
  charges: z.array(chargeSchema),
  facts: z.array(referralFactSchema),
  amountInvolved: z.number().nonnegative(),
  evidence: z.array(referralEvidenceItemSchema), // in package order
  approvedById: id.nullable(),
  approvedAt: isoDateTime.nullable(),
  submission: z
    .object({ date: isoDateTime, policeUnit: z.string(), officer: z.string(), receiptNo: z.string().nullable() })
    .nullable(),
  outcome: z
    .object({
      acceptedAt: isoDateTime.nullable(),
      filedAt: isoDateTime.nullable(),
      rejectedAt: isoDateTime.nullable(),
      rejectionReason: z.string().nullable(),
      reviewRequested: z.boolean(),
    })
    .nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version,
});
export type Referral = z.infer<typeof referralSchema>;

// --- referrals ---
/** Tracking after approval: 提交 → 受理 (接报案回执) → 立案 or 不予立案 (复议 requested or not). */
export const referralTrackingSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version, date: isoDateTime, policeUnit: z.string().trim().min(1), officer: z.string().trim().min(1), receiptNo: z.string().trim().min(1).nullable() }),
  z.object({ action: z.literal('accept'), version, at: isoDateTime, receiptNo: z.string().trim().min(1) }),
  z.object({ action: z.literal('file'), version, at: isoDateTime }),
  z.object({ action: z.literal('reject'), version, at: isoDateTime, reason: z.string().trim().min(2), reviewRequested: z.boolean() }),
]);
export type ReferralTracking = z.infer<typeof referralTrackingSchema>;

/** What happened to a referral on a day: submitted, 受理, 立案 (criminal or administrative), 不予立案. */
export const referralEventSchema = z.enum(['submitted', 'accepted', 'filedCriminal', 'filedAdministrative', 'rejected']);
export type ReferralEvent = z.infer<typeof referralEventSchema>;
/** The referral list: one case's, or those whose `event` fell on or between two days (in a team's cases). */
export const referralListQuerySchema = z.object({
  caseId: z.string().min(1).optional(),
  event: referralEventSchema.optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  team: z.string().max(64).optional(),
});
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;

/** Reported persons and firms the case knows of (masked), for the builder to pick from. */
export const referralPartyCandidatesSchema = z.array(reportedPartySchema);

/** What an export needs that the referral does not carry: clear personal data and the evidence files. Audited. */
export const referralExportRequestSchema = z.object({ version, reason: z.string().trim().min(2) });
export const referralExportSchema = z.object({
  parties: z.array(z.object({ entityId: id, idNumber: z.string().nullable(), phone: z.string().nullable() })),
  files: z.array(z.object({ evidenceId: id, fileName: z.string(), mime: z.string(), size: z.number().int().nonnegative(), url: z.string() })),
  auditEventId: id,
});
export type ReferralExport = z.infer<typeof referralExportSchema>;

// ---------- Audit trail ----------
export const auditActionSchema = z.enum([
  'reveal_pii',
  'assign',
  'status_change',
  'label_change',
  'note',
  'verdict',
  'annotate',
  'evidence_added',
  'evidence_viewed',
  'case_create',
  'case_update',
  'referral_update',
  'approve',
  'export',
  'session_switch',
  'demo_reset',
  'capacity_change',
  'login',
  'login_failed',
  'account_locked',
  'logout',
  'user_create',
  'user_update',
  'password_reset',
  'trail_verify',
  'sharing',
  'institution_update',
  'alert',
  'alert_rule_change',
  'demo_wave',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;
export const recordTypeSchema = z.enum(['complaint', 'customer', 'case', 'evidence', 'referral', 'entity', 'user', 'system', 'sharing', 'institution', 'alert']);
export type RecordType = z.infer<typeof recordTypeSchema>;

/**
 * What an event says, as data: every screen and export turns it into a sentence in the reader's language
 * (src/domain/audit-sentence.ts), with people's names. `kind` names the sentence; the other fields fill it.
 */
export const auditKindSchema = z.enum([
  'assigned',
  'status',
  'deadlineKind',
  'label',
  'note',
  'joinedCase',
  'leftCase',
  'caseCreated',
  'caseStatus',
  'caseTitle',
  'casePriority',
  'entitiesAdded',
  'complaintsAdded',
  'complaintsRemoved',
  'layoutSaved',
  'merged',
  'mergedInto',
  'uploaded',
  'annotated',
  'viewed',
  'exported',
  'verdict',
  'referralDrafted',
  'referralEdited',
  'referralApproved',
  'referralTracking',
  'referralExported',
  'piiRevealed',
  'capacity',
  'auditExported',
  'loopExported',
  'trailVerified',
  'signedIn',
  'signInFailed',
  'accountLocked',
  'signedOut',
  'userCreated',
  'userUpdated',
  'passwordReset',
  'demoReset',
  'roleSwitched',
  'sharingCreated',
  'sharingIdentifiers',
  'sharingExported',
  'sharingImported',
  'sharingMatched',
  'sharingTagged',
  'sharingCancelled',
  'institutionSaved',
  'peerAdded',
  'peerRevoked',
  'alertRaised',
  'alertGrew',
  'alertAcknowledged',
  'alertAssigned',
  'alertSnoozed',
  'alertClosed',
  'alertCase',
  'alertRule',
  'demoWave',
]);
export type AuditKind = z.infer<typeof auditKindSchema>;
export const auditDetailSchema = z.object({
  kind: auditKindSchema,
  /** Values before and after (codes: a status, a label, a user id), rendered by the sentence. */
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  /** Another record the event names: the case a complaint joined, the case merged in. */
  related: z.object({ type: recordTypeSchema, id: z.string() }).optional(),
  /** Record ids or field names the change touched. */
  ids: z.array(z.string()).optional(),
  count: z.number().int().nonnegative().optional(),
  /** Words the user wrote (a note, a file name), shown as written. */
  text: z.string().optional(),
  auto: z.boolean().optional(),
});
export type AuditDetail = z.infer<typeof auditDetailSchema>;

export const auditEventSchema = z.object({
  id,
  at: isoDateTime,
  actorId: id,
  action: auditActionSchema,
  recordType: recordTypeSchema,
  recordId: z.string(),
  /** A plain-text line kept for events recorded before `detail` existed; screens prefer `detail`. */
  summary: z.string(),
  reason: z.string().nullable(),
  detail: auditDetailSchema.nullish(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

// ---------- Envelopes, queries and commands ----------
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative(), page: z.number().int().positive(), pageSize: z.number().int().positive() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Body of every error response; a 409 also carries the record as it is now, so nothing is silently lost. */
export const errorBodySchema = z.object({
  code: z.enum(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'validation', 'server_error']),
  message: z.string(),
  current: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? (v === '' ? [] : v.split(',')) : v), z.array(item)).optional();

export const complaintSortFieldSchema = z.enum(['receivedAt', 'dueAt', 'riskScore', 'channel', 'status', 'templateFamilySize']);
export const complaintQuerySchema = z.object({
  status: csv(complaintStatusSchema),
  label: csv(complaintLabelSchema),
  channel: csv(channelSchema),
  grade: csv(gradeSchema),
  signal: csv(signalCodeSchema),
  /** 'me', 'unassigned' or a user id */
  assignee: z.string().optional(),
  /** Open work past or near its deadline; or answered work, within its deadline (met) or after it (late). */
  deadline: z.enum(['overdue', 'within1', 'within3', 'within7', 'met', 'late']).optional(),
  family: z.string().optional(),
  /** The complaints behind an early-warning alert. */
  alert: z.string().max(64).optional(),
  /** Received on or after / on or before these Beijing calendar days. */
  receivedFrom: calendarDay.optional(),
  receivedTo: calendarDay.optional(),
  /** Assigned to someone in this team. */
  team: z.string().max(64).optional(),
  q: z.string().optional(),
  sort: complaintSortFieldSchema.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().positive().max(500).optional(),
});
export type ComplaintQuery = z.infer<typeof complaintQuerySchema>;

export const complaintPatchSchema = z.object({
  version,
  assigneeId: id.nullable().optional(),
  status: complaintStatusSchema.optional(),
  label: complaintLabelSchema.optional(),
  labelReason: z.string().optional(),
  deadlineKind: deadlineKindSchema.optional(),
  note: z.string().min(1).optional(),
});
export type ComplaintPatch = z.infer<typeof complaintPatchSchema>;

export const caseQuerySchema = z.object({
  status: csv(caseStatusSchema),
  assignee: z.string().optional(),
  priority: csv(prioritySchema),
  due: z.enum(['overdue', 'within7', 'within30']).optional(),
  /** What the case pursues: a gang, an agent firm, a person. */
  target: z.enum(['gang', 'agent_firm', 'person']).optional(),
  /** Opened on or between these Beijing days. */
  createdFrom: calendarDay.optional(),
  createdTo: calendarDay.optional(),
  /** Assigned to someone in this team. */
  team: z.string().max(64).optional(),
  q: z.string().optional(),
  page: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().positive().max(500).optional(),
});
export type CaseQuery = z.infer<typeof caseQuerySchema>;

export const caseCreateSchema = z
  .object({
    title: z.string().trim().min(1),
    priority: prioritySchema,
    /** From a queue selection. */
    complaintIds: z.array(id).default([]),
    /** From a graph community: complaints linked to these entities join the case too. */
    entityIds: z.array(id).default([]),
    assigneeId: id.nullable().default(null),
    targetKind: z.enum(['gang', 'agent_firm', 'person']).optional(),
    /**
     * Complaints that come along through `entityIds` but already belong to another case: left there (the default,
     * so nothing moves unasked), or moved into this one, the other case's trail recording which left and where to.
     * Complaints picked by id always join.
     */
    inOtherCase: z.enum(['leave', 'move']).default('leave'),
  })
  .refine((b) => b.complaintIds.length + b.entityIds.length > 0, { message: 'complaintIds or entityIds required', path: ['complaintIds'] });
export type CaseCreate = z.input<typeof caseCreateSchema>;

/** What a new case (or an addition to a case) from these complaints and graph entities would hold, before it is made. */
export const casePreviewRequestSchema = z.object({ complaintIds: z.array(id).default([]), entityIds: z.array(id).default([]), caseId: id.optional() });
export type CasePreviewRequest = z.input<typeof casePreviewRequestSchema>;
export const casePreviewSchema = z.object({
  complaints: z.array(
    z.object({
      id,
      borrowerName: z.string(),
      grade: gradeSchema,
      /** The case it belongs to now (other than the one being added to), if any. */
      caseId: id.nullable(),
      caseTitle: z.string().nullable(),
      caseStatus: caseStatusSchema.nullable(),
    }),
  ),
});
export type CasePreview = z.infer<typeof casePreviewSchema>;

export const casePatchSchema = z.object({
  version,
  title: z.string().min(1).optional(),
  status: caseStatusSchema.optional(),
  statusReason: z.string().optional(),
  priority: prioritySchema.optional(),
  assigneeId: id.nullable().optional(),
  policeReceiptNo: z.string().optional(),
  /** Dates the police gave (接报案回执 / 立案); default to now when the status changes. */
  acceptedAt: isoDateTime.optional(),
  filedAt: isoDateTime.optional(),
  note: z.string().min(1).optional(),
  mentions: z.array(id).optional(),
  addComplaintIds: z.array(id).optional(),
  removeComplaintIds: z.array(id).optional(),
  /** Graph "add to case": entities joined to the case (already present ones are ignored). */
  addEntityIds: z.array(id).optional(),
});
export type CasePatch = z.infer<typeof casePatchSchema>;

export const verdictPatchSchema = z.object({
  version,
  status: verdictStatusSchema,
  reason: z.string().min(1),
  method: z.string().min(1),
});
export type VerdictPatch = z.infer<typeof verdictPatchSchema>;

export const referralPatchSchema = referralSchema
  .pick({ addressee: true, reportingInstitution: true, handler: true, reportedParties: true, cause: true, charges: true, facts: true, amountInvolved: true, evidence: true })
  .partial()
  .extend({ version });
export type ReferralPatch = z.infer<typeof referralPatchSchema>;

export const auditQuerySchema = z.object({
  actorId: z.string().optional(),
  action: csv(auditActionSchema),
  recordType: recordTypeSchema.optional(),
  recordId: z.string().optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  page: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().positive().max(1000).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const piiFieldSchema = z.enum(['idNumber', 'phone', 'bankAccount', 'complainantPhone', 'complainantIdNumber', 'label']);
export const revealRequestSchema = z.object({
  recordType: z.enum(['customer', 'complaint', 'entity']),
  recordId: id,
  field: piiFieldSchema,
  reason: z.string().trim().min(2, 'a reason is required'),
});
export type RevealRequest = z.infer<typeof revealRequestSchema>;
export const revealResponseSchema = z.object({ value: z.string(), auditEventId: id });

export const sessionSchema = z.object({ user: userSchema, demo: z.boolean() });
export type Session = z.infer<typeof sessionSchema>;
export const sessionSwitchSchema = z.object({ userId: id });

// ---------- Sign-in and accounts (the server; the in-browser demo switches roles instead) ----------
export const loginSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });
export type Login = z.infer<typeof loginSchema>;
/** What the sign-in page may show before anyone signs in: the demo accounts, only while the data is demo data. */
export const demoInfoSchema = z.object({
  demo: z.boolean(),
  password: z.string().nullable(),
  accounts: z.array(z.object({ username: z.string(), role: roleSchema, name: z.string() })),
});
export type DemoInfo = z.infer<typeof demoInfoSchema>;

export const accountSchema = userSchema.extend({
  username: z.string(),
  disabled: z.boolean(),
  lockedUntil: isoDateTime.nullable(),
  createdAt: isoDateTime,
  version,
});
export type Account = z.infer<typeof accountSchema>;
const username = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'username: 2–32 lower-case letters, digits, . _ -');
const newPassword = z.string().min(12, 'password: at least 12 characters').max(256);
export const accountCreateSchema = z.object({
  username,
  name: z.string().trim().min(1).max(40),
  role: roleSchema,
  team: z.string().trim().max(40).default(''),
  capacity: z.number().int().positive().max(500).default(40),
  password: newPassword,
});
export type AccountCreate = z.input<typeof accountCreateSchema>;
export const accountPatchSchema = z.object({
  version,
  name: z.string().trim().min(1).max(40).optional(),
  role: roleSchema.optional(),
  team: z.string().trim().max(40).optional(),
  capacity: z.number().int().positive().max(500).optional(),
  away: z.boolean().optional(),
  disabled: z.boolean().optional(),
});
export type AccountPatch = z.infer<typeof accountPatchSchema>;
export const passwordResetSchema = z.object({ version, password: newPassword });

export const trailCheckSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  firstBroken: z.object({ seq: z.number().int(), id: z.string(), at: isoDateTime, problem: z.enum(['hash', 'link', 'sequence']) }).nullable(),
  auditEventId: id,
});
export type TrailCheckResult = z.infer<typeof trailCheckSchema>;

export const graphQuerySchema = z.object({
  entityId: id,
  depth: z.coerce.number().int().min(1).max(3).optional(),
  linkTypes: csv(linkTypeSchema),
  excludeHubs: z.preprocess((v) => v === 'true' || v === true, z.boolean()).optional(),
  limit: z.coerce.number().int().positive().max(5000).optional(),
});
export type GraphQuery = z.infer<typeof graphQuerySchema>;

export const dashboardStatsSchema = z.object({
  complaints: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  dueWithin3Days: z.number().int(),
  unassigned: z.number().int(),
  byGrade: z.record(gradeSchema, z.number().int()),
  byChannel: z.record(channelSchema, z.number().int()),
  byLabel: z.record(complaintLabelSchema, z.number().int()),
  agentFirms: z.number().int(),
  templateFamilies: z.number().int(),
  reusedDocuments: z.number().int(),
  cases: z.record(caseStatusSchema, z.number().int()),
  referrals: z.number().int(),
});
export type DashboardStats = z.infer<typeof dashboardStatsSchema>;

// --- the loop dashboard (预警 → 识别 → 应对 → 报案 → 行业协同) ---
export const loopQuerySchema = z
  .object({ from: calendarDay, to: calendarDay, team: z.string().max(64).optional(), channel: csv(channelSchema) })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'at most a year at a time', path: ['to'] });
export type LoopQuery = z.infer<typeof loopQuerySchema>;
export const loopStageSchema = z.enum(['warning', 'identify', 'respond', 'report', 'share']);
export type LoopStage = z.infer<typeof loopStageSchema>;
export const loopFigureKeySchema = z.enum([
  'alertsRaised',
  'alertsActed',
  'received',
  'agentProposed',
  'agentConfirmed',
  'falseMaterialBorrowers',
  'agentFirms',
  'gangs',
  'answeredOnTime',
  'answeredLate',
  'legitimateOnTime',
  'legitimateLate',
  'openOverdue',
  'medianHandlingDays',
  'referralsSubmitted',
  'referralsAccepted',
  'filedCriminal',
  'filedAdministrative',
  'referralsRejected',
  'sharingSessions',
  'sharingMatches',
]);
export type LoopFigureKey = z.infer<typeof loopFigureKeySchema>;
/** Where a figure's records are listed: a screen and its URL filters. */
export const loopLinkSchema = z.object({ screen: z.enum(['queue', 'cases', 'referrals', 'sharing', 'graph', 'alerts']), params: z.record(z.string(), z.string()) });
export type LoopLink = z.infer<typeof loopLinkSchema>;
export const loopFigureSchema = z.object({
  key: loopFigureKeySchema,
  /** null: not measured (a stage not running yet, a median of nothing). */
  value: z.number().nullable(),
  previous: z.number().nullable(),
  link: loopLinkSchema.nullable(),
});
export type LoopFigure = z.infer<typeof loopFigureSchema>;
export const loopWeekSchema = z.object({
  /** The Monday the week starts on (Beijing), clipped to the period. */
  week: calendarDay,
  received: z.number().int(),
  byChannel: z.record(channelSchema, z.number().int()),
  byGrade: z.record(gradeSchema, z.number().int()),
  /** By the assignee's team; unassigned work under "". */
  byTeam: z.record(z.string(), z.number().int()),
});
export type LoopWeek = z.infer<typeof loopWeekSchema>;
export const loopReportSchema = z.object({
  from: calendarDay,
  to: calendarDay,
  previousFrom: calendarDay,
  previousTo: calendarDay,
  /** The team the figures are for (an analyst always sees their own); null: every team. */
  team: z.string().nullable(),
  teams: z.array(z.string()),
  channel: z.array(channelSchema),
  stages: z.array(z.object({ stage: loopStageSchema, available: z.boolean(), figures: z.array(loopFigureSchema) })),
  weeks: z.array(loopWeekSchema),
});
export type LoopReport = z.infer<typeof loopReportSchema>;
/** A download of the figures (月报): recorded in the trail before the file is made. */
export const loopExportRequestSchema = z.object({ query: loopQuerySchema, format: z.enum(['csv', 'pdf']) });
export type LoopExportRequest = z.infer<typeof loopExportRequestSchema>;
export const loopExportSchema = z.object({ fileName: z.string(), csv: z.string().nullable(), report: loopReportSchema, auditEventId: id });
export type LoopExport = z.infer<typeof loopExportSchema>;

// --- cases ---
export const caseMergeSchema = z.object({ version, sourceId: id, sourceVersion: version });
export type CaseMerge = z.infer<typeof caseMergeSchema>;

// --- assignment board ---
export const workloadSchema = z.object({
  userId: id,
  openComplaints: z.number().int().nonnegative(),
  openCases: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  dueSoon: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
  away: z.boolean(),
});
export type Workload = z.infer<typeof workloadSchema>;
export const boardItemSchema = z.object({
  type: z.enum(['complaint', 'case']),
  id,
  title: z.string(),
  assigneeId: id.nullable(),
  dueAt: isoDateTime,
  version,
});
export type BoardItem = z.infer<typeof boardItemSchema>;
export const boardSchema = z.object({
  workloads: z.array(workloadSchema),
  /** Open items of every analyst plus the oldest unassigned ones, due first. */
  items: z.array(boardItemSchema),
  unassignedTotal: z.number().int().nonnegative(),
  /** Unassigned open complaints alone: what auto-assignment acts on (cases are assigned by hand). */
  unassignedComplaints: z.number().int().nonnegative(),
});
export type Board = z.infer<typeof boardSchema>;
export const bulkAssignSchema = z.object({
  assigneeId: id.nullable(),
  items: z.array(boardItemSchema.pick({ type: true, id: true, version: true })).min(1),
});
export type BulkAssign = z.infer<typeof bulkAssignSchema>;
export const autoAssignPlanSchema = z.object({
  assignments: z.array(z.object({ complaintId: id, assigneeId: id, version })),
  /** Unassigned complaints left over because everyone present is at capacity. */
  leftOver: z.number().int().nonnegative(),
});
export type AutoAssignPlan = z.infer<typeof autoAssignPlanSchema>;
export const assignResultSchema = z.object({ assigned: z.number().int().nonnegative(), skipped: z.array(id) });
export const nextItemSchema = z.object({ item: boardItemSchema.nullable() });
export const capacityPatchSchema = z.object({ capacity: z.number().int().positive().max(500) });

// --- audit export ---
export const auditExportSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().nonnegative(), auditEventId: id });

// --- triage ---
/** A complaint as listed beside another one (related, template siblings): enough to recognise and open it. */
export const complaintBriefSchema = complaintSchema.pick({
  id: true,
  channel: true,
  borrowerName: true,
  receivedAt: true,
  status: true,
  label: true,
  riskScore: true,
  grade: true,
});
export type ComplaintBrief = z.infer<typeof complaintBriefSchema>;

export const relationKindSchema = z.enum(['phone', 'device', 'template', 'document']);
export type RelationKind = z.infer<typeof relationKindSchema>;
export const relatedGroupSchema = z.object({
  kind: relationKindSchema,
  /** What is shared (masked phone, device label, family id, document title). */
  via: z.array(z.string()),
  total: z.number().int().nonnegative(),
  items: z.array(complaintBriefSchema),
});
export const relatedComplaintsSchema = z.object({ groups: z.array(relatedGroupSchema) });
export type RelatedComplaints = z.infer<typeof relatedComplaintsSchema>;

export const diffSegmentSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type DiffSegment = z.infer<typeof diffSegmentSchema>;
export const templateSiblingSchema = z.object({
  complaint: complaintBriefSchema,
  /** Jaccard similarity of character 3-grams (0…1). */
  similarity: z.number().min(0).max(1),
  /** From this complaint's text (delete) to the sibling's (insert). */
  diff: z.array(diffSegmentSchema),
});
export const templateSiblingsSchema = z.object({ familyId: z.string().nullable(), familySize: z.number().int().nonnegative(), siblings: z.array(templateSiblingSchema) });
export type TemplateSiblings = z.infer<typeof templateSiblingsSchema>;
// --- evidence ---
export const annotationCreateSchema = annotationSchema.pick({ page: true, rect: true, note: true, signalCode: true }).extend({ version, note: z.string().trim().min(1) });
export type AnnotationCreate = z.infer<typeof annotationCreateSchema>;

/** Custody events the viewer reports itself; uploads, verdicts and annotations are recorded by their own writes. */
export const custodyReportSchema = z.object({ action: z.enum(['viewed', 'exported']), detail: z.string().max(500) });
export type CustodyReport = z.infer<typeof custodyReportSchema>;

/** Another complaint's document whose perceptual hash is within the reuse threshold of this one. */
export const reuseMatchSchema = z.object({
  evidenceId: id,
  title: z.string(),
  fileName: z.string(),
  complaintId: id.nullable(),
  caseId: id.nullable(),
  borrowerName: z.string().nullable(),
  /** Differing bits of 64. */
  distance: z.number().int().min(0).max(64),
  verdict: verdictStatusSchema,
});
export type ReuseMatch = z.infer<typeof reuseMatchSchema>;
export const reuseResultSchema = z.object({ perceptualHash: z.string().nullable(), threshold: z.number().int(), matches: z.array(reuseMatchSchema) });
export type ReuseResult = z.infer<typeof reuseResultSchema>;

/** Voiceprint comparison of a recording against enrolled agent voices. */
export const voiceprintResultSchema = z.object({
  evidenceId: id,
  matches: z.array(z.object({ entityId: id, label: z.string(), firm: z.string().nullable(), score: z.number().min(0).max(1), isMatch: z.boolean() })),
  threshold: z.number(),
});
export type VoiceprintResult = z.infer<typeof voiceprintResultSchema>;

export const uploadStartSchema = z.object({
  fileName: z.string().min(1).max(255),
  size: z.number().int().positive(),
  complaintId: id.nullable(),
  caseId: id.nullable(),
});
export type UploadStart = z.infer<typeof uploadStartSchema>;
export const uploadSessionSchema = z.object({ uploadId: id, chunkSize: z.number().int().positive(), maxBytes: z.number().int().positive() });
export type UploadSession = z.infer<typeof uploadSessionSchema>;
export const uploadCompleteSchema = z.object({
  title: z.string().min(1).max(200),
  /** The browser's SHA-256 of what it sent; the server recomputes and refuses a mismatch. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  perceptualHash: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
});
export type UploadComplete = z.infer<typeof uploadCompleteSchema>;

// ---------- Industry sharing (行业协同): private set intersection with peer institutions ----------
/** What may be offered to a peer: identifiers of the grey industry, never of borrowers who are only victims. */
export const sharedTypeSchema = z.enum(['agent_firm', 'agent_person', 'agent_phone', 'fee_account', 'device', 'document']);
export type SharedType = z.infer<typeof sharedTypeSchema>;
export const NORMALISATION_VERSION = 'jz-norm-1' as const;
export const SHARING_FORMAT = 'jianzheng-psi/1' as const;
/** 32-byte values (ristretto255 points, Ed25519 public keys) and 64-byte signatures, base64. */
const b64 = (bytes: number) => z.string().regex(new RegExp(`^[A-Za-z0-9+/]{${Math.ceil((bytes * 4) / 3)}}={0,2}$`), `base64 of ${bytes} bytes`);
export const pointSchema = b64(32);
export const publicKeySchema = b64(32);
export const signatureSchema = b64(64);
export const institutionIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lower-case letters, digits and hyphens');

/** An institution of the alliance: ourselves (`self`) or a peer whose signing key an admin pinned. */
export const institutionSchema = z.object({
  id: institutionIdSchema,
  name: z.string().min(1).max(80),
  publicKey: publicKeySchema,
  self: z.boolean(),
  revoked: z.boolean(),
  addedAt: isoDateTime,
  addedBy: id,
  version: z.number().int().positive(),
});
export type Institution = z.infer<typeof institutionSchema>;
export const institutionSelfSchema = z.object({ id: institutionIdSchema, name: z.string().trim().min(1).max(80) });
export type InstitutionSelf = z.infer<typeof institutionSelfSchema>;
export const peerCreateSchema = z.object({ id: institutionIdSchema, name: z.string().trim().min(1).max(80), publicKey: publicKeySchema });
export type PeerCreate = z.infer<typeof peerCreateSchema>;
export const peerPatchSchema = z.object({ revoked: z.boolean(), version: z.number().int() });

const partyOf = z.object({ id: institutionIdSchema, name: z.string().min(1).max(80) });
/** What both sides sign before anything is matched: who, which identifier types, how many at most, why, until when. */
export const sharingManifestSchema = z.object({
  sessionId: z.string().regex(/^psi-[0-9a-f]{24}$/),
  initiator: partyOf,
  responder: partyOf,
  types: z.array(sharedTypeSchema).min(1),
  normalisation: z.literal(NORMALISATION_VERSION),
  maxSetSize: z.number().int().positive().max(1_000_000),
  purpose: z.string().trim().min(1).max(200),
  legalBasis: z.string().trim().min(1).max(200),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
});
export type SharingManifest = z.infer<typeof sharingManifestSchema>;
const pointSets = z.partialRecord(sharedTypeSchema, z.array(pointSchema));
export type PointSets = z.infer<typeof pointSets>;
/**
 * The file that travels between institutions: blinded points only, never an identifier or a hash of one.
 * `request`: the initiator's blinded sets. `response`: the initiator's points blinded again, in the order
 * received (`sets`), and the responder's own blinded sets, shuffled (`peerSets`).
 */
export const sharingFileSchema = z.object({
  format: z.literal(SHARING_FORMAT),
  step: z.enum(['request', 'response']),
  manifest: sharingManifestSchema,
  manifestSignatures: z.object({ initiator: signatureSchema, responder: signatureSchema.optional() }),
  sender: institutionIdSchema,
  sets: pointSets,
  peerSets: pointSets.optional(),
  createdAt: isoDateTime,
  signature: signatureSchema,
});
export type SharingFile = z.infer<typeof sharingFileSchema>;

export const sharingStatusSchema = z.enum(['draft', 'request_sent', 'response_received', 'matched', 'request_received', 'response_sent', 'cancelled']);
export type SharingStatus = z.infer<typeof sharingStatusSchema>;
const typeCounts = z.partialRecord(sharedTypeSchema, z.number().int().nonnegative());
/** One of our entities the peer also holds, with the complaints and cases behind it (so a lead can go there). */
export const sharingMatchSchema = z.object({ type: sharedTypeSchema, entityId: id, label: z.string(), complaintIds: z.array(id).default([]), caseIds: z.array(id).default([]) });
export type SharingMatch = z.infer<typeof sharingMatchSchema>;
export const sharingSessionSchema = z.object({
  id: z.string(),
  role: z.enum(['initiator', 'responder']),
  peerId: institutionIdSchema,
  manifest: sharingManifestSchema,
  status: sharingStatusSchema,
  /** The manifest's signatures so far: the initiator's, then the responder's. */
  manifestSignatures: z.object({ initiator: signatureSchema.optional(), responder: signatureSchema.optional() }),
  /** What we sent (points per type) and what the peer sent us. */
  sent: typeCounts,
  received: typeCounts,
  /** Initiator only: our entities the peer also holds. */
  matches: z.array(sharingMatchSchema),
  tagged: z.boolean(),
  createdBy: id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int().positive(),
});
export type SharingSession = z.infer<typeof sharingSessionSchema>;
export const sharingCreateSchema = z.object({
  peerId: institutionIdSchema,
  types: z.array(sharedTypeSchema).min(1),
  purpose: z.string().trim().min(1).max(200),
  legalBasis: z.string().trim().min(1).max(200),
  maxSetSize: z.number().int().positive().max(1_000_000),
  expiresInDays: z.number().int().min(1).max(90),
});
export type SharingCreate = z.infer<typeof sharingCreateSchema>;
/** Our identifiers of the chosen types, normalised, each with the entity it came from (for the browser's worker only). */
export const sharingIdentifiersSchema = z.object({ sets: z.partialRecord(sharedTypeSchema, z.array(z.object({ entityId: id, value: z.string() }))) });
export type SharingIdentifiers = z.infer<typeof sharingIdentifiersSchema>;
export const sharingOfferCountsSchema = z.partialRecord(sharedTypeSchema, z.number().int().nonnegative());
export const sharingSignRequestSchema = z.object({ version: z.number().int(), sets: pointSets, peerSets: pointSets.optional() });
export const sharingResultSchema = z.object({ version: z.number().int(), matches: z.array(z.object({ type: sharedTypeSchema, entityId: id })) });
export const sharingImportSchema = z.object({ file: z.unknown() });
export const sharingSessionCommandSchema = z.object({ version: z.number().int() });
export const sharingOverviewSchema = z.object({ self: institutionSchema.nullable(), peers: z.array(institutionSchema), sessions: z.array(sharingSessionSchema) });
export type SharingOverview = z.infer<typeof sharingOverviewSchema>;
export const sharingSignedSchema = z.object({ session: sharingSessionSchema, file: sharingFileSchema });
export const sharingReportSchema = z.object({ fileName: z.string(), csv: z.string() });

// ---------- Early warning (预警) ----------
export const alertRuleIdSchema = z.enum(['familyGrowth', 'sharedEntity', 'level1Wording', 'multiChannel', 'channelSpike', 'deadlineRisk', 'escalationWave', 'selfHarm']);
export type AlertRuleId = z.infer<typeof alertRuleIdSchema>;
export const alertSeveritySchema = z.enum(['urgent', 'high', 'medium', 'low']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;
export const alertStatusSchema = z.enum(['open', 'acknowledged', 'snoozed', 'closed']);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/** A lead's tuning of one rule: `threshold` in the rule's own unit (members, borrowers, σ…), the window in hours. */
export const alertRuleSchema = z.object({
  id: alertRuleIdSchema,
  enabled: z.boolean(),
  threshold: z.number().positive().max(10_000).nullable(),
  windowHours: z.number().int().positive().max(24 * 366),
  version,
  updatedAt: isoDateTime,
  updatedById: id.nullable(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRulePatchSchema = z.object({
  version,
  enabled: z.boolean().optional(),
  threshold: z.number().positive().max(10_000).optional(),
  windowHours: z.number().int().positive().max(24 * 366).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type AlertRulePatch = z.infer<typeof alertRulePatchSchema>;

/** What an alert is about: the family, the shared number, the borrower, the channel, the complaint or the team. */
export const alertSubjectSchema = z.object({
  type: z.enum(['family', 'entity', 'customer', 'channel', 'complaint', 'institution']),
  id: z.string(),
  label: z.string(),
});
export const alertSchema = z.object({
  id,
  rule: alertRuleIdSchema,
  /** Two findings with the same key are one alert: a later one updates it. */
  key: z.string(),
  severity: alertSeveritySchema,
  status: alertStatusSchema,
  subject: alertSubjectSchema,
  /** The numbers that triggered it, named for the explanation's sentence (count, threshold, hours…). */
  figures: z.record(z.string(), z.union([z.number(), z.string()])),
  complaintIds: z.array(id),
  raisedAt: isoDateTime,
  updatedAt: isoDateTime,
  /** How many times the rule found it (1 when raised; more as a duplicate updated it). */
  fired: z.number().int().positive(),
  assigneeId: id.nullable(),
  snoozedUntil: isoDateTime.nullable(),
  acknowledgedById: id.nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  caseId: id.nullable(),
  version,
});
export type Alert = z.infer<typeof alertSchema>;
export const alertQuerySchema = z.object({
  status: csv(alertStatusSchema),
  severity: csv(alertSeveritySchema),
  rule: csv(alertRuleIdSchema),
  assignee: z.string().max(64).optional(),
  /** Raised on or after / on or before these Beijing calendar days (the dashboard's 预警 figures link here). */
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  page: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().positive().max(200).optional(),
});
export type AlertQuery = z.infer<typeof alertQuerySchema>;
export const alertPatchSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), version }),
  z.object({ action: z.literal('assign'), version, assigneeId: id.nullable() }),
  z.object({ action: z.literal('snooze'), version, hours: z.number().int().min(1).max(24 * 30) }),
  z.object({ action: z.literal('close'), version, reason: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal('reopen'), version }),
]);
export type AlertPatch = z.infer<typeof alertPatchSchema>;
export const alertCaseSchema = z.object({ version, title: z.string().trim().min(1).max(200), priority: prioritySchema });
export type AlertCase = z.infer<typeof alertCaseSchema>;
export const alertCaseResultSchema = z.object({ alert: alertSchema, case: caseSchema });
export type AlertCaseResult = z.infer<typeof alertCaseResultSchema>;
/** The header's count: open (not snoozed, not closed) alerts, and the newest one for the live notice. */
export const alertSummarySchema = z.object({
  open: z.number().int().nonnegative(),
  urgent: z.number().int().nonnegative(),
  latest: alertSchema.nullable(),
});
export type AlertSummary = z.infer<typeof alertSummarySchema>;
export const alertEvaluationSchema = z.object({ raised: z.number().int().nonnegative(), updated: z.number().int().nonnegative(), evaluatedAt: isoDateTime });
export type AlertEvaluation = z.infer<typeof alertEvaluationSchema>;
/** The demo's "a wave arrives": templated complaints filed now in existing borrowers' names. */
export const demoWaveSchema = z.object({
  size: z.number().int().min(1).max(500).default(6),
  family: id.optional(),
  channel: channelSchema.default('12378'),
  mood: z.enum(['none', 'escalation', 'self_harm']).default('none'),
});
export type DemoWave = z.infer<typeof demoWaveSchema>;
export const demoWaveResultSchema = z.object({ complaintIds: z.array(id), family: id, raised: z.number().int().nonnegative(), updated: z.number().int().nonnegative() });
export type DemoWaveResult = z.infer<typeof demoWaveResultSchema>;

// ---------- 溯源: source and spread ----------
/** What to trace: a template family, an alert's records, a case (a gang once investigated), or a set of graph entities (a community). */
export const spreadSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('family'), id }),
  z.object({ kind: z.literal('alert'), id }),
  z.object({ kind: z.literal('case'), id }),
  z.object({ kind: z.literal('entities'), entityIds: z.array(id).min(1).max(5000) }),
]);
export type SpreadSubject = z.infer<typeof spreadSubjectSchema>;
const count = z.number().int().nonnegative();
/** An agent, firm, number, account, device or document that ties several of the borrowers together. */
export const spreadLinkerSchema = z.object({ entity: entitySchema, borrowers: count, complaints: count, firstAt: isoDateTime });
export type SpreadLinker = z.infer<typeof spreadLinkerSchema>;
export const spreadBorrowerSchema = z.object({
  /** 1 for the first borrower whose name the wave used, and so on. */
  order: z.number().int().positive(),
  customerId: id,
  borrowerName: z.string(),
  firstAt: isoDateTime,
  firstChannel: channelSchema,
  firstComplaintId: id,
  complaints: count,
  /** Channels in the order this borrower's complaints used them. */
  channels: z.array(channelSchema),
  /** Linkers (by entity id, most telling first) that tie this borrower to the others. */
  via: z.array(id),
});
export type SpreadBorrower = z.infer<typeof spreadBorrowerSchema>;
export const spreadBucketSchema = z.object({
  /** First Beijing day of the bucket (a day, or the Monday of a week). */
  start: calendarDay,
  byChannel: z.partialRecord(channelSchema, count),
  total: count,
  newBorrowers: count,
  borrowersSoFar: count,
});
export type SpreadBucket = z.infer<typeof spreadBucketSchema>;
export const spreadPointSchema = z.object({ complaintId: id, at: isoDateTime, channel: channelSchema, order: z.number().int().positive() });
export type SpreadPoint = z.infer<typeof spreadPointSchema>;
export const spreadReportSchema = z.object({
  subject: spreadSubjectSchema,
  /** The case's title or the alert's subject; null where the subject names itself (a family id, a set of entities). */
  title: z.string().nullable(),
  complaints: count,
  borrowers: count,
  /** Channels in the order the wave reached them. */
  channels: z.array(channelSchema),
  /** Where it started: the earliest complaint, who filed it and for which firm. */
  first: complaintBriefSchema.extend({ customerId: id, complainantKind: complainantKindSchema, agentFirm: z.string().nullable() }).nullable(),
  lastAt: isoDateTime.nullable(),
  bucket: z.enum(['day', 'week']),
  timeline: z.array(spreadBucketSchema),
  /** In the order they joined; the first 500 (`borrowers` counts them all). */
  borrowerList: z.array(spreadBorrowerSchema),
  linkers: z.array(spreadLinkerSchema),
  /** Each complaint against its borrower's place in the joining order; the first 2,000 in time. */
  points: z.array(spreadPointSchema),
});
export type SpreadReport = z.infer<typeof spreadReportSchema>;
