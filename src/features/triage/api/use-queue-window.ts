import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { complaintQueries } from '@/api/resources/complaints';
import type { ComplaintRow, ComplaintQuery, Page } from '@/api/schemas';
import { CHUNK_SIZE } from './queue-search';

/**
 * The queue as one continuous list of `total` rows, fetched in chunks as they scroll into view. The
 * server filters, sorts and pages, so 100k complaints never reach the browser at once; chunk 0 is always
 * held (it carries the total) and keeps showing the previous result while a new filter loads. The
 * caller should pass the range once scrolling settles, so a fast fling does not fetch every chunk it
 * flies past.
 */
/** The request for one chunk of the list: shared by the window below and by prefetching a new list's top. */
export const queueChunkQuery = (query: Omit<ComplaintQuery, 'page' | 'pageSize'>, chunk: number) => complaintQueries.list({ ...query, page: chunk + 1, pageSize: CHUNK_SIZE });

export function useQueueWindow(query: Omit<ComplaintQuery, 'page' | 'pageSize'>, range: { start: number; end: number }) {
  const first = Math.max(0, Math.floor(range.start / CHUNK_SIZE));
  const last = Math.max(first, Math.floor(Math.max(range.end, 0) / CHUNK_SIZE));
  const chunks = [0];
  for (let i = Math.max(1, first); i <= last; i++) chunks.push(i);

  // The head is its own observer: useQueries pairs observers with query keys, so on a new filter its
  // placeholder would find no previous data, and the table would drop to a spinner and mount again.
  const head = useQuery({ ...queueChunkQuery(query, 0), placeholderData: keepPreviousData });
  const rest = useQueries({ queries: chunks.slice(1).map((i) => queueChunkQuery(query, i)) });
  const results = [head, ...rest];

  const queryClient = useQueryClient();
  const loaded = new Map<number, ComplaintRow[] | null>();
  results.forEach((r, k) => {
    if (r.data) loaded.set(chunks[k], r.data.items);
  });
  // Chunks outside the fetched range may still be in the cache (scrolled past earlier): show them too.
  const chunkAt = (chunk: number): ComplaintRow[] | null => {
    if (!loaded.has(chunk)) {
      if (head.isPlaceholderData) loaded.set(chunk, null);
      else loaded.set(chunk, queryClient.getQueryData<Page<ComplaintRow>>(queueChunkQuery(query, chunk).queryKey)?.items ?? null);
    }
    return loaded.get(chunk) ?? null;
  };
  const rowAt = (index: number): ComplaintRow | undefined => chunkAt(Math.floor(index / CHUNK_SIZE))?.[index % CHUNK_SIZE];
  const failed = results.find((r) => r.isError);

  return {
    total: head.data?.total ?? 0,
    rowAt,
    isPending: head.isPending,
    /** The rows shown belong to the previous filter while the new one loads. */
    isStale: head.isPlaceholderData,
    error: failed?.error ?? null,
    retry: () => results.forEach((r) => r.isError && void r.refetch()),
  };
}
