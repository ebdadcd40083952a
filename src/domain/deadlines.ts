/**
 * Handling deadlines of transferred complaints: 15 calendar days from receipt, 30 for complex cases,
 * 60 at most after a senior-approved extension.
 */
import type { Complaint, ComplaintStatus, DeadlineKind } from '@/api/schemas';
import { isoToMs } from './time';

export const DAY_MS = 86_400_000;
/** China Standard Time has no daylight saving, so a fixed offset is exact. */
const CST_OFFSET_MS = 8 * 3_600_000;

export const DEADLINE_DAYS: Record<DeadlineKind, number> = { standard: 15, complex: 30, extended: 60 };

/**
 * The due instant for a complaint received at `receivedAt`: the end (23:59:59.999 Beijing time) of the
 * Nth calendar day after the day of receipt. The day of receipt itself does not count, as with legal
 * periods in Chinese law (期间开始的当日不计入), so a complaint received on 1 Nov at 10:00 is due on
 * 16 Nov at 23:59:59.999 under the 15-day rule.
 */
export function dueDate(receivedAt: string | Date, kind: DeadlineKind): Date {
  const received = typeof receivedAt === 'string' ? Date.parse(receivedAt) : receivedAt.getTime();
  const localDayStart = Math.floor((received + CST_OFFSET_MS) / DAY_MS) * DAY_MS;
  return new Date(localDayStart + (DEADLINE_DAYS[kind] + 1) * DAY_MS - CST_OFFSET_MS - 1);
}

export const dueAtIso = (receivedAt: string | Date, kind: DeadlineKind): string => dueDate(receivedAt, kind).toISOString();

export type DeadlineLevel = 'ok' | 'amber' | 'red' | 'overdue';
export type DeadlineState = {
  /** Whole days left, rounded down; negative once overdue (−1 = overdue by less than a day). */
  daysLeft: number;
  msLeft: number;
  level: DeadlineLevel;
  /** False once the complaint is answered or closed: it can no longer breach, so it is never amber/red/overdue. */
  active: boolean;
};

export const AMBER_MS = 3 * DAY_MS;
export const RED_MS = 1 * DAY_MS;

/** Statuses that still owe the complainant an answer. */
export const isOpenStatus = (status: ComplaintStatus): boolean => status === 'new' || status === 'in_progress';

export function levelFor(msLeft: number): DeadlineLevel {
  if (msLeft < 0) return 'overdue';
  if (msLeft <= RED_MS) return 'red';
  if (msLeft <= AMBER_MS) return 'amber';
  return 'ok';
}

export function deadlineState(complaint: Pick<Complaint, 'dueAt' | 'status'>, now: Date): DeadlineState {
  const msLeft = Date.parse(complaint.dueAt) - now.getTime();
  const active = isOpenStatus(complaint.status);
  return { daysLeft: Math.floor(msLeft / DAY_MS), msLeft, level: active ? levelFor(msLeft) : 'ok', active };
}

export type DeadlineWindow = 'overdue' | 'within1' | 'within3' | 'within7';
const WINDOW_MS: Record<Exclude<DeadlineWindow, 'overdue'>, number> = { within1: DAY_MS, within3: 3 * DAY_MS, within7: 7 * DAY_MS };

/**
 * A predicate over (status, due time) for the queue's deadline filter. Windows count open complaints
 * not yet overdue (overdue ones have their own filter), so "within3" is 0 ≤ time left ≤ 3 days.
 */
export function deadlineWindowPredicate(window: DeadlineWindow, now: Date): (status: ComplaintStatus, dueMs: number) => boolean {
  const t = now.getTime();
  if (window === 'overdue') return (status, dueMs) => isOpenStatus(status) && dueMs < t;
  const limit = t + WINDOW_MS[window];
  return (status, dueMs) => isOpenStatus(status) && dueMs >= t && dueMs <= limit;
}

/** When a complaint was answered; records answered before the time was kept use their last change. */
export function answeredAtOf(c: Pick<Complaint, 'status' | 'answeredAt' | 'updatedAt'>): string | null {
  if (isOpenStatus(c.status)) return null;
  return c.answeredAt ?? c.updatedAt;
}

/** Answered within the deadline (met), after it (late), or not answered yet (null). */
export function deadlineOutcome(c: Pick<Complaint, 'status' | 'answeredAt' | 'updatedAt' | 'dueAt'>): 'met' | 'late' | null {
  const answered = answeredAtOf(c);
  if (answered === null) return null;
  return isoToMs(answered) <= isoToMs(c.dueAt) ? 'met' : 'late';
}

