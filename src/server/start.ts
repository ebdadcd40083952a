/**
 * Opens the database the environment names, brings its schema up to date, seeds demo data into an
 * empty one, and builds the app. Shared by the Node host, the admin command, tests and the bench.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import { createApp, type AppOptions } from './app';
import { diskBlobStore, memoryBlobStore } from './blobs';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { readMeta, writeMeta } from './db/records';
import type { BlobStore } from './ports';
import { DEFAULT_COST } from './auth/passwords';
import { dropEverything, seedDemo } from './seed/seed-db';
import { databaseUploads } from './uploads';

export type StartOptions = {
  /** postgres://… for a real PostgreSQL; otherwise the embedded engine. */
  databaseUrl?: string;
  /** The embedded engine's folder, or 'memory://'. */
  pgliteDir?: string;
  /** Where evidence files go; in memory when absent. */
  blobDir?: string;
  /** Seed demo data into an empty database (the default for `npm start`). */
  demo?: boolean;
  demoScale?: number;
  demoPassword?: string;
  /** Drop whatever the database holds first (tests). */
  fresh?: boolean;
  now?: () => Date;
  passwordCost?: typeof DEFAULT_COST;
  /** Read the records into memory after start (the Node host). */
  warm?: boolean;
} & Pick<AppOptions, 'sessions' | 'allowedOrigins' | 'secureCookies' | 'logError'>;

export type Started = ReturnType<typeof createApp> & { database: Database; blobs: BlobStore; seeded: { password: string } | null; demoPassword: string | null };

export async function startServer(opts: StartOptions): Promise<Started> {
  const database = await openDatabase({ url: opts.databaseUrl, dataDir: opts.pgliteDir });
  if (opts.fresh) await dropEverything(database.db);
  await migrate(database.db);
  const blobs = opts.blobDir ? diskBlobStore(opts.blobDir) : memoryBlobStore();
  const seedOnce = () => seedDemo(database.db, { complaints: opts.demoScale, now: opts.now?.(), blobs, password: opts.demoPassword, cost: opts.passwordCost });
  let seeded: { password: string } | null = null;
  const users = await database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(users.n) === 0 && opts.demo) {
    seeded = await seedOnce();
    await settle(database);
  }
  const demo = await readMeta<{ password: string }>(database.db, 'demo');
  const started = createApp({
    database,
    blobs,
    uploads: databaseUploads,
    now: opts.now,
    sessions: opts.sessions,
    allowedOrigins: opts.allowedOrigins,
    secureCookies: opts.secureCookies,
    logError: opts.logError,
    reseed: async () => {
      const password = (await readMeta<{ password: string }>(database.db, 'demo'))?.password ?? opts.demoPassword;
      // The revision only ever grows, so no process mistakes the new data for records it already holds.
      const revision = Number((await readMeta<number>(database.db, 'revision')) ?? 0);
      await dropEverything(database.db);
      await migrate(database.db);
      await seedDemo(database.db, { complaints: opts.demoScale, now: opts.now?.(), blobs, password, cost: opts.passwordCost });
      await settle(database);
      await writeMeta(database.db, 'revision', revision + 1);
    },
  });
  // Commands run over the records in memory: read them now, in the background, so the first write does
  // not pay for it. The queue's list and detail are SQL and answer meanwhile.
  if (opts.warm) void started.services.worlds.read(() => undefined).catch((e) => opts.logError?.(e, 'warming the records'));
  return { ...started, database, blobs, seeded, demoPassword: demo?.password ?? null };
}

/**
 * After a bulk load: planner statistics (without them the queue's filters miss their indexes) and the
 * visibility map (counts answered from an index). PGlite has no autovacuum to do this on its own.
 */
async function settle(database: Database) {
  await sql`VACUUM ANALYZE`.execute(database.db);
}

export const defaultDataDir = () => process.env.JIANZHENG_DATA_DIR ?? join(process.cwd(), 'data');
