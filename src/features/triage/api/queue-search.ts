import { z } from 'zod';
import {
  channelSchema,
  complaintLabelSchema,
  complaintSortFieldSchema,
  complaintStatusSchema,
  gradeSchema,
  signalCodeSchema,
  type ComplaintQuery,
  type ComplaintStatus,
} from '@/api/schemas';
import { dayParam as day, listParam as list } from '@/lib/url-search';

/**
 * The queue's scrolling list, for the router's scroll restoration: it goes back to the top when the
 * filters or the order change, and keeps its place when only the open complaint does.
 */
export const QUEUE_SCROLLER_ID = 'queue-list';
export const QUEUE_SCROLLER_SELECTOR = `[data-scroll-restoration-id="${QUEUE_SCROLLER_ID}"]`;
/** Search keys that change only what is open over the list, not the list. */
export const OVERLAY_KEYS: readonly (keyof QueueSearch)[] = ['complaint'];

/** Rows fetched per request while scrolling; the table itself is one continuous virtual list. */
export const CHUNK_SIZE = 50;

/** The queue's whole screen state lives in the URL, so a view can be shared, bookmarked and reloaded. */
export const queueSearchSchema = z.object({
  status: list(complaintStatusSchema),
  label: list(complaintLabelSchema),
  channel: list(channelSchema),
  grade: list(gradeSchema),
  signal: list(signalCodeSchema),
  /** 'me', 'unassigned' or a user id. */
  assignee: z.string().min(1).optional().catch(undefined),
  deadline: z.enum(['overdue', 'within1', 'within3', 'within7', 'met', 'late']).optional().catch(undefined),
  /** A template family opened as a filter. */
  family: z.string().min(1).optional().catch(undefined),
  /** The complaints behind an early-warning alert (the alert inbox opens them here). */
  alert: z.string().min(1).max(64).optional().catch(undefined),
  /** Received on or between these Beijing days (the dashboard's figures link here). */
  receivedFrom: day,
  receivedTo: day,
  /** Assigned to someone in this team. */
  team: z.string().min(1).max(64).optional().catch(undefined),
  q: z.string().optional().catch(undefined),
  sort: complaintSortFieldSchema.optional().catch(undefined),
  order: z.enum(['asc', 'desc']).optional().catch(undefined),
  /** The complaint open in the detail drawer. */
  complaint: z.string().min(1).optional().catch(undefined),
});
export type QueueSearch = z.infer<typeof queueSearchSchema>;
export type QueueSearchPatch = Partial<{ [K in keyof QueueSearch]: QueueSearch[K] | undefined }>;

/** The keys that decide which complaints are listed (everything but the open drawer). */
export const FILTER_KEYS = ['status', 'label', 'channel', 'grade', 'signal', 'assignee', 'deadline', 'family', 'alert', 'receivedFrom', 'receivedTo', 'team', 'q', 'sort', 'order'] as const;
export type QueueFilterState = Pick<QueueSearch, (typeof FILTER_KEYS)[number]>;

/** A patch that sets exactly `view`'s filters, clearing any others. */
export function replaceFilters(view: QueueFilterState): QueueSearchPatch {
  const patch: QueueSearchPatch = {};
  for (const k of FILTER_KEYS) (patch as Record<string, unknown>)[k] = view[k];
  return patch;
}

export function filtersOf(search: QueueSearch): QueueFilterState {
  const out: QueueFilterState = {};
  for (const k of FILTER_KEYS) if (search[k] !== undefined) (out as Record<string, unknown>)[k] = search[k];
  return out;
}

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

/** The server query for the list, without the page: the window hook adds page and size per chunk. */
export function toComplaintQuery(search: QueueSearch): Omit<ComplaintQuery, 'page' | 'pageSize'> {
  const { sort, order } = effectiveSort(search);
  const status = effectiveStatus(search);
  return {
    status: status.length ? status : undefined,
    label: search.label?.length ? search.label : undefined,
    channel: search.channel?.length ? search.channel : undefined,
    grade: search.grade?.length ? search.grade : undefined,
    signal: search.signal?.length ? search.signal : undefined,
    assignee: search.assignee,
    deadline: search.deadline,
    family: search.family,
    alert: search.alert,
    receivedFrom: search.receivedFrom,
    receivedTo: search.receivedTo,
    team: search.team,
    q: search.q?.trim() || undefined,
    sort,
    order,
  };
}

export const hasFilters = (s: QueueSearch) =>
  Boolean(s.status !== undefined || s.label?.length || s.channel?.length || s.grade?.length || s.signal?.length || s.assignee || s.deadline || s.family || s.alert || s.receivedFrom || s.receivedTo || s.team || s.q);

export const CLEAR_FILTERS: QueueSearchPatch = {
  q: undefined,
  status: undefined,
  label: undefined,
  channel: undefined,
  grade: undefined,
  signal: undefined,
  assignee: undefined,
  deadline: undefined,
  family: undefined,
  alert: undefined,
  receivedFrom: undefined,
  receivedTo: undefined,
  team: undefined,
};
