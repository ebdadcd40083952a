import { describe, expect, it } from 'vitest';
import type { User, Workload } from '@/api/schemas';
import { nextItemFor, planAutoAssign, workloads } from './assignment';

const w = (userId: string, capacity: number, load = 0, away = false): Workload => ({
  userId,
  openComplaints: load,
  openCases: 0,
  overdue: 0,
  dueSoon: 0,
  capacity,
  away,
});
const complaints = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `c-${String(i).padStart(3, '0')}`, dueAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(), version: 1 }));

describe('auto-assign', () => {
  it('deals round-robin, most urgent complaint first', () => {
    const plan = planAutoAssign(complaints(4).reverse(), [w('a', 10), w('b', 10)]);
    expect(plan.assignments.map((a) => `${a.complaintId}:${a.assigneeId}`)).toEqual(['c-000:a', 'c-001:b', 'c-002:a', 'c-003:b']);
    expect(plan.leftOver).toBe(0);
  });
  it('skips people who are away', () => {
    const plan = planAutoAssign(complaints(6), [w('a', 10), w('away', 10, 0, true), w('b', 10)]);
    expect(plan.assignments.some((a) => a.assigneeId === 'away')).toBe(false);
    expect(plan.assignments).toHaveLength(6);
  });
  it('never fills anyone past their cap, counting what they already hold', () => {
    const plan = planAutoAssign(complaints(10), [w('a', 5, 4), w('b', 3)]);
    const count = (id: string) => plan.assignments.filter((x) => x.assigneeId === id).length;
    expect(count('a')).toBe(1);
    expect(count('b')).toBe(3);
    expect(plan.leftOver).toBe(6);
  });
  it('keeps the version each complaint was planned at, so apply can detect changes', () => {
    expect(planAutoAssign([{ id: 'x', dueAt: '2026-11-01T00:00:00.000Z', version: 7 }], [w('a', 1)]).assignments[0]?.version).toBe(7);
  });
  it('assigns nothing when everyone is away or full', () => {
    expect(planAutoAssign(complaints(3), [w('a', 2, 2), w('b', 5, 0, true)])).toEqual({ assignments: [], leftOver: 3 });
  });
});

describe('workloads', () => {
  const users: User[] = [
    { id: 'a', name: 'A', role: 'analyst', team: 't', away: false, capacity: 10 },
    { id: 'z', name: 'Z', role: 'auditor', team: 't', away: false, capacity: 10 },
  ];
  const now = new Date('2026-11-23T00:00:00Z');
  it('counts open complaints and cases, overdue and due within three days, and leaves auditors out', () => {
    const loads = workloads(
      users,
      {
        complaints: [
          { assigneeId: 'a', status: 'new', dueAt: '2026-11-20T00:00:00Z' },
          { assigneeId: 'a', status: 'in_progress', dueAt: '2026-11-24T00:00:00Z' },
          { assigneeId: 'a', status: 'closed', dueAt: '2026-11-20T00:00:00Z' },
          { assigneeId: 'a', status: 'new', dueAt: '2026-12-24T00:00:00Z' },
        ],
        cases: [
          { assigneeId: 'a', status: 'investigating', dueAt: '2026-12-24T00:00:00Z' },
          { assigneeId: 'a', status: 'closed', dueAt: '2026-11-01T00:00:00Z' },
        ],
      },
      now,
    );
    expect(loads).toEqual([{ userId: 'a', openComplaints: 3, openCases: 1, overdue: 1, dueSoon: 1, capacity: 10, away: false }]);
  });
});

describe('next case', () => {
  it("is the person's item that falls due first", () => {
    const items = [
      { type: 'case' as const, id: 'k1', title: '', assigneeId: 'a', dueAt: '2026-11-30T00:00:00Z', version: 1 },
      { type: 'complaint' as const, id: 'c1', title: '', assigneeId: 'a', dueAt: '2026-11-25T00:00:00Z', version: 1 },
      { type: 'complaint' as const, id: 'c0', title: '', assigneeId: 'b', dueAt: '2026-11-01T00:00:00Z', version: 1 },
    ];
    expect(nextItemFor('a', items)?.id).toBe('c1');
    expect(nextItemFor('nobody', items)).toBeNull();
  });
});
