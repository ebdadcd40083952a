import { afterEach, describe, expect, it } from 'vitest';
import { accountSchema, sessionSchema } from '@/api/schemas';
import { DEFAULT_SESSION_POLICY } from '../auth/sessions';
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from '../routes/host';
import { ORIGIN, PASSWORD, START, USERS, auditCount, client, clock, server, signIn } from './harness';

afterEach(() => {
  clock.now = START;
});

describe('sign-in and sessions', () => {
  it('signs in with the seeded demo account and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const c = client();
    const r = await c.call('POST', '/session', { username: USERS.lead, password: PASSWORD });
    expect(r.status).toBe(200);
    expect(sessionSchema.parse(r.body).user).toMatchObject({ id: 'u-lead-1', role: 'lead' });
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^jz_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const me = await c.call('GET', '/session');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe('u-lead-1');
  });

  it('refuses every route but sign-in without a session, with the contract error body', async () => {
    const anon = client();
    for (const path of ['/session', '/complaints', '/cases', '/users', '/audit', '/board', '/admin/users']) {
      const r = await anon.call('GET', path);
      expect(r.status, path).toBe(401);
      expect(r.body.code).toBe('unauthorized');
      expect(r.body.message).toBe('请先登录。');
    }
    expect((await anon.call('GET', '/demo')).status).toBe(200);
    expect((await anon.call('GET', '/health')).status).toBe(200);
  });

  it('answers a wrong password with one message, whether the name exists or not, and audits both without the typed password', async () => {
    const before = await auditCount();
    const wrong = await client().call('POST', '/session', { username: USERS.analyst2, password: 'nope-nope' });
    const unknown = await client().call('POST', '/session', { username: 'no-such-person', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(await auditCount()).toBe(before + 2);
    const lead = await signIn(USERS.lead);
    const trail = await lead.call('GET', '/audit?action=login_failed&pageSize=5');
    expect(JSON.stringify(trail.body)).not.toContain('nope-nope');
    expect(JSON.stringify(trail.body)).not.toContain('no-such-person');
    // A success resets the count: the earlier failure does not bring analyst-2 closer to a lockout.
    await signIn(USERS.analyst2);
  });

  it(`locks an account for 15 minutes after ${MAX_FAILED_LOGINS} failed sign-ins, even with the right password, and audits the lockout`, async () => {
    const name = 'analyst-3';
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect((await client().call('POST', '/session', { username: name, password: `wrong-${i}` })).status).toBe(401);
    const fifth = await client().call('POST', '/session', { username: name, password: 'wrong-5' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.message).toContain('锁定 15 分钟');
    const right = await client().call('POST', '/session', { username: name, password: PASSWORD });
    expect(right.status).toBe(423);
    clock.now = new Date(START.getTime() + LOCKOUT_MS + 1000);
    expect((await client().call('POST', '/session', { username: name, password: PASSWORD })).status).toBe(200);
    const lead = await signIn(USERS.lead);
    const locks = await lead.call('GET', '/audit?action=account_locked&recordId=u-analyst-3');
    expect(locks.body.total).toBe(1);
  });

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const c = await signIn(USERS.analyst);
    clock.now = new Date(START.getTime() + 29 * 60_000);
    expect((await c.call('GET', '/session')).status).toBe(200);
    clock.now = new Date(clock.now.getTime() + DEFAULT_SESSION_POLICY.idleMs + 1000);
    const idle = await c.call('GET', '/session');
    expect(idle.status).toBe(401);
    expect(idle.body.message).toBe('登录已过期，请重新登录。');

    clock.now = START;
    const d = await signIn(USERS.analyst);
    // Active every 20 minutes, the session still ends at the absolute limit.
    for (let t = 20; t < 12 * 60; t += 20) {
      clock.now = new Date(START.getTime() + t * 60_000);
      expect((await d.call('GET', '/session')).status, `minute ${t}`).toBe(200);
    }
    clock.now = new Date(START.getTime() + DEFAULT_SESSION_POLICY.absoluteMs + 1000);
    expect((await d.call('GET', '/session')).status).toBe(401);
  });

  it('signs out: the cookie is cleared, the session is gone from the database, and the sign-out is audited', async () => {
    const c = await signIn(USERS.auditor);
    const cookie = c.cookie;
    const r = await c.call('DELETE', '/session');
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await client(cookie).call('GET', '/session')).status).toBe(401);
    const lead = await signIn(USERS.lead);
    expect((await lead.call('GET', '/audit?action=logout&actorId=u-auditor-1')).body.total).toBeGreaterThan(0);
  });

  it('refuses a cross-origin write, a write without an Origin, and a form-encoded write (CSRF), changing nothing', async () => {
    const lead = await signIn(USERS.lead);
    const complaint = (await lead.call('GET', '/complaints?pageSize=1')).body.items[0];
    const before = await auditCount();
    const evil = await lead.call('PATCH', `/complaints/${complaint.id}`, { version: complaint.version, note: 'csrf' }, { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.body.message).toContain('跨站');
    const { app } = await server();
    const noOrigin = await app.fetch(
      new Request(`${ORIGIN}/api/complaints/${complaint.id}`, { method: 'PATCH', headers: { cookie: lead.cookie!, 'content-type': 'application/json' }, body: JSON.stringify({ version: complaint.version, note: 'x' }) }),
    );
    expect(noOrigin.status).toBe(403);
    const form = await lead.call('PATCH', `/complaints/${complaint.id}`, undefined, { raw: 'version=1&note=x', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '16' } });
    expect(form.status).toBe(415);
    expect(await auditCount()).toBe(before);
    expect((await lead.call('GET', `/complaints/${complaint.id}`)).body.version).toBe(complaint.version);
  });

  it('answers every API response with security headers', async () => {
    const lead = await signIn(USERS.lead);
    const r = await lead.call('GET', '/complaints?pageSize=1');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(r.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('accounts (admin)', () => {
  it('lets the admin create an account that can sign in, and refuses a duplicate name', async () => {
    const admin = await signIn(USERS.admin);
    const r = await admin.call('POST', '/admin/users', { username: 'chen.li', name: '陈立', role: 'analyst', team: '消保一组', capacity: 20, password: 'a long enough password' });
    expect(r.status).toBe(200);
    const account = accountSchema.parse(r.body);
    expect(account).toMatchObject({ username: 'chen.li', role: 'analyst', disabled: false });
    expect(JSON.stringify(r.body)).not.toContain('password');
    expect((await admin.call('POST', '/admin/users', { username: 'chen.li', name: 'x', role: 'lead', password: 'a long enough password' })).status).toBe(409);
    const chen = await signIn('chen.li', 'a long enough password');
    expect((await chen.call('GET', '/session')).body.user.name).toBe('陈立');
    // The new person is on the team list at once, for assignment.
    expect((await chen.call('GET', '/users')).body.some((u: { id: string }) => u.id === account.id)).toBe(true);
  });

  it('rejects a short password and a malformed username with a message naming the field', async () => {
    const admin = await signIn(USERS.admin);
    const short = await admin.call('POST', '/admin/users', { username: 'ok.name', name: 'x', role: 'analyst', password: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.message).toContain('password');
    const bad = await admin.call('POST', '/admin/users', { username: '../etc', name: 'x', role: 'analyst', password: 'a long enough password' });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toContain('username');
  });

  it('disables an account: it is signed out at once, cannot sign in, and still names its history', async () => {
    const admin = await signIn(USERS.admin);
    const target = await signIn('analyst-6');
    const list = (await admin.call('GET', '/admin/users')).body as { id: string; version: number }[];
    const account = list.find((a) => a.id === 'u-analyst-6')!;
    const r = await admin.call('PATCH', '/admin/users/u-analyst-6', { version: account.version, disabled: true });
    expect(r.status).toBe(200);
    expect(r.body.disabled).toBe(true);
    expect((await target.call('GET', '/session')).status).toBe(401);
    expect((await client().call('POST', '/session', { username: 'analyst-6', password: PASSWORD })).status).toBe(403);
    expect((await admin.call('GET', '/users')).body.some((u: { id: string }) => u.id === 'u-analyst-6')).toBe(true);
    // A stale version is a conflict with the current account, not an overwrite.
    const stale = await admin.call('PATCH', '/admin/users/u-analyst-6', { version: account.version, disabled: false });
    expect(stale.status).toBe(409);
    expect(stale.body.current.disabled).toBe(true);
    await admin.call('PATCH', '/admin/users/u-analyst-6', { version: r.body.version, disabled: false });
  });

  it('resets a password: the old one stops working and every session of the account ends', async () => {
    const admin = await signIn(USERS.admin);
    const old = await signIn('analyst-7');
    const account = ((await admin.call('GET', '/admin/users')).body as { id: string; version: number }[]).find((a) => a.id === 'u-analyst-7')!;
    const r = await admin.call('POST', '/admin/users/u-analyst-7/password', { version: account.version, password: 'a brand new password' });
    expect(r.status).toBe(200);
    expect((await old.call('GET', '/session')).status).toBe(401);
    expect((await client().call('POST', '/session', { username: 'analyst-7', password: PASSWORD })).status).toBe(401);
    await signIn('analyst-7', 'a brand new password');
  });

  it('keeps the last administrator', async () => {
    const admin = await signIn(USERS.admin);
    const me = ((await admin.call('GET', '/admin/users')).body as { id: string; version: number }[]).find((a) => a.id === 'u-admin-1')!;
    const r = await admin.call('PATCH', '/admin/users/u-admin-1', { version: me.version, role: 'lead' });
    expect(r.status).toBe(422);
  });

  it('lets only the admin manage accounts', async () => {
    for (const name of [USERS.analyst, USERS.lead, USERS.auditor]) {
      const c = await signIn(name);
      expect((await c.call('GET', '/admin/users')).status, name).toBe(403);
      expect((await c.call('POST', '/admin/users', { username: 'x.y', name: 'x', role: 'admin', password: 'a long enough password' })).status, name).toBe(403);
    }
  });
});

describe('the demo reset', () => {
  it('is the admin’s alone: it restores the seed, ends every session and is the first event of the new trail', async () => {
    const lead = await signIn(USERS.lead);
    // A seeded complaint: one that other files' demo waves added would be gone after the reset, not restored.
    const row = (await lead.call('GET', '/complaints/cmp-000001')).body;
    const noted = await lead.call('PATCH', `/complaints/${row.id}`, { version: row.version, note: '重置前的备注' });
    expect(noted.status).toBe(200);
    for (const name of [USERS.analyst, USERS.lead, USERS.auditor]) {
      const r = await (await signIn(name)).call('POST', '/demo/reset');
      expect(r.status, name).toBe(403);
      expect(r.body.code).toBe('forbidden');
    }
    const admin = await signIn(USERS.admin);
    const reset = await admin.call('POST', '/demo/reset');
    expect(reset.status).toBe(200);
    expect((await lead.call('GET', '/session')).status).toBe(401);
    const again = await signIn(USERS.lead);
    const restored = (await again.call('GET', `/complaints/${row.id}`)).body;
    expect(restored.version).toBeLessThan(noted.body.version);
    expect(restored.notes.some((n: { text: string }) => n.text === '重置前的备注')).toBe(false);
    const trail = (await (await signIn(USERS.auditor)).call('GET', '/audit?action=demo_reset')).body;
    expect(trail.items[0]).toMatchObject({ actorId: 'u-admin-1', action: 'demo_reset' });
  });
});
