/**
 * The tamper-evident trail: each event's hash is sha256(previous hash ‖ canonical event). Events are
 * appended in the writing transaction, under the revision lock, so the chain has one order across processes.
 */
import { createHash } from 'node:crypto';
import type { AuditEvent } from '@/api/schemas';
import type { Db, Tx } from './db/database';
import { auditFromRow } from './db/records';

export const GENESIS = '0'.repeat(64);

/**
 * Field order fixed here, never by an object's key order, so the same event always hashes the same (the database
 * keeps `detail` as jsonb, which does not keep key order: its keys are sorted). An event without detail hashes as
 * events did before the column existed.
 */
export const canonicalEvent = (seq: number, e: AuditEvent) => {
  const fields: unknown[] = [seq, e.id, e.at, e.actorId, e.action, e.recordType, bomless(e.recordId), bomless(e.summary), e.reason === null ? null : bomless(e.reason)];
  if (e.detail) fields.push(sortedKeys(e.detail));
  return JSON.stringify(fields);
};

/**
 * PGlite decodes text columns with a TextDecoder, which drops a leading byte-order mark: a note that starts with
 * one reads back without it. The chain hashes the text as every database returns it, so such a note is not
 * reported as tampering.
 */
const bomless = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

const sortedKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortedKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, sortedKeys(x)]),
        )
      : v;

export const chainHash = (prev: string, seq: number, e: AuditEvent) => createHash('sha256').update(prev).update(canonicalEvent(seq, e)).digest('hex');

export async function appendAudit(tx: Tx, events: AuditEvent[]) {
  if (events.length === 0) return;
  const last = await tx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS;
  const rows = events.map((e) => {
    seq += 1;
    const hash = chainHash(prev, seq, e);
    const row = { seq, id: e.id, at: e.at, actor_id: e.actorId, action: e.action, record_type: e.recordType, record_id: e.recordId, summary: e.summary, reason: e.reason, detail: e.detail ? JSON.stringify(e.detail) : null, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insertInto('audit_events').values(rows.slice(i, i + 500)).execute();
}

export type TrailCheck = { ok: boolean; checked: number; firstBroken: { seq: number; id: string; at: string; problem: 'hash' | 'link' | 'sequence' } | null; lastHash: string };

/** Recomputes the whole chain from the first event and names the first one that does not hold. */
export async function verifyTrail(db: Db | Tx): Promise<TrailCheck> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  const PAGE = 5000;
  for (let after = 0; ; ) {
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      const broken = (problem: 'hash' | 'link' | 'sequence'): TrailCheck => ({ ok: false, checked, firstBroken: { seq: row.seq, id: row.id, at: row.at, problem }, lastHash: prev });
      if (row.seq !== expectedSeq) return broken('sequence');
      if (row.prev_hash !== prev) return broken('link');
      if (chainHash(prev, row.seq, auditFromRow(row)) !== row.hash) return broken('hash');
      prev = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].seq;
  }
  return { ok: true, checked, firstBroken: null, lastHash: prev };
}
