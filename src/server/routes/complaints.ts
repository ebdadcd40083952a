import { complaintPatchSchema, complaintQuerySchema, complaintRowSchema, pageOf, type Complaint, type ComplaintLabel } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { answeredAtOf, dueAtIso, isOpenStatus } from '@/domain/deadlines';
import { rescore } from '@/domain/rescore';
import { queryComplaints, queryIndex } from '@/domain/complaints';
import { relatedComplaints, templateSiblings } from '@/domain/related';
import { checkVersion, fail, findOr404, get, parseBody, parseQuery, patch, requireWriter, type Ctx, type Route } from '../http';

/** Sort orders and filter columns kept between requests, as a database keeps indexes. */
const index = queryIndex();
const listPage = pageOf(complaintRowSchema);

export const complaintsRoutes: Route[] = [
  get('/complaints', (ctx) => {
    const db = ctx.db;
    const query = parseQuery(ctx, complaintQuerySchema);
    const page = queryComplaints(db, query, { userId: ctx.user.id, now: new Date() }, { index, revision: ctx.revision });
    // The contract's row schema strips what a list does not carry (text, notes, signal evidence).
    return listPage.parse(page);
  }),

  get('/complaints/:id/related', (ctx) => {
    const db = ctx.db;
    return relatedComplaints(db, findOr404(ctx, db.complaints, String(ctx.params.id)));
  }),

  get('/complaints/:id/siblings', (ctx) => {
    const db = ctx.db;
    return templateSiblings(db, findOr404(ctx, db.complaints, String(ctx.params.id)));
  }),

  get('/complaints/:id', (ctx) => findOr404(ctx, ctx.db.complaints, String(ctx.params.id))),

  patch('/complaints/:id', async (ctx) => {
    const db = ctx.db;
    const patch = await parseBody(ctx, complaintPatchSchema);
    const complaint = findOr404(ctx, db.complaints, String(ctx.params.id));
    const user = requireWriter(ctx);
    checkVersion(ctx, complaint, patch.version);
    const now = ctx.now();
    // Every rule is checked before anything changes, so a refused patch leaves no half-applied edit behind.
    const assigning = patch.assigneeId !== undefined && patch.assigneeId !== complaint.assigneeId;
    if (assigning) {
      const reassigningOthers = patch.assigneeId !== user.id && !(patch.assigneeId === null && complaint.assigneeId === user.id);
      if (user.role === 'analyst' && reassigningOthers) throw fail(403, 'forbidden', ctx.t('analystAssignOthers'));
      if (patch.assigneeId && !db.users.some((u) => u.id === patch.assigneeId)) throw fail(422, 'validation', ctx.t('unknownUser'));
    }
    const relabelling = patch.label !== undefined && patch.label !== complaint.label;
    if (relabelling) checkLabelChange(ctx, complaint, patch.label!, patch.labelReason);

    if (assigning && patch.assigneeId !== undefined) {
      recordAudit(db, { actorId: user.id, action: 'assign', recordType: 'complaint', recordId: complaint.id, summary: `${complaint.assigneeId ?? '—'} → ${patch.assigneeId ?? '—'}`, detail: { kind: 'assigned', from: complaint.assigneeId, to: patch.assigneeId } }, now);
      complaint.assigneeId = patch.assigneeId;
    }
    if (relabelling && patch.label !== undefined) {
      recordAudit(
        db,
        { actorId: user.id, action: 'label_change', recordType: 'complaint', recordId: complaint.id, summary: `${complaint.label} → ${patch.label}`, reason: patch.labelReason ?? null, detail: { kind: 'label', from: complaint.label, to: patch.label } },
        now,
      );
      complaint.label = patch.label;
    }
    if (patch.status !== undefined && patch.status !== complaint.status) {
      recordAudit(db, { actorId: user.id, action: 'status_change', recordType: 'complaint', recordId: complaint.id, summary: `${complaint.status} → ${patch.status}`, detail: { kind: 'status', from: complaint.status, to: patch.status } }, now);
      // Answered when it left the open queue (a later close keeps that time); reopened work is unanswered again.
      const answeredAt = isOpenStatus(complaint.status) ? now.toISOString() : answeredAtOf(complaint);
      complaint.status = patch.status;
      complaint.answeredAt = isOpenStatus(patch.status) ? null : answeredAt;
    }
    if (patch.deadlineKind !== undefined && patch.deadlineKind !== complaint.deadlineKind) {
      recordAudit(db, { actorId: user.id, action: 'status_change', recordType: 'complaint', recordId: complaint.id, summary: `deadline ${complaint.deadlineKind} → ${patch.deadlineKind}`, detail: { kind: 'deadlineKind', from: complaint.deadlineKind, to: patch.deadlineKind } }, now);
      complaint.deadlineKind = patch.deadlineKind;
      // The calendar rule: end of the Nth day in Beijing time, the day of receipt not counted.
      complaint.dueAt = dueAtIso(complaint.receivedAt, patch.deadlineKind);
    }
    if (patch.note !== undefined) {
      complaint.notes.push({ id: `n-${complaint.id}-${complaint.notes.length + 1}`, authorId: user.id, text: patch.note, at: now.toISOString() });
      recordAudit(db, { actorId: user.id, action: 'note', recordType: 'complaint', recordId: complaint.id, summary: patch.note.slice(0, 80), detail: { kind: 'note', text: patch.note.slice(0, 200) } }, now);
    }
    complaint.version += 1;
    complaint.updatedAt = now.toISOString();
    if (relabelling) rescore(db, [complaint.id], now);
    return complaint;
  }),
];

/** Proposing is an analyst's step; confirming and reverting a confirmation need a lead (the second reviewer). */
function checkLabelChange(ctx: Ctx, complaint: Complaint, next: ComplaintLabel, reason: string | undefined) {
  const user = ctx.user;
  if (next === 'agent_confirmed') {
    if (user.role !== 'lead') throw fail(403, 'forbidden', ctx.t('confirmNeedsLead'));
    if (complaint.label !== 'agent_proposed') throw fail(422, 'validation', ctx.t('confirmNeedsProposal'));
  }
  if (complaint.label === 'agent_confirmed') {
    if (user.role !== 'lead') throw fail(403, 'forbidden', ctx.t('revertNeedsLead'));
    if (!reason?.trim()) throw fail(422, 'validation', ctx.t('revertNeedsReason'));
  }
}
