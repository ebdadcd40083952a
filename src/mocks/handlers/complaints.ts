import { http } from 'msw';
import { complaintPatchSchema, complaintQuerySchema, complaintRowSchema, pageOf, type Complaint, type ComplaintLabel } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import type { MockDb } from '@/domain/world';
import { queryComplaints, queryIndex } from '@/domain/complaints';
import { relatedComplaints, templateSiblings } from '@/domain/related';
import { commit, getDb, getRevision } from '../store';
import { api, checkVersion, currentUser, fail, findOr404, parseBody, parseQuery, requireWriter, respond, type Ctx } from './http';

/** Sort orders and filter columns kept between requests, as a database keeps indexes. */
const index = queryIndex();
const listPage = pageOf(complaintRowSchema);

export const complaintHandlers = [
  http.get(api('/complaints'), ({ request }) =>
    respond(request, (ctx) => {
      const db = getDb();
      const query = parseQuery(ctx, complaintQuerySchema);
      const page = queryComplaints(db, query, { userId: db.session.userId, now: new Date() }, { index, revision: getRevision() });
      // The contract's row schema strips what a list does not carry (text, notes, signal evidence).
      return listPage.parse(page);
    }),
  ),

  http.get(api('/complaints/:id/related'), ({ request, params }) =>
    respond(request, (ctx) => {
      const db = getDb();
      return relatedComplaints(db, findOr404(ctx, db.complaints, String(params.id)));
    }),
  ),

  http.get(api('/complaints/:id/siblings'), ({ request, params }) =>
    respond(request, (ctx) => {
      const db = getDb();
      return templateSiblings(db, findOr404(ctx, db.complaints, String(params.id)));
    }),
  ),

  http.get(api('/complaints/:id'), ({ request, params }) => respond(request, (ctx) => findOr404(ctx, getDb().complaints, String(params.id)))),

  http.patch(api('/complaints/:id'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const patch = await parseBody(ctx, complaintPatchSchema);
      const complaint = findOr404(ctx, db.complaints, String(params.id));
      const user = requireWriter(ctx, db);
      checkVersion(ctx, complaint, patch.version);
      const now = new Date();
      // Every rule is checked before anything changes, so a refused patch leaves no half-applied edit behind.
      const assigning = patch.assigneeId !== undefined && patch.assigneeId !== complaint.assigneeId;
      if (assigning) {
        const reassigningOthers = patch.assigneeId !== user.id && !(patch.assigneeId === null && complaint.assigneeId === user.id);
        if (user.role === 'analyst' && reassigningOthers) throw fail(403, 'forbidden', ctx.t('analystAssignOthers'));
        if (patch.assigneeId && !db.users.some((u) => u.id === patch.assigneeId)) throw fail(422, 'validation', ctx.t('unknownUser'));
      }
      const relabelling = patch.label !== undefined && patch.label !== complaint.label;
      if (relabelling) checkLabelChange(ctx, db, complaint, patch.label!, patch.labelReason);

      if (assigning && patch.assigneeId !== undefined) {
        recordAudit(db, { actorId: user.id, action: 'assign', recordType: 'complaint', recordId: complaint.id, summary: `${complaint.assigneeId ?? '—'} → ${patch.assigneeId ?? '—'}` }, now);
        complaint.assigneeId = patch.assigneeId;
      }
      if (relabelling && patch.label !== undefined) {
        recordAudit(
          db,
          { actorId: user.id, action: 'label_change', recordType: 'complaint', recordId: complaint.id, summary: `${complaint.label} → ${patch.label}`, reason: patch.labelReason ?? null },
          now,
        );
        complaint.label = patch.label;
      }
      if (patch.status !== undefined && patch.status !== complaint.status) {
        recordAudit(db, { actorId: user.id, action: 'status_change', recordType: 'complaint', recordId: complaint.id, summary: `${complaint.status} → ${patch.status}` }, now);
        complaint.status = patch.status;
      }
      if (patch.deadlineKind !== undefined && patch.deadlineKind !== complaint.deadlineKind) {
        const days = { standard: 15, complex: 30, extended: 60 }[patch.deadlineKind];
        recordAudit(db, { actorId: user.id, action: 'status_change', recordType: 'complaint', recordId: complaint.id, summary: `deadline ${complaint.deadlineKind} → ${patch.deadlineKind}` }, now);
        complaint.deadlineKind = patch.deadlineKind;
        complaint.dueAt = new Date(Date.parse(complaint.receivedAt) + days * 86_400_000).toISOString();
      }
      if (patch.note !== undefined) {
        complaint.notes.push({ id: `n-${complaint.id}-${complaint.notes.length + 1}`, authorId: user.id, text: patch.note, at: now.toISOString() });
        recordAudit(db, { actorId: user.id, action: 'note', recordType: 'complaint', recordId: complaint.id, summary: patch.note.slice(0, 80) }, now);
      }
      complaint.version += 1;
      complaint.updatedAt = now.toISOString();
      await commit();
      return complaint;
    }),
  ),
];

/** Proposing is an analyst's step; confirming and reverting a confirmation need a lead (the second reviewer). */
function checkLabelChange(ctx: Ctx, db: MockDb, complaint: Complaint, next: ComplaintLabel, reason: string | undefined) {
  const user = currentUser(db);
  if (next === 'agent_confirmed') {
    if (user.role !== 'lead') throw fail(403, 'forbidden', ctx.t('confirmNeedsLead'));
    if (complaint.label !== 'agent_proposed') throw fail(422, 'validation', ctx.t('confirmNeedsProposal'));
  }
  if (complaint.label === 'agent_confirmed') {
    if (user.role !== 'lead') throw fail(403, 'forbidden', ctx.t('revertNeedsLead'));
    if (!reason?.trim()) throw fail(422, 'validation', ctx.t('revertNeedsReason'));
  }
}
