import { describe, expect, it } from 'vitest';
import { checkCaseTransition } from './caseWorkflow';

const base = { status: 'pending_review' as const, referralIds: ['r-1'], policeReceiptNo: null };

describe('case workflow', () => {
  it('lets a lead report a reviewed case that has a referral', () => {
    expect(checkCaseTransition(base, 'reported', 'lead', {})).toBeNull();
  });
  it('refuses an analyst moving 待复核 to 已报案', () => {
    expect(checkCaseTransition(base, 'reported', 'analyst', {})).toEqual({ reason: 'reportNeedsLead' });
  });
  it('refuses reporting without a referral', () => {
    expect(checkCaseTransition({ ...base, referralIds: [] }, 'reported', 'lead', {})).toEqual({ reason: 'reportNeedsReferral' });
  });
  it('refuses skipping steps', () => {
    expect(checkCaseTransition({ ...base, status: 'new' }, 'filed', 'lead', {})).toEqual({ reason: 'caseTransition' });
  });
  it('needs the police receipt number for 已受理', () => {
    const reported = { ...base, status: 'reported' as const };
    expect(checkCaseTransition(reported, 'accepted', 'lead', {})).toEqual({ reason: 'receiptRequired' });
    expect(checkCaseTransition(reported, 'accepted', 'lead', { policeReceiptNo: 'JB-2026-001' })).toBeNull();
  });
  it('needs a reason to reopen a closed case', () => {
    const closed = { ...base, status: 'closed' as const };
    expect(checkCaseTransition(closed, 'investigating', 'analyst', {})).toEqual({ reason: 'reopenNeedsReason' });
    expect(checkCaseTransition(closed, 'investigating', 'analyst', { reason: '发现新线索' })).toBeNull();
  });
});
