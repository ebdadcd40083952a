import { describe, expect, it } from 'vitest';
import { expectApiError as failure } from '@/api/expect-api-error';
import { auditQueries, exportAuditCsv } from '@/api/resources/audit';
import { applyAutoAssign, boardQueries, bulkAssign, previewAutoAssign, setCapacity } from '@/api/resources/board';
import { caseQueries, createCase, mergeCases, updateCase } from '@/api/resources/cases';
import { switchSession } from '@/api/resources/session';
import { getDb } from '../store';

describe('cases API', () => {
  it('creates a case from complaint ids and links them back', async () => {
    const ids = getDb().complaints.filter((c) => !c.caseId).slice(0, 3).map((c) => c.id);
    const kase = await createCase({ title: '测试团伙', priority: 'high', complaintIds: ids });
    expect(kase.complaintIds).toEqual(ids);
    expect(getDb().complaints.filter((c) => ids.includes(c.id)).every((c) => c.caseId === kase.id)).toBe(true);
  });

  it('creates a case from graph entity ids, pulling in their complaints', async () => {
    const db = getDb();
    const linked = (entityId: string) => [...new Set(db.links.filter((l) => l.source === entityId || l.target === entityId).flatMap((l) => l.complaintIds))];
    const inCase = (id: string) => Boolean(db.complaints.find((c) => c.id === id)?.caseId);
    const agent = db.entities.find((e) => e.type === 'agent_person' && linked(e.id).some((id) => !inCase(id)))!;
    const free = linked(agent.id).filter((id) => !inCase(id));
    const kase = await createCase({ title: '图谱社区', priority: 'medium', entityIds: [agent.id] });
    expect(kase.entityIds).toEqual([agent.id]);
    expect([...kase.complaintIds].sort()).toEqual(free.sort());
  });

  it('leaves complaints another case holds unless the user says move them', async () => {
    const db = getDb();
    const linked = (entityId: string) => [...new Set(db.links.filter((l) => l.source === entityId || l.target === entityId).flatMap((l) => l.complaintIds))];
    const held = db.entities.find((e) => e.type === 'agent_person' && linked(e.id).length > 0 && linked(e.id).every((id) => db.complaints.find((c) => c.id === id)?.caseId))!;
    const ids = linked(held.id);
    const left = await createCase({ title: '只留原案', priority: 'medium', entityIds: [held.id] });
    expect(left.complaintIds).toEqual([]);
    const moved = await createCase({ title: '移入新案', priority: 'medium', entityIds: [held.id], inOtherCase: 'move' });
    expect([...moved.complaintIds].sort()).toEqual([...ids].sort());
    expect(getDb().complaints.filter((c) => ids.includes(c.id)).every((c) => c.caseId === moved.id)).toBe(true);
  });

  it('refuses an analyst reporting a case, with the reason, and lets a lead do it', async () => {
    const db = getDb();
    const kase = db.cases.find((c) => c.status === 'pending_review' && c.referralIds.length)!;
    const error = await failure(updateCase(kase.id, { version: kase.version, status: 'reported' }));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/组长/);
    await switchSession({ userId: 'u-lead-1' });
    expect((await updateCase(kase.id, { version: kase.version, status: 'reported' })).status).toBe('reported');
  });

  it('answers a stale save with 409 and the current case', async () => {
    const kase = getDb().cases[0]!;
    await updateCase(kase.id, { version: kase.version, note: '第一位' });
    const error = await failure(updateCase(kase.id, { version: kase.version - 1, note: '第二位' }));
    expect(error.kind).toBe('conflict');
    expect((error.current as { notes: { text: string }[] }).notes.at(-1)?.text).toBe('第一位');
  });

  it('records @mentions on notes', async () => {
    const kase = getDb().cases[0]!;
    const updated = await updateCase(kase.id, { version: kase.version, note: '请 @周子航 核实医院回函' });
    expect(updated.notes.at(-1)?.mentions).toEqual(['u-analyst-2']);
  });

  it('merges two cases and closes the source', async () => {
    const [a, b] = getDb().cases.filter((c) => c.status === 'investigating' || c.status === 'new');
    const merged = await mergeCases(a!.id, { version: a!.version, sourceId: b!.id, sourceVersion: b!.version });
    expect(merged.complaintIds).toEqual(expect.arrayContaining(b!.complaintIds));
    const source = await caseQueries.detail(b!.id).queryFn!({} as never);
    expect(source.status).toBe('closed');
  });
});

describe('assignment API', () => {
  it('keeps auto-assign to leads, and applies the previewed plan within caps', async () => {
    expect((await failure(previewAutoAssign())).status).toBe(403);
    await switchSession({ userId: 'u-lead-1' });
    const plan = await previewAutoAssign();
    expect(plan.assignments.some((a) => a.assigneeId === 'u-analyst-5')).toBe(false);
    const result = await applyAutoAssign(plan);
    expect(result.assigned).toBe(plan.assignments.length);
    const board = await boardQueries.board().queryFn!({} as never);
    for (const w of board.workloads.filter((x) => plan.assignments.some((a) => a.assigneeId === x.userId))) {
      expect(w.openComplaints + w.openCases).toBeLessThanOrEqual(w.capacity);
    }
  });
});

describe('lead-only assignment commands', () => {
  it('refuses bulk assignment and cap changes from an analyst with a message, and audits a lead changing a cap', async () => {
    const c = getDb().complaints.find((x) => x.assigneeId === null)!;
    const refused = await failure(bulkAssign({ assigneeId: 'u-analyst-2', items: [{ type: 'complaint', id: c.id, version: c.version }] }));
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/组长/);
    expect((await failure(setCapacity('u-analyst-2', 99))).status).toBe(403);
    await switchSession({ userId: 'u-lead-1' });
    expect((await setCapacity('u-analyst-2', 99)).capacity).toBe(99);
    expect(getDb().audit.at(-1)).toMatchObject({ action: 'capacity_change', recordId: 'u-analyst-2' });
  });
  it('refuses assigning to someone who is away', async () => {
    await switchSession({ userId: 'u-lead-1' });
    const c = getDb().complaints.find((x) => x.assigneeId === null)!;
    const error = await failure(bulkAssign({ assigneeId: 'u-analyst-5', items: [{ type: 'complaint', id: c.id, version: c.version }] }));
    expect(error.message).toMatch(/休假/);
  });
  it('skips a stale item in a bulk assignment instead of overwriting it', async () => {
    await switchSession({ userId: 'u-lead-1' });
    const c = getDb().complaints.find((x) => x.assigneeId === null)!;
    const result = await bulkAssign({ assigneeId: 'u-analyst-2', items: [{ type: 'complaint', id: c.id, version: c.version - 1 }] });
    expect(result).toEqual({ assigned: 0, skipped: [c.id] });
  });
});

describe('audit export', () => {
  it('neutralises formula cells and audits the export itself', async () => {
    getDb().audit.push({ id: 'ae-x', at: new Date().toISOString(), actorId: 'u-analyst-1', action: 'note', recordType: 'case', recordId: 'k', summary: '=HYPERLINK("evil")', reason: null });
    await switchSession({ userId: 'u-auditor-1' });
    const out = await exportAuditCsv({});
    expect(out.csv).toContain(`"'=HYPERLINK(""evil"")"`);
    const events = await auditQueries.list({ action: ['export'], pageSize: 5 }).queryFn!({} as never);
    expect(events.items[0]).toMatchObject({ id: out.auditEventId, actorId: 'u-auditor-1', recordId: 'audit' });
  });
});
