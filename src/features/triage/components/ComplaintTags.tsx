import type { Translate } from '@/lib/translate';
import { Pill, type PillColor } from '@/components/Pill';
import type { ComplaintLabel, ComplaintRow, ComplaintStatus, Demand, Mood } from '@/api/schemas';

// These take the translator from their caller instead of calling useTranslation: a screen of queue rows
// holds hundreds of them, and each hook instance costs a subscription and a copy of the i18n instance.

const STATUS_COLORS: Record<ComplaintStatus, PillColor> = { new: 'blue', in_progress: 'processing', answered: 'success', closed: 'default' };
const LABEL_COLORS: Record<ComplaintLabel, PillColor> = { none: 'default', legitimate: 'green', agent_proposed: 'orange', agent_confirmed: 'red' };

export function StatusTag({ status, t }: { status: ComplaintStatus; t: Translate }) {
  return (
    <Pill color={STATUS_COLORS[status]} data-testid="complaint-status" data-status={status}>
      {t(`status.${status}`)}
    </Pill>
  );
}

/** Nothing is shown for 'none': only a decision (legitimate / suspected / confirmed agent) is news. */
export function LabelTag({ label, t }: { label: ComplaintLabel; t: Translate }) {
  if (label === 'none') return null;
  return (
    <Pill color={LABEL_COLORS[label]} data-testid="complaint-label" data-label={label}>
      {t(`label.${label}`)}
    </Pill>
  );
}

/** 情绪导向: a threat to escalate, or words that suggest the person may harm themselves (shown in red, first). */
export function MoodTag({ mood, t }: { mood: Mood | null | undefined; t: Translate }) {
  if (!mood) return null;
  return (
    <Pill color={mood === 'self_harm' ? 'red' : 'orange'} variant={mood === 'self_harm' ? undefined : 'outlined'} data-testid="complaint-mood" data-mood={mood} title={t(`mood.${mood}Hint`)}>
      {t(`mood.${mood}`)}
    </Pill>
  );
}

export function DemandTags({ demands, t }: { demands: Demand[]; t: Translate }) {
  return (
    <>
      {demands.map((d) => (
        <Pill key={d} variant="filled" style={{ marginBottom: 2 }}>
          {t(`demand.${d}`)}
        </Pill>
      ))}
    </>
  );
}

/** The strongest few signals behind a score, so a row explains itself. */
export function TopSignals({ signals, t, max = 3 }: { signals: ComplaintRow['signals']; t: Translate; max?: number }) {
  const top = [...signals].sort((a, b) => b.weight - a.weight).slice(0, max);
  if (top.length === 0) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>—</span>;
  return (
    <>
      {top.map((s) => (
        <Pill key={s.code} color="volcano" variant="outlined" style={{ marginBottom: 2 }} title={s.explanation}>
          {t(`signal.${s.code}`)}
        </Pill>
      ))}
      {signals.length > max && <span style={{ color: '#545b66' }}>+{signals.length - max}</span>}
    </>
  );
}
