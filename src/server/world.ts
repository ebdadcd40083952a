/**
 * The rules run over plain records (src/domain); this module hands them the records from the database
 * and writes back what a route changed, in the route's transaction, with its audit events.
 *
 * The records are read once and kept while the database's revision is unchanged: every write bumps it in
 * the same transaction, and every request compares it first, so a process never answers from records
 * another process has changed since. Writes take the revision row's lock, so they apply one at a time
 * across every process; each changed record is written with `WHERE version = <the version read>`.
 */
import { sql } from 'kysely';
import type { AuditEvent } from '@/api/schemas';
import type { World } from '@/domain/world';
import type { Db, Tx } from './db/database';
import { caseColumns, complaintColumns, customerColumns, entityColumns, evidenceColumns, layoutColumns, linkColumns, loadWorld, referralColumns } from './db/records';
import { appendAudit } from './audit';
import { fail } from './http';

type Keyed = { id: string };
type Tracked = 'customers' | 'complaints' | 'evidence' | 'entities' | 'links' | 'cases' | 'referrals' | 'users';
const TRACKED: Tracked[] = ['users', 'customers', 'cases', 'complaints', 'evidence', 'entities', 'links', 'referrals'];

type Snapshot = {
  revision: number;
  world: World;
  /** Each record as JSON when read: a record whose JSON differs after a route ran is written back. */
  seen: Record<Tracked, Map<string, string>>;
  layouts: Map<string, string>;
  piiKeys: number;
  auditCount: number;
};

export class Conflict extends Error {}

function fingerprint(world: World, revision: number): Snapshot {
  const seen = {} as Snapshot['seen'];
  for (const name of TRACKED) seen[name] = new Map((world[name] as Keyed[]).map((r) => [r.id, JSON.stringify(r)]));
  const layouts = new Map(Object.entries(world.graphLayouts ?? {}).map(([k, v]) => [k, JSON.stringify(v)]));
  return { revision, world, seen, layouts, piiKeys: Object.keys(world.pii).length, auditCount: world.audit.length };
}

async function revisionOf(db: Db | Tx, lock: boolean): Promise<number> {
  const q = sql<{ value: number }>`SELECT value FROM meta WHERE key = 'revision' ${lock ? sql`FOR UPDATE` : sql``}`;
  const row = (await q.execute(db)).rows[0];
  return Number(row?.value ?? 0);
}

/** One process's view of the records, and the only way routes reach them. */
export class WorldStore {
  private snapshot: Snapshot | null = null;
  /** Routes mutate the records in place: one route at a time in this process, across its awaits. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Db) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async current(db: Db | Tx, revision: number): Promise<Snapshot> {
    if (!this.snapshot || this.snapshot.revision !== revision) this.snapshot = fingerprint(await loadWorld(db), revision);
    return this.snapshot;
  }

  /** Forget the records (after a reset, or a failed write that may have changed them in memory). */
  invalidate() {
    this.snapshot = null;
  }

  read<T>(work: (world: World, revision: number) => T | Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const snap = await this.current(this.db, await revisionOf(this.db, false));
      return work(snap.world, snap.revision);
    });
  }

  /**
   * Runs a command: the route's checks and changes over the records, then every changed record and
   * every new audit event written in one transaction. Anything thrown rolls back all of it.
   */
  write<T>(work: (world: World, tx: Tx, revision: number) => T | Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      try {
        return await this.db.transaction().execute(async (tx) => {
          const revision = await revisionOf(tx, true);
          const snap = await this.current(tx, revision);
          const result = await work(snap.world, tx, revision);
          const changed = await persist(tx, snap);
          if (changed) {
            await sql`UPDATE meta SET value = to_jsonb(${revision + 1}::bigint) WHERE key = 'revision'`.execute(tx);
            snap.revision = revision + 1;
          }
          return result;
        });
      } catch (e) {
        // The route may have changed records in memory before it failed: read them again next time.
        this.snapshot = null;
        throw e;
      }
    });
  }
}

/** Writes what differs from the snapshot; answers whether anything did. Updates the snapshot to match. */
async function persist(tx: Tx, snap: Snapshot): Promise<boolean> {
  const { world } = snap;
  let changed = false;
  for (const name of TRACKED) {
    const seen = snap.seen[name];
    const records = world[name] as (Keyed & { version?: number })[];
    const present = new Set<string>();
    for (const record of records) {
      present.add(record.id);
      const json = JSON.stringify(record);
      const before = seen.get(record.id);
      if (before === json) continue;
      changed = true;
      const oldVersion = before === undefined ? null : (JSON.parse(before) as { version?: number }).version;
      await writeRecord(tx, name, record, before === undefined, oldVersion ?? null);
      seen.set(record.id, json);
    }
    for (const id of [...seen.keys()])
      if (!present.has(id)) {
        changed = true;
        if (name === 'users') throw new Error('accounts are disabled, never deleted');
        await tx.deleteFrom(name).where('id', '=', id).execute();
        seen.delete(id);
      }
  }
  for (const [caseId, layout] of Object.entries(world.graphLayouts ?? {})) {
    const json = JSON.stringify(layout);
    const before = snap.layouts.get(caseId);
    if (before === json) continue;
    changed = true;
    const cols = layoutColumns(layout);
    if (before === undefined) await tx.insertInto('graph_layouts').values(cols).execute();
    else {
      const r = await tx.updateTable('graph_layouts').set(cols).where('case_id', '=', caseId).where('version', '=', (JSON.parse(before) as { version: number }).version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new Conflict(`graph layout ${caseId}`);
    }
    snap.layouts.set(caseId, json);
  }
  const piiEntries = Object.entries(world.pii);
  if (piiEntries.length !== snap.piiKeys) {
    changed = true;
    // Clear values are only ever added (a new record's personal data), never rewritten.
    const rows = piiEntries.map(([key, value]) => ({ key, value }));
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('pii')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    snap.piiKeys = piiEntries.length;
  }
  if (world.audit.length !== snap.auditCount) {
    if (world.audit.length < snap.auditCount) throw new Error('audit events are never removed');
    changed = true;
    const fresh: AuditEvent[] = world.audit.slice(snap.auditCount);
    await appendAudit(tx, fresh);
    snap.auditCount = world.audit.length;
  }
  return changed;
}

async function writeRecord(tx: Tx, name: Tracked, record: Keyed & { version?: number }, isNew: boolean, oldVersion: number | null) {
  const cols = columnsOf(name, record);
  if (isNew) {
    if (name === 'users') throw new Error('accounts are created by the account service');
    await tx
      .insertInto(name)
      .values(cols as never)
      .execute();
    return;
  }
  if (name === 'users') {
    const u = record as unknown as { id: string; name: string; role: string; team: string; capacity: number; away: boolean };
    await tx.updateTable('users').set({ name: u.name, role: u.role, team: u.team, capacity: u.capacity, away: u.away, version: sql`version + 1` }).where('id', '=', u.id).execute();
    return;
  }
  let q = tx.updateTable(name).set(cols as never).where('id', '=', record.id);
  if (oldVersion !== null && 'version' in cols) q = q.where('version' as never, '=', oldVersion as never);
  const r = await q.executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Conflict(`${name} ${record.id}`);
}

function columnsOf(name: Tracked, record: unknown): Record<string, unknown> {
  switch (name) {
    case 'complaints':
      return complaintColumns(record as never);
    case 'cases':
      return caseColumns(record as never);
    case 'evidence':
      return evidenceColumns(record as never);
    case 'referrals':
      return referralColumns(record as never);
    case 'customers':
      return customerColumns(record as never);
    case 'entities':
      return entityColumns(record as never);
    case 'links':
      return linkColumns(record as never);
    case 'users':
      return {};
  }
}

/** A Conflict raised while persisting becomes the contract's 409: someone changed the record meanwhile. */
export const conflictFailure = (message: string) => fail(409, 'conflict', message);
