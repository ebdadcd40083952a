import { describe, expect, it, vi } from 'vitest';
import { auditQueries } from '@/api/resources/audit';
import { complaintQueries, updateComplaint } from '@/api/resources/complaints';
import { revealPii } from '@/api/resources/customers';
import { switchSession } from '@/api/resources/session';
import { request } from '@/api/client';
import { z } from 'zod';
import { configureStore, getDb } from '../store';
import { expectApiError as failure } from '@/api/expect-api-error';

const fetchList = () => complaintQueries.list({ pageSize: 50 }).queryFn!({} as never);
const fetchAudit = () => auditQueries.list({ pageSize: 200 }).queryFn!({} as never);

describe('mock backend through the typed client', () => {
  it('serves complaints with masked personal data only', async () => {
    const page = await fetchList();
    expect(page.items.length).toBeGreaterThan(0);
    const json = JSON.stringify(page.items);
    // Mainland mobile numbers and 18-digit ID numbers never travel in clear.
    expect(json).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(json).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
  });

  it('lists rows without the text, notes and signal evidence, which the complaint itself carries', async () => {
    const [row] = (await fetchList()).items;
    expect(row).not.toHaveProperty('text');
    expect(row).not.toHaveProperty('notes');
    expect(row.signals.every((s) => !('evidenceRefs' in s))).toBe(true);
    const full = await complaintQueries.detail(row.id).queryFn!({} as never);
    const stored = getDb().complaints.find((c) => c.id === row.id)!;
    expect(full.text).toBe(stored.text);
    expect(full.signals).toEqual(stored.signals);
    expect(row.signals).toEqual(stored.signals.map(({ code, weight, explanation }) => ({ code, weight, explanation })));
    // Complaint texts quote numbers too: the detail is masked like the list.
    const json = JSON.stringify(full);
    expect(json).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(json).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
  });

  it('refuses every write from an auditor with a message', async () => {
    const [complaint] = (await fetchList()).items;
    const notesBefore = getDb().complaints.find((c) => c.id === complaint.id)!.notes.length;
    await switchSession({ userId: 'u-auditor-1' });
    const error = await failure(updateComplaint(complaint.id, { version: complaint.version, note: '审计备注' }));
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/审计/);
    expect(getDb().complaints.find((c) => c.id === complaint.id)?.notes.length).toBe(notesBefore);
  });

  it('lets only a lead confirm an agent label, and leaves nothing half-applied when refused', async () => {
    const complaint = getDb().complaints.find((c) => c.label === 'agent_proposed' && c.assigneeId !== 'u-analyst-1')!;
    expect(complaint).toBeDefined();
    const { assigneeId: before, version } = complaint;
    const error = await failure(updateComplaint(complaint.id, { version, assigneeId: 'u-analyst-1', label: 'agent_confirmed' }));
    expect(error.kind).toBe('forbidden');
    expect(getDb().complaints.find((c) => c.id === complaint.id)?.assigneeId).toBe(before);

    await switchSession({ userId: 'u-lead-1' });
    const confirmed = await updateComplaint(complaint.id, { version, label: 'agent_confirmed' });
    expect(confirmed.label).toBe('agent_confirmed');
    expect(confirmed.version).toBe(version + 1);
    const audit = await fetchAudit();
    expect(audit.items.some((e) => e.action === 'label_change' && e.recordId === complaint.id && e.actorId === 'u-lead-1')).toBe(true);
  });

  it('answers a stale write with 409 and the current record', async () => {
    const [complaint] = (await fetchList()).items;
    await updateComplaint(complaint.id, { version: complaint.version, note: '第一次' });
    const error = await failure(updateComplaint(complaint.id, { version: complaint.version, note: '过期版本' }));
    expect(error.kind).toBe('conflict');
    expect(error.status).toBe(409);
    const current = error.current as { version: number; notes: { text: string }[] };
    expect(current.version).toBe(complaint.version + 1);
    expect(current.notes.map((n) => n.text)).toContain('第一次');
    expect(current.notes.map((n) => n.text)).not.toContain('过期版本');
  });

  it('reveals a clear value only with a reason, and audits it', async () => {
    const customer = getDb().customers[0];
    const missingReason = await failure(request('/pii/reveal', { method: 'POST', body: { recordType: 'customer', recordId: customer.id, field: 'phone', reason: '' }, schema: z.unknown() }));
    expect(missingReason.kind).toBe('validation');

    const { value, auditEventId } = await revealPii({ recordType: 'customer', recordId: customer.id, field: 'phone', reason: '核实来电号码' });
    expect(value).toMatch(/^1[3-9]\d{9}$/);
    expect(customer.phone).not.toBe(value);
    const event = (await fetchAudit()).items.find((e) => e.id === auditEventId);
    expect(event).toMatchObject({ action: 'reveal_pii', recordId: customer.id, reason: '核实来电号码', actorId: 'u-analyst-1' });

    await switchSession({ userId: 'u-auditor-1' });
    expect((await failure(revealPii({ recordType: 'customer', recordId: customer.id, field: 'phone', reason: '抽查' }))).kind).toBe('forbidden');
  });

  it('rejects an invalid body with a validation message naming the field', async () => {
    const [complaint] = (await fetchList()).items;
    const error = await failure(request(`/complaints/${complaint.id}`, { method: 'PATCH', body: { version: 'x' }, schema: z.unknown() }));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/version/);
  });

  it('answers English when asked', async () => {
    const { configureApi } = await import('@/api/client');
    configureApi({ language: 'en' });
    try {
      await switchSession({ userId: 'u-auditor-1' });
      const [complaint] = (await fetchList()).items;
      const error = await failure(updateComplaint(complaint.id, { version: complaint.version, note: 'x' }));
      expect(error.message).toMatch(/auditor/i);
    } finally {
      configureApi({ language: 'zh-CN' });
    }
  });

  it('answers a read that arrives while a write is saving only after the save, so a reload cannot lose it', async () => {
    const [complaint] = (await fetchList()).items;
    const saved: string[] = [];
    let releaseSave!: () => void;
    const seed = structuredClone(getDb());
    configureStore({
      seed: () => seed,
      initial: seed,
      persistence: {
        saveChanges: (db) => new Promise<void>((resolve) => (releaseSave = () => { saved.push(db.complaints.find((c) => c.id === complaint.id)!.notes.at(-1)?.text ?? ''); resolve(); })),
        saveAll: async () => {},
        clear: async () => {},
      },
    });
    const write = updateComplaint(complaint.id, { version: complaint.version, note: '保存中' });
    await vi.waitFor(() => expect(releaseSave).toBeDefined());
    const read = Promise.resolve(complaintQueries.detail(complaint.id).queryFn!({} as never));
    const readFirst = await Promise.race([read.then(() => 'read'), new Promise((r) => setTimeout(() => r('waiting'), 200))]);
    expect(readFirst).toBe('waiting');
    releaseSave();
    await write;
    expect(saved).toEqual(['保存中']);
    expect((await read).notes.map((n) => n.text)).toContain('保存中');
  });
});
