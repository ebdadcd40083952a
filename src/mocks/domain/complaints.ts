/**
 * The complaint queue query: filter, sort and page in one pass over the records. Nothing is cached on
 * the complaints (handlers mutate them); a caller may keep whole sorted results in a SortedCache keyed
 * by the store's revision, otherwise every query reads the current state. It stays
 * fast by doing one linear filter and, for the usual first pages, a top-k selection instead of a full sort.
 */
import { type Channel, type Complaint, type ComplaintQuery, type ComplaintStatus, type Page } from '@/api/schemas';
import type { MockDb } from '../db';
import { deadlineWindowPredicate, isOpenStatus } from './deadlines';
import { isoToMs } from './time';

export type QueryContext = { userId: string; now: Date };
export type SortField = NonNullable<ComplaintQuery['sort']>;

export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_SORT: SortField = 'receivedAt';
/** Deadlines read soonest first; everything else newest / highest first, unless the query says otherwise. */
const DEFAULT_ORDER: Record<SortField, 'asc' | 'desc'> = {
  receivedAt: 'desc',
  dueAt: 'asc',
  riskScore: 'desc',
  channel: 'asc',
  status: 'asc',
  templateFamilySize: 'desc',
};
/**
 * The contract's declaration order (regulators first). Spelled out because zod's `options` lists
 * numeric-looking values ('12363' < '12378') first, in numeric order, like object keys.
 */
const CHANNEL_ORDER: readonly Channel[] = ['12378', '12363', 'regulator_letter', 'xinfang', 'heimao', 'hotline', 'app', 'email', 'branch'];
const CHANNEL_RANK = new Map(CHANNEL_ORDER.map((c, i) => [c, i]));
/** Lifecycle order rather than alphabetical. */
const STATUS_RANK: Record<ComplaintStatus, number> = { new: 0, in_progress: 1, answered: 2, closed: 3 };

type Predicate = (c: Complaint) => boolean;

function textMatcher(raw: string): Predicate | null {
  const q = raw.trim();
  if (!q) return null;
  const fold = /[A-Za-z]/.test(q);
  const needle = fold ? q.toLowerCase() : q;
  const has = fold ? (s: string | null) => !!s && s.toLowerCase().includes(needle) : (s: string | null) => !!s && s.includes(needle);
  // Ids are ASCII, so a query with any other character can't match one; skipping saves a pass at 100k.
  const canMatchId = /^[\x20-\x7e]+$/.test(q);
  // Ids and regulator reference numbers are what people paste from a letter, so they match too.
  return (c) => has(c.text) || has(c.borrowerName) || has(c.complainant.name) || has(c.regulatorRef) || (canMatchId && has(c.id));
}

export function buildPredicates(query: ComplaintQuery, ctx: QueryContext): Predicate[] {
  const predicates: Predicate[] = [];
  const inSet = <T>(values: readonly T[] | undefined, get: (c: Complaint) => T) => {
    if (!values?.length) return;
    const set = new Set(values);
    predicates.push((c) => set.has(get(c)));
  };
  inSet(query.status, (c) => c.status);
  inSet(query.label, (c) => c.label);
  inSet(query.channel, (c) => c.channel);
  inSet(query.grade, (c) => c.grade);
  if (query.signal?.length) {
    const wanted = new Set(query.signal);
    predicates.push((c) => c.signals.some((s) => wanted.has(s.code)));
  }
  if (query.assignee) {
    const assignee = query.assignee === 'me' ? ctx.userId : query.assignee === 'unassigned' ? null : query.assignee;
    predicates.push((c) => c.assigneeId === assignee);
  }
  if (query.deadline) {
    const inWindow = deadlineWindowPredicate(query.deadline, ctx.now);
    // Handled complaints are never in a window: test the status before parsing the date.
    predicates.push((c) => isOpenStatus(c.status) && inWindow(c.status, isoToMs(c.dueAt)));
  }
  if (query.family) {
    const family = query.family;
    predicates.push((c) => c.templateFamilyId === family);
  }
  const text = query.q ? textMatcher(query.q) : null;
  if (text) predicates.push(text); // last: the most expensive test runs on the fewest records
  return predicates;
}

function sortKey(field: SortField): (c: Complaint) => number {
  switch (field) {
    case 'receivedAt':
      return (c) => isoToMs(c.receivedAt);
    case 'dueAt':
      return (c) => isoToMs(c.dueAt);
    case 'riskScore':
      return (c) => c.riskScore;
    case 'templateFamilySize':
      return (c) => c.templateFamilySize;
    case 'channel':
      return (c) => CHANNEL_RANK.get(c.channel) ?? 99;
    case 'status':
      return (c) => STATUS_RANK[c.status];
  }
}

/** Whether ids ascend along the array, so array position can stand in for the id tie-break. */
function idsAscend(items: readonly Complaint[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i - 1].id >= items[i].id) return false;
  return true;
}

/**
 * Orders `items` by key (ascending × dir) with ties broken by id ascending, returning only the first
 * `needed`. Small `needed` uses a bounded max-heap (O(n log k)); otherwise a full sort. Keys are
 * extracted once into a typed array, and when the records are already in id order (the usual case)
 * ties compare positions instead of strings.
 */
export function topK(items: Complaint[], key: (c: Complaint) => number, dir: 1 | -1, needed: number): Complaint[] {
  const n = items.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = dir * key(items[i]);
  const byPosition = idsAscend(items);
  const cmp = byPosition
    ? (a: number, b: number) => keys[a] - keys[b] || a - b
    : (a: number, b: number) => keys[a] - keys[b] || (items[a].id < items[b].id ? -1 : items[a].id > items[b].id ? 1 : 0);

  if (needed * 4 >= n) {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort(cmp);
    const out: Complaint[] = new Array(Math.min(needed, n));
    for (let i = 0; i < out.length; i++) out[i] = items[order[i]];
    return out;
  }
  // Max-heap of the best `needed` seen so far; its root is the worst of them.
  const heap: number[] = [];
  const siftUp = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i], heap[p]) <= 0) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && cmp(heap[l], heap[top]) > 0) top = l;
      if (r < heap.length && cmp(heap[r], heap[top]) > 0) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top], heap[i]];
      i = top;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < needed) {
      heap.push(i);
      siftUp(heap.length - 1);
    } else if (needed > 0 && cmp(i, heap[0]) < 0) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort(cmp).map((i) => items[i]);
}

/**
 * Optional memory of whole sorted results, for scrolling deep into one ordering: without it every page
 * past the first would filter and fully sort 100k records again. The caller owns invalidation (the key
 * must change whenever any record may have changed).
 */
export type SortedCache = { get: (key: string) => Complaint[] | undefined; set: (key: string, sorted: Complaint[]) => void };

export function sortedCache(capacity = 4): SortedCache {
  const entries = new Map<string, Complaint[]>();
  return {
    get: (key) => entries.get(key),
    set: (key, sorted) => {
      entries.set(key, sorted);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
  };
}

export function queryComplaints(db: MockDb, query: ComplaintQuery, ctx: QueryContext, cache?: { store: SortedCache; key: string }): Page<Complaint> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const start = (page - 1) * pageSize;
  const hit = cache?.store.get(cache.key);
  if (hit) return { items: hit.slice(start, start + pageSize), total: hit.length, page, pageSize };

  const predicates = buildPredicates(query, ctx);
  const matched: Complaint[] = [];
  outer: for (const c of db.complaints) {
    for (const p of predicates) if (!p(c)) continue outer;
    matched.push(c);
  }
  const field = query.sort ?? DEFAULT_SORT;
  const dir = (query.order ?? DEFAULT_ORDER[field]) === 'asc' ? 1 : -1;
  // The first page is served by the cheaper top-k; only scrolling further pays for (and keeps) a full sort.
  if (cache && page > 1) {
    const sorted = topK(matched, sortKey(field), dir, matched.length);
    cache.store.set(cache.key, sorted);
    return { items: sorted.slice(start, start + pageSize), total: sorted.length, page, pageSize };
  }
  const firstN = start >= matched.length ? [] : topK(matched, sortKey(field), dir, Math.min(matched.length, start + pageSize));
  return { items: firstN.slice(start, start + pageSize), total: matched.length, page, pageSize };
}
