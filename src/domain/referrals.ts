/**
 * Referral (报案材料) rules of the mock backend: facts drafted from a case's timeline, the tracking
 * steps after approval, and how the case follows its referral (via the case workflow's own rules).
 */
import type { Case, CaseStatus, Complaint, Evidence, Referral, ReferralStatus, ReferralTracking, Role } from '@/api/schemas';
import { caseTransitions, checkCaseTransition, type TransitionDenial } from './caseWorkflow';

const day = (iso: string) => iso.slice(0, 10);

/**
 * Facts pre-filled from what the case already holds (complaints received, documents, calls), each as
 * time, place, means and consequence and tied to the evidence that shows it. Staff edit, not retype.
 */
export function draftFacts(
  referralId: string,
  input: { complaints: Pick<Complaint, 'receivedAt' | 'customerId' | 'channel' | 'evidenceIds'>[]; evidence: Pick<Evidence, 'id' | 'kind' | 'fileName' | 'verdict'>[]; place: string },
): Referral['facts'] {
  const times = input.complaints.map((c) => c.receivedAt).sort();
  const period = times.length ? `${day(times[0])}至${day(times[times.length - 1])}` : '';
  const borrowers = new Set(input.complaints.map((c) => c.customerId)).size;
  const channels = [...new Set(input.complaints.map((c) => c.channel))].length;
  const documents = input.evidence.filter((e) => e.kind === 'pdf' || (e.kind === 'image' && e.verdict.status !== 'forged' && e.verdict.status !== 'suspected_forged'));
  const forged = input.evidence.filter((e) => e.verdict.status === 'forged' || e.verdict.status === 'suspected_forged');
  const calls = input.evidence.filter((e) => e.kind === 'audio' || e.kind === 'chat');
  const facts: Referral['facts'] = [];
  const add = (means: string, consequence: string, place: string, evidence: { id: string }[]) =>
    facts.push({ id: `${referralId}-f${facts.length + 1}`, time: period, place, means, consequence, evidenceIds: evidence.map((e) => e.id) });
  if (input.complaints.length) {
    add(
      `以${borrowers}名借款人名义，通过${channels}个渠道批量提交模板化投诉${input.complaints.length}件，要求停催、减免息费`,
      '借款人被教唆停止还款、拒绝与本机构直接沟通，本机构客服及合规资源被大量占用',
      input.place,
      documents,
    );
  }
  if (forged.length) {
    add('代办并提供伪造的诊断证明、贫困证明等材料，同一份证明被多名借款人重复使用', '意图以虚假材料骗取减免息费、停息挂账', input.place, forged);
  }
  if (calls.length) {
    add('代接本机构回访电话，威胁向监管投诉、组织借款人集体上访及网络曝光', '借款人被阻止与本机构直接沟通', '电话及微信群', calls);
  }
  return facts;
}

type Denial = { reason: 'referralTrackingOrder' } | { reason: 'caseCannotFollow' } | TransitionDenial;

const FROM: Record<ReferralTracking['action'], ReferralStatus[]> = {
  submit: ['approved'],
  accept: ['submitted'],
  file: ['accepted'],
  reject: ['accepted'],
};

/** The referral after a tracking step, or why the step is refused. Pure: the handler commits. */
export function applyTracking(r: Referral, cmd: ReferralTracking): Referral | Denial {
  if (!FROM[cmd.action].includes(r.status)) return { reason: 'referralTrackingOrder' };
  const outcome = r.outcome ?? { acceptedAt: null, filedAt: null, rejectedAt: null, rejectionReason: null, reviewRequested: false };
  switch (cmd.action) {
    case 'submit':
      return { ...r, status: 'submitted', submission: { date: cmd.date, policeUnit: cmd.policeUnit, officer: cmd.officer, receiptNo: cmd.receiptNo } };
    case 'accept':
      return { ...r, status: 'accepted', submission: r.submission && { ...r.submission, receiptNo: cmd.receiptNo }, outcome: { ...outcome, acceptedAt: cmd.at } };
    case 'file':
      return { ...r, status: 'filed', outcome: { ...outcome, filedAt: cmd.at } };
    case 'reject':
      return { ...r, status: 'rejected', outcome: { ...outcome, rejectedAt: cmd.at, rejectionReason: cmd.reason, reviewRequested: cmd.reviewRequested } };
  }
}

export const CASE_STATUS_FOR_REFERRAL: Partial<Record<ReferralStatus, CaseStatus>> = {
  submitted: 'reported',
  accepted: 'accepted',
  filed: 'filed',
  rejected: 'rejected',
};

/** Shortest chain of allowed case transitions from `from` to `to` (empty when already there). */
export function casePath(from: CaseStatus, to: CaseStatus): CaseStatus[] | null {
  if (from === to) return [];
  const prev = new Map<CaseStatus, CaseStatus>();
  const queue: CaseStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const next of caseTransitions[at]) {
      if (next === from || prev.has(next)) continue;
      prev.set(next, at);
      if (next === to) {
        const path: CaseStatus[] = [to];
        for (let s = at; s !== from; s = prev.get(s)!) path.unshift(s);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

/**
 * The case steps that make it follow the referral, each checked with the case workflow's rules (a
 * lead reports a case; acceptance needs the receipt number). Refuses rather than skipping a rule.
 */
export function caseFollowSteps(kase: Pick<Case, 'status' | 'referralIds' | 'policeReceiptNo'>, referral: Referral, role: Role): CaseStatus[] | Denial {
  const target = CASE_STATUS_FOR_REFERRAL[referral.status];
  if (!target || kase.status === target) return [];
  const path = casePath(kase.status, target);
  // A closed case stays closed: reopening is a decision with a reason, not a side effect.
  if (!path || path.includes('closed')) return { reason: 'caseCannotFollow' };
  let at = kase.status;
  for (const step of path) {
    const denial = checkCaseTransition({ ...kase, status: at }, step, role, { policeReceiptNo: referral.submission?.receiptNo ?? undefined });
    if (denial) return denial;
    at = step;
  }
  return path;
}

export const isDenial = (x: unknown): x is Denial => typeof x === 'object' && x !== null && 'reason' in x && !Array.isArray(x);
