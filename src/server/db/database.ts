import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables';

export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;

export type Database = {
  db: Db;
  /** 'pglite' (embedded, in this process) or 'postgres' (DATABASE_URL). */
  kind: 'pglite' | 'postgres';
  /** Present for the embedded engine: tests and the bench reach it directly. */
  pglite?: PGlite;
  close: () => Promise<void>;
};

// timestamptz and bigint come back as strings: the contract speaks ISO strings, and a sequence fits a JS number.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * One code path for both engines: PGlite (PostgreSQL in WASM, in-process) speaks to `pg` through its
 * node-postgres adapter, so Kysely's PostgreSQL dialect runs unchanged on it. Its pool has one connection.
 * `dataDir` is a folder, or 'memory://' for tests.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: Number(process.env.JIANZHENG_DB_POOL ?? 10) });
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (opts.dataDir && !opts.dataDir.includes('://')) mkdirSync(opts.dataDir, { recursive: true });
  // The extension must be passed on every open, not only when it is created.
  const pglite = await PGlite.create(opts.dataDir ?? 'memory://', { extensions: { pg_trgm } });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
