import type { World } from '@/domain/world';
import { Tracker, baselineOf, undo, type Baseline, type Changes } from '@/server/tracker';

/**
 * Holds the mock backend's state. Generation and persistence are injected by the environment
 * (browser: IndexedDB; Node tests: in memory) so handlers stay the same everywhere.
 */
type Persistence = {
  /** Everything, replacing what was stored: the first save of generated data, and a reset. */
  saveAll: (db: World) => Promise<void>;
  /** What one command changed. */
  saveChanges: (db: World, changes: Changes, before: Baseline) => Promise<void>;
  clear: () => Promise<void>;
  /** Optional: read what another tab saved, and tell other tabs we saved (one backend shared by all tabs). */
  load?: () => Promise<World | undefined>;
  announce?: () => void;
};

type Held = Baseline & { world: World; tracker: Tracker; stored: boolean };

let held: Held | null = null;
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
  db.alerts ??= [];
  db.alertRules ??= [];
  return db;
}

/** `stored`: whether persistence already holds exactly these records (generated ones are not, until saved). */
function hold(world: World, stored: boolean): Held {
  revision++;
  held = { world, tracker: new Tracker(world), ...baselineOf(world), stored };
  return held;
}

export function markStale() {
  stale = true;
}

export async function syncFromPeers(): Promise<void> {
  if (!stale || !persistence?.load) return;
  stale = false;
  const saved = await persistence.load().catch(() => undefined);
  if (saved) hold(upgraded(saved), true);
}

export function configureStore(opts: { seed: () => World; persistence?: Persistence; initial?: World | null }) {
  makeSeed = opts.seed;
  persistence = opts.persistence ?? null;
  held = null;
  revision++;
  if (opts.initial) hold(upgraded(opts.initial), true);
}

function current(): Held {
  if (held) return held;
  if (!makeSeed) throw new Error('mock store is not configured');
  return hold(makeSeed(), false);
}

/**
 * Generates the records if there are none yet and saves them at once: every later page load then reads
 * them back instead of generating thousands of complaints again on the main thread.
 */
export async function ensureStored(): Promise<void> {
  const h = current();
  if (h.stored || !persistence) return;
  await persistence.saveAll(h.world);
  h.stored = true;
}

/** The records themselves, for reads (and tests). */
export function getDb(): World {
  return current().world;
}

/**
 * Runs one command over the records seen through the tracker: when it succeeds, only what it changed is
 * saved; when it fails, the records are put back as they were.
 */
export async function write(work: (db: World) => Promise<Response>): Promise<Response> {
  const h = current();
  const changes = h.tracker.begin();
  let response: Response;
  try {
    response = await work(h.tracker.view);
  } catch (e) {
    undo(h.world, changes, h);
    throw e;
  } finally {
    h.tracker.end();
  }
  if (!response.ok) {
    undo(h.world, changes, h);
    return response;
  }
  // A reset replaced the records meanwhile: the new ones are saved whole.
  const now = held ?? h;
  revision++;
  if (persistence) {
    if (now !== h || !now.stored) await persistence.saveAll(now.world);
    else
      await persistence.saveChanges(now.world, changes, now).catch((e: unknown) => {
        // Not saved (storage full, or taken away): the records must not claim otherwise.
        undo(now.world, changes, now);
        throw e;
      });
    persistence.announce?.();
  }
  Object.assign(now, baselineOf(now.world), { stored: true });
  return response;
}

export async function resetToSeed(): Promise<World> {
  if (!makeSeed) throw new Error('mock store is not configured');
  await persistence?.clear();
  return hold(makeSeed(), false).world;
}
