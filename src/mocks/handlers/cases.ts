import { http } from 'msw';
import { caseCreateSchema, casePatchSchema, caseQuerySchema, type Case } from '@/api/schemas';
import { recordAudit } from '../auditLog';
import { checkCaseTransition } from '../domain/caseWorkflow';
import { commit, getDb } from '../store';
import { api, checkVersion, currentUser, fail, findOr404, parseBody, parseQuery, requireWriter, respond } from './http';

const DAY = 86_400_000;

export const caseHandlers = [
  http.get(api('/cases'), ({ request }) =>
    respond(request, (ctx) => {
      const db = getDb();
      const q = parseQuery(ctx, caseQuerySchema);
      const me = db.session.userId;
      const matches = (c: Case) =>
        (!q.status?.length || q.status.includes(c.status)) &&
        (!q.priority?.length || q.priority.includes(c.priority)) &&
        (!q.assignee || (q.assignee === 'me' ? c.assigneeId === me : q.assignee === 'unassigned' ? c.assigneeId === null : c.assigneeId === q.assignee));
      const all = db.cases.filter(matches).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
    }),
  ),

  http.get(api('/cases/:id'), ({ request, params }) => respond(request, (ctx) => findOr404(ctx, getDb().cases, String(params.id)))),

  http.post(api('/cases'), ({ request }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const body = await parseBody(ctx, caseCreateSchema);
      const user = requireWriter(ctx, db);
      const now = new Date();
      const complaints = body.complaintIds.map((id) => findOr404(ctx, db.complaints, id));
      const kase: Case = {
        id: `case-${String(db.cases.length + 1).padStart(4, '0')}-${now.getTime().toString(36)}`,
        title: body.title,
        status: 'new',
        priority: body.priority,
        assigneeId: body.assigneeId ?? user.id,
        target: { kind: 'gang', label: body.title, entityIds: body.entityIds },
        complaintIds: body.complaintIds,
        entityIds: body.entityIds,
        evidenceIds: complaints.flatMap((c) => c.evidenceIds),
        referralIds: [],
        notes: [],
        policeReceiptNo: null,
        acceptedAt: null,
        filedAt: null,
        dueAt: new Date(now.getTime() + 30 * DAY).toISOString(),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 1,
      };
      for (const c of complaints) {
        c.caseId = kase.id;
        c.version += 1;
        c.updatedAt = now.toISOString();
      }
      db.cases.push(kase);
      recordAudit(db, { actorId: user.id, action: 'case_create', recordType: 'case', recordId: kase.id, summary: `${kase.title} (${complaints.length})` }, now);
      await commit();
      return kase;
    }),
  ),

  http.patch(api('/cases/:id'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const patch = await parseBody(ctx, casePatchSchema);
      const kase = findOr404(ctx, db.cases, String(params.id));
      const user = requireWriter(ctx, db);
      checkVersion(ctx, kase, patch.version);
      const now = new Date().toISOString();
      // Look everything up before changing anything, so an unknown id leaves the case as it was.
      const addEntityIds = (patch.addEntityIds ?? []).filter((eid) => !kase.entityIds.includes(eid));
      for (const eid of addEntityIds) findOr404(ctx, db.entities, eid);
      const addComplaints = (patch.addComplaintIds ?? []).filter((cid) => !kase.complaintIds.includes(cid)).map((cid) => findOr404(ctx, db.complaints, cid));

      if (patch.status && patch.status !== kase.status) {
        const denial = checkCaseTransition(kase, patch.status, currentUser(db).role, { policeReceiptNo: patch.policeReceiptNo, reason: patch.statusReason });
        if (denial) throw fail(denial.reason === 'reportNeedsLead' ? 403 : 422, denial.reason === 'reportNeedsLead' ? 'forbidden' : 'validation', ctx.t(denial.reason, { from: kase.status, to: patch.status }));
        recordAudit(db, { actorId: user.id, action: 'status_change', recordType: 'case', recordId: kase.id, summary: `${kase.status} → ${patch.status}`, reason: patch.statusReason ?? null });
        if (patch.status === 'accepted') kase.acceptedAt = now;
        if (patch.status === 'filed') kase.filedAt = now;
        kase.status = patch.status;
      }
      if (patch.policeReceiptNo !== undefined) kase.policeReceiptNo = patch.policeReceiptNo;
      if (patch.title !== undefined) kase.title = patch.title;
      if (patch.priority !== undefined) kase.priority = patch.priority;
      if (patch.assigneeId !== undefined && patch.assigneeId !== kase.assigneeId) {
        recordAudit(db, { actorId: user.id, action: 'assign', recordType: 'case', recordId: kase.id, summary: `${kase.assigneeId ?? '—'} → ${patch.assigneeId ?? '—'}` });
        kase.assigneeId = patch.assigneeId;
      }
      if (addEntityIds.length || addComplaints.length) {
        kase.entityIds.push(...addEntityIds);
        for (const c of addComplaints) {
          kase.complaintIds.push(c.id);
          for (const ev of c.evidenceIds) if (!kase.evidenceIds.includes(ev)) kase.evidenceIds.push(ev);
          c.caseId = kase.id;
          c.version += 1;
          c.updatedAt = now;
        }
        recordAudit(db, { actorId: user.id, action: 'case_update', recordType: 'case', recordId: kase.id, summary: `+${addEntityIds.length} entities, +${addComplaints.length} complaints` });
      }
      if (patch.note) {
        kase.notes.push({ id: `n-${kase.id}-${kase.notes.length + 1}`, authorId: user.id, text: patch.note, at: now });
        recordAudit(db, { actorId: user.id, action: 'note', recordType: 'case', recordId: kase.id, summary: patch.note.slice(0, 80) });
      }
      kase.version += 1;
      kase.updatedAt = now;
      await commit();
      return kase;
    }),
  ),
];
