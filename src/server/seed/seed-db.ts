/**
 * Fills an empty database with the generator's demo data (same seed, same data as the in-browser demo),
 * one account per seeded person plus an administrator, and the sample evidence files in the blob store.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { World } from '@/domain/world';
import type { Db, Tx } from '../db/database';
import { caseColumns, complaintColumns, customerColumns, entityColumns, evidenceColumns, layoutColumns, linkColumns, referralColumns, writeMeta } from '../db/records';
import { appendAudit } from '../audit';
import { hashPassword, randomPassword, DEFAULT_COST } from '../auth/passwords';
import type { BlobStore } from '../ports';
import { generateDemoData } from './generator';
import { sampleManifest } from './samples';

export const DEMO_ADMIN = { id: 'u-admin-1', name: '系统管理员', role: 'admin', team: '信息科技部', capacity: 1, away: false } as const;
/** Demo sign-in names: the seeded ids without their prefix (analyst-1, lead-1, auditor-1, admin-1). */
export const usernameOf = (userId: string) => userId.replace(/^u-/, '');

const samplesDir = fileURLToPath(new URL('../../../public/samples/', import.meta.url));

async function insertAll<T>(tx: Tx, table: string, rows: T[], chunk = 250) {
  for (let i = 0; i < rows.length; i += chunk)
    await tx
      .insertInto(table as never)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
}

/** Demo data is relative to a working morning: 09:00 in Beijing of the given day. */
export function demoMorning(now = new Date()): Date {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), 1, 0, 0));
}

export type SeedOptions = { complaints?: number; now?: Date; blobs: BlobStore; password?: string; cost?: typeof DEFAULT_COST };

export async function seedDemo(db: Db, opts: SeedOptions): Promise<{ password: string; world: World }> {
  const world = generateDemoData({ complaints: opts.complaints, now: demoMorning(opts.now) });
  // Seeded evidence points at the sample files; on the server they are served from the blob store.
  for (const e of world.evidence) e.url = `/api/evidence/${e.id}/content`;
  await importSamples(opts.blobs);
  const password = opts.password ?? randomPassword();
  // One hash for all demo accounts: they share the password printed at start, so nothing is lost by sharing a salt.
  const hash = await hashPassword(password, opts.cost);
  await db.transaction().execute(async (tx) => {
    await insertAll(
      tx,
      'users',
      [...world.users, DEMO_ADMIN].map((u) => ({ id: u.id, username: usernameOf(u.id), name: u.name, role: u.role, team: u.team, capacity: u.capacity, away: u.away, password_hash: hash })),
    );
    await insertAll(tx, 'customers', world.customers.map(customerColumns));
    await insertAll(tx, 'cases', world.cases.map(caseColumns));
    await insertAll(tx, 'complaints', world.complaints.map(complaintColumns), 200);
    await insertAll(tx, 'evidence', world.evidence.map(evidenceColumns));
    await insertAll(tx, 'entities', world.entities.map(entityColumns), 500);
    await insertAll(tx, 'links', world.links.map(linkColumns), 500);
    await insertAll(tx, 'referrals', world.referrals.map(referralColumns));
    await insertAll(tx, 'graph_layouts', Object.values(world.graphLayouts ?? {}).map(layoutColumns));
    await insertAll(tx, 'pii', Object.entries(world.pii).map(([key, value]) => ({ key, value })), 1000);
    await appendAudit(tx, world.audit);
    await writeMeta(tx, 'seed', world.seed);
    await writeMeta(tx, 'generatedAt', world.generatedAt);
    await writeMeta(tx, 'demo', { password, accounts: [...world.users, DEMO_ADMIN].filter((u, i, all) => all.findIndex((x) => x.role === u.role) === i).map((u) => ({ username: usernameOf(u.id), role: u.role, name: u.name })) });
    await writeMeta(tx, 'revision', 1);
  });
  return { password, world };
}

/** The sample files, checked against their manifest's hash, into the content-addressed store. */
export async function importSamples(blobs: BlobStore) {
  for (const f of sampleManifest) {
    const bytes = new Uint8Array(await readFile(samplesDir + f.file));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== f.sha256) throw new Error(`public/samples/${f.file} does not match its manifest (run npm run samples)`);
    await blobs.put(sha, bytes, f.mime);
  }
}

/** Everything gone, schema included: the demo reset, and tests between suites. The migrations run again after. */
export async function dropEverything(db: Db) {
  await sql`DROP SCHEMA public CASCADE`.execute(db);
  await sql`CREATE SCHEMA public`.execute(db);
}
