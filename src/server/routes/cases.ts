import { OPEN_CASE_STATUSES } from '@/api/case-workflow';
import { caseCreateSchema, caseMergeSchema, casePatchSchema, casePreviewRequestSchema, caseQuerySchema, type AuditEvent, type Case, type CasePreview, type Complaint, type User } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { caseInTeam, onDays } from '@/domain/loop';
import type { World } from '@/domain/world';
import { checkCaseTransition, denialStatus } from '@/domain/caseWorkflow';
import { checkVersion, fail, findOr404, get, parseBody, parseQuery, patch, post, requireWriter, type Ctx, type Route } from '../http';

const DAY = 86_400_000;
const uniq = <T,>(xs: T[]) => [...new Set(xs)];

/** Complaints behind a set of graph entities: complaint nodes themselves, and every link that touches one of them. */
function complaintIdsForEntities(db: World, entityIds: string[]): string[] {
  const wanted = new Set(entityIds);
  const ids: string[] = [];
  for (const e of db.entities) {
    if (wanted.has(e.id) && e.type === 'complaint' && e.attributes.complaintId) ids.push(e.attributes.complaintId);
  }
  const hubs = new Set(db.entities.filter((e) => e.isHub).map((e) => e.id));
  for (const l of db.links) {
    // A hub (the lender's own hotline) would pull in half the database.
    if ((wanted.has(l.source) && !hubs.has(l.source)) || (wanted.has(l.target) && !hubs.has(l.target))) ids.push(...l.complaintIds);
  }
  return uniq(ids).filter((id) => db.complaints.some((c) => c.id === id));
}

/** The complaints a case made from these picks and graph entities would take in, each once, picks first. */
function candidateComplaints(ctx: Ctx, complaintIds: string[], entityIds: string[]): Complaint[] {
  const picked = complaintIds.map((id) => findOr404(ctx, ctx.db.complaints, id));
  const fromEntities = complaintIdsForEntities(ctx.db, entityIds)
    .filter((id) => !complaintIds.includes(id))
    .map((id) => findOr404(ctx, ctx.db.complaints, id));
  return uniq([...picked, ...fromEntities]);
}

/**
 * Moves complaints into a case; a complaint belongs to one case, so it leaves its previous one. Each complaint's
 * history says where it went (and from where), and a case that loses complaints records which and to where.
 */
function attachComplaints(db: World, kase: Case, complaints: Complaint[], now: string, actorId: string, action: 'case_create' | 'case_update') {
  const left = new Map<string, string[]>();
  for (const c of complaints) {
    const from = c.caseId && c.caseId !== kase.id ? c.caseId : null;
    if (from) {
      const previous = db.cases.find((k) => k.id === from);
      if (previous) {
        previous.complaintIds = previous.complaintIds.filter((id) => id !== c.id);
        previous.version += 1;
        previous.updatedAt = now;
        left.set(from, [...(left.get(from) ?? []), c.id]);
      }
    }
    c.caseId = kase.id;
    c.version += 1;
    c.updatedAt = now;
    recordAudit(db, { actorId, action, recordType: 'complaint', recordId: c.id, summary: `→ ${kase.id}`, detail: { kind: 'joinedCase', from, related: { type: 'case', id: kase.id } } }, new Date(now));
  }
  for (const [caseId, ids] of left) {
    recordAudit(db, { actorId, action: 'case_update', recordType: 'case', recordId: caseId, summary: `− ${ids.join(', ')} → ${kase.id}`, detail: { kind: 'leftCase', ids, related: { type: 'case', id: kase.id } } }, new Date(now));
  }
  kase.complaintIds = uniq([...kase.complaintIds, ...complaints.map((c) => c.id)]);
  kase.evidenceIds = uniq([...kase.evidenceIds, ...complaints.flatMap((c) => c.evidenceIds)]);
}

function dueFilter(due: 'overdue' | 'within7' | 'within30' | undefined, now: number) {
  if (!due) return () => true;
  return (c: Case) => {
    if (!OPEN_CASE_STATUSES.has(c.status)) return false;
    const t = Date.parse(c.dueAt);
    if (due === 'overdue') return t < now;
    return t >= now && t <= now + (due === 'within7' ? 7 : 30) * DAY;
  };
}

/** Mentions are user ids named in the text as @name; the client may also send them explicitly. */
function mentionsIn(db: World, text: string, explicit: string[] = []): string[] {
  const named = db.users.filter((u) => text.includes(`@${u.name}`)).map((u) => u.id);
  return uniq([...explicit.filter((id) => db.users.some((u) => u.id === id)), ...named]);
}

function requireCaseWriter(ctx: Ctx) {
  return requireWriter(ctx);
}

/** A new case from picked complaints and graph entities: the cases screen's command, and an alert's. */
export function createCase(ctx: Ctx, body: ReturnType<typeof caseCreateSchema.parse>, user: User): Case {
  const db = ctx.db;
  if (body.assigneeId && body.assigneeId !== user.id && user.role !== 'lead') throw fail(403, 'forbidden', ctx.t('caseAssignOthers'));
  const now = ctx.now();
  const iso = now.toISOString();
  // A complaint picked by id joins (the user picked it); one that only comes along through the graph entities
  // moves out of another case only when the user said so.
  const complaints = candidateComplaints(ctx, body.complaintIds, body.entityIds).filter((c) => body.inOtherCase === 'move' || !c.caseId || body.complaintIds.includes(c.id));
  if (complaints.length === 0 && body.entityIds.length === 0) throw fail(422, 'validation', ctx.t('caseNeedsComplaints'));
  const kase: Case = {
    id: `case-${String(db.cases.length + 1).padStart(4, '0')}-${now.getTime().toString(36)}`,
    title: body.title,
    status: 'new',
    priority: body.priority,
    assigneeId: body.assigneeId ?? user.id,
    target: { kind: body.targetKind ?? 'gang', label: body.title, entityIds: body.entityIds },
    complaintIds: [],
    entityIds: body.entityIds,
    evidenceIds: [],
    referralIds: [],
    notes: [],
    policeReceiptNo: null,
    acceptedAt: null,
    filedAt: null,
    dueAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    createdAt: iso,
    updatedAt: iso,
    version: 1,
  };
  db.cases.push(kase);
  recordAudit(db, { actorId: user.id, action: 'case_create', recordType: 'case', recordId: kase.id, summary: `${kase.title} (${complaints.length})`, detail: { kind: 'caseCreated', text: kase.title, count: complaints.length } }, now);
  attachComplaints(db, kase, complaints, iso, user.id, 'case_create');
  return kase;
}

export const casesRoutes: Route[] = [
  get('/cases', (ctx) => {
    const db = ctx.db;
    const q = parseQuery(ctx, caseQuerySchema);
    const me = ctx.user.id;
    const due = dueFilter(q.due, Date.now());
    const text = q.q?.trim().toLowerCase();
    const teamOf = new Map(db.users.map((u) => [u.id, u.team]));
    const matches = (c: Case) =>
      (!q.target || c.target.kind === q.target) &&
      (!(q.createdFrom || q.createdTo) || onDays(c.createdAt, q.createdFrom, q.createdTo)) &&
      caseInTeam(c, q.team, teamOf) &&
      (!q.status?.length || q.status.includes(c.status)) &&
      (!q.priority?.length || q.priority.includes(c.priority)) &&
      (!q.assignee || (q.assignee === 'me' ? c.assigneeId === me : q.assignee === 'unassigned' ? c.assigneeId === null : c.assigneeId === q.assignee)) &&
      due(c) &&
      (!text || c.title.toLowerCase().includes(text) || c.id.toLowerCase().includes(text) || c.target.label.toLowerCase().includes(text));
    const all = db.cases.filter(matches).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
  }),

  get('/cases/:id', (ctx) => findOr404(ctx, ctx.db.cases, String(ctx.params.id))),

  /** The case's story from the audit trail: the case itself and its complaints, borrowers, evidence and referrals. */
  get('/cases/:id/timeline', (ctx) => {
    const db = ctx.db;
    const kase = findOr404(ctx, db.cases, String(ctx.params.id));
    const complaints = db.complaints.filter((c) => kase.complaintIds.includes(c.id));
    const related = new Set<string>([
      `case:${kase.id}`,
      ...complaints.map((c) => `complaint:${c.id}`),
      ...complaints.map((c) => `customer:${c.customerId}`),
      ...kase.evidenceIds.map((id) => `evidence:${id}`),
      ...kase.referralIds.map((id) => `referral:${id}`),
      ...kase.entityIds.map((id) => `entity:${id}`),
    ]);
    const events: AuditEvent[] = db.audit.filter((e) => related.has(`${e.recordType}:${e.recordId}`));
    return events.reverse();
  }),

  /** Exactly what a case from these would hold, and which of them another case holds now: shown before creating. */
  post('/cases/preview', async (ctx): Promise<CasePreview> => {
    const body = await parseBody(ctx, casePreviewRequestSchema);
    const cases = new Map(ctx.db.cases.map((c) => [c.id, c]));
    return {
      complaints: candidateComplaints(ctx, body.complaintIds, body.entityIds).map((c) => {
        const other = c.caseId && c.caseId !== body.caseId ? cases.get(c.caseId) : undefined;
        return { id: c.id, borrowerName: c.borrowerName, grade: c.grade, caseId: other?.id ?? null, caseTitle: other?.title ?? null, caseStatus: other?.status ?? null };
      }),
    };
  }),

  post('/cases', async (ctx) => createCase(ctx, await parseBody(ctx, caseCreateSchema), requireCaseWriter(ctx))),

  patch('/cases/:id', async (ctx) => {
    const db = ctx.db;
    const patch = await parseBody(ctx, casePatchSchema);
    const kase = findOr404(ctx, db.cases, String(ctx.params.id));
    const user = requireCaseWriter(ctx);
    checkVersion(ctx, kase, patch.version);
    const now = new Date().toISOString();
    // Look everything up before changing anything, so an unknown id leaves the case as it was.
    const addEntityIds = (patch.addEntityIds ?? []).filter((eid) => !kase.entityIds.includes(eid));
    for (const eid of addEntityIds) findOr404(ctx, db.entities, eid);
    const addComplaints = (patch.addComplaintIds ?? []).filter((cid) => !kase.complaintIds.includes(cid)).map((cid) => findOr404(ctx, db.complaints, cid));

    // Validate everything before changing anything: a refused request leaves no half-applied change.
    if (patch.status && patch.status !== kase.status) {
      const denial = checkCaseTransition(kase, patch.status, ctx.user.role, { policeReceiptNo: patch.policeReceiptNo, reason: patch.statusReason });
      if (denial) throw fail(denialStatus(denial), denialStatus(denial) === 403 ? 'forbidden' : 'validation', ctx.t(denial.reason, { from: ctx.t(`status_${kase.status}`), to: ctx.t(`status_${patch.status}`) }));
    }
    if (patch.assigneeId !== undefined && patch.assigneeId !== kase.assigneeId) {
      const takingItself = patch.assigneeId === user.id || (patch.assigneeId === null && kase.assigneeId === user.id);
      if (user.role !== 'lead' && !takingItself) throw fail(403, 'forbidden', ctx.t('caseAssignOthers'));
      const target = patch.assigneeId ? db.users.find((u) => u.id === patch.assigneeId) : null;
      if (patch.assigneeId && !target) throw fail(422, 'validation', ctx.t('unknownUser'));
      if (target?.away) throw fail(422, 'validation', ctx.t('assignAway'));
    }

    if (patch.status && patch.status !== kase.status) {
      recordAudit(db, { actorId: user.id, action: 'status_change', recordType: 'case', recordId: kase.id, summary: `${kase.status} → ${patch.status}`, reason: patch.statusReason?.trim() || null, detail: { kind: 'caseStatus', from: kase.status, to: patch.status } });
      if (patch.status === 'accepted') kase.acceptedAt = patch.acceptedAt ?? now;
      if (patch.status === 'filed') kase.filedAt = patch.filedAt ?? now;
      kase.status = patch.status;
    } else {
      if (patch.acceptedAt) kase.acceptedAt = patch.acceptedAt;
      if (patch.filedAt) kase.filedAt = patch.filedAt;
    }
    if (patch.policeReceiptNo !== undefined) kase.policeReceiptNo = patch.policeReceiptNo.trim() || null;
    if (patch.title !== undefined && patch.title !== kase.title) {
      recordAudit(db, { actorId: user.id, action: 'case_update', recordType: 'case', recordId: kase.id, summary: `title: ${patch.title}`, detail: { kind: 'caseTitle', from: kase.title, to: patch.title } });
      kase.title = patch.title;
    }
    if (patch.priority !== undefined && patch.priority !== kase.priority) {
      recordAudit(db, { actorId: user.id, action: 'case_update', recordType: 'case', recordId: kase.id, summary: `priority: ${kase.priority} → ${patch.priority}`, detail: { kind: 'casePriority', from: kase.priority, to: patch.priority } });
      kase.priority = patch.priority;
    }
    if (patch.assigneeId !== undefined && patch.assigneeId !== kase.assigneeId) {
      recordAudit(db, { actorId: user.id, action: 'assign', recordType: 'case', recordId: kase.id, summary: `${kase.assigneeId ?? '—'} → ${patch.assigneeId ?? '—'}`, detail: { kind: 'assigned', from: kase.assigneeId, to: patch.assigneeId } });
      kase.assigneeId = patch.assigneeId;
    }
    if (addEntityIds.length) {
      kase.entityIds.push(...addEntityIds);
      recordAudit(db, { actorId: user.id, action: 'case_update', recordType: 'case', recordId: kase.id, summary: `+ ${addEntityIds.length} entities`, detail: { kind: 'entitiesAdded', count: addEntityIds.length } });
    }
    if (addComplaints.length) {
      const ids = addComplaints.map((c) => c.id);
      recordAudit(db, { actorId: user.id, action: 'case_update', recordType: 'case', recordId: kase.id, summary: `+ ${ids.join(', ')}`, detail: { kind: 'complaintsAdded', ids } });
      attachComplaints(db, kase, addComplaints, now, user.id, 'case_update');
    }
    const removing = (patch.removeComplaintIds ?? []).filter((id) => kase.complaintIds.includes(id));
    if (removing.length) {
      kase.complaintIds = kase.complaintIds.filter((id) => !removing.includes(id));
      for (const c of db.complaints.filter((c) => removing.includes(c.id))) {
        c.caseId = null;
        c.version += 1;
        c.updatedAt = now;
        // Evidence that came with the complaint leaves with it, unless another complaint of the case still has it.
        const kept = new Set(db.complaints.filter((k) => kase.complaintIds.includes(k.id)).flatMap((k) => k.evidenceIds));
        kase.evidenceIds = kase.evidenceIds.filter((e) => !c.evidenceIds.includes(e) || kept.has(e));
      }
      recordAudit(db, { actorId: user.id, action: 'case_update', recordType: 'case', recordId: kase.id, summary: `− ${removing.join(', ')}`, detail: { kind: 'complaintsRemoved', ids: removing } });
    }
    if (patch.note) {
      const mentions = mentionsIn(db, patch.note, patch.mentions);
      kase.notes.push({ id: `n-${kase.id}-${kase.notes.length + 1}`, authorId: user.id, text: patch.note, at: now, mentions });
      const names = mentions.map((id) => `@${db.users.find((u) => u.id === id)?.name ?? id}`).join(' ');
      recordAudit(db, { actorId: user.id, action: 'note', recordType: 'case', recordId: kase.id, summary: (names ? `${names} ` : '') + patch.note.slice(0, 80), detail: { kind: 'note', text: (names ? `${names} ` : '') + patch.note.slice(0, 200) } });
    }
    kase.version += 1;
    kase.updatedAt = now;
    return kase;
  }),

  /** Merge `sourceId` into this case: its complaints, entities, evidence, referrals and notes move over, and it is closed. */
  post('/cases/:id/merge', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, caseMergeSchema);
    const target = findOr404(ctx, db.cases, String(ctx.params.id));
    const source = findOr404(ctx, db.cases, body.sourceId);
    const user = requireCaseWriter(ctx);
    if (source.id === target.id) throw fail(422, 'validation', ctx.t('mergeSelf'));
    checkVersion(ctx, target, body.version);
    checkVersion(ctx, source, body.sourceVersion);
    const mergeable = new Set(['new', 'investigating', 'pending_review']);
    if (!mergeable.has(source.status) || !mergeable.has(target.status)) throw fail(422, 'validation', ctx.t('mergeClosed'));
    const now = new Date().toISOString();
    attachComplaints(db, target, db.complaints.filter((c) => source.complaintIds.includes(c.id)), now, user.id, 'case_update');
    target.entityIds = uniq([...target.entityIds, ...source.entityIds]);
    target.target = { ...target.target, entityIds: uniq([...target.target.entityIds, ...source.target.entityIds]) };
    target.evidenceIds = uniq([...target.evidenceIds, ...source.evidenceIds]);
    target.referralIds = uniq([...target.referralIds, ...source.referralIds]);
    for (const r of db.referrals.filter((r) => source.referralIds.includes(r.id))) {
      r.caseId = target.id;
      r.version += 1;
    }
    target.notes = [...target.notes, ...source.notes].sort((a, b) => a.at.localeCompare(b.at));
    if (source.dueAt < target.dueAt) target.dueAt = source.dueAt;
    target.version += 1;
    target.updatedAt = now;
    source.complaintIds = [];
    source.referralIds = [];
    source.status = 'closed';
    source.version += 1;
    source.updatedAt = now;
    recordAudit(db, { actorId: user.id, action: 'case_update', recordType: 'case', recordId: target.id, summary: `merged ${source.id}`, detail: { kind: 'merged', related: { type: 'case', id: source.id } } });
    recordAudit(db, { actorId: user.id, action: 'status_change', recordType: 'case', recordId: source.id, summary: `merged into ${target.id}`, reason: null, detail: { kind: 'mergedInto', related: { type: 'case', id: target.id } } });
    return target;
  }),
];
