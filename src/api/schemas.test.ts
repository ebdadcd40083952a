import { describe, expect, it } from 'vitest';
import { complaintQuerySchema, customerSchema, loopQuerySchema, revealRequestSchema } from './schemas';

describe('contract schemas', () => {
  it('a period is two real calendar days, in order, at most a year apart', () => {
    expect(loopQuerySchema.safeParse({ from: '2026-11-01', to: '2026-11-30' }).success).toBe(true);
    expect(loopQuerySchema.safeParse({ from: '2026-02-28', to: '2026-02-30' }).success).toBe(false);
    expect(loopQuerySchema.safeParse({ from: '2026-11-30', to: '2026-11-01' }).success).toBe(false);
    expect(loopQuerySchema.safeParse({ from: '2025-01-01', to: '2026-11-01' }).success).toBe(false);
    expect(loopQuerySchema.safeParse({ from: '2026/11/01', to: '2026-11-02' }).success).toBe(false);
    expect(complaintQuerySchema.safeParse({ receivedFrom: '2026-13-01' }).success).toBe(false);
  });

  const customer = {
    id: 'c-1',
    name: '王芳',
    idNumber: '440***********1234',
    phone: '187****1094',
    bankAccount: '6222 **** **** 8841',
    city: '深圳',
    loans: [{ loanId: 'L1', product: '信用贷', principal: 20000, outstanding: 12000, overdueDays: 45, disbursedAt: '2026-01-05T10:00:00+08:00' }],
  };

  it('accepts masked personal data', () => {
    expect(customerSchema.safeParse(customer).success).toBe(true);
  });

  it('refuses clear personal data travelling in a record', () => {
    expect(customerSchema.safeParse({ ...customer, phone: '18712341094' }).success).toBe(false);
  });

  it('parses list filters from URL params', () => {
    const q = complaintQuerySchema.parse({ status: 'new,in_progress', grade: 'level1', page: '3' });
    expect(q).toMatchObject({ status: ['new', 'in_progress'], grade: ['level1'], page: 3 });
    expect(complaintQuerySchema.safeParse({ status: 'bogus' }).success).toBe(false);
  });

  it('requires a reason to reveal personal data', () => {
    expect(revealRequestSchema.safeParse({ recordType: 'customer', recordId: 'c-1', field: 'phone', reason: ' ' }).success).toBe(false);
  });
});
