import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import {
  functionalUpdate,
  useTable,
  type ColumnOrderState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type FocusEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { usersQuery } from '@/api/resources/session';
import type { Cell, Row } from '@tanstack/react-table';
import type { ComplaintRow } from '@/api/schemas';
import { deadlineUrgency } from '@/components/DeadlineCountdown';
import { memoizeTranslate } from '@/lib/translate';
import { useLatestCallback } from '@/lib/use-latest-callback';
import { useNow } from '@/lib/use-now';
import { QUEUE_SCROLLER_ID } from '../api/queue-search';
import type { ColumnLayout } from '../state/prefs';
import { QUEUE_COLUMN_IDS, QUEUE_COLUMN_LABEL, queueColumns, queueFeatures, type QueueCellEnv } from './queue-columns';
import styles from './QueueTable.module.css';

export const ROW_HEIGHT = 52;
const SELECT_WIDTH = 36;
/** Keyboard resizing of a column: step and bounds, in px. */
const RESIZE_STEP = 16;
const MIN_COLUMN = 48;
const MAX_COLUMN = 800;

type Props = {
  total: number;
  rowAt: (index: number) => ComplaintRow | undefined;
  /** Reports the index range on screen, so the caller fetches those chunks. */
  onRangeChange: (range: { start: number; end: number }) => void;
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  layout: ColumnLayout;
  onLayoutChange: (layout: ColumnLayout) => void;
  onOpen: (id: string, index: number) => void;
  openId?: string;
  /** Keyboard cursor (j / k). */
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  selected: ReadonlySet<string>;
  onToggleSelected: (id: string) => void;
  /** Rows shown belong to the previous filter while a new one loads. */
  stale?: boolean;
  /** The grid's focus target, so the page can return focus to it when the drawer closes. */
  gridRef?: RefObject<HTMLDivElement | null>;
};

/** DOM id of a row, for aria-activedescendant. */
export const queueRowDomId = (complaintId: string) => `queue-row-${complaintId}`;

/**
 * The queue grid: headless Table v9 for columns (sort, size, resize, hide, reorder) and TanStack Virtual
 * for rows, so only what is on screen is in the DOM however long the list. Rows arrive already sorted and
 * paged from the server (`manualSorting`); a row not fetched yet shows as a placeholder.
 */
export function QueueTable(props: Props) {
  const { total, rowAt, onRangeChange, sorting, onSortingChange, layout, onLayoutChange, onOpen, openId, activeIndex, onActiveIndexChange, selected, onToggleSelected, stale, gridRef } = props;
  const { t } = useTranslation();
  const now = useNow();
  const users = useQuery(usersQuery()).data;
  // A new env re-renders every row, so it changes only with the language, the minute or the users list.
  const env = useMemo<QueueCellEnv>(() => {
    const names = new Map(users?.map((u) => [u.id, u.name]));
    return { t: memoizeTranslate(t), now, userName: (id) => names.get(id) ?? id };
  }, [t, now, users]);
  const scrollRef = useRef<HTMLDivElement>(null);

  // TanStack Virtual returns functions that change without a new identity, which React's compiler cannot
  // memoise around; this component is not compiled, which is what the library expects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Rows follow a scroll in React's next render instead of one forced inside the scroll event: a fling
    // then redraws once per frame, not once per event, with no long task.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items[items.length - 1]?.index ?? 0;
  useEffect(() => onRangeChange({ start, end }), [start, end, onRangeChange]);

  // Keep the keyboard cursor on screen.
  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < total) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, total, virtualizer]);

  const visibleRows: ComplaintRow[] = [];
  for (const v of items) {
    const row = rowAt(v.index);
    if (row) visibleRows.push(row);
  }

  const columnVisibility: ColumnVisibilityState = Object.fromEntries(layout.hidden.map((id) => [id, false]));
  const columnOrder: ColumnOrderState = layout.order.length ? layout.order : QUEUE_COLUMN_IDS;
  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: visibleRows,
    getRowId: (row) => row.id,
    meta: env,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    columnResizeMode: 'onChange',
    state: { sorting, columnSizing: layout.sizing, columnVisibility, columnOrder },
    onSortingChange: (updater: Updater<SortingState>) => onSortingChange(functionalUpdate(updater, sorting)),
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) => onLayoutChange({ ...layout, sizing: functionalUpdate(updater, layout.sizing) }),
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      onLayoutChange({ ...layout, hidden: Object.keys(next).filter((k) => next[k] === false) });
    },
    onColumnOrderChange: (updater: Updater<ColumnOrderState>) => onLayoutChange({ ...layout, order: functionalUpdate(updater, columnOrder) }),
  });
  const rowsById = table.getRowModel().rowsById;
  // Rows are memoised (see QueueRow): their callbacks keep one identity and run the latest props.
  const openRow = useLatestCallback((id: string, index: number) => {
    onActiveIndexChange(index);
    onOpen(id, index);
  });
  const toggleRow = useLatestCallback((id: string) => onToggleSelected(id));
  const columnsKey = JSON.stringify([columnOrder, layout.hidden, layout.sizing]);
  const width = table.getTotalSize() + SELECT_WIDTH;
  const activeRow = activeIndex >= 0 ? rowAt(activeIndex) : undefined;
  // Tabbing into the grid puts the cursor on its first row; a mouse click sets it to the row clicked instead
  // (and must not first scroll to the top).
  const onGridFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target === e.currentTarget && activeIndex < 0 && total > 0 && e.currentTarget.matches(':focus-visible')) onActiveIndexChange(0);
  };

  return (
    // The router keeps this list's scroll position per history entry and takes it to the top when the
    // filters or order change (see QUEUE_SCROLLER_ID).
    <div ref={scrollRef} className={styles.scroller} data-testid="queue-scroller" data-scroll-restoration-id={QUEUE_SCROLLER_ID}>
      {/* One tab stop for the whole list: the j / k (or arrow) cursor is the grid's active descendant, so a
          screen reader announces the row the cursor is on. */}
      <div
        ref={gridRef}
        role="grid"
        tabIndex={0}
        aria-label={env.t('queue.title')}
        aria-rowcount={total + 1}
        aria-activedescendant={activeRow ? queueRowDomId(activeRow.id) : undefined}
        aria-busy={stale}
        aria-multiselectable
        className={`${styles.table} ${stale ? styles.fetching : ''}`}
        data-testid="complaint-table"
        onFocus={onGridFocus}
        style={{ width }}
      >
        <div role="rowgroup" className={styles.head}>
          {table.getHeaderGroups().map((group) => (
            <div role="row" aria-rowindex={1} key={group.id} className={styles.headRow}>
              <div role="columnheader" className={styles.selectCell} style={{ width: SELECT_WIDTH }} aria-label={env.t('triage.bulk.select')} />
              {group.headers.map((header) => {
                const canSort = header.column.getCanSort();
                const dir = header.column.getIsSorted();
                return (
                  <div
                    role="columnheader"
                    key={header.id}
                    style={{ width: header.getSize() }}
                    className={`${styles.th} ${canSort ? styles.sortable : ''}`}
                    onClick={canSort ? header.column.getToggleSortingHandler() : undefined}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    title={canSort ? env.t('queue.sortHint') : undefined}
                    data-testid={`col-${header.column.id}`}
                  >
                    {/* A real button, so a keyboard reaches the sort; its click bubbles to the header's handler. */}
                    {canSort ? (
                      <button type="button" className={styles.sortButton} data-testid={`sort-${header.column.id}`}>
                        <span className={styles.thLabel}>
                          <table.FlexRender header={header} />
                        </span>
                        <span className={`${styles.sortIcon} ${dir ? styles.sortActive : ''}`} aria-hidden>
                          {dir === 'desc' ? <CaretDownOutlined /> : dir === 'asc' ? <CaretUpOutlined /> : <CaretUpOutlined style={{ opacity: 0.4 }} />}
                        </span>
                      </button>
                    ) : (
                      <span className={styles.thLabel}>
                        <table.FlexRender header={header} />
                      </span>
                    )}
                    {/* A splitter the keyboard can move too: ← → change the width, Home restores it. */}
                    <span
                      role="separator"
                      tabIndex={0}
                      aria-orientation="vertical"
                      aria-valuenow={header.getSize()}
                      aria-valuemin={MIN_COLUMN}
                      aria-valuemax={MAX_COLUMN}
                      aria-label={env.t('queue.resizeColumn', { column: env.t(`queue.col.${QUEUE_COLUMN_LABEL[header.column.id] ?? header.column.id}`) })}
                      className={`${styles.resizer} ${header.column.getIsResizing() ? styles.resizing : ''}`}
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      onClick={(e) => e.stopPropagation()}
                      onDoubleClick={() => header.column.resetSize()}
                      onKeyDown={(e) => {
                        const step = e.key === 'ArrowRight' ? RESIZE_STEP : e.key === 'ArrowLeft' ? -RESIZE_STEP : 0;
                        if (e.key === 'Home') header.column.resetSize();
                        else if (step) table.setColumnSizing((sizes) => ({ ...sizes, [header.column.id]: Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, header.getSize() + step)) }));
                        else return;
                        e.preventDefault();
                        e.stopPropagation();
                      }}
                      data-testid={`resize-${header.column.id}`}
                    />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const complaint = rowAt(v.index);
            const row = complaint ? rowsById[complaint.id] : undefined;
            if (!complaint || !row)
              return (
                <div role="row" aria-rowindex={v.index + 2} key={`p-${v.index}`} className={`${styles.row} ${styles.placeholder}`} style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }} data-testid="placeholder-row">
                  <div role="gridcell" className={styles.skeleton} aria-label={env.t('common.loading')} />
                </div>
              );
            return (
              <QueueRow
                key={complaint.id}
                complaint={complaint}
                row={row}
                index={v.index}
                top={v.start}
                urgency={deadlineUrgency(complaint.dueAt, complaint.status, now)}
                open={complaint.id === openId}
                active={v.index === activeIndex}
                checked={selected.has(complaint.id)}
                columnsKey={columnsKey}
                env={env}
                onOpenRow={openRow}
                onToggleRow={toggleRow}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

type QueueRowProps = {
  complaint: ComplaintRow;
  row: Row<typeof queueFeatures, ComplaintRow>;
  index: number;
  top: number;
  urgency: ReturnType<typeof deadlineUrgency>;
  open: boolean;
  active: boolean;
  checked: boolean;
  /** Column order, visibility and sizes: a change re-renders every row. */
  columnsKey: string;
  /** Language, clock and user names: a change re-renders every row. */
  env: QueueCellEnv;
  onOpenRow: (id: string, index: number) => void;
  onToggleRow: (id: string) => void;
};

/**
 * One complaint row. The table re-renders on every change of filter, sort, scroll or selection;
 * a row re-renders only when its own complaint, position, state or the columns change. `row` and
 * its cells are rebuilt by the table on each render but stand for the same complaint and columns.
 */
const QueueRow = memo(
  function QueueRow({ complaint, row, index, top, urgency, open, active, checked, env, onOpenRow, onToggleRow }: QueueRowProps) {
    const classes = [styles.row, styles[`urgency_${urgency}`]];
    if (open) classes.push(styles.open);
    if (active) classes.push(styles.active);
    if (checked) classes.push(styles.selected);
    return (
      <div
        role="row"
        id={queueRowDomId(complaint.id)}
        aria-rowindex={index + 2}
        className={classes.join(' ')}
        style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
        data-testid="complaint-row"
        data-id={complaint.id}
        data-index={index}
        data-active={active || undefined}
        aria-selected={checked}
        onClick={() => onOpenRow(complaint.id, index)}
      >
        <div role="gridcell" className={styles.selectCell} style={{ width: SELECT_WIDTH }} onClick={(e) => e.stopPropagation()}>
          {/* A native checkbox: one antd Checkbox per row cost as much as the rest of the row. */}
          {/* Out of the tab order: the grid is one tab stop and x selects the cursor's row. */}
          <input type="checkbox" tabIndex={-1} className={styles.check} checked={checked} onChange={() => onToggleRow(complaint.id)} data-testid="row-select" aria-label={env.t('triage.bulk.select')} />
        </div>
        {row.getVisibleCells().map((cell) => (
          <div role="gridcell" key={cell.id} className={styles.td} style={{ width: cell.column.getSize() }}>
            {renderCell(cell)}
          </div>
        ))}
      </div>
    );
  },
  (a, b) =>
    a.complaint === b.complaint && a.index === b.index && a.top === b.top && a.urgency === b.urgency && a.open === b.open && a.active === b.active && a.checked === b.checked && a.columnsKey === b.columnsKey && a.env === b.env && a.onOpenRow === b.onOpenRow && a.onToggleRow === b.onToggleRow,
);

/**
 * Queue cells are plain functions of their context, without hooks (queue-columns.tsx), so they are called
 * here rather than mounted through FlexRender, which makes each one a component: a screen of rows then
 * creates a few hundred fewer fibers per change.
 */
function renderCell(cell: Cell<typeof queueFeatures, ComplaintRow>): ReactNode {
  const template = cell.column.columnDef.cell;
  return typeof template === 'function' ? template(cell.getContext()) : (template ?? null);
}
