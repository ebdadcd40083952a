import type { Case, CaseStatus, Role } from '@/api/schemas';

/** 新建 → 调查中 → 待复核 → 已报案 → 已受理 → 已立案 / 不予立案 → 结案, with the steps back a real team takes. */
export const caseTransitions: Record<CaseStatus, CaseStatus[]> = {
  new: ['investigating', 'closed'],
  investigating: ['pending_review', 'closed'],
  pending_review: ['investigating', 'reported'],
  reported: ['accepted', 'rejected'],
  accepted: ['filed', 'rejected'],
  filed: ['closed'],
  rejected: ['investigating', 'closed'],
  closed: ['investigating'],
};

export type TransitionDenial =
  | { reason: 'caseTransition' }
  | { reason: 'reportNeedsLead' }
  | { reason: 'reportNeedsReferral' }
  | { reason: 'receiptRequired' }
  | { reason: 'reopenNeedsReason' };

/** Returns why a status change is refused, or null when it is allowed. The backend, not the UI, is the judge. */
export function checkCaseTransition(
  record: Pick<Case, 'status' | 'referralIds' | 'policeReceiptNo'>,
  to: CaseStatus,
  role: Role,
  extra: { policeReceiptNo?: string; reason?: string },
): TransitionDenial | null {
  if (!caseTransitions[record.status].includes(to)) return { reason: 'caseTransition' };
  if (record.status === 'pending_review' && to === 'reported') {
    if (role !== 'lead') return { reason: 'reportNeedsLead' };
    if (record.referralIds.length === 0) return { reason: 'reportNeedsReferral' };
  }
  if ((to === 'accepted' || to === 'filed') && !(extra.policeReceiptNo ?? record.policeReceiptNo)) return { reason: 'receiptRequired' };
  if (record.status === 'closed' && !extra.reason?.trim()) return { reason: 'reopenNeedsReason' };
  return null;
}
