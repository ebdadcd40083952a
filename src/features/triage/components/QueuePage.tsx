import type { SortingState } from '@tanstack/react-table';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionQuery } from '@/api/resources/session';
import { complaintSortFieldSchema, type ComplaintRow } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { useLatestCallback } from '@/lib/use-latest-callback';
import { CLEAR_FILTERS, effectiveSort, hasFilters, replaceFilters, toComplaintQuery, type QueueFilterState, type QueueSearch, type QueueSearchPatch } from '../api/queue-search';
import { queueChunkQuery, useQueueWindow } from '../api/use-queue-window';
import { useUpdateComplaint } from '../api/use-update-complaint';
import { useColumnLayout, useTriagePrefs, type ColumnLayout } from '../state/prefs';
import { BulkBar } from './BulkBar';
import { ColumnSettings } from './ColumnSettings';
import { ComplaintDrawer } from './ComplaintDrawer';
import { EscalateDialog } from './EscalateDialog';
import { QueueFilters } from './QueueFilters';
import { QueueTable } from './QueueTable';
import { SavedViews } from './SavedViews';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useReturnFocus } from '@/lib/use-return-focus';

type Props = {
  /** Screen state, validated from the URL by the router. */
  search: QueueSearch;
  /** Writes a change back to the URL; `replace` for changes that should not add a history entry. */
  onSearchChange: (patch: QueueSearchPatch, opts?: { replace?: boolean }) => void;
};

/** Keys typed into a field, or while a dialog is up, are not shortcuts. */
function isTyping(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  if (el.closest('input, textarea, select, [contenteditable="true"], .ant-select, .ant-modal-wrap')) return true;
  return !!document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal');
}

/** 投诉队列: the analyst's worklist, filtered and sorted by the server, scrolled as one virtual list. */
export function QueuePage({ search, onSearchChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useQuery(sessionQuery()).data?.user;
  const query = toComplaintQuery(search);
  const [range, setRange] = useState({ start: 0, end: 30 });
  const list = useQueueWindow(query, range);
  const { sort, order } = effectiveSort(search);
  const sorting: SortingState = [{ id: sort, desc: order === 'desc' }];
  const layout = useColumnLayout(me?.id);
  const setLayout = useTriagePrefs((s) => s.setLayout);

  const [activeIndex, setActiveIndex] = useState(-1);
  /** Selected complaints as they were when picked: a bulk write sends the version the person saw. */
  const [selected, setSelected] = useState<Map<string, ComplaintRow>>(new Map());
  const [escalating, setEscalating] = useState<readonly ComplaintRow[] | null>(null);
  useReturnFocus(!!escalating);
  // The drawer unmounts its content on close and does not hand focus back itself.
  useReturnFocus(!!search.complaint);
  const [helpOpen, setHelpOpen] = useState(false);
  const escalationDone = useRef<(() => void) | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const queryKey = JSON.stringify(query);

  // A new filter or order is a new list: start at its top with the cursor reset.
  const [listKey, setListKey] = useState(queryKey);
  if (listKey !== queryKey) {
    setListKey(queryKey);
    setActiveIndex(-1);
    setRange({ start: 0, end: 30 });
  }

  // Fetch what is on screen once scrolling pauses: a fling through 100k rows would otherwise request
  // (and render) every chunk it passes, each a long task. Rows not fetched yet show as placeholders.
  const rangeTimer = useRef<number | undefined>(undefined);
  const onRangeChange = useCallback((r: { start: number; end: number }) => {
    window.clearTimeout(rangeTimer.current);
    rangeTimer.current = window.setTimeout(() => setRange((prev) => (prev.start === r.start && prev.end === r.end ? prev : r)), 120);
  }, []);
  useEffect(() => () => window.clearTimeout(rangeTimer.current), []);

  // The screen's controls are memoised and take callbacks that keep their identity (useLatestCallback):
  // a sort change or a new page of rows should redraw the rows, not every filter and dialog around them.
  // A new filter or order starts loading its first rows in the click that asks for it, instead of after
  // the router has navigated and the screen has re-rendered with the old rows.
  const queryClient = useQueryClient();
  const changeFilters = useLatestCallback((patch: QueueSearchPatch) => {
    const next = toComplaintQuery({ ...search, ...patch });
    if (JSON.stringify(next) !== queryKey) void queryClient.prefetchQuery(queueChunkQuery(next, 0));
    onSearchChange(patch);
  });
  const applyView = useLatestCallback((filters: QueueFilterState) => changeFilters(replaceFilters(filters)));
  const changeLayout = useLatestCallback((l: ColumnLayout) => me && setLayout(me.id, l));

  const onSortingChange = (next: SortingState) => {
    const first = complaintSortFieldSchema.safeParse(next[0]?.id);
    if (!first.success) return changeFilters({ sort: undefined, order: undefined });
    changeFilters({ sort: first.data, order: next[0]?.desc ? 'desc' : 'asc' });
  };

  const open = useLatestCallback((id: string | undefined) => onSearchChange({ complaint: id }));
  const close = useLatestCallback(() => open(undefined));
  const filterFamily = useLatestCallback((family: string) => onSearchChange({ ...CLEAR_FILTERS, family, status: [], complaint: undefined }));
  const toggleSelected = (c: ComplaintRow) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(c.id)) next.delete(c.id);
      else next.set(c.id, c);
      return next;
    });

  /**
   * The item a decision moves on to is fixed when the decision starts: once it lands the list is
   * re-fetched and may no longer hold the decided complaint, which would shift every index.
   */
  const beginDecision = useLatestCallback(() => {
    const index = activeIndex + 1;
    const id = list.rowAt(index)?.id;
    return () => {
      if (!id) return open(undefined);
      setActiveIndex(index);
      open(id);
      message.info(t('triage.actions.nextOpened'));
    };
  });
  const escalateFromDrawer = useLatestCallback((c: ComplaintRow) => {
    escalationDone.current = beginDecision();
    setEscalating([c]);
  });
  const closeEscalation = useLatestCallback(() => setEscalating(null));
  const escalationFinished = useLatestCallback(() => {
    setEscalating(null);
    // Escalated from the detail: that was a decision, so the next item opens; from the selection: it is done.
    const next = escalationDone.current;
    escalationDone.current = null;
    if (next) next();
    else setSelected(new Map());
  });
  const closeHelp = useLatestCallback(() => setHelpOpen(false));

  const assignTarget = list.rowAt(activeIndex);
  const assign = useUpdateComplaint(assignTarget?.id ?? '');

  // Keyboard: j / k move, Enter opens, a assigns, e escalates, x selects, ? lists the shortcuts.
  // One listener for the page's life, running the latest state.
  const onKey = useLatestCallback((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
    const last = list.total - 1;
    const move = (to: number) => {
      const index = Math.max(0, Math.min(last, to));
      setActiveIndex(index);
      // With the detail open, moving follows with it.
      if (search.complaint) {
        const row = list.rowAt(index);
        if (row) onSearchChange({ complaint: row.id }, { replace: true });
      }
    };
    // The open complaint may have just left the list (a decision took it out of the filter): then the
    // item now in its place is the next one.
    const left = !!search.complaint && list.rowAt(activeIndex)?.id !== search.complaint;
    // Arrows, Home, End and Space belong to the grid only while it has focus: elsewhere they scroll the page.
    const onGrid = e.target === gridRef.current;
    const key = onGrid ? ({ ArrowDown: 'j', ArrowUp: 'k', ' ': 'x' } as Record<string, string>)[e.key] ?? e.key : e.key;
    switch (key) {
      case 'j':
        move(left ? activeIndex : activeIndex + 1);
        break;
      case 'k':
        move(activeIndex - 1);
        break;
      case 'Home':
      case 'End':
        if (!onGrid) return;
        move(key === 'Home' ? 0 : last);
        break;
      case 'Enter': {
        const row = list.rowAt(activeIndex);
        if (!row || (e.target as HTMLElement).closest('button, a')) return;
        onSearchChange({ complaint: row.id });
        break;
      }
      case 'a': {
        const row = assignTarget;
        if (!row || !me || me.role === 'auditor' || row.assigneeId === me.id) return;
        assign.mutate(
          { version: row.version, assigneeId: me.id },
          { onSuccess: () => message.success(t('queue.drawer.assigned')), onError: (err) => message.error(err.message) },
        );
        break;
      }
      case 'x': {
        const row = list.rowAt(activeIndex);
        if (row) toggleSelected(row);
        break;
      }
      case 'e': {
        const items = selected.size ? [...selected.values()] : [list.rowAt(activeIndex)].filter((r): r is ComplaintRow => !!r);
        if (items.length && me?.role !== 'auditor') setEscalating(items);
        break;
      }
      case '?':
        setHelpOpen(true);
        break;
      default:
        return;
    }
    e.preventDefault();
  });
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onKey]);

  let body;
  if (list.isPending) body = <LoadingState />;
  else if (list.error && list.total === 0) body = <ApiErrorAlert error={list.error} onRetry={list.retry} />;
  else if (list.total === 0)
    body = (
      <EmptyState
        description={hasFilters(search) ? t('queue.emptyFiltered') : t('queue.empty')}
        action={hasFilters(search) ? <Button onClick={() => changeFilters(CLEAR_FILTERS)}>{t('queue.filter.clear')}</Button> : undefined}
      />
    );
  else
    body = (
      <>
        {list.error && <ApiErrorAlert compact error={list.error} onRetry={list.retry} />}
        <QueueTable
          total={list.total}
          rowAt={list.rowAt}
          onRangeChange={onRangeChange}
          sorting={sorting}
          onSortingChange={onSortingChange}
          layout={layout}
          onLayoutChange={changeLayout}
          onOpen={open}
          openId={search.complaint}
          activeIndex={activeIndex}
          onActiveIndexChange={setActiveIndex}
          selected={new Set(selected.keys())}
          onToggleSelected={(id) => {
            const row = selected.get(id) ?? findLoaded(list.rowAt, range, id);
            if (row) toggleSelected(row);
          }}
          stale={list.isStale}
          gridRef={gridRef}
        />
      </>
    );

  return (
    <Card
      data-testid="queue-page"
      title={
        <Flex align="baseline" gap={12}>
          <span>{t('queue.title')}</span>
          {!list.isPending && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="queue-total">
              {t('queue.total', { count: list.total })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Button onClick={() => setHelpOpen(true)} data-testid="shortcuts-button">
            ?
          </Button>
          <ColumnSettings layout={layout} onChange={changeLayout} />
        </Flex>
      }
    >
      <Flex vertical gap={8} style={{ marginBottom: 8 }}>
        <SavedViews userId={me?.id} search={search} onApply={applyView} />
        <QueueFilters search={search} onChange={changeFilters} />
        <BulkBar
          selected={selected}
          onSelectionChange={setSelected}
          familyId={search.family}
          familySize={search.family ? list.total : 0}
          me={me}
          onEscalate={setEscalating}
        />
      </Flex>
      {body}
      <ComplaintDrawer
        complaintId={search.complaint}
        onClose={close}
        onOpen={open}
        onFilterFamily={filterFamily}
        beginDecision={beginDecision}
        onEscalate={escalateFromDrawer}
      />
      <EscalateDialog complaints={escalating} onClose={closeEscalation} onDone={escalationFinished} />
      <ShortcutsHelp open={helpOpen} onClose={closeHelp} />
    </Card>
  );
}

function findLoaded(rowAt: (i: number) => ComplaintRow | undefined, range: { start: number; end: number }, id: string): ComplaintRow | undefined {
  for (let i = range.start; i <= range.end; i++) if (rowAt(i)?.id === id) return rowAt(i);
  return undefined;
}
