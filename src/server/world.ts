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
import { caseColumns, complaintColumns, customerColumns, entityColumns, evidenceColumns, institutionColumns, layoutColumns, linkColumns, alertColumns, alertRuleColumns, loadWorld, referralColumns, sharingColumns } from './db/records';
import { appendAudit } from './audit';
import { HttpFailure, fail } from './http';
import { TRACKED, Tracker, baselineOf, undo, type Changes, type Keyed, type Tracked } from './tracker';

/** Collections whose table is not named after them. */
const TABLE: Partial<Record<Tracked, 'sharing_sessions' | 'alert_rules'>> = { sharing: 'sharing_sessions', alertRules: 'alert_rules' };
const tableOf = (name: Tracked) => TABLE[name] ?? (name as Exclude<Tracked, 'sharing' | 'alertRules'>);

type Snapshot = {
  revision: number;
  world: World;
  layouts: Map<string, string>;
  auditCount: number;
  tracker: Tracker;
};

export class Conflict extends Error {}

function snapshotOf(world: World, revision: number): Snapshot {
  return { revision, world, ...baselineOf(world), tracker: new Tracker(world) };
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
    if (!this.snapshot || this.snapshot.revision !== revision) this.snapshot = snapshotOf(await loadWorld(db), revision);
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
          const changes = snap.tracker.begin();
          try {
            const result = await work(snap.tracker.view, tx, revision);
            const changed = await persist(tx, snap, changes);
            if (changed) {
              await sql`UPDATE meta SET value = to_jsonb(${revision + 1}::bigint) WHERE key = 'revision'`.execute(tx);
              snap.revision = revision + 1;
            }
            return result;
          } catch (e) {
            undo(snap.world, changes, snap);
            throw e;
          } finally {
            snap.tracker.end();
          }
        });
      } catch (e) {
        // Records put back, but the counters a half-persisted command moved are not: when in doubt, read again.
        if (!(e instanceof HttpFailure) && !(e instanceof Conflict)) this.snapshot = null;
        throw e;
      }
    });
  }
}

/** Writes what the command changed; answers whether it changed anything. Updates the snapshot to match. */
async function persist(tx: Tx, snap: Snapshot, changes: Changes): Promise<boolean> {
  const { world } = snap;
  let changed = false;
  for (const name of TRACKED) {
    const records = changes.records.get(name)!;
    const before = changes.members.get(name);
    const inserted = new Set<string>();
    if (before) {
      const now = world[name] as (Keyed & { version?: number })[];
      const had = new Set(before.map((r) => r.id));
      const has = new Set(now.map((r) => r.id));
      for (const record of now)
        if (!had.has(record.id)) {
          changed = true;
          inserted.add(record.id);
          await writeRecord(tx, name, record, true, null);
        }
      for (const id of had)
        if (!has.has(id)) {
          changed = true;
          if (name === 'users') throw new Error('accounts are disabled, never deleted');
          inserted.add(id);
          await tx.deleteFrom(tableOf(name)).where('id', '=', id).execute();
        }
    }
    for (const { record, before: json, version } of records.values()) {
      if (inserted.has(record.id) || JSON.stringify(record) === json) continue;
      changed = true;
      await writeRecord(tx, name, record, false, version);
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
  if (changes.pii.size) {
    changed = true;
    const rows = [...changes.pii].map(([key, value]) => ({ key, value }));
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('pii')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
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
      .insertInto(tableOf(name))
      .values(cols as never)
      .execute();
    return;
  }
  if (name === 'users') {
    const u = record as unknown as { id: string; name: string; role: string; team: string; capacity: number; away: boolean };
    await tx.updateTable('users').set({ name: u.name, role: u.role, team: u.team, capacity: u.capacity, away: u.away, version: sql`version + 1` }).where('id', '=', u.id).execute();
    return;
  }
  let q = tx.updateTable(tableOf(name)).set(cols as never).where('id', '=', record.id);
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
    case 'institutions':
      return institutionColumns(record as never);
    case 'sharing':
      return sharingColumns(record as never);
    case 'alerts':
      return alertColumns(record as never);
    case 'alertRules':
      return alertRuleColumns(record as never);
    case 'users':
      return {};
  }
}

/** A Conflict raised while persisting becomes the contract's 409: someone changed the record meanwhile. */
export const conflictFailure = (message: string) => fail(409, 'conflict', message);
