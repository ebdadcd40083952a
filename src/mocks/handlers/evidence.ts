import { http } from 'msw';
import { verdictPatchSchema } from '@/api/schemas';
import { recordAudit } from '../auditLog';
import { commit, getDb } from '../store';
import { api, checkVersion, findOr404, parseBody, requireWriter, respond } from './http';

export const evidenceHandlers = [
  http.get(api('/evidence'), ({ request }) =>
    respond(request, () => {
      const params = new URL(request.url).searchParams;
      const complaintId = params.get('complaintId');
      const caseId = params.get('caseId');
      const db = getDb();
      if (caseId) {
        const kase = db.cases.find((c) => c.id === caseId);
        const ids = new Set(kase?.evidenceIds ?? []);
        return db.evidence.filter((e) => e.caseId === caseId || ids.has(e.id));
      }
      if (complaintId) return db.evidence.filter((e) => e.complaintId === complaintId);
      return db.evidence.slice(0, 200);
    }),
  ),

  http.get(api('/evidence/:id'), ({ request, params }) => respond(request, (ctx) => findOr404(ctx, getDb().evidence, String(params.id)))),

  http.put(api('/evidence/:id/verdict'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const body = await parseBody(ctx, verdictPatchSchema);
      const item = findOr404(ctx, db.evidence, String(params.id));
      const user = requireWriter(ctx, db);
      checkVersion(ctx, item, body.version);
      const at = new Date().toISOString();
      item.verdict = { status: body.status, reason: body.reason, method: body.method, byId: user.id, at };
      item.custody.push({ at, actorId: user.id, action: 'verdict', detail: `${body.status}: ${body.reason}` });
      item.version += 1;
      recordAudit(db, { actorId: user.id, action: 'verdict', recordType: 'evidence', recordId: item.id, summary: body.status, reason: `${body.reason}（${body.method}）` });
      await commit();
      return item;
    }),
  ),
];
