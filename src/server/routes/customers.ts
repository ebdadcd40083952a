import { revealRequestSchema } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { piiKey } from '@/domain/world';
import { fail, findOr404, get, parseBody, post, type Route } from '../http';

export const customersRoutes: Route[] = [
  get('/customers/:id', (ctx) => findOr404(ctx, ctx.db.customers, String(ctx.params.id))),

  /** The only way to a clear value; every reveal is audited with its reason. */
  post('/pii/reveal', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, revealRequestSchema);
    const user = ctx.user;
    if (user.role === 'auditor') throw fail(403, 'forbidden', ctx.t('revealForbidden'));
    // Administrators manage accounts, not cases: minimum necessary keeps clear personal data from them.
    if (user.role === 'admin') throw fail(403, 'forbidden', ctx.t('adminNoCasework'));
    const value = db.pii[piiKey(body.recordType, body.recordId, body.field)];
    if (value === undefined) throw fail(404, 'not_found', ctx.t('noSuchField'));
    const event = recordAudit(db, {
      actorId: user.id,
      action: 'reveal_pii',
      recordType: body.recordType,
      recordId: body.recordId,
      summary: body.field,
      reason: body.reason,
      detail: { kind: 'piiRevealed', to: body.field },
    });
    return { value, auditEventId: event.id };
  }),
];
