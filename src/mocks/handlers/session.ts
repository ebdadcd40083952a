import { demoWaveSchema, sessionSwitchSchema } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { fail, get, parseBody, post, put, type Route } from '@/server/http';
import { demoWave } from '@/server/seed/wave';
import { resetToSeed } from '../store';

/** The demo host's own session: a role switch instead of a sign-in, and a reset to the seed. */
export const demoSessionRoutes: Route[] = [
  get('/session', (ctx) => ({ user: ctx.user, demo: true })),

  put('/session', async (ctx) => {
    const db = ctx.db;
    const { userId } = await parseBody(ctx, sessionSwitchSchema);
    const user = db.users.find((u) => u.id === userId);
    if (!user) throw fail(422, 'validation', ctx.t('unknownUser'));
    db.session.userId = user.id;
    recordAudit(db, { actorId: user.id, action: 'session_switch', recordType: 'user', recordId: user.id, summary: `demo role ${user.role}`, detail: { kind: 'roleSwitched', to: user.role } });
    return { user, demo: true };
  }),

  post('/demo/wave', async (ctx) => demoWave(ctx.db, await parseBody(ctx, demoWaveSchema), ctx.user, ctx.now(), ctx.t)),

  post('/demo/reset', async () => {
    const db = await resetToSeed();
    recordAudit(db, { actorId: db.session.userId, action: 'demo_reset', recordType: 'system', recordId: 'demo', summary: 'demo data restored from seed', detail: { kind: 'demoReset' } });
    return { ok: true };
  }),
];
