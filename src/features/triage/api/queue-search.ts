import { z } from 'zod';
import { channelSchema, complaintSortFieldSchema, complaintStatusSchema, gradeSchema, type ComplaintQuery, type ComplaintStatus } from '@/api/schemas';

/** Accepts `a,b` as typed by hand in a URL as well as the array the app writes; junk becomes "no filter". */
const list = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item))
    .optional()
    .catch(undefined);

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** The queue's whole screen state lives in the URL, so a view can be shared, bookmarked and reloaded. */
export const queueSearchSchema = z.object({
  status: list(complaintStatusSchema),
  channel: list(channelSchema),
  grade: list(gradeSchema),
  assignee: z.enum(['me', 'unassigned']).optional().catch(undefined),
  deadline: z.enum(['overdue', 'within1', 'within3', 'within7']).optional().catch(undefined),
  q: z.string().optional().catch(undefined),
  sort: complaintSortFieldSchema.optional().catch(undefined),
  order: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().positive().optional().catch(undefined),
  pageSize: z.coerce.number().int().positive().max(200).optional().catch(undefined),
  /** The complaint open in the detail drawer. */
  complaint: z.string().min(1).optional().catch(undefined),
});
export type QueueSearch = z.infer<typeof queueSearchSchema>;
export type QueueSearchPatch = Partial<{ [K in keyof QueueSearch]: QueueSearch[K] | undefined }>;

/**
 * With no `status` in the URL the queue shows open work only: answered complaints would otherwise sit on
 * top of a deadline-sorted list. An explicit empty list (`status=[]`) means every status.
 */
export const DEFAULT_STATUS: ComplaintStatus[] = ['new', 'in_progress'];
export const effectiveStatus = (search: QueueSearch) => search.status ?? DEFAULT_STATUS;
export const isDefaultStatus = (v: readonly string[]) => v.length === DEFAULT_STATUS.length && DEFAULT_STATUS.every((s) => v.includes(s));

/** Deadline first by default: a queue must show what is about to breach before anything else. */
export const DEFAULT_SORT = { sort: 'dueAt', order: 'asc' } as const;

export function effectiveSort(search: QueueSearch) {
  return search.sort ? { sort: search.sort, order: search.order ?? 'asc' } : DEFAULT_SORT;
}

export function toComplaintQuery(search: QueueSearch): ComplaintQuery {
  const { sort, order } = effectiveSort(search);
  return {
    status: effectiveStatus(search).length ? effectiveStatus(search) : undefined,
    channel: search.channel,
    grade: search.grade,
    assignee: search.assignee,
    deadline: search.deadline,
    q: search.q?.trim() || undefined,
    sort,
    order,
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

export const hasFilters = (s: QueueSearch) =>
  Boolean(s.status !== undefined || s.channel?.length || s.grade?.length || s.assignee || s.deadline || s.q);
