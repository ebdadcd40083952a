import { OPEN_CASE_STATUSES } from '@/api/case-workflow';
import type { BoardItem, Case, Complaint, User, Workload } from '@/api/schemas';
import { isOpenStatus } from './deadlines';

const DAY = 86_400_000;
export const DUE_SOON_DAYS = 3;

type Loadable = { complaints: Pick<Complaint, 'assigneeId' | 'status' | 'dueAt'>[]; cases: Pick<Case, 'assigneeId' | 'status' | 'dueAt'>[] };

/** Per person: open complaints and cases, and how many are overdue or due within three days. */
export function workloads(users: User[], data: Loadable, now: Date): Workload[] {
  const t = now.getTime();
  const byUser = new Map<string, Workload>(
    users
      // Only people who take casework carry a load: auditors and administrators do not.
      .filter((u) => u.role === 'analyst' || u.role === 'lead')
      .map((u) => [u.id, { userId: u.id, openComplaints: 0, openCases: 0, overdue: 0, dueSoon: 0, capacity: u.capacity, away: u.away }]),
  );
  const count = (w: Workload | undefined, dueAt: string) => {
    if (!w) return;
    const due = Date.parse(dueAt);
    if (due < t) w.overdue += 1;
    else if (due - t <= DUE_SOON_DAYS * DAY) w.dueSoon += 1;
  };
  for (const c of data.complaints) {
    if (!c.assigneeId || !isOpenStatus(c.status)) continue;
    const w = byUser.get(c.assigneeId);
    if (w) w.openComplaints += 1;
    count(w, c.dueAt);
  }
  for (const c of data.cases) {
    if (!c.assigneeId || !OPEN_CASE_STATUSES.has(c.status)) continue;
    const w = byUser.get(c.assigneeId);
    if (w) w.openCases += 1;
    count(w, c.dueAt);
  }
  return [...byUser.values()];
}

/** What counts against the cap: open complaints plus open cases. */
export const loadOf = (w: Workload) => w.openComplaints + w.openCases;

/**
 * Round-robin over the analysts who are present, in a stable order, each taking the next unassigned
 * complaint (most urgent first) until they reach their cap. People who are away get nothing.
 */
export function planAutoAssign(
  unassigned: Pick<Complaint, 'id' | 'dueAt' | 'version'>[],
  people: Workload[],
): { assignments: { complaintId: string; assigneeId: string; version: number }[]; leftOver: number } {
  const queue = [...unassigned].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  const room = new Map(people.filter((p) => !p.away).map((p) => [p.userId, Math.max(0, p.capacity - loadOf(p))]));
  const order = [...room.keys()].sort();
  const assignments: { complaintId: string; assigneeId: string; version: number }[] = [];
  let turn = 0;
  for (const complaint of queue) {
    let placed = false;
    for (let tries = 0; tries < order.length && !placed; tries++) {
      const userId = order[turn % order.length]!;
      turn += 1;
      const left = room.get(userId) ?? 0;
      if (left > 0) {
        room.set(userId, left - 1);
        assignments.push({ complaintId: complaint.id, assigneeId: userId, version: complaint.version });
        placed = true;
      }
    }
    if (!placed) break; // everyone present is full
  }
  return { assignments, leftOver: queue.length - assignments.length };
}

/** "Next case": the open item assigned to this person that falls due first. */
export function nextItemFor(userId: string, items: BoardItem[]): BoardItem | null {
  return items.filter((i) => i.assigneeId === userId).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))[0] ?? null;
}
