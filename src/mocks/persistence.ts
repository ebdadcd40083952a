import { clear, createStore, del, entries, promisifyRequest, type UseStore } from 'idb-keyval';
import type { World } from '@/domain/world';
import { TRACKED, type Baseline, type Changes, type Keyed, type Tracked } from '@/server/tracker';

/**
 * The demo's records in IndexedDB. A full save (generated data, a reset) stores each collection whole, in
 * a few large entries, which IndexedDB writes far faster than one entry per record; after that a write
 * stores only what it changed, as entries laid over that base, so a write costs the same however much
 * data there is:
 *   meta                   seed, generatedAt, session, graph layouts
 *   base/<collection>      the collection as saved whole (also base/audit, base/pii)
 *   order/<collection>     the collection's ids, once a command added or removed one
 *   rec/<collection>/<id>  a record as a command left it
 *   audit/<position>       events appended since (positions count from the start of the trail)
 *   pii/<key>              clear values added since
 * Bump the store's name when this shape changes, so an old copy is regenerated, not misread.
 */
const DB_NAME = 'jianzheng-demo-records-v1';
/** The earlier whole-database snapshot, removed when found: it is no longer read. */
const OLD_KEY = 'jianzheng-demo-db-v1';

type Meta = Pick<World, 'seed' | 'generatedAt' | 'session' | 'graphLayouts'>;
type Entry = [IDBValidKey, unknown];


let store: UseStore | null = null;
const idb = () => (store ??= createStore(DB_NAME, 'records'));

const metaOf = (w: World): Meta => ({ seed: w.seed, generatedAt: w.generatedAt, session: w.session, graphLayouts: w.graphLayouts });
const recKey = (name: Tracked, id: string) => `rec/${name}/${id}`;
const auditKey = (i: number) => `audit/${String(i).padStart(9, '0')}`;

function write(puts: Entry[], dels: IDBValidKey[] = [], replace = false): Promise<void> {
  return idb()('readwrite', (s) => {
    if (replace) s.clear();
    for (const [k, v] of puts) s.put(v, k);
    for (const k of dels) s.delete(k);
    return promisifyRequest(s.transaction);
  });
}

function allEntries(world: World): Entry[] {
  const out: Entry[] = [['meta', metaOf(world)]];
  for (const name of TRACKED) out.push([`base/${name}`, world[name]]);
  out.push(['base/audit', world.audit], ['base/pii', world.pii]);
  return out;
}

/** The entries one command changed: the same decisions the server makes when it writes rows. */
function changedEntries(world: World, changes: Changes, before: Baseline): { puts: Entry[]; dels: IDBValidKey[] } {
  const puts: Entry[] = [['meta', metaOf(world)]];
  const dels: IDBValidKey[] = [];
  for (const name of TRACKED) {
    const now = world[name] as Keyed[];
    const had = changes.members.get(name);
    const removed = new Set<string>();
    if (had) {
      const hadIds = new Set(had.map((r) => r.id));
      const hasIds = new Set(now.map((r) => r.id));
      puts.push([`order/${name}`, now.map((r) => r.id)]);
      for (const r of now) if (!hadIds.has(r.id)) puts.push([recKey(name, r.id), r]);
      for (const id of hadIds)
        if (!hasIds.has(id)) {
          removed.add(id);
          dels.push(recKey(name, id));
        }
    }
    for (const { record, before: json } of changes.records.get(name)!.values())
      if (!removed.has(record.id) && JSON.stringify(record) !== json) puts.push([recKey(name, record.id), record]);
  }
  for (const [k, v] of changes.pii) puts.push([`pii/${k}`, v]);
  for (let i = before.auditCount; i < world.audit.length; i++) puts.push([auditKey(i), world.audit[i]]);
  return { puts, dels };
}

function worldOf(stored: Entry[]): World | undefined {
  const byKey = new Map(stored.map(([k, v]) => [String(k), v]));
  const meta = byKey.get('meta') as Meta | undefined;
  if (!meta) return undefined;
  const world = { ...meta, audit: [...((byKey.get('base/audit') as World['audit']) ?? [])], pii: { ...((byKey.get('base/pii') as World['pii']) ?? {}) } } as World;
  const changed = new Map<string, Map<string, unknown>>(TRACKED.map((n) => [n, new Map()]));
  // Keys sort as strings; the audit positions are zero-padded, so this is their order.
  for (const [k, v] of stored) {
    const key = String(k);
    if (key.startsWith('rec/')) {
      const [, name, ...id] = key.split('/');
      changed.get(name)?.set(id.join('/'), v);
    } else if (key.startsWith('audit/')) {
      if (Number(key.slice(6)) >= world.audit.length) world.audit.push(v as World['audit'][number]);
    } else if (key.startsWith('pii/')) (world.pii as Record<string, string>)[key.slice(4)] = v as string;
  }
  for (const name of TRACKED) {
    const base = (byKey.get(`base/${name}`) as Keyed[] | undefined) ?? [];
    const byId = new Map<string, unknown>(base.map((r) => [r.id, r]));
    for (const [id, r] of changed.get(name)!) byId.set(id, r);
    const ids = (byKey.get(`order/${name}`) as string[] | undefined) ?? base.map((r) => r.id);
    (world as unknown as Record<Tracked, unknown[]>)[name] = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  }
  return world;
}

export const indexedDbPersistence = {
  load: async () => {
    void del(OLD_KEY).catch(() => undefined);
    return worldOf(await entries(idb()));
  },
  /** Replaces whatever is stored, in one transaction. */
  saveAll: (world: World) => write(allEntries(world), [], true),
  saveChanges: (world: World, changes: Changes, before: Baseline) => {
    const { puts, dels } = changedEntries(world, changes, before);
    return write(puts, dels);
  },
  clear: () => clear(idb()),
};
