import { describe, expect, it } from 'vitest';
import { checkCaseTransition, denialStatus } from './caseWorkflow';

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

describe('case workflow per role', () => {
  const reviewed = { status: 'pending_review' as const, referralIds: ['r-1'], policeReceiptNo: null };
  it('refuses every step for an auditor, even an allowed one', () => {
    expect(checkCaseTransition({ ...reviewed, status: 'new' }, 'investigating', 'auditor', {})).toEqual({ reason: 'auditorReadOnly' });
    expect(checkCaseTransition(reviewed, 'reported', 'auditor', {})).toEqual({ reason: 'auditorReadOnly' });
  });
  it('lets analysts and leads walk the ordinary steps', () => {
    for (const role of ['analyst', 'lead'] as const) {
      expect(checkCaseTransition({ ...reviewed, status: 'new' }, 'investigating', role, {})).toBeNull();
      expect(checkCaseTransition({ ...reviewed, status: 'investigating' }, 'pending_review', role, {})).toBeNull();
      expect(checkCaseTransition(reviewed, 'investigating', role, {})).toBeNull();
    }
  });
  it('refuses a lead reporting without a referral even though the role is right', () => {
    expect(checkCaseTransition({ ...reviewed, referralIds: [] }, 'reported', 'lead', {})).toEqual({ reason: 'reportNeedsReferral' });
  });
  it('accepts a receipt already on the case for 已立案, and refuses a blank one', () => {
    const accepted = { ...reviewed, status: 'accepted' as const, policeReceiptNo: 'JB-1' };
    expect(checkCaseTransition(accepted, 'filed', 'analyst', {})).toBeNull();
    expect(checkCaseTransition({ ...accepted, policeReceiptNo: null }, 'filed', 'analyst', { policeReceiptNo: '  ' })).toEqual({ reason: 'receiptRequired' });
  });
  it('refuses a blank reopening reason', () => {
    expect(checkCaseTransition({ ...reviewed, status: 'closed' }, 'investigating', 'lead', { reason: '   ' })).toEqual({ reason: 'reopenNeedsReason' });
  });
  it('gives 403 for who you are and 422 for what is missing', () => {
    expect(denialStatus({ reason: 'reportNeedsLead' })).toBe(403);
    expect(denialStatus({ reason: 'receiptRequired' })).toBe(422);
  });
});
