import { http } from 'msw';
import { revealRequestSchema } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { piiKey } from '@/domain/world';
import { commit, getDb } from '../store';
import { api, currentUser, fail, findOr404, parseBody, respond } from './http';

export const customerHandlers = [
  http.get(api('/customers/:id'), ({ request, params }) => respond(request, (ctx) => findOr404(ctx, getDb().customers, String(params.id)))),

  /** The only way to a clear value; every reveal is audited with its reason. */
  http.post(api('/pii/reveal'), ({ request }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const body = await parseBody(ctx, revealRequestSchema);
      const user = currentUser(db);
      if (user.role === 'auditor') throw fail(403, 'forbidden', ctx.t('revealForbidden'));
      const value = db.pii[piiKey(body.recordType, body.recordId, body.field)];
      if (value === undefined) throw fail(404, 'not_found', ctx.t('noSuchField'));
      const event = recordAudit(db, {
        actorId: user.id,
        action: 'reveal_pii',
        recordType: body.recordType,
        recordId: body.recordId,
        summary: body.field,
        reason: body.reason,
      });
      await commit();
      return { value, auditEventId: event.id };
    }),
  ),
];
