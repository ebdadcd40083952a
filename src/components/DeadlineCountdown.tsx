import type { Translate } from '@/lib/translate';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus } from '@/api/schemas';
import { formatDateTime } from '@/lib/format';
import { useNow } from '@/lib/use-now';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Urgency = 'done' | 'overdue' | 'critical' | 'soon' | 'ok';

export function deadlineUrgency(dueAt: string, status: ComplaintStatus, now: number): Urgency {
  if (status === 'answered' || status === 'closed') return 'done';
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'overdue';
  if (left <= DAY) return 'critical';
  if (left <= 3 * DAY) return 'soon';
  return 'ok';
}

const COLORS: Record<Urgency, string | undefined> = {
  done: '#545b66',
  overdue: '#cf1322',
  critical: '#cf1322',
  soon: '#ad4e00',
  ok: undefined,
};

/** Time left to answer: amber within 3 days, red within 1 day, 已超时 once breached. */
export function DeadlineCountdown({ dueAt, status }: { dueAt: string; status: ComplaintStatus }) {
  const { t } = useTranslation();
  const now = useNow();
  return <DeadlineText dueAt={dueAt} status={status} now={now} t={t} />;
}

/** The countdown without hooks, for lists that render hundreds and share one clock and one translator. */
export function DeadlineText({ dueAt, status, now, t }: { dueAt: string; status: ComplaintStatus; now: number; t: Translate }) {
  const urgency = deadlineUrgency(dueAt, status, now);
  const left = Date.parse(dueAt) - now;

  let text: string;
  if (urgency === 'done') text = t('deadline.answered');
  else if (urgency === 'overdue') {
    const late = -left;
    text = late >= DAY ? t('deadline.overdueDays', { days: Math.floor(late / DAY) }) : t('deadline.overdue');
  } else if (left >= DAY) text = t('deadline.daysHours', { days: Math.floor(left / DAY), hours: Math.floor((left % DAY) / HOUR) });
  else text = t('deadline.hours', { hours: Math.max(0, Math.floor(left / HOUR)) });

  return (
    // Plain markup and a native tooltip: a screen of queue rows shows dozens of these at once.
    <span
      title={t('deadline.dueAt', { at: formatDateTime(dueAt) })}
      data-testid="deadline"
      data-urgency={urgency}
      style={{ color: COLORS[urgency], fontWeight: urgency === 'overdue' || urgency === 'critical' ? 600 : undefined, whiteSpace: 'nowrap' }}
    >
      {text}
    </span>
  );
}
