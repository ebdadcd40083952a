import { http } from 'msw';
import { sessionSwitchSchema } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { commit, getDb, resetToSeed } from '../store';
import { api, currentUser, fail, parseBody, respond } from './http';

export const sessionHandlers = [
  http.get(api('/session'), ({ request }) => respond(request, () => ({ user: currentUser(getDb()), demo: true }))),

  // Demo only: a real backend takes the user from its login session.
  http.put(api('/session'), ({ request }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const { userId } = await parseBody(ctx, sessionSwitchSchema);
      const user = db.users.find((u) => u.id === userId);
      if (!user) throw fail(422, 'validation', ctx.t('unknownUser'));
      db.session.userId = user.id;
      recordAudit(db, { actorId: user.id, action: 'session_switch', recordType: 'user', recordId: user.id, summary: `demo role ${user.role}` });
      await commit();
      return { user, demo: true };
    }),
  ),

  http.get(api('/users'), ({ request }) => respond(request, () => getDb().users)),

  http.post(api('/demo/reset'), ({ request }) =>
    respond(request, async () => {
      const db = await resetToSeed();
      recordAudit(db, { actorId: db.session.userId, action: 'demo_reset', recordType: 'system', recordId: 'demo', summary: 'demo data restored from seed' });
      await commit();
      return { ok: true };
    }),
  ),
];
