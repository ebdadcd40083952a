import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectApiError as failure } from '@/api/expect-api-error';
import { evidenceQueries } from '@/api/resources/evidence';
import { addAnnotation, completeUpload, evidenceExtraQueries, startUpload, uploadChunk } from '@/features/evidence/api/evidence-api';
import { getDb } from '../store';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('evidence endpoints', () => {
  it('stores a chunked upload only when complete and hash-verified', async () => {
    const complaint = getDb().complaints[0];
    const before = getDb().evidence.length;
    const bytes = new TextEncoder().encode('2026-08-03 20:00:00 甲: 一\n'.repeat(40000));
    const session = await startUpload({ fileName: 'chat.txt', size: bytes.length, complaintId: complaint.id, caseId: null });
    const chunks = Math.ceil(bytes.length / session.chunkSize);
    expect(chunks).toBeGreaterThan(1);
    // Half the chunks, then completion: refused, and nothing is listed.
    await uploadChunk(session.uploadId, 0, new Blob([bytes.slice(0, session.chunkSize)]));
    const incomplete = await failure(completeUpload(session.uploadId, { title: 'x', sha256: sha(bytes), perceptualHash: null }));
    expect(incomplete.message).toMatch(/不完整/);
    expect(getDb().evidence.length).toBe(before);

    const again = await startUpload({ fileName: 'chat.txt', size: bytes.length, complaintId: complaint.id, caseId: null });
    for (let i = 0; i < chunks; i++) await uploadChunk(again.uploadId, i, new Blob([bytes.slice(i * again.chunkSize, (i + 1) * again.chunkSize)]));
    const item = await completeUpload(again.uploadId, { title: '聊天', sha256: sha(bytes), perceptualHash: null });
    expect(item).toMatchObject({ kind: 'chat', sha256: sha(bytes), size: bytes.length, complaintId: complaint.id });
    expect(item.custody[0].action).toBe('uploaded');
    expect(getDb().complaints[0].evidenceIds).toContain(item.id);
  });

  it('refuses a file whose bytes are not an accepted type, whatever its name', async () => {
    const complaint = getDb().complaints[0];
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    const s = await startUpload({ fileName: '诊断证明.png', size: exe.length, complaintId: complaint.id, caseId: null });
    await uploadChunk(s.uploadId, 0, new Blob([exe]));
    const e = await failure(completeUpload(s.uploadId, { title: 'x', sha256: sha(exe), perceptualHash: null }));
    expect(e.kind).toBe('validation');
    expect(e.message).toMatch(/不支持的文件类型/);
  });

  it('refuses an oversized upload before any byte is sent', async () => {
    const e = await failure(startUpload({ fileName: 'big.pdf', size: 51 * 1024 * 1024, complaintId: getDb().complaints[0].id, caseId: null }));
    expect(e.message).toMatch(/过大/);
  });

  it('lists reuse of a forged certificate across other complaints by perceptual distance', async () => {
    const forged = getDb().evidence.find((e) => e.fileName === 'cert-diagnosis-a.png')!;
    const reuse = await evidenceExtraQueries.reuse(forged.id).queryFn!({} as never);
    expect(reuse.matches.length).toBeGreaterThan(0);
    expect(reuse.matches.every((m) => m.complaintId !== forged.complaintId && m.distance <= reuse.threshold)).toBe(true);
    expect(reuse.matches.some((m) => m.fileName === 'cert-diagnosis-a-rescan.jpg')).toBe(true);
  });

  it('persists an annotation with a custody event and refuses a stale version', async () => {
    const e = getDb().evidence.find((x) => x.kind === 'image')!;
    const updated = await addAnnotation(e.id, { version: e.version, page: null, rect: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 }, note: '印章五角星偏移', signalCode: 'document_reuse' });
    expect(updated.annotations.at(-1)).toMatchObject({ note: '印章五角星偏移', signalCode: 'document_reuse' });
    expect(updated.custody.at(-1)?.action).toBe('annotated');
    const again = await evidenceQueries.detail(e.id).queryFn!({} as never);
    expect(again.annotations).toHaveLength(updated.annotations.length);
    const stale = await failure(addAnnotation(e.id, { version: e.version - 1, page: null, rect: { x: 0, y: 0, w: 0.1, h: 0.1 }, note: 'x', signalCode: null }));
    expect(stale.kind).toBe('conflict');
  });
});
