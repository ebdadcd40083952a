import { Pill, type PillColor } from '@/components/Pill';
import { useTranslation } from 'react-i18next';
import type { ComplaintLabel, ComplaintStatus, Demand, Signal } from '@/api/schemas';

const STATUS_COLORS: Record<ComplaintStatus, PillColor> = { new: 'blue', in_progress: 'processing', answered: 'success', closed: 'default' };
const LABEL_COLORS: Record<ComplaintLabel, PillColor> = { none: 'default', legitimate: 'green', agent_proposed: 'orange', agent_confirmed: 'red' };

export function StatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <Pill color={STATUS_COLORS[status]} data-testid="complaint-status" data-status={status}>
      {t(`status.${status}`)}
    </Pill>
  );
}

/** Nothing is shown for 'none': only a decision (legitimate / suspected / confirmed agent) is news. */
export function LabelTag({ label }: { label: ComplaintLabel }) {
  const { t } = useTranslation();
  if (label === 'none') return null;
  return (
    <Pill color={LABEL_COLORS[label]} data-testid="complaint-label" data-label={label}>
      {t(`label.${label}`)}
    </Pill>
  );
}

export function DemandTags({ demands }: { demands: Demand[] }) {
  const { t } = useTranslation();
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
export function TopSignals({ signals, max = 3 }: { signals: Signal[]; max?: number }) {
  const { t } = useTranslation();
  const top = [...signals].sort((a, b) => b.weight - a.weight).slice(0, max);
  if (top.length === 0) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>—</span>;
  return (
    <>
      {top.map((s) => (
        <Pill key={s.code} color="volcano" variant="outlined" style={{ marginBottom: 2 }} title={s.explanation}>
          {t(`signal.${s.code}`)}
        </Pill>
      ))}
      {signals.length > max && <span style={{ color: 'rgba(0,0,0,0.45)' }}>+{signals.length - max}</span>}
    </>
  );
}
