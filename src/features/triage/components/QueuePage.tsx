import type { SortingState } from '@tanstack/react-table';
import { Button, Card, Flex, Pagination, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintSortFieldSchema } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, effectiveSort, hasFilters, toComplaintQuery, type QueueSearch, type QueueSearchPatch } from '../api/queue-search';
import { useComplaintQueue } from '../api/use-complaint-queue';
import { ComplaintDrawer } from './ComplaintDrawer';
import { QueueFilters } from './QueueFilters';
import { QueueTable } from './QueueTable';

type Props = {
  /** Screen state, validated from the URL by the router. */
  search: QueueSearch;
  /** Writes a change back to the URL; `replace` for changes that should not add a history entry. */
  onSearchChange: (patch: QueueSearchPatch, opts?: { replace?: boolean }) => void;
};

/** 投诉队列: the analyst's worklist, paged, filtered and sorted by the server. */
export function QueuePage({ search, onSearchChange }: Props) {
  const { t } = useTranslation();
  const query = toComplaintQuery(search);
  const list = useComplaintQueue(query);
  const { sort, order } = effectiveSort(search);
  const sorting: SortingState = [{ id: sort, desc: order === 'desc' }];

  const onSortingChange = (next: SortingState) => {
    const first = complaintSortFieldSchema.safeParse(next[0]?.id);
    if (!first.success) return onSearchChange({ sort: undefined, order: undefined, page: undefined });
    onSearchChange({ sort: first.data, order: next[0]?.desc ? 'desc' : 'asc', page: undefined });
  };

  const clearFilters = () =>
    onSearchChange({ q: undefined, status: undefined, channel: undefined, grade: undefined, assignee: undefined, deadline: undefined, page: undefined });

  let body;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError) body = <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = (
      <EmptyState
        description={hasFilters(search) ? t('queue.emptyFiltered') : t('queue.empty')}
        action={hasFilters(search) ? <Button onClick={clearFilters}>{t('queue.filter.clear')}</Button> : undefined}
      />
    );
  else
    body = (
      <>
        <QueueTable
          rows={list.data.items}
          sorting={sorting}
          onSortingChange={onSortingChange}
          onOpen={(id) => onSearchChange({ complaint: id })}
          selectedId={search.complaint}
          fetching={list.isPlaceholderData}
        />
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Pagination
            data-testid="queue-pagination"
            current={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            showSizeChanger
            pageSizeOptions={PAGE_SIZES.map(String)}
            showTotal={(total, [from, to]) => t('queue.pageTotal', { from, to, total })}
            onChange={(page, pageSize) =>
              onSearchChange({ page: page === 1 ? undefined : page, pageSize: pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize })
            }
          />
        </Flex>
      </>
    );

  return (
    <Card
      data-testid="queue-page"
      title={
        <Flex align="baseline" gap={12}>
          <span>{t('queue.title')}</span>
          {list.data && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="queue-total">
              {t('queue.total', { count: list.data.total })}
            </Typography.Text>
          )}
        </Flex>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <QueueFilters search={search} onChange={(patch) => onSearchChange(patch)} />
      </div>
      {body}
      <ComplaintDrawer complaintId={search.complaint} onClose={() => onSearchChange({ complaint: undefined })} />
    </Card>
  );
}
