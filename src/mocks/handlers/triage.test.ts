import { describe, expect, it } from 'vitest';
import { caseQueries, createCase, updateCase } from '@/api/resources/cases';
import { complaintQueries, updateComplaint } from '@/api/resources/complaints';
import { getDb } from '../store';


describe('queue-side endpoints', () => {
  it('lists related complaints by template family and the closest siblings with their differences', async () => {
    const db = getDb();
    const member = db.complaints.find((c) => c.templateFamilyId && c.templateFamilySize >= 3)!;
    const related = await complaintQueries.related(member.id).queryFn!({} as never);
    const template = related.groups.find((g) => g.kind === 'template')!;
    expect(template.total).toBe(member.templateFamilySize - 1);
    expect(template.items.every((i) => i.id !== member.id)).toBe(true);

    const siblings = await complaintQueries.siblings(member.id).queryFn!({} as never);
    expect(siblings.familyId).toBe(member.templateFamilyId);
    expect(siblings.siblings.length).toBeGreaterThan(0);
    const first = siblings.siblings[0];
    expect(first.similarity).toBeGreaterThan(0.5);
    // The diff rebuilds this complaint's text on one side.
    expect(first.diff.filter((s) => s.op !== 'insert').map((s) => s.text).join('')).toBe(member.text);
    // Sorted closest first.
    const sims = siblings.siblings.map((s) => s.similarity);
    expect([...sims].sort((a, b) => b - a)).toEqual(sims);
  });

  it('finds complaints that share the contact phone', async () => {
    const db = getDb();
    const byPhone = new Map<string, string[]>();
    for (const c of db.complaints) {
      const p = db.pii[`complaint:${c.id}:complainantPhone`];
      if (p) byPhone.set(p, [...(byPhone.get(p) ?? []), c.id]);
    }
    const shared = [...byPhone.values()].find((ids) => ids.length >= 2)!;
    const related = await complaintQueries.related(shared[0]).queryFn!({} as never);
    const phone = related.groups.find((g) => g.kind === 'phone')!;
    expect(phone.items.map((i) => i.id)).toEqual(expect.arrayContaining(shared.slice(1, 20)));
  });

  it('escalates complaints into an existing case, links them and records it on both', async () => {
    const db = getDb();
    const [a, b] = db.complaints.filter((c) => !c.caseId);
    const kase = await createCase({ title: '测试团伙', priority: 'high', complaintIds: [a.id], entityIds: [], assigneeId: null });
    const updated = await updateCase(kase.id, { version: kase.version, addComplaintIds: [a.id, b.id] });
    expect(updated.complaintIds).toEqual([a.id, b.id]);
    expect(getDb().complaints.find((c) => c.id === b.id)!.caseId).toBe(kase.id);
    expect(getDb().audit.some((e) => e.recordType === 'complaint' && e.recordId === b.id && e.summary.includes(kase.id))).toBe(true);
    const listed = await caseQueries.list({}).queryFn!({} as never);
    expect(listed.items.some((c) => c.id === kase.id)).toBe(true);
  });

  it('serves deep pages from a cached order that a write invalidates', async () => {
    const list = (page: number) => complaintQueries.list({ sort: 'riskScore', order: 'desc', page, pageSize: 100 }).queryFn!({} as never);
    const page3 = await list(3);
    expect((await list(3)).items).toEqual(page3.items);
    const target = page3.items[0];
    const full = getDb().complaints.find((c) => c.id === target.id)!;
    await updateComplaint(full.id, { version: full.version, note: '刷新' });
    // Still the same order (a note does not change the score), read afresh after the write.
    expect((await list(3)).items.map((i) => i.id)).toEqual(page3.items.map((i) => i.id));
    getDb().complaints.find((c) => c.id === target.id)!.riskScore = 100;
    await updateComplaint(full.id, { version: full.version, note: '再刷新' });
    expect((await list(3)).items.map((i) => i.id)).not.toContain(target.id);
  });
});
