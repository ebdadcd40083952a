import { OPEN_CASE_STATUSES } from '@/api/case-workflow';
import { autoAssignPlanSchema, bulkAssignSchema, capacityPatchSchema, type BoardItem } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import type { World } from '@/domain/world';
import { loadOf, nextItemFor, planAutoAssign, workloads } from '@/domain/assignment';
import { isOpenStatus } from '@/domain/deadlines';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import { fail, findOr404, get, parseBody, patch, post, requireWriter, type Ctx, type Route } from '../http';

/** Card titles are read by people, so the channel is named in the requester's language, not as a code. */
const channelName = (ctx: Ctx, channel: string) => ((ctx.lang === 'en' ? en : zhCN).channel as Record<string, string>)[channel] ?? channel;

/** How many unassigned complaints the board lists for dragging (the rest go by auto-assign). */
const UNASSIGNED_SHOWN = 60;

function openItems(ctx: Ctx, db: World): BoardItem[] {
  const complaints: BoardItem[] = db.complaints
    .filter((c) => isOpenStatus(c.status))
    .map((c) => ({ type: 'complaint', id: c.id, title: `${c.borrowerName} · ${channelName(ctx, c.channel)}`, assigneeId: c.assigneeId, dueAt: c.dueAt, version: c.version }));
  const cases: BoardItem[] = db.cases
    .filter((c) => OPEN_CASE_STATUSES.has(c.status))
    .map((c) => ({ type: 'case', id: c.id, title: c.title, assigneeId: c.assigneeId, dueAt: c.dueAt, version: c.version }));
  return [...cases, ...complaints].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}

const requireLead = (ctx: Ctx) => requireWriter(ctx, ['lead'], 'assignNeedsLead');

function unassignedComplaints(db: World) {
  return db.complaints.filter((c) => c.assigneeId === null && isOpenStatus(c.status));
}

export const boardRoutes: Route[] = [
  // By id: the same order whichever host answers, and however the records were loaded.
  get('/users', (ctx) => [...ctx.db.users].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),

  get('/board', (ctx) => {
    const db = ctx.db;
    const items = openItems(ctx, db);
    const assigned = items.filter((i) => i.assigneeId !== null);
    const unassigned = items.filter((i) => i.assigneeId === null);
    return {
      workloads: workloads(db.users, db, new Date()),
      items: [...assigned, ...unassigned.slice(0, UNASSIGNED_SHOWN)],
      unassignedTotal: unassigned.length,
      unassignedComplaints: unassigned.filter((i) => i.type === 'complaint').length,
    };
  }),

  /** The lead sets each person's cap; auto-assign and the board's load bars follow it. */
  patch('/users/:id/capacity', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, capacityPatchSchema);
    const lead = requireLead(ctx);
    const user = findOr404(ctx, db.users, String(ctx.params.id));
    recordAudit(db, { actorId: lead.id, action: 'capacity_change', recordType: 'user', recordId: user.id, summary: `${user.capacity} → ${body.capacity}`, detail: { kind: 'capacity', from: String(user.capacity), to: String(body.capacity) } });
    user.capacity = body.capacity;
    return user;
  }),

  get('/users/:id/next', (ctx) => {
    const db = ctx.db;
    const user = findOr404(ctx, db.users, String(ctx.params.id));
    return { item: nextItemFor(user.id, openItems(ctx, db)) };
  }),

  /** Drag-and-drop and bulk: the same command. Stale items are skipped and reported, never overwritten. */
  post('/assign/bulk', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, bulkAssignSchema);
    const user = requireLead(ctx);
    const target = body.assigneeId ? findOr404(ctx, db.users, body.assigneeId) : null;
    if (target?.away) throw fail(422, 'validation', ctx.t('assignAway'));
    const now = new Date();
    const skipped: string[] = [];
    let assigned = 0;
    for (const ref of body.items) {
      const record = ref.type === 'complaint' ? db.complaints.find((c) => c.id === ref.id) : db.cases.find((c) => c.id === ref.id);
      if (!record || record.version !== ref.version) {
        skipped.push(ref.id);
        continue;
      }
      if (record.assigneeId === body.assigneeId) continue;
      recordAudit(db, { actorId: user.id, action: 'assign', recordType: ref.type, recordId: record.id, summary: `${record.assigneeId ?? '—'} → ${body.assigneeId ?? '—'}`, detail: { kind: 'assigned', from: record.assigneeId, to: body.assigneeId } }, now);
      record.assigneeId = body.assigneeId;
      record.version += 1;
      record.updatedAt = now.toISOString();
      assigned += 1;
    }
    return { assigned, skipped };
  }),

  /** The preview: nothing changes until the lead applies exactly this plan. */
  post('/assign/auto/preview', (ctx) => {
    const db = ctx.db;
    requireLead(ctx);
    const people = workloads(db.users, db, new Date()).filter((w) => db.users.find((u) => u.id === w.userId)?.role === 'analyst');
    return planAutoAssign(unassignedComplaints(db), people);
  }),

  post('/assign/auto/apply', async (ctx) => {
    const db = ctx.db;
    const plan = await parseBody(ctx, autoAssignPlanSchema);
    const user = requireLead(ctx);
    const now = new Date();
    const loads = new Map(workloads(db.users, db, now).map((w) => [w.userId, w]));
    const skipped: string[] = [];
    let assigned = 0;
    for (const a of plan.assignments) {
      const complaint = db.complaints.find((c) => c.id === a.complaintId);
      const person = db.users.find((u) => u.id === a.assigneeId);
      const load = loads.get(a.assigneeId);
      // Re-checked at apply time: someone may have taken the complaint, or a person gone away, since the preview.
      if (!complaint || complaint.version !== a.version || complaint.assigneeId !== null || !person || person.away || !load || loadOf(load) >= load.capacity) {
        skipped.push(a.complaintId);
        continue;
      }
      recordAudit(db, { actorId: user.id, action: 'assign', recordType: 'complaint', recordId: complaint.id, summary: `— → ${person.id} (auto)`, detail: { kind: 'assigned', from: null, to: person.id, auto: true } }, now);
      complaint.assigneeId = person.id;
      complaint.version += 1;
      complaint.updatedAt = now.toISOString();
      load.openComplaints += 1;
      assigned += 1;
    }
    return { assigned, skipped };
  }),
];
