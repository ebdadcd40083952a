/**
 * Follow-up deadlines after a referral is filed with the police (DOMAIN.md): administrative matters get
 * an acceptance review within 24 hours (up to 3 days); after 受理 a criminal filing decision is due in
 * 3 days, 7 when leads need checking, 30 at most. After 不予立案 the reporter may ask for 复议 within
 * 7 days of the notice (公安机关办理刑事案件程序规定 第179条).
 */
import type { Referral } from '@/api/schemas';
import { isAdministrativeOnly } from './charges';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type FollowUp = { key: 'adminAcceptance' | 'adminAcceptanceMax' | 'filing3' | 'filing7' | 'filing30' | 'review'; dueAt: string; done: boolean };

export function followUpDeadlines(r: Pick<Referral, 'status' | 'charges' | 'submission' | 'outcome'>): FollowUp[] {
  const out: FollowUp[] = [];
  const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
  const accepted = r.outcome?.acceptedAt ?? null;
  const decided = r.status === 'filed' || r.status === 'rejected';
  if (r.submission && isAdministrativeOnly(r.charges)) {
    out.push({ key: 'adminAcceptance', dueAt: at(r.submission.date, DAY), done: accepted !== null || decided });
    out.push({ key: 'adminAcceptanceMax', dueAt: at(r.submission.date, 3 * DAY), done: accepted !== null || decided });
  }
  if (accepted && !isAdministrativeOnly(r.charges)) {
    out.push({ key: 'filing3', dueAt: at(accepted, 3 * DAY), done: decided });
    out.push({ key: 'filing7', dueAt: at(accepted, 7 * DAY), done: decided });
    out.push({ key: 'filing30', dueAt: at(accepted, 30 * DAY), done: decided });
  }
  if (r.status === 'rejected' && r.outcome?.rejectedAt) out.push({ key: 'review', dueAt: at(r.outcome.rejectedAt, 7 * DAY), done: r.outcome.reviewRequested });
  return out;
}

/** The package date: the approval day in Beijing time, so re-exporting an approved referral gives the same bytes. */
export function packageDay(approvedAt: string | null, now = new Date()): string {
  const t = approvedAt ? Date.parse(approvedAt) : now.getTime();
  return new Date(t + 8 * HOUR).toISOString().slice(0, 10);
}
