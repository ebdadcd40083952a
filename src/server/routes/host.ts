/**
 * Routes only the server host has: sign-in and sign-out, accounts, the trail's verification, the demo's
 * reset. Each write runs through the world store, so it is one transaction with its audit event.
 */
import type { Context } from 'hono';
import { demoWaveSchema, accountCreateSchema, accountPatchSchema, loginSchema, passwordResetSchema, type Account, type AuditDetail, type DemoInfo, type User } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import type { Services } from '../app';
import { verifyTrail } from '../audit';
import { demoWave } from '../seed/wave';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { clearedCookie, createSession, sessionCookie } from '../auth/sessions';
import { readMeta } from '../db/records';
import type { Tx } from '../db/database';
import { fail, jsonResponse, parseBody, type Method, type Translate } from '../http';
import type { Lang } from '../messages';

export type HostCtx = {
  c: Context;
  request: Request;
  lang: Lang;
  t: Translate;
  user: User | null;
  sessionId: string | null;
  params: Record<string, string>;
  services: Services;
};
export type HostRoute = { method: Method; path: string; handle: (ctx: HostCtx) => unknown };

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** Verified against when the username is unknown, so a wrong name takes as long as a wrong password. */
let dummyHash: Promise<string> | null = null;

type DemoMeta = { password: string; accounts: DemoInfo['accounts'] };

const signedIn = (ctx: HostCtx): User => {
  if (!ctx.user) throw fail(401, 'unauthorized', ctx.t('signInRequired'));
  return ctx.user;
};
const requireAdmin = (ctx: HostCtx): User => {
  const user = signedIn(ctx);
  if (user.role !== 'admin') throw fail(403, 'forbidden', ctx.t('needsAdmin'));
  return user;
};

type AccountRow = { id: string; username: string; name: string; role: string; team: string; capacity: number; away: boolean; disabled: boolean; locked_until: string | null; created_at: string; version: number };
const accountOf = (r: AccountRow, now: Date): Account => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role as Account['role'],
  team: r.team,
  capacity: r.capacity,
  away: r.away,
  disabled: r.disabled,
  lockedUntil: r.locked_until && Date.parse(r.locked_until) > now.getTime() ? r.locked_until : null,
  createdAt: r.created_at,
  version: r.version,
});
const ACCOUNT_COLUMNS = ['id', 'username', 'name', 'role', 'team', 'capacity', 'away', 'disabled', 'locked_until', 'created_at', 'version'] as const;

async function activeAdmins(tx: Tx, except: string) {
  const rows = await tx.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', false).where('id', '!=', except).execute();
  return rows.length;
}

type LoginOutcome = { kind: 'ok'; token: string; user: User } | { kind: 'refused'; status: number; key: 'loginFailed' | 'accountLocked' | 'accountDisabled' };

export const hostRoutes: HostRoute[] = [
  { method: 'GET', path: '/health', handle: () => ({ ok: true }) },

  {
    method: 'GET',
    path: '/session',
    handle: (ctx) => ({ user: signedIn(ctx), demo: false }),
  },

  {
    method: 'POST',
    path: '/session',
    handle: async (ctx) => {
      const body = await parseBody(ctx, loginSchema);
      const { services } = ctx;
      const now = services.now();
      const row = await services.database.db.selectFrom('users').selectAll().where('username', '=', body.username.toLowerCase()).executeTakeFirst();
      // The slow hash runs before the transaction, so sign-ins never hold the write lock while hashing.
      const passwordOk = row ? await verifyPassword(body.password, row.password_hash) : await verifyPassword(body.password, await (dummyHash ??= hashPassword('not a password')));
      const outcome = await services.worlds.write<LoginOutcome>(async (world, tx) => {
        const audit = (actorId: string, action: 'login' | 'login_failed' | 'account_locked', summary: string, detail: AuditDetail) =>
          recordAudit(world, { actorId, action, recordType: 'user', recordId: actorId, summary, detail }, now);
        if (!row) {
          // The typed name is not recorded: people type passwords into the name field.
          recordAudit(world, { actorId: 'anonymous', action: 'login_failed', recordType: 'system', recordId: 'login', summary: 'unknown username', detail: { kind: 'signInFailed', from: 'unknownUser' } }, now);
          return { kind: 'refused', status: 401, key: 'loginFailed' };
        }
        const fresh = await tx.selectFrom('users').select(['failed_logins', 'locked_until', 'disabled']).where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
        if (fresh.disabled) {
          audit(row.id, 'login_failed', 'account disabled', { kind: 'signInFailed', from: 'disabled' });
          return { kind: 'refused', status: 403, key: 'accountDisabled' };
        }
        if (fresh.locked_until && Date.parse(fresh.locked_until) > now.getTime()) {
          audit(row.id, 'login_failed', 'account locked', { kind: 'signInFailed', from: 'locked' });
          return { kind: 'refused', status: 423, key: 'accountLocked' };
        }
        if (!passwordOk) {
          const failures = fresh.failed_logins + 1;
          audit(row.id, 'login_failed', `wrong password (${failures}/${MAX_FAILED_LOGINS})`, { kind: 'signInFailed', from: 'wrongPassword', count: failures });
          if (failures >= MAX_FAILED_LOGINS) {
            await tx.updateTable('users').set({ failed_logins: 0, locked_until: new Date(now.getTime() + LOCKOUT_MS) }).where('id', '=', row.id).execute();
            audit(row.id, 'account_locked', `${MAX_FAILED_LOGINS} failed sign-ins: locked for 15 minutes`, { kind: 'accountLocked', count: MAX_FAILED_LOGINS });
            return { kind: 'refused', status: 423, key: 'accountLocked' };
          }
          await tx.updateTable('users').set({ failed_logins: failures }).where('id', '=', row.id).execute();
          return { kind: 'refused', status: 401, key: 'loginFailed' };
        }
        await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
        const token = await createSession(tx, row.id, now, services.sessions);
        audit(row.id, 'login', 'signed in', { kind: 'signedIn' });
        const user = world.users.find((u) => u.id === row.id)!;
        return { kind: 'ok', token, user };
      });
      if (outcome.kind === 'refused') return jsonResponse({ code: outcome.status === 401 ? 'unauthorized' : 'forbidden', message: ctx.t(outcome.key) }, outcome.status);
      return jsonResponse({ user: outcome.user, demo: false }, 200, {
        'Set-Cookie': sessionCookie(outcome.token, { secure: !!services.secureCookies, maxAgeSec: Math.floor(services.sessions.absoluteMs / 1000) }),
      });
    },
  },

  {
    method: 'DELETE',
    path: '/session',
    handle: async (ctx) => {
      const user = ctx.user;
      if (user && ctx.sessionId) {
        const sessionId = ctx.sessionId;
        await ctx.services.worlds.write(async (world, tx) => {
          await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
          recordAudit(world, { actorId: user.id, action: 'logout', recordType: 'user', recordId: user.id, summary: 'signed out', detail: { kind: 'signedOut' } }, ctx.services.now());
        });
      }
      return jsonResponse({ ok: true }, 200, { 'Set-Cookie': clearedCookie(!!ctx.services.secureCookies) });
    },
  },

  {
    method: 'GET',
    path: '/demo',
    handle: async (ctx): Promise<DemoInfo> => {
      const demo = await readMeta<DemoMeta>(ctx.services.database.db, 'demo');
      return demo ? { demo: true, password: demo.password, accounts: demo.accounts } : { demo: false, password: null, accounts: [] };
    },
  },

  {
    method: 'POST',
    path: '/demo/reset',
    handle: async (ctx) => {
      const admin = requireAdmin(ctx);
      const { services } = ctx;
      const demo = await readMeta<DemoMeta>(services.database.db, 'demo');
      if (!demo || !services.reseed) throw fail(404, 'not_found', ctx.t('demoOnly'));
      await services.reseed();
      services.worlds.invalidate();
      await services.worlds.write((world) => {
        recordAudit(world, { actorId: admin.id, action: 'demo_reset', recordType: 'system', recordId: 'demo', summary: 'demo data restored from seed', detail: { kind: 'demoReset' } }, services.now());
      });
      // Every session went with the old data, this one included.
      return jsonResponse({ ok: true }, 200, { 'Set-Cookie': clearedCookie(!!services.secureCookies) });
    },
  },

  {
    method: 'POST',
    path: '/demo/wave',
    handle: async (ctx) => {
      const user = signedIn(ctx);
      const body = await parseBody(ctx, demoWaveSchema);
      const { services } = ctx;
      if (!(await readMeta<DemoMeta>(services.database.db, 'demo'))) throw fail(404, 'not_found', ctx.t('demoOnly'));
      return services.worlds.write((world) => demoWave(world, body, user, services.now(), ctx.t));
    },
  },

  {
    method: 'POST',
    path: '/audit/verify',
    handle: async (ctx) => {
      const user = signedIn(ctx);
      if (user.role !== 'auditor' && user.role !== 'admin') throw fail(403, 'forbidden', ctx.t('verifyNeedsAuditor'));
      const { services } = ctx;
      return services.worlds.write(async (world, tx) => {
        const check = await verifyTrail(tx);
        const summary = check.ok ? `chain intact: ${check.checked} events` : `chain broken at #${check.firstBroken!.seq} (${check.firstBroken!.id}, ${check.firstBroken!.problem})`;
        const detail: AuditDetail = check.ok
          ? { kind: 'trailVerified', to: 'ok', count: check.checked }
          : { kind: 'trailVerified', to: 'broken', count: check.checked, text: `#${check.firstBroken!.seq} (${check.firstBroken!.id})` };
        const event = recordAudit(world, { actorId: user.id, action: 'trail_verify', recordType: 'system', recordId: 'audit', summary, detail }, services.now());
        return { ok: check.ok, checked: check.checked, firstBroken: check.firstBroken, auditEventId: event.id };
      });
    },
  },

  {
    method: 'GET',
    path: '/admin/users',
    handle: async (ctx) => {
      requireAdmin(ctx);
      const rows = await ctx.services.database.db.selectFrom('users').select(ACCOUNT_COLUMNS).orderBy('id').execute();
      return rows.map((r) => accountOf(r, ctx.services.now()));
    },
  },

  {
    method: 'POST',
    path: '/admin/users',
    handle: async (ctx) => {
      const admin = requireAdmin(ctx);
      const body = await parseBody(ctx, accountCreateSchema);
      const { services } = ctx;
      const hash = await hashPassword(body.password);
      const account = await services.worlds.write(async (world, tx) => {
        const taken = await tx.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst();
        if (taken) throw fail(409, 'conflict', ctx.t('usernameTaken'));
        const id = `u-${body.username}`;
        if (world.users.some((u) => u.id === id)) throw fail(409, 'conflict', ctx.t('usernameTaken'));
        const row = await tx
          .insertInto('users')
          .values({ id, username: body.username, name: body.name, role: body.role, team: body.team, capacity: body.capacity, away: false, password_hash: hash })
          .returning(ACCOUNT_COLUMNS)
          .executeTakeFirstOrThrow();
        recordAudit(world, { actorId: admin.id, action: 'user_create', recordType: 'user', recordId: id, summary: `${body.username} (${body.role}, ${body.team || '—'})`, detail: { kind: 'userCreated', text: body.username, to: body.role } }, services.now());
        return accountOf(row, services.now());
      });
      services.worlds.invalidate();
      return account;
    },
  },

  {
    method: 'PATCH',
    path: '/admin/users/:id',
    handle: async (ctx) => {
      const admin = requireAdmin(ctx);
      const body = await parseBody(ctx, accountPatchSchema);
      const { services } = ctx;
      const id = ctx.params.id;
      const account = await services.worlds.write(async (world, tx) => {
        const current = await tx.selectFrom('users').select(ACCOUNT_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!current) throw fail(404, 'not_found', ctx.t('notFound'));
        if (current.version !== body.version) throw fail(409, 'conflict', ctx.t('conflict'), accountOf(current, services.now()));
        const losingAdmin = current.role === 'admin' && !current.disabled && ((body.role && body.role !== 'admin') || body.disabled === true);
        if (losingAdmin && (await activeAdmins(tx, id)) === 0) throw fail(422, 'validation', ctx.t('lastAdmin'));
        const { version, ...fields } = body;
        const changes = Object.entries(fields).filter(([k, v]) => v !== undefined && v !== (current as Record<string, unknown>)[k]);
        const row = await tx
          .updateTable('users')
          .set({ ...fields, version: version + 1 })
          .where('id', '=', id)
          .where('version', '=', version)
          .returning(ACCOUNT_COLUMNS)
          .executeTakeFirstOrThrow();
        // A disabled account is signed out everywhere at once; its history stays attributed to it.
        if (body.disabled) await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
        recordAudit(world, { actorId: admin.id, action: 'user_update', recordType: 'user', recordId: id, summary: changes.map(([k, v]) => `${k}: ${String(v)}`).join(', ') || 'no change', detail: { kind: 'userUpdated', ids: changes.map(([k]) => k) } }, services.now());
        return accountOf(row, services.now());
      });
      services.worlds.invalidate();
      return account;
    },
  },

  {
    method: 'POST',
    path: '/admin/users/:id/password',
    handle: async (ctx) => {
      const admin = requireAdmin(ctx);
      const body = await parseBody(ctx, passwordResetSchema);
      const { services } = ctx;
      const id = ctx.params.id;
      const hash = await hashPassword(body.password);
      return services.worlds.write(async (world, tx) => {
        const row = await tx
          .updateTable('users')
          .set({ password_hash: hash, failed_logins: 0, locked_until: null, version: body.version + 1 })
          .where('id', '=', id)
          .where('version', '=', body.version)
          .returning(ACCOUNT_COLUMNS)
          .executeTakeFirst();
        if (!row) {
          const exists = await tx.selectFrom('users').select(ACCOUNT_COLUMNS).where('id', '=', id).executeTakeFirst();
          if (!exists) throw fail(404, 'not_found', ctx.t('notFound'));
          throw fail(409, 'conflict', ctx.t('conflict'), accountOf(exists, services.now()));
        }
        // The old password may be known to someone else: every session of the account ends.
        await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
        recordAudit(world, { actorId: admin.id, action: 'password_reset', recordType: 'user', recordId: id, summary: 'password reset by an administrator', detail: { kind: 'passwordReset' } }, services.now());
        return accountOf(row, services.now());
      });
    },
  },
];
