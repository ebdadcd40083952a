/**
 * Pre-made investigation cases against the biggest gangs, their police referrals (报案材料) in states
 * that match the case, and a history of audit events, so every screen has something real to show.
 */
import type { AuditEvent, Case, CaseStatus, Charge, Complaint, Evidence, Note, Referral, ReferralStatus } from '@/api/schemas';
import { maskIdNumber, maskPhone } from '@/api/pii';
import { piiKey, type World } from '@/domain/world';
import { DAY_MS } from '@/domain/deadlines';
import { makeEvidence, UNVERIFIED } from './evidenceFactory';
import type { Gang } from './gangs';
import type { Rng } from './random';
import type { SampleCatalog } from './samples';
import { LENDER, POLICE_OFFICERS, POLICE_UNITS, STAFF } from './vocab';
import { iso } from './time';

type CaseContext = {
  rng: Rng;
  db: World;
  gangs: Gang[];
  nowMs: number;
  samples: SampleCatalog;
  /** The gang behind each complaint, by index in db.complaints (null = genuine). */
  gangOf: (Gang | null)[];
  /** 陈志伟 of the sample files: his complaints belong in the first case. */
  storyCustomerId: string | null;
};

type Plan = { status: CaseStatus; priority: Case['priority']; target: Case['target']['kind']; ageDays: [number, number] };

/** Twelve cases across the whole lifecycle (新建 … 结案); the first is the sample files' gang. */
const PLANS: Plan[] = [
  { status: 'filed', priority: 'high', target: 'gang', ageDays: [45, 60] },
  { status: 'investigating', priority: 'high', target: 'gang', ageDays: [10, 25] },
  { status: 'pending_review', priority: 'high', target: 'gang', ageDays: [20, 30] },
  { status: 'reported', priority: 'high', target: 'gang', ageDays: [28, 40] },
  { status: 'accepted', priority: 'medium', target: 'gang', ageDays: [35, 50] },
  { status: 'new', priority: 'medium', target: 'agent_firm', ageDays: [1, 4] },
  { status: 'investigating', priority: 'medium', target: 'person', ageDays: [8, 20] },
  { status: 'pending_review', priority: 'medium', target: 'gang', ageDays: [18, 28] },
  { status: 'rejected', priority: 'medium', target: 'gang', ageDays: [55, 70] },
  { status: 'closed', priority: 'low', target: 'gang', ageDays: [70, 85] },
  { status: 'filed', priority: 'medium', target: 'agent_firm', ageDays: [50, 65] },
  { status: 'new', priority: 'low', target: 'gang', ageDays: [0, 2] },
];

const REFERRAL_STATUS: Partial<Record<CaseStatus, ReferralStatus>> = {
  pending_review: 'draft',
  reported: 'submitted',
  accepted: 'accepted',
  filed: 'filed',
  rejected: 'rejected',
  closed: 'filed',
};
const AFTER_ACCEPTANCE = new Set<CaseStatus>(['accepted', 'filed', 'rejected', 'closed']);
const FILED = new Set<CaseStatus>(['filed', 'closed']);

const CASE_NOTES = [
  '已梳理团伙关联借款人名单，与投诉记录逐一核对。',
  '代理人电话与多名借款人投诉留存电话一致，已截图留证。',
  '已向开具医院发函核实诊断证明真伪。',
  '与法务沟通报案材料清单，补充公司营业执照复印件及授权委托书。',
  '团伙收款账户流水需公安调取，已在报案书中列明。',
  '组长复核：证据链基本完整，同意提交报案。',
];

const leads = STAFF.filter((u) => u.role === 'lead');
const activeAnalysts = STAFF.filter((u) => u.role === 'analyst' && !u.away);

export function createCasesAndReferrals(ctx: CaseContext): void {
  const { db, gangs, rng, nowMs } = ctx;
  const byGang = new Map<Gang, Complaint[]>();
  for (const [i, c] of db.complaints.entries()) {
    const gang = ctx.gangOf[i];
    if (!gang) continue;
    const list = byGang.get(gang);
    if (list) list.push(c);
    else byGang.set(gang, [c]);
  }
  const story = gangs[0];
  const ranked = [...byGang.keys()].sort((a, b) => (byGang.get(b)?.length ?? 0) - (byGang.get(a)?.length ?? 0) || a.id.localeCompare(b.id));
  const order = story && byGang.has(story) ? [story, ...ranked.filter((gng) => gng !== story)] : ranked;
  const evidenceById = new Map(db.evidence.map((e) => [e.id, e]));

  PLANS.slice(0, order.length).forEach((plan, i) => {
    const gang = order[i];
    const caseId = `case-${String(i + 1).padStart(3, '0')}`;
    const createdMs = nowMs - rng.int(plan.ageDays[0], plan.ageDays[1]) * DAY_MS - rng.int(1, 8) * 3_600_000;
    const limit = plan.status === 'new' ? rng.int(8, 20) : rng.int(25, 60);
    const story = (c: Complaint) => (c.customerId === ctx.storyCustomerId ? 0 : 1);
    const members = (byGang.get(gang) ?? [])
      .filter((c) => c.riskScore >= 40)
      .sort((a, b) => story(a) - story(b) || b.riskScore - a.riskScore || a.id.localeCompare(b.id))
      .slice(0, limit);
    for (const c of members) {
      c.caseId = caseId;
      c.label = plan.status === 'new' ? (c.label === 'agent_confirmed' ? c.label : 'agent_proposed') : 'agent_confirmed';
    }
    const caseEvidence: Evidence[] = [];
    for (const c of members) for (const id of c.evidenceIds) {
      const e = evidenceById.get(id);
      if (e && caseEvidence.length < 40) caseEvidence.push(e);
    }
    if (i === 0) caseEvidence.unshift(...storyCaseEvidence(ctx, caseId, createdMs));
    // A case headed for the police holds the lender's written authority for its handler.
    const authority = REFERRAL_STATUS[plan.status] ? institutionAuthorization(ctx, caseId, createdMs) : null;
    if (authority) caseEvidence.push(authority);

    const record = makeCase(ctx, { caseId, plan, gang, members, evidence: caseEvidence, createdMs });
    db.cases.push(record);
    const referralStatus = REFERRAL_STATUS[plan.status];
    if (referralStatus) {
      // The second case waiting for review already has the lead's approval; the first is still a draft.
      const status = plan.status === 'pending_review' && db.cases.filter((x) => x.status === 'pending_review').length > 1 ? 'approved' : referralStatus;
      const referral = makeReferral(ctx, { record, gang, members, evidence: caseEvidence, status });
      // A draft has the authority on file, not yet chosen in the builder.
      if (status !== 'draft' && authority) referral.handler.powerOfAttorneyEvidenceId = authority.id;
      db.referrals.push(referral);
      record.referralIds.push(referral.id);
    }
  });
  db.audit.push(...auditHistory(ctx));
}

/** The sample chat export and call recording, attached at case level as the lender obtained them. */
function storyCaseEvidence(ctx: CaseContext, caseId: string, createdMs: number): Evidence[] {
  const { db, samples } = ctx;
  const uploader = activeAnalysts[0].id;
  const files = [
    { file: samples.chat, title: '微信群聊记录（优信商务咨询服务群）', source: '借款人陈志伟提供的微信群聊导出' },
    { file: samples.callRecording, title: '客服回访录音（陈志伟，代理人代接）', source: '客服录音系统调取' },
    ...(samples.callTranscript ? [{ file: samples.callTranscript, title: '客服回访录音转写', source: '客服录音系统调取' }] : []),
  ];
  return files.map(({ file, title, source }, i) => {
    const e = makeEvidence({
      id: `ev-${String(db.evidence.length + 1).padStart(6, '0')}`,
      file,
      title,
      source,
      complaintId: null,
      caseId,
      uploadedAt: iso(createdMs + (i + 1) * 3_600_000),
      uploadedById: uploader,
      verdict: UNVERIFIED,
      perceptualHash: null,
    });
    db.evidence.push(e);
    return e;
  });
}

/** The lender's 授权委托书 naming the first lead as the person who reports to the police (the seeded handler). */
function institutionAuthorization(ctx: CaseContext, caseId: string, createdMs: number): Evidence {
  const { db, samples } = ctx;
  const e = makeEvidence({
    id: `ev-${String(db.evidence.length + 1).padStart(6, '0')}`,
    file: samples.institutionAuthorization,
    title: `授权委托书（${LENDER.shortName}→${leads[0].name}）`,
    source: '本机构法务合规部出具',
    complaintId: null,
    caseId,
    uploadedAt: iso(createdMs + 2 * DAY_MS),
    uploadedById: leads[0].id,
    verdict: UNVERIFIED,
    perceptualHash: null,
  });
  db.evidence.push(e);
  return e;
}

type MakeCaseInput = { caseId: string; plan: Plan; gang: Gang; members: Complaint[]; evidence: Evidence[]; createdMs: number };

function makeCase(ctx: CaseContext, input: MakeCaseInput): Case {
  const { rng, nowMs } = ctx;
  const { caseId, plan, gang, members, evidence, createdMs } = input;
  const lead = leads[rng.int(0, leads.length - 1)];
  const assigneeId = plan.status === 'new' && rng.chance(0.5) ? null : rng.chance(0.7) ? activeAnalysts[rng.int(0, activeAnalysts.length - 1)].id : lead.id;
  const target: Case['target'] =
    plan.target === 'gang'
      ? { kind: 'gang', label: `${gang.firmName}代理维权团伙`, entityIds: [gang.firm.id, ...gang.staff.map((s) => s.entity.id)] }
      : plan.target === 'agent_firm'
        ? { kind: 'agent_firm', label: gang.firmName, entityIds: [gang.firm.id] }
        : { kind: 'person', label: `${gang.staff[0].name}（${gang.firmName}${gang.staff[0].title}）`, entityIds: [gang.staff[0].entity.id] };
  const reportedMs = createdMs + rng.int(15, 25) * DAY_MS;
  const acceptedMs = AFTER_ACCEPTANCE.has(plan.status) ? Math.min(nowMs - DAY_MS, reportedMs + rng.int(1, 3) * DAY_MS) : null;
  // Criminal filing review: 3 days, 7 when leads need checking, up to 30.
  const filedMs = FILED.has(plan.status) && acceptedMs ? Math.min(nowMs - 3_600_000, acceptedMs + rng.pick([3, 7, 7, 15]) * DAY_MS) : null;
  const dueMs =
    plan.status === 'reported' ? reportedMs + 3 * DAY_MS : plan.status === 'accepted' && acceptedMs ? acceptedMs + 30 * DAY_MS : createdMs + 30 * DAY_MS;
  const notes: Note[] = rng.sample(CASE_NOTES, rng.int(1, 3)).map((text, i) => ({
    id: `${caseId}-note-${i + 1}`,
    authorId: assigneeId ?? lead.id,
    text,
    at: iso(Math.min(nowMs - 3_600_000, createdMs + (i + 1) * 2 * DAY_MS)),
  }));
  const unit = policeUnitFor(gang);
  return {
    id: caseId,
    title: plan.target === 'person' ? `${gang.staff[0].name}冒名代理投诉案` : `${gang.firmName}非法代理维权案`,
    status: plan.status,
    priority: plan.priority,
    assigneeId,
    target,
    complaintIds: members.map((c) => c.id),
    entityIds: [gang.firm.id, ...gang.staff.map((s) => s.entity.id), ...gang.phones.map((p) => p.entity.id), ...gang.wechat.map((w) => w.id), ...gang.feeAccounts.map((a) => a.id)],
    evidenceIds: evidence.map((e) => e.id),
    referralIds: [],
    notes,
    policeReceiptNo: acceptedMs ? `${unit.short}受案字〔${new Date(acceptedMs).getUTCFullYear()}〕${String(rng.int(100, 2999)).padStart(4, '0')}号` : null,
    acceptedAt: acceptedMs ? iso(acceptedMs) : null,
    filedAt: filedMs ? iso(filedMs) : null,
    dueAt: iso(dueMs),
    createdAt: iso(createdMs),
    updatedAt: iso(Math.max(createdMs, filedMs ?? acceptedMs ?? Math.min(nowMs - 3_600_000, createdMs + 5 * DAY_MS))),
    version: 1,
  };
}

function policeUnitFor(gang: Gang): { name: string; short: string } {
  const city = gang.firmName.slice(0, 3);
  const name = POLICE_UNITS.find((u) => u.startsWith(city)) ?? `${city}公安局经济犯罪侦查支队`;
  return { name, short: `${city.slice(0, 2)}公` };
}

function chargesFor(gang: Gang, evidence: Evidence[]): Charge[] {
  const charges: Charge[] = ['extortion'];
  if (evidence.some((e) => e.fileName.startsWith('cert-diagnosis'))) charges.push('forging_company_seal');
  if (evidence.some((e) => e.fileName.startsWith('cert-poverty'))) charges.push('forging_state_documents');
  charges.push(gang.impersonatesLawyer ? 'fraud' : 'contract_fraud');
  charges.push('personal_information');
  return charges;
}

const CHARGE_NAMES: Record<Charge, string> = {
  extortion: '敲诈勒索',
  forging_company_seal: '伪造事业单位印章',
  forging_state_documents: '伪造国家机关公文、证件、印章',
  contract_fraud: '合同诈骗',
  fraud: '诈骗',
  personal_information: '侵犯公民个人信息',
  disturbing_order: '扰乱单位秩序',
};

type MakeReferralInput = { record: Case; gang: Gang; members: Complaint[]; evidence: Evidence[]; status: ReferralStatus };

function makeReferral(ctx: CaseContext, input: MakeReferralInput): Referral {
  const { rng, db, nowMs } = ctx;
  const { record, gang, members, evidence, status } = input;
  const id = `ref-${record.id.slice(5)}`;
  const lead = leads[0];
  const createdMs = Date.parse(record.createdAt) + rng.int(5, 12) * DAY_MS;
  const receivedTimes = members.map((c) => c.receivedAt).sort();
  const period = receivedTimes.length ? `${receivedTimes[0].slice(0, 10)}至${receivedTimes[receivedTimes.length - 1].slice(0, 10)}` : record.createdAt.slice(0, 10);
  const forged = evidence.filter((e) => e.fileName.startsWith('cert-'));
  const letters = evidence.filter((e) => e.fileName === 'complaint-letter.pdf' || e.fileName === 'power-of-attorney.png');
  const calls = evidence.filter((e) => e.kind === 'audio' || e.kind === 'chat');
  const borrowers = new Set(members.map((c) => c.customerId)).size;

  const facts: Referral['facts'] = [
    {
      id: `${id}-f1`,
      time: period,
      place: gang.address.label,
      means: `以${borrowers}名借款人名义批量提交模板化投诉${members.length}件，并以“维权”为名收取会员费每人${gang.fee}元`,
      consequence: '借款人被教唆停止还款、拒接本机构电话，本机构客服及合规资源被大量占用',
      evidenceIds: letters.slice(0, 6).map((e) => e.id),
    },
  ];
  if (forged.length) {
    facts.push({
      id: `${id}-f2`,
      time: period,
      place: gang.address.label,
      means: '代办并提供伪造的医院诊断证明、村委会贫困证明，同一份证明被多名借款人重复使用',
      consequence: '意图以虚假材料骗取减免息费、停息挂账',
      evidenceIds: forged.slice(0, 8).map((e) => e.id),
    });
  }
  if (calls.length) {
    facts.push({
      id: `${id}-f3`,
      time: period,
      place: '电话及微信群',
      means: '自称律师代接本机构回访电话，威胁向监管投诉、组织借款人集体上访及网络曝光',
      consequence: '借款人被阻止与本机构直接沟通',
      evidenceIds: calls.slice(0, 4).map((e) => e.id),
    });
  }
  const factIdsByEvidence = new Map<string, string[]>();
  for (const f of facts) for (const e of f.evidenceIds) factIdsByEvidence.set(e, [...(factIdsByEvidence.get(e) ?? []), f.id]);
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const items: Referral['evidence'] = [...factIdsByEvidence.keys()].map((evidenceId) => {
    const e = evidenceById.get(evidenceId)!;
    return {
      evidenceId,
      // The police must read in the list itself that a certificate is forged (a check approval enforces).
      description: e.verdict.status === 'forged' ? `${e.title}（经核实系伪造）` : e.verdict.status === 'suspected_forged' ? `${e.title}（经核实疑似伪造）` : e.title,
      source: e.source,
      pages: e.kind === 'pdf' ? (e.fileName === 'complaint-letter.pdf' ? 2 : 3) : 1,
      verdict: e.verdict.status,
      sha256: e.sha256,
      factIds: factIdsByEvidence.get(evidenceId) ?? [],
    };
  });

  const reportedParties: Referral['reportedParties'] = [
    { entityId: gang.firm.id, kind: 'firm', name: gang.firmName, idNumber: null, phone: gang.phones[0] ? maskPhone(gang.phones[0].number) : null, address: gang.address.label },
    ...gang.staff.map((s) => {
      const phone = gang.phones.find((p) => p.user === s);
      return {
        entityId: s.entity.id,
        kind: 'person' as const,
        name: s.name,
        idNumber: db.pii[piiKey('entity', s.entity.id, 'idNumber')] ? maskIdNumber(s.idNumber) : null,
        phone: phone ? maskPhone(phone.number) : null,
        address: null,
      };
    }),
  ];

  const charges = chargesFor(gang, evidence);
  const approved = status !== 'draft';
  const approvedMs = approved ? Math.min(nowMs - 3_600_000, createdMs + rng.int(1, 4) * DAY_MS) : null;
  const submitted = status !== 'draft' && status !== 'approved';
  const submittedMs = approvedMs ? approvedMs + DAY_MS : null;
  const unit = policeUnitFor(gang);
  const outcome: Referral['outcome'] =
    status === 'accepted' || status === 'filed' || status === 'rejected'
      ? {
          acceptedAt: record.acceptedAt,
          filedAt: status === 'filed' ? record.filedAt : null,
          rejectedAt: status === 'rejected' ? iso(Math.min(nowMs - 3_600_000, Date.parse(record.acceptedAt ?? record.createdAt) + 7 * DAY_MS)) : null,
          rejectionReason: status === 'rejected' ? '经审查，现有证据尚不足以认定有犯罪事实，不予立案；建议补充收款账户资金流向证据' : null,
          reviewRequested: status === 'rejected',
        }
      : null;
  return {
    id,
    caseId: record.id,
    status,
    addressee: unit.name,
    reportingInstitution: LENDER.name,
    handler: { name: lead.name, title: '消费者权益保护部组长', powerOfAttorneyEvidenceId: null },
    reportedParties,
    cause: `${gang.firmName}等涉嫌${charges.map((c) => CHARGE_NAMES[c]).join('、')}`,
    charges,
    facts,
    amountInvolved: borrowers * gang.fee,
    evidence: items,
    approvedById: approved ? lead.id : null,
    approvedAt: approvedMs ? iso(approvedMs) : null,
    submission: submitted && submittedMs
      ? { date: iso(submittedMs), policeUnit: unit.name, officer: rng.pick(POLICE_OFFICERS), receiptNo: record.policeReceiptNo }
      : null,
    outcome,
    createdAt: iso(createdMs),
    updatedAt: iso(Math.max(createdMs, submittedMs ?? approvedMs ?? createdMs)),
    version: 1,
  };
}

// ---------- audit history ----------

function auditHistory(ctx: CaseContext): AuditEvent[] {
  const { db, rng, nowMs } = ctx;
  const events: Omit<AuditEvent, 'id'>[] = [];
  const lead = leads[0];
  for (const c of db.cases) {
    events.push({ at: c.createdAt, actorId: c.assigneeId ?? lead.id, action: 'case_create', recordType: 'case', recordId: c.id, summary: `创建案件《${c.title}》，关联投诉${c.complaintIds.length}件`, reason: null, detail: { kind: 'caseCreated', text: c.title, count: c.complaintIds.length } });
  }
  for (const r of db.referrals) {
    events.push({ at: r.createdAt, actorId: lead.id, action: 'referral_update', recordType: 'referral', recordId: r.id, summary: `起草报案材料（${r.addressee}）`, reason: null, detail: { kind: 'referralDrafted', related: { type: 'case', id: r.caseId } } });
    if (r.approvedAt) events.push({ at: r.approvedAt, actorId: lead.id, action: 'approve', recordType: 'referral', recordId: r.id, summary: '复核通过报案材料', reason: null, detail: { kind: 'referralApproved' } });
    if (r.submission) {
      const at = iso(Date.parse(r.submission.date) - 2 * 3_600_000);
      events.push({ at, actorId: lead.id, action: 'export', recordType: 'referral', recordId: r.id, summary: `导出报案材料包（ZIP，证据${r.evidence.length}份）`, reason: '提交公安机关报案', detail: { kind: 'referralExported', count: r.evidence.length, to: String(r.reportedParties.filter((p) => p.idNumber || p.phone).length) } });
    }
  }
  // A sample of day-to-day events: assignment by a lead, label decisions, verdicts, revealed numbers.
  const sample = rng.sample(db.complaints.filter((c) => c.assigneeId), 200);
  for (const c of sample) {
    const at = iso(Math.min(nowMs - 60_000, Date.parse(c.receivedAt) + rng.int(1, 20) * 3_600_000));
    events.push({ at, actorId: rng.pick(leads).id, action: 'assign', recordType: 'complaint', recordId: c.id, summary: `分派给 ${STAFF.find((u) => u.id === c.assigneeId)?.name ?? c.assigneeId}`, reason: null, detail: { kind: 'assigned', from: null, to: c.assigneeId } });
    if (c.label !== 'none' && c.assigneeId) {
      events.push({ at: c.updatedAt, actorId: c.assigneeId, action: 'label_change', recordType: 'complaint', recordId: c.id, summary: `标记为 ${c.label}`, reason: c.label === 'legitimate' ? '经核实为借款人本人真实诉求' : '多项识别信号成立', detail: { kind: 'label', from: 'none', to: c.label } });
    }
    if (rng.chance(0.2) && c.assigneeId) {
      events.push({ at: c.updatedAt, actorId: c.assigneeId, action: 'reveal_pii', recordType: 'complaint', recordId: c.id, summary: '查看投诉人联系电话', reason: '核实留存电话是否为借款人本人号码', detail: { kind: 'piiRevealed', to: 'complainantPhone' } });
    }
  }
  for (const e of db.evidence) {
    if (e.verdict.byId && e.verdict.at && events.length < 2000) {
      events.push({ at: e.verdict.at, actorId: e.verdict.byId, action: 'verdict', recordType: 'evidence', recordId: e.id, summary: `《${e.title}》核实结论：${e.verdict.status}`, reason: e.verdict.reason, detail: { kind: 'verdict', from: 'unverified', to: e.verdict.status } });
    }
  }
  events.sort((a, b) => a.at.localeCompare(b.at) || a.recordId.localeCompare(b.recordId));
  return events.map((e, i) => ({ id: `aud-${String(i + 1).padStart(6, '0')}`, ...e }));
}
