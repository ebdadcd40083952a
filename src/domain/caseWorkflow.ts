import { caseTransitions } from '@/api/case-workflow';
import type { Case, CaseStatus, Role } from '@/api/schemas';

export { caseTransitions };

export type TransitionDenial =
  | { reason: 'caseTransition' }
  | { reason: 'auditorReadOnly' }
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
  if (role === 'auditor') return { reason: 'auditorReadOnly' };
  if (!caseTransitions[record.status].includes(to)) return { reason: 'caseTransition' };
  if (record.status === 'pending_review' && to === 'reported') {
    if (role !== 'lead') return { reason: 'reportNeedsLead' };
    if (record.referralIds.length === 0) return { reason: 'reportNeedsReferral' };
  }
  if ((to === 'accepted' || to === 'filed') && !(extra.policeReceiptNo ?? record.policeReceiptNo)?.trim()) return { reason: 'receiptRequired' };
  if (record.status === 'closed' && !extra.reason?.trim()) return { reason: 'reopenNeedsReason' };
  return null;
}

/** Forbidden (403) for who you are, unprocessable (422) for what is missing. */
export const denialStatus = (d: TransitionDenial): 403 | 422 => (d.reason === 'reportNeedsLead' || d.reason === 'auditorReadOnly' ? 403 : 422);
