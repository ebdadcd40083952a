import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { Translate } from '@/lib/translate';
import type { ComplaintRow } from '@/api/schemas';
import { DeadlineText } from '@/components/DeadlineCountdown';
import { GradeTag } from '@/components/GradeBadge';
import { Pill } from '@/components/Pill';
import { formatShortDateTime } from '@/lib/format';
import { DemandTags, LabelTag, MoodTag, StatusTag, TopSignals } from './ComplaintTags';

/**
 * What every cell needs from outside its row, resolved once per table render (the table's `meta`):
 * a screen of rows holds hundreds of cells, and one translation hook, clock or users query per cell
 * made a sort or filter change wait for all of their subscriptions.
 */
export type QueueCellEnv = {
  t: Translate;
  /** One clock for every countdown on screen. */
  now: number;
  userName: (id: string) => string;
};

/**
 * Sorting is registered so headers can show and change the order (the server does the sorting);
 * sizing gives the fixed widths virtual rows need; people may resize, hide and reorder columns.
 */
export const queueFeatures = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  tableMeta: metaHelper<QueueCellEnv>(),
});
const col = createColumnHelper<typeof queueFeatures, ComplaintRow>();

// Muted but readable on the tinted rows of level-1 complaints too (4.5:1).
const MUTED = '#5c5654';

/** One line, cut with an ellipsis (full name on hover): rows have a fixed height for the virtual list. */
function Channel({ value, t }: { value: ComplaintRow['channel']; t: Translate }) {
  const label = t(`channel.${value}`);
  return (
    <div title={label} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {label}
    </div>
  );
}

function Complainant({ value, t }: { value: ComplaintRow['complainant']; t: Translate }) {
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ whiteSpace: 'nowrap' }}>
        {value.name}{' '}
        <Pill color={value.kind === 'agent' ? 'red' : 'default'} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
          {t(`complainantKind.${value.kind}`)}
        </Pill>
      </div>
      <div style={{ fontSize: 12, color: MUTED }}>{value.phone}</div>
    </div>
  );
}

function FamilySize({ value, familyId, t }: { value: number; familyId: string | null; t: Translate }) {
  if (value <= 1 || !familyId) return <span style={{ color: MUTED }}>—</span>;
  return (
    <span title={t('queue.familyHint', { count: value })} data-testid="family-size" data-family={familyId}>
      ×{value}
    </span>
  );
}

// Cells and headers take their environment from the table's meta; the table always passes one.
type WithMeta = { table: { options: { meta?: QueueCellEnv } } };
const env = (c: WithMeta): QueueCellEnv => {
  const meta = c.table.options.meta;
  if (!meta) throw new Error('the queue table renders with a QueueCellEnv as its meta');
  return meta;
};
/** Locale key (under queue.col) of each column's title. */
export const QUEUE_COLUMN_LABEL: Record<string, string> = {
  receivedAt: 'received',
  channel: 'channel',
  complainant: 'complainant',
  borrowerName: 'borrower',
  demands: 'demands',
  riskScore: 'risk',
  signals: 'signals',
  templateFamilySize: 'family',
  dueAt: 'deadline',
  status: 'status',
  assigneeId: 'assignee',
};

const title = (k: string) => (h: WithMeta) => env(h).t(`queue.col.${k}`);

/** Module-level and stable: Table v9 re-derives its models whenever the columns array changes. */
export const queueColumns = col.columns([
  col.accessor('receivedAt', { header: title('received'), cell: (c) => formatShortDateTime(c.getValue()), size: 96 }),
  col.accessor('channel', { header: title('channel'), cell: (c) => <Channel value={c.getValue()} t={env(c).t} />, size: 130 }),
  col.accessor('complainant', { header: title('complainant'), cell: (c) => <Complainant value={c.getValue()} t={env(c).t} />, enableSorting: false, size: 150 }),
  col.accessor('borrowerName', { header: title('borrower'), enableSorting: false, size: 80 }),
  col.accessor('demands', { header: title('demands'), cell: (c) => <DemandTags demands={c.getValue()} t={env(c).t} />, enableSorting: false, size: 170 }),
  col.accessor('riskScore', {
    header: title('risk'),
    cell: (c) => (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{Math.round(c.getValue())}</strong>
        <GradeTag grade={c.row.original.grade} t={env(c).t} />
      </span>
    ),
    size: 110,
  }),
  col.accessor('signals', { header: title('signals'), cell: (c) => <TopSignals signals={c.getValue()} t={env(c).t} />, enableSorting: false, size: 220 }),
  col.accessor('templateFamilySize', {
    header: title('family'),
    cell: (c) => <FamilySize value={c.getValue()} familyId={c.row.original.templateFamilyId} t={env(c).t} />,
    size: 64,
  }),
  col.accessor('dueAt', {
    header: title('deadline'),
    cell: (c) => <DeadlineText dueAt={c.getValue()} status={c.row.original.status} now={env(c).now} t={env(c).t} />,
    size: 110,
  }),
  col.accessor('status', {
    header: title('status'),
    cell: (c) => (
      <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 2 }}>
        <StatusTag status={c.getValue()} t={env(c).t} />
        <LabelTag label={c.row.original.label} t={env(c).t} />
        <MoodTag mood={c.row.original.mood} t={env(c).t} />
      </span>
    ),
    size: 120,
  }),
  col.accessor('assigneeId', {
    header: title('assignee'),
    cell: (c) => {
      const id = c.getValue();
      return <span style={{ whiteSpace: 'nowrap', color: id ? undefined : MUTED }}>{id ? env(c).userName(id) : env(c).t('common.unassigned')}</span>;
    },
    enableSorting: false,
    size: 90,
  }),
]);

/** Every column id, in the default order (for the column settings and for resetting a layout). */
export const QUEUE_COLUMN_IDS = queueColumns.map((c) => (c as { accessorKey?: string; id?: string }).accessorKey ?? c.id ?? '');
