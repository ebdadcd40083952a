import type { CaseStatus } from './schemas';

/**
 * 新建 → 调查中 → 待复核 → 已报案 → 已受理 → 已立案 / 不予立案 → 结案, with the steps back a real team takes.
 * Part of the contract: the screen offers these steps, the backend (`domain/caseWorkflow.ts`) judges them.
 */
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

export const OPEN_CASE_STATUSES: ReadonlySet<CaseStatus> = new Set(['new', 'investigating', 'pending_review', 'reported', 'accepted']);
