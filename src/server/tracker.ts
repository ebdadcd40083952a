/**
 * What one command changed in the records, learnt as it happens: shared by the hosts that keep records in
 * memory and write back only what changed (the server into its tables, the browser demo into IndexedDB).
 */
import type { World } from '@/domain/world';

export type Keyed = { id: string };
export type Tracked = 'customers' | 'complaints' | 'evidence' | 'entities' | 'links' | 'cases' | 'referrals' | 'users' | 'institutions' | 'sharing' | 'alerts' | 'alertRules';
// Written in this order: a session refers to its institution.
export const TRACKED: Tracked[] = ['users', 'customers', 'cases', 'complaints', 'evidence', 'entities', 'links', 'referrals', 'institutions', 'sharing', 'alerts', 'alertRules'];

/**
 * What one command changed, learnt as it happens rather than by comparing every record afterwards
 * (which costs the whole database per write): the command sees the records through proxies that note
 * each record's state before its first change, and each collection's members before its first insert
 * or removal. The same notes undo the command in memory when it fails.
 */
export type Changes = {
  records: Map<Tracked, Map<string, { record: Keyed & { version?: number }; before: string; version: number | null }>>;
  members: Map<Tracked, (Keyed & { version?: number })[]>;
  /** Clear values added (they are only ever added); counting the whole map per write costs too much. */
  pii: Map<string, string>;
};

/**
 * The proxies live as long as the records they wrap, not one command: a command that looks a record up
 * among 100k would otherwise build a proxy for every record it passes, which costs more than the write.
 * Between commands nothing is active and a change through a proxy is a bug, so it throws.
 */
/** Each tracked view's records without the proxies: reads that scan everything (the alert rules) go faster there. */
const PLAIN = new WeakMap<object, World>();
/** The records behind a tracked view, for reading only; a world that is not a view is returned as it is. */
export const plainWorld = (world: World): World => PLAIN.get(world) ?? world;

export class Tracker {
  readonly view: World;
  private active: Changes | null = null;
  private readonly proxies = new WeakMap<object, object>();
  private readonly raw = new WeakMap<object, object>();
  private readonly handlers = new WeakMap<object, ProxyHandler<object>>();

  constructor(world: World) {
    const pii = new Proxy(world.pii, {
      set: (t, k, v) => {
        if (typeof k === 'string' && !(k in t)) this.changes().pii.set(k, v);
        return Reflect.set(t, k, v);
      },
      deleteProperty: () => {
        throw new Error('clear values are never removed');
      },
    });
    this.view = new Proxy(world, {
      get: (t, k) => {
        const v = Reflect.get(t, k);
        if (k === 'pii') return pii;
        return TRACKED.includes(k as Tracked) ? this.collection(k as Tracked, v as Keyed[]) : v;
      },
      set: (t, k, v) => {
        if (TRACKED.includes(k as Tracked)) {
          this.members(k as Tracked, Reflect.get(t, k) as Keyed[]);
          return Reflect.set(t, k, this.unwrap(v));
        }
        return Reflect.set(t, k, v);
      },
    });
    PLAIN.set(this.view, world);
  }

  /** Runs one command with its changes noted. */
  begin(): Changes {
    this.active = { records: new Map(TRACKED.map((n) => [n, new Map()])), members: new Map(), pii: new Map() };
    return this.active;
  }

  end() {
    this.active = null;
  }

  private changes(): Changes {
    if (!this.active) throw new Error('records change only inside a write');
    return this.active;
  }

  private unwrap(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    const r = this.raw.get(v);
    if (r) return r;
    // In place, not a copy: a command that adds a record and goes on changing it (a new case gaining its
    // complaints) changes the record that is stored.
    if (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)
      for (const [k, x] of Object.entries(v)) {
        const plain = this.unwrap(x);
        if (plain !== x) (v as Record<string, unknown>)[k] = plain;
      }
    return v;
  }

  private touch(name: Tracked, record: Keyed & { version?: number }) {
    const seen = this.changes().records.get(name)!;
    if (!seen.has(record.id)) seen.set(record.id, { record, before: JSON.stringify(record), version: record.version ?? null });
  }

  private members(name: Tracked, list: (Keyed & { version?: number })[]) {
    const changes = this.changes();
    if (!changes.members.has(name)) changes.members.set(name, [...list]);
  }

  private wrap<T extends object>(target: T, handler: () => ProxyHandler<T>): T {
    const hit = this.proxies.get(target);
    if (hit) return hit as T;
    const p = new Proxy(target, handler());
    this.proxies.set(target, p);
    this.raw.set(p, target);
    return p;
  }

  /** Changes anywhere inside a record (its notes, its parties) are changes of that record. */
  private inside(name: Tracked, record: Keyed): ProxyHandler<object> {
    const known = this.handlers.get(record);
    if (known) return known;
    const handler: ProxyHandler<object> = {
      get: (t, k) => {
        const v = Reflect.get(t, k);
        return v !== null && typeof v === 'object' ? this.wrap(v, () => handler) : v;
      },
      set: (t, k, v) => {
        const value = this.unwrap(v);
        if (Object.is(Reflect.get(t, k), value)) return true;
        this.touch(name, record);
        return Reflect.set(t, k, value);
      },
      deleteProperty: (t, k) => {
        this.touch(name, record);
        return Reflect.deleteProperty(t, k);
      },
    };
    this.handlers.set(record, handler);
    return handler;
  }

  private collection(name: Tracked, list: Keyed[]) {
    const record = (v: Keyed) => this.wrap(v, () => this.inside(name, v));
    // Looking a record up is the common case and must not cost a proxy per record passed: predicates
    // read the plain records (they only test), and what they select comes back wrapped.
    const lookups: Record<string, (...a: never[]) => unknown> = {
      find: (pred: (r: Keyed, i: number) => boolean) => {
        const hit = list.find(pred);
        return hit && record(hit);
      },
      filter: (pred: (r: Keyed, i: number) => boolean) => list.filter(pred).map(record),
      some: (pred: (r: Keyed, i: number) => boolean) => list.some(pred),
      every: (pred: (r: Keyed, i: number) => boolean) => list.every(pred),
      findIndex: (pred: (r: Keyed, i: number) => boolean) => list.findIndex(pred),
      includes: (x: Keyed) => list.includes(this.unwrap(x) as Keyed),
      indexOf: (x: Keyed) => list.indexOf(this.unwrap(x) as Keyed),
    };
    return this.wrap(list, () => ({
      get: (t, k) => {
        if (typeof k === 'string' && Object.hasOwn(lookups, k)) return lookups[k];
        const v = Reflect.get(t, k);
        return v !== null && typeof v === 'object' ? record(v as Keyed) : v;
      },
      set: (t, k, v) => {
        this.members(name, t);
        return Reflect.set(t, k, this.unwrap(v));
      },
      deleteProperty: (t, k) => {
        this.members(name, t);
        return Reflect.deleteProperty(t, k);
      },
    }));
  }
}

/** What the tracker does not watch, as it stood after the last saved command: the audit's length and the graph layouts. */
export type Baseline = { auditCount: number; layouts: Map<string, string> };

export const baselineOf = (world: World): Baseline => ({
  auditCount: world.audit.length,
  layouts: new Map(Object.entries(world.graphLayouts ?? {}).map(([k, v]) => [k, JSON.stringify(v)])),
});

/** Puts the records back as they were before a failed command. */
export function undo(world: World, changes: Changes, snap: Baseline) {
  for (const [, seen] of changes.records)
    for (const { record, before } of seen.values()) {
      for (const k of Object.keys(record)) delete (record as Record<string, unknown>)[k];
      Object.assign(record, JSON.parse(before));
    }
  for (const [name, list] of changes.members) (world as unknown as Record<string, unknown>)[name] = list;
  world.audit.length = snap.auditCount;
  for (const key of changes.pii.keys()) delete world.pii[key];
  // Older stored demo data has no layouts at all: put back nothing rather than an empty map.
  if (world.graphLayouts || snap.layouts.size) world.graphLayouts = Object.fromEntries([...snap.layouts].map(([k, v]) => [k, JSON.parse(v)]));
}
