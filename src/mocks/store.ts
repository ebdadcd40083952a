import type { World } from '@/domain/world';

/**
 * Holds the mock backend's state. Generation and persistence are injected by the environment
 * (browser: IndexedDB; Node tests: in memory) so handlers stay the same everywhere.
 */
type Persistence = {
  save: (db: World) => Promise<void>;
  clear: () => Promise<void>;
  /** Optional: read what another tab saved, and tell other tabs we saved (one backend shared by all tabs). */
  load?: () => Promise<World | undefined>;
  announce?: () => void;
};

let current: World | null = null;
let makeSeed: (() => World) | null = null;
let persistence: Persistence | null = null;
/** Bumped on every change of state, so derived caches (the queue's sorted order) know when to drop. */
let revision = 0;
export const getRevision = () => revision;
/** Another tab wrote since we last read: reload before answering, as a real shared server would. */
let stale = false;

/**
 * Requests are answered one at a time, as by a server whose writes are transactions: a read never sees
 * a change that is not yet saved, so a reload right after a write answered "done" cannot lose it.
 */
let queue: Promise<unknown> = Promise.resolve();
export function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** Demo data saved before a collection existed gets it empty, as a migration would add its table. */
function upgraded(db: World): World {
  db.institutions ??= [];
  db.sharing ??= [];
  return db;
}

export function markStale() {
  stale = true;
}

export async function syncFromPeers(): Promise<void> {
  if (!stale || !persistence?.load) return;
  stale = false;
  const saved = await persistence.load().catch(() => undefined);
  if (saved) {
    current = upgraded(saved);
    revision++;
  }
}

export function configureStore(opts: { seed: () => World; persistence?: Persistence; initial?: World | null }) {
  makeSeed = opts.seed;
  persistence = opts.persistence ?? null;
  current = opts.initial ? upgraded(opts.initial) : null;
  revision++;
}

export function getDb(): World {
  if (!current) {
    if (!makeSeed) throw new Error('mock store is not configured');
    current = makeSeed();
  }
  return current;
}

export function setDb(db: World) {
  revision++;
  current = db;
}

/** Called after every successful write so demo work survives a reload. */
export async function commit(): Promise<void> {
  revision++;
  if (persistence && current) {
    await persistence.save(current);
    persistence.announce?.();
  }
}

export async function resetToSeed(): Promise<World> {
  if (!makeSeed) throw new Error('mock store is not configured');
  await persistence?.clear();
  current = makeSeed();
  revision++;
  await commit();
  return current;
}
