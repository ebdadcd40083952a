/**
 * The complaint queue query: filter, sort and page in one walk over the records in sort order. Nothing
 * is cached on the complaints (handlers mutate them); a caller may keep sort orders and filter columns
 * between queries (`queryIndex`), keyed by the store's revision, otherwise every query reads the current state.
 */
import { complaintSortFieldSchema, signalCodeSchema, type Channel, type Complaint, type ComplaintQuery, type ComplaintStatus, type Page, type User } from '@/api/schemas';
import type { World } from './world';
import { DAY_MS, deadlineOutcome, deadlineWindowPredicate } from './deadlines';
import { beijingDayStart, isoToMs } from './time';

/** `alertComplaints`: the complaints behind an alert, for the queue's alert filter. */
export type QueryContext = { userId: string; now: Date; alertComplaints?: (alertId: string) => readonly string[] };
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
export const CHANNEL_RANK = new Map(CHANNEL_ORDER.map((c, i) => [c, i]));
/** Lifecycle order rather than alphabetical. */
export const STATUS_RANK: Record<ComplaintStatus, number> = { new: 0, in_progress: 1, answered: 2, closed: 3 };

function textMatcher(raw: string): ((c: Complaint) => boolean) | null {
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

/**
 * The fields filters test, one typed array each, positions as in the records. At 100k records a filter
 * over the records themselves reads 100k scattered objects (about 10 ms per pass, memory-bound); over
 * these columns it reads a few compact arrays. Strings are interned per column: code 0 is null.
 */
type FilterColumns = {
  items: readonly Complaint[];
  revision: number;
  status: Uint8Array;
  label: Uint8Array;
  channel: Uint8Array;
  grade: Uint8Array;
  /** Bit n set when the record carries signal n of the contract's list. */
  signals: Uint32Array;
  assignee: Uint32Array;
  family: Uint32Array;
  dueAt: Float64Array;
  codes: Record<'status' | 'label' | 'channel' | 'grade' | 'assignee' | 'family', Map<string | null, number>>;
};

const SIGNAL_BIT = new Map(signalCodeSchema.options.map((code, i) => [code, 1 << i]));

function filterColumns(items: readonly Complaint[], revision: number, dueAt: Float64Array): FilterColumns {
  const n = items.length;
  const codes: FilterColumns['codes'] = { status: new Map(), label: new Map(), channel: new Map(), grade: new Map(), assignee: new Map(), family: new Map() };
  const intern = (map: Map<string | null, number>, value: string | null) => {
    if (value === null) return 0;
    let code = map.get(value);
    if (code === undefined) map.set(value, (code = map.size + 1));
    return code;
  };
  const cols: FilterColumns = {
    items,
    revision,
    status: new Uint8Array(n),
    label: new Uint8Array(n),
    channel: new Uint8Array(n),
    grade: new Uint8Array(n),
    signals: new Uint32Array(n),
    assignee: new Uint32Array(n),
    family: new Uint32Array(n),
    // The due-date order's keys: parsing 100k timestamps again would double the cost of building.
    dueAt,
    codes,
  };
  for (let i = 0; i < n; i++) {
    const c = items[i];
    cols.status[i] = intern(codes.status, c.status);
    cols.label[i] = intern(codes.label, c.label);
    cols.channel[i] = intern(codes.channel, c.channel);
    cols.grade[i] = intern(codes.grade, c.grade);
    let mask = 0;
    for (const s of c.signals) mask |= SIGNAL_BIT.get(s.code) ?? 0;
    cols.signals[i] = mask;
    cols.assignee[i] = intern(codes.assignee, c.assigneeId);
    cols.family[i] = intern(codes.family, c.templateFamilyId);
  }
  return cols;
}

type Predicate = (position: number) => boolean;

function buildPredicates(query: ComplaintQuery, ctx: QueryContext, items: readonly Complaint[], users: readonly Pick<User, 'id' | 'team'>[], columns: () => FilterColumns): Predicate[] {
  const predicates: Predicate[] = [];
  // Columns are built (or fetched from the index) only once some filter asks for them.
  let held: FilterColumns | null = null;
  const cols = () => (held ??= columns());
  const oneOf = (values: readonly (string | null)[] | undefined, pick: (c: FilterColumns) => [Uint8Array | Uint32Array, Map<string | null, number>]) => {
    if (!values?.length) return;
    const [column, codes] = pick(cols());
    // A value no record has yet has no code, and matches nothing.
    const wanted = new Set(values.map((v) => (v === null ? 0 : codes.get(v))).filter((code) => code !== undefined));
    predicates.push((i) => wanted.has(column[i]));
  };
  oneOf(query.status, (c) => [c.status, c.codes.status]);
  oneOf(query.label, (c) => [c.label, c.codes.label]);
  oneOf(query.channel, (c) => [c.channel, c.codes.channel]);
  oneOf(query.grade, (c) => [c.grade, c.codes.grade]);
  if (query.signal?.length) {
    const { signals } = cols();
    const wanted = query.signal.reduce((mask, code) => mask | (SIGNAL_BIT.get(code) ?? 0), 0);
    predicates.push((i) => (signals[i] & wanted) !== 0);
  }
  if (query.assignee) oneOf([query.assignee === 'me' ? ctx.userId : query.assignee === 'unassigned' ? null : query.assignee], (c) => [c.assignee, c.codes.assignee]);
  if (query.deadline === 'met' || query.deadline === 'late') {
    const wanted = query.deadline;
    predicates.push((i) => deadlineOutcome(items[i]) === wanted);
  } else if (query.deadline) {
    const { status, dueAt, codes } = cols();
    const inWindow = deadlineWindowPredicate(query.deadline, ctx.now);
    const statusOf = new Map([...codes.status].map(([name, code]) => [code, name as ComplaintStatus]));
    predicates.push((i) => inWindow(statusOf.get(status[i])!, dueAt[i]));
  }
  if (query.family) oneOf([query.family], (c) => [c.family, c.codes.family]);
  if (query.alert !== undefined) {
    const wanted = new Set(ctx.alertComplaints?.(query.alert) ?? []);
    predicates.push((i) => wanted.has(items[i].id));
  }
  if (query.team !== undefined) oneOf(users.filter((u) => u.team === query.team).map((u) => u.id), (c) => [c.assignee, c.codes.assignee]);
  if (query.team !== undefined && !users.some((u) => u.team === query.team)) predicates.push(() => false);
  if (query.receivedFrom || query.receivedTo) {
    const start = query.receivedFrom ? beijingDayStart(query.receivedFrom) : -Infinity;
    const end = query.receivedTo ? beijingDayStart(query.receivedTo) + DAY_MS : Infinity;
    predicates.push((i) => {
      const t = isoToMs(items[i].receivedAt);
      return t >= start && t < end;
    });
  }
  const text = query.q ? textMatcher(query.q) : null;
  if (text) predicates.push((i) => text(items[i])); // last: the most expensive test runs on the fewest records
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

/** Every record's position in ascending order of one field, ties by id, with the keys it was sorted by. */
type Ordering = { items: readonly Complaint[]; revision: number; keys: Float64Array; order: Uint32Array };

function keysOf(items: readonly Complaint[], field: SortField): Float64Array {
  const key = sortKey(field);
  const keys = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) keys[i] = key(items[i]);
  return keys;
}

function sameKeys(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function ascendingOrder(items: readonly Complaint[], keys: Float64Array, idsInOrder = idsAscend(items)): Uint32Array {
  // When the records are in id order (the usual case) ties compare positions instead of strings.
  if (idsInOrder) {
    const packed = packedOrder(keys);
    if (packed) return packed;
    return new Uint32Array(keys.length).map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  }
  return new Uint32Array(keys.length).map((_, i) => i).sort((a, b) => keys[a] - keys[b] || (items[a].id < items[b].id ? -1 : items[a].id > items[b].id ? 1 : 0));
}

/**
 * Integer keys (times, scores, ranks) are packed with their position into one exact double, so the
 * engine's numeric sort runs without a comparator: several times faster at 100k records. Null when the
 * keys are not integers or their span times the count leaves the range doubles hold exactly.
 */
function packedOrder(keys: Float64Array): Uint32Array | null {
  const n = keys.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (!Number.isInteger(k)) return null;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (n === 0) return new Uint32Array(0);
  if ((max - min + 1) * n > Number.MAX_SAFE_INTEGER) return null;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (keys[i] - min) * n + i;
  packed.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = packed[k] % n;
  return order;
}

/**
 * What a database would keep as indexes, kept between queries: one ascending order per sort field, so a
 * query is a filtered walk in order and never a sort (at 100k records a sort costs tens of milliseconds,
 * the walk a few), and the filter columns. New records (the first query, a reset, another tab's data)
 * are ordered by every field and put in columns at once, so no later sort or filter change waits for
 * either. An order is reused while the store's revision is unchanged, and after a write that changed no
 * key of its field (a note, an assignment); columns are rebuilt per revision. The caller passes the
 * revision, which must change whenever any record may have.
 */
export type QueryIndex = {
  order: (items: readonly Complaint[], field: SortField, revision: number) => Ordering;
  columns: (items: readonly Complaint[], revision: number) => FilterColumns;
};

export function queryIndex(): QueryIndex {
  const byField = new Map<SortField, Ordering>();
  let cols: FilterColumns | null = null;
  const index: QueryIndex = {
    order: (items, field, revision) => {
      const held = byField.get(field);
      if (held?.items !== items) {
        byField.clear();
        const idsInOrder = idsAscend(items);
        for (const f of complaintSortFieldSchema.options) {
          const keys = keysOf(items, f);
          byField.set(f, { items, revision, keys, order: ascendingOrder(items, keys, idsInOrder) });
        }
        index.columns(items, revision);
        return byField.get(field)!;
      }
      if (held.revision === revision && held.keys.length === items.length) return held;
      const keys = keysOf(items, field);
      if (sameKeys(held.keys, keys)) {
        held.revision = revision;
        return held;
      }
      const fresh = { items, revision, keys, order: ascendingOrder(items, keys) };
      byField.set(field, fresh);
      return fresh;
    },
    columns: (items, revision) => {
      if (cols?.items !== items || cols.revision !== revision || cols.status.length !== items.length) cols = filterColumns(items, revision, index.order(items, 'dueAt', revision).keys);
      return cols;
    },
  };
  return index;
}

/**
 * Visits positions in the order's direction until `visit` returns false. Ties follow the direction too
 * (id descending when the field descends), as an index read backwards gives them to the SQL host.
 */
function walk({ order }: Ordering, dir: 1 | -1, visit: (position: number) => boolean) {
  if (dir === 1) {
    for (let k = 0; k < order.length; k++) if (!visit(order[k])) return;
    return;
  }
  for (let k = order.length - 1; k >= 0; k--) if (!visit(order[k])) return;
}

/**
 * One page of the filtered, sorted queue and the number of matches. With `cache` the sort orders and
 * filter columns are kept between calls (see `queryIndex`); without, every call builds them afresh.
 */
export function queryComplaints(db: World, query: ComplaintQuery, ctx: QueryContext, cache?: { index: QueryIndex; revision: number }): Page<Complaint> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const start = (page - 1) * pageSize;
  const end = start + pageSize;
  const field = query.sort ?? DEFAULT_SORT;
  const dir = (query.order ?? DEFAULT_ORDER[field]) === 'asc' ? 1 : -1;
  const all = db.complaints;
  const index = cache?.index ?? queryIndex();
  const revision = cache?.revision ?? 0;

  // Filter in storage order first, then walk the sort order reading only the marks: a record is touched
  // only for the page.
  const predicates = buildPredicates(query, { ...ctx, alertComplaints: (id) => db.alerts?.find((a) => a.id === id)?.complaintIds ?? [] }, all, db.users, () => index.columns(all, revision));
  let total = all.length;
  let matches: Uint8Array | null = null;
  if (predicates.length > 0) {
    matches = new Uint8Array(all.length);
    total = 0;
    outer: for (let i = 0; i < all.length; i++) {
      for (const p of predicates) if (!p(i)) continue outer;
      matches[i] = 1;
      total++;
    }
  }
  const items: Complaint[] = [];
  let seen = 0;
  walk(index.order(all, field, revision), dir, (i) => {
    if (matches && !matches[i]) return true;
    if (seen >= start) items.push(all[i]);
    return ++seen < end;
  });
  return { items, total, page, pageSize };
}

