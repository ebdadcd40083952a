import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@/api/schemas';
import { DeadlineCountdown } from '@/components/DeadlineCountdown';
import { GradeBadge } from '@/components/GradeBadge';
import { Pill } from '@/components/Pill';
import { UserName } from '@/components/UserName';
import { formatShortDateTime } from '@/lib/format';
import { DemandTags, LabelTag, StatusTag, TopSignals } from './ComplaintTags';

/**
 * Sorting is registered so headers can show and change the order (the server does the sorting);
 * sizing gives the fixed widths virtual rows need; people may resize, hide and reorder columns.
 */
export const queueFeatures = tableFeatures({ rowSortingFeature, columnSizingFeature, columnResizingFeature, columnVisibilityFeature, columnOrderingFeature });
const col = createColumnHelper<typeof queueFeatures, Complaint>();

/** Headers render as components so they follow a language switch without rebuilding the columns. */
function Title({ k }: { k: string }) {
  const { t } = useTranslation();
  return <>{t(`queue.col.${k}`)}</>;
}

/** One line, cut with an ellipsis (full name on hover): rows have a fixed height for the virtual list. */
function Channel({ value }: { value: Complaint['channel'] }) {
  const { t } = useTranslation();
  const label = t(`channel.${value}`);
  return (
    <div title={label} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {label}
    </div>
  );
}

function Complainant({ value }: { value: Complaint['complainant'] }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ whiteSpace: 'nowrap' }}>
        {value.name}{' '}
        <Pill color={value.kind === 'agent' ? 'red' : 'default'} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
          {t(`complainantKind.${value.kind}`)}
        </Pill>
      </div>
      <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }}>{value.phone}</div>
    </div>
  );
}

function FamilySize({ value, familyId }: { value: number; familyId: string | null }) {
  const { t } = useTranslation();
  if (value <= 1 || !familyId) return <span style={{ color: 'rgba(0, 0, 0, 0.45)' }}>—</span>;
  return (
    <span title={t('queue.familyHint', { count: value })} data-testid="family-size" data-family={familyId}>
      ×{value}
    </span>
  );
}

/** Module-level and stable: Table v9 re-derives its models whenever the columns array changes. */
export const queueColumns = col.columns([
  col.accessor('receivedAt', { header: () => <Title k="received" />, cell: (c) => formatShortDateTime(c.getValue()), size: 96 }),
  col.accessor('channel', { header: () => <Title k="channel" />, cell: (c) => <Channel value={c.getValue()} />, size: 130 }),
  col.accessor('complainant', { header: () => <Title k="complainant" />, cell: (c) => <Complainant value={c.getValue()} />, enableSorting: false, size: 150 }),
  col.accessor('borrowerName', { header: () => <Title k="borrower" />, enableSorting: false, size: 80 }),
  col.accessor('demands', { header: () => <Title k="demands" />, cell: (c) => <DemandTags demands={c.getValue()} />, enableSorting: false, size: 170 }),
  col.accessor('riskScore', {
    header: () => <Title k="risk" />,
    cell: (c) => (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{Math.round(c.getValue())}</strong>
        <GradeBadge grade={c.row.original.grade} />
      </span>
    ),
    size: 110,
  }),
  col.accessor('signals', { header: () => <Title k="signals" />, cell: (c) => <TopSignals signals={c.getValue()} />, enableSorting: false, size: 220 }),
  col.accessor('templateFamilySize', { header: () => <Title k="family" />, cell: (c) => <FamilySize value={c.getValue()} familyId={c.row.original.templateFamilyId} />, size: 64 }),
  col.accessor('dueAt', { header: () => <Title k="deadline" />, cell: (c) => <DeadlineCountdown dueAt={c.getValue()} status={c.row.original.status} />, size: 110 }),
  col.accessor('status', {
    header: () => <Title k="status" />,
    cell: (c) => (
      <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 2 }}>
        <StatusTag status={c.getValue()} />
        <LabelTag label={c.row.original.label} />
      </span>
    ),
    size: 120,
  }),
  col.accessor('assigneeId', {
    header: () => <Title k="assignee" />,
    cell: (c) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        <UserName id={c.getValue()} />
      </span>
    ),
    enableSorting: false,
    size: 90,
  }),
]);

/** Every column id, in the default order (for the column settings and for resetting a layout). */
export const QUEUE_COLUMN_IDS = queueColumns.map((c) => (c as { accessorKey?: string; id?: string }).accessorKey ?? c.id ?? '');
