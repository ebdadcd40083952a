import { createHash, randomBytes } from 'node:crypto';
import type { User } from '@/api/schemas';
import type { Db, Tx } from '../db/database';
import { userFromRow } from '../db/records';

export const SESSION_COOKIE = 'jz_session';

export type SessionPolicy = { idleMs: number; absoluteMs: number };
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };

/** The database keeps the token's hash only, so a copy of the table signs no one in. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(tx: Tx, userId: string, now: Date, policy: SessionPolicy): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx
    .insertInto('sessions')
    .values({ id: tokenHash(token), user_id: userId, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + policy.absoluteMs) })
    .execute();
  return token;
}

export type SessionLookup = { kind: 'ok'; user: User; sessionId: string } | { kind: 'none' } | { kind: 'expired' };

/** A session is over after `idleMs` without a request, or `absoluteMs` after sign-in, whichever comes first. */
export async function lookupSession(db: Db, token: string | undefined, now: Date, policy: SessionPolicy): Promise<SessionLookup> {
  if (!token) return { kind: 'none' };
  const id = tokenHash(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sid', 'sessions.last_seen_at', 'sessions.expires_at', 'users.id', 'users.name', 'users.role', 'users.team', 'users.away', 'users.capacity', 'users.disabled'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return { kind: 'none' };
  const t = now.getTime();
  if (row.disabled || Date.parse(row.expires_at) <= t || Date.parse(row.last_seen_at) + policy.idleMs <= t) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { kind: 'expired' };
  }
  // Touched at most once a minute: a busy page must not turn every read into a write.
  if (t - Date.parse(row.last_seen_at) > 60_000) await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  return { kind: 'ok', user: userFromRow(row), sessionId: id };
}

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function sessionCookie(token: string, opts: { secure: boolean; maxAgeSec: number }) {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${opts.maxAgeSec}`, ...(opts.secure ? ['Secure'] : [])].join('; ');
}

export const clearedCookie = (secure: boolean) => sessionCookie('', { secure, maxAgeSec: 0 });
