import { http, HttpResponse } from 'msw';
import { annotationCreateSchema, custodyReportSchema, uploadCompleteSchema, uploadStartSchema, verdictPatchSchema, type Evidence } from '@/api/schemas';
import { MAX_UPLOAD_BYTES, sniffType } from '@/lib/file-type';
import { recordAudit } from '@/domain/audit-log';
import { getBlob, putBlob } from '../blobStore';
import { findReuse, voiceprintFor } from '@/domain/evidence';
import { commit, getDb } from '../store';
import { api, checkVersion, currentUser, fail, findOr404, parseBody, requireWriter, respond } from './http';

const CHUNK_SIZE = 512 * 1024;

/**
 * Uploads in progress live only in memory, never in the db: an abandoned, failed or refused upload
 * disappears with its session and nothing half-uploaded is ever listed or persisted.
 */
type UploadSession = { id: string; fileName: string; size: number; complaintId: string | null; caseId: string | null; userId: string; chunks: Map<number, Uint8Array> };
const uploads = new Map<string, UploadSession>();
let uploadSeq = 0;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const evidenceHandlers = [
  http.get(api('/evidence'), ({ request }) =>
    respond(request, () => {
      const params = new URL(request.url).searchParams;
      const complaintId = params.get('complaintId');
      const caseId = params.get('caseId');
      const db = getDb();
      if (caseId) {
        const kase = db.cases.find((c) => c.id === caseId);
        const ids = new Set(kase?.evidenceIds ?? []);
        return db.evidence.filter((e) => e.caseId === caseId || ids.has(e.id));
      }
      if (complaintId) return db.evidence.filter((e) => e.complaintId === complaintId);
      return db.evidence.slice(0, 200);
    }),
  ),

  http.post(api('/evidence/uploads'), ({ request }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const body = await parseBody(ctx, uploadStartSchema);
      const user = requireWriter(ctx, db);
      if (!body.complaintId && !body.caseId) throw fail(422, 'validation', ctx.t('uploadNoTarget'));
      if (body.complaintId) findOr404(ctx, db.complaints, body.complaintId);
      if (body.caseId) findOr404(ctx, db.cases, body.caseId);
      if (body.size > MAX_UPLOAD_BYTES) throw fail(422, 'validation', ctx.t('uploadTooLarge', { max: mb(MAX_UPLOAD_BYTES) }));
      const id = `up-${Date.now().toString(36)}-${++uploadSeq}`;
      uploads.set(id, { id, fileName: body.fileName, size: body.size, complaintId: body.complaintId, caseId: body.caseId, userId: user.id, chunks: new Map() });
      return { uploadId: id, chunkSize: CHUNK_SIZE, maxBytes: MAX_UPLOAD_BYTES };
    }),
  ),

  http.put(api('/evidence/uploads/:uploadId/chunks/:index'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const session = uploads.get(String(params.uploadId));
      if (!session) throw fail(404, 'not_found', ctx.t('notFound'));
      const index = Number(params.index);
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (!Number.isInteger(index) || index < 0 || bytes.length > CHUNK_SIZE) throw fail(400, 'bad_request', ctx.t('invalidBody') + 'chunk');
      session.chunks.set(index, bytes);
      const received = [...session.chunks.values()].reduce((n, c) => n + c.length, 0);
      if (received > session.size) {
        uploads.delete(session.id);
        throw fail(422, 'validation', ctx.t('uploadTooLarge', { max: mb(MAX_UPLOAD_BYTES) }));
      }
      return { received };
    }),
  ),

  http.delete(api('/evidence/uploads/:uploadId'), ({ request, params }) =>
    respond(request, () => {
      uploads.delete(String(params.uploadId));
      return { ok: true };
    }),
  ),

  http.post(api('/evidence/uploads/:uploadId/complete'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const session = uploads.get(String(params.uploadId));
      if (!session) throw fail(404, 'not_found', ctx.t('notFound'));
      // Whatever happens next, the session is over: success stores the file, failure leaves nothing.
      uploads.delete(session.id);
      const body = await parseBody(ctx, uploadCompleteSchema);
      const user = requireWriter(ctx, db);
      const parts = [...session.chunks.entries()].sort((a, b) => a[0] - b[0]);
      const total = parts.reduce((n, [, c]) => n + c.length, 0);
      if (total !== session.size || parts.some(([i], k) => i !== k)) throw fail(422, 'validation', ctx.t('uploadIncomplete', { got: String(total), want: String(session.size) }));
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const [, c] of parts) {
        bytes.set(c, at);
        at += c.length;
      }
      // The server decides the type from the bytes too: a client check alone is no check.
      const sniffed = sniffType(bytes.subarray(0, 4096));
      if (!sniffed.ok) throw fail(422, 'validation', ctx.t('uploadRefusedType', { type: sniffed.label || '空文件' }));
      const sha256 = await sha256Hex(bytes);
      if (sha256 !== body.sha256) throw fail(422, 'validation', ctx.t('uploadHashMismatch'));
      const id = `ev-u${Date.now().toString(36)}${uploadSeq}`;
      await putBlob(id, bytes, sniffed.type.mime);
      const now = new Date().toISOString();
      const item: Evidence = {
        id,
        kind: sniffed.type.kind,
        title: body.title,
        fileName: session.fileName,
        mime: sniffed.type.mime,
        size: total,
        sha256,
        url: `/api/evidence/${id}/content`,
        source: '工作台上传',
        complaintId: session.complaintId,
        caseId: session.caseId,
        uploadedAt: now,
        uploadedById: user.id,
        verdict: { status: 'unverified', reason: '', method: '', byId: null, at: null },
        annotations: [],
        custody: [{ at: now, actorId: user.id, action: 'uploaded', detail: `${session.fileName}（${sniffed.type.label}，${total} 字节）；SHA-256 ${sha256.slice(0, 12)}…` }],
        perceptualHash: body.perceptualHash,
        version: 1,
      };
      db.evidence.push(item);
      const complaint = session.complaintId ? db.complaints.find((c) => c.id === session.complaintId) : undefined;
      if (complaint) complaint.evidenceIds.push(id);
      const kase = session.caseId ? db.cases.find((c) => c.id === session.caseId) : undefined;
      if (kase) kase.evidenceIds.push(id);
      recordAudit(db, { actorId: user.id, action: 'evidence_added', recordType: 'evidence', recordId: id, summary: `${session.fileName}（${sniffed.type.label}）`, reason: null });
      await commit();
      return item;
    }),
  ),

  http.get(api('/evidence/:id/content'), async ({ params }) => {
    const blob = await getBlob(String(params.id));
    if (!blob) return new HttpResponse(null, { status: 404 });
    return HttpResponse.arrayBuffer(blob.bytes.slice().buffer, { headers: { 'content-type': blob.mime } });
  }),

  http.get(api('/evidence/:id'), ({ request, params }) => respond(request, (ctx) => findOr404(ctx, getDb().evidence, String(params.id)))),

  http.get(api('/evidence/:id/reuse'), ({ request, params }) =>
    respond(request, (ctx) => {
      const db = getDb();
      return findReuse(db, findOr404(ctx, db.evidence, String(params.id)));
    }),
  ),

  http.get(api('/evidence/:id/voiceprint'), ({ request, params }) =>
    respond(request, (ctx) => {
      const db = getDb();
      return voiceprintFor(db, findOr404(ctx, db.evidence, String(params.id)));
    }),
  ),

  http.post(api('/evidence/:id/annotations'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const body = await parseBody(ctx, annotationCreateSchema);
      const item = findOr404(ctx, db.evidence, String(params.id));
      const user = requireWriter(ctx, db);
      checkVersion(ctx, item, body.version);
      const at = new Date().toISOString();
      const annotation = { id: `an-${item.id}-${item.annotations.length + 1}-${Date.now().toString(36)}`, page: body.page, rect: body.rect, note: body.note, signalCode: body.signalCode, authorId: user.id, at };
      item.annotations.push(annotation);
      item.custody.push({ at, actorId: user.id, action: 'annotated', detail: `${body.page ? `第${body.page}页：` : ''}${body.note}` });
      item.version += 1;
      recordAudit(db, { actorId: user.id, action: 'annotate', recordType: 'evidence', recordId: item.id, summary: body.note, reason: null });
      await commit();
      return item;
    }),
  ),

  http.post(api('/evidence/:id/custody'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const body = await parseBody(ctx, custodyReportSchema);
      const item = findOr404(ctx, db.evidence, String(params.id));
      // Viewing is custody too, auditors included: whoever saw the file is part of its trail.
      const user = currentUser(db);
      item.custody.push({ at: new Date().toISOString(), actorId: user.id, action: body.action, detail: body.detail });
      recordAudit(db, { actorId: user.id, action: body.action === 'viewed' ? 'evidence_viewed' : 'export', recordType: 'evidence', recordId: item.id, summary: body.detail || item.title, reason: null });
      await commit();
      return item;
    }),
  ),

  http.put(api('/evidence/:id/verdict'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const body = await parseBody(ctx, verdictPatchSchema);
      const item = findOr404(ctx, db.evidence, String(params.id));
      const user = requireWriter(ctx, db);
      checkVersion(ctx, item, body.version);
      const at = new Date().toISOString();
      item.verdict = { status: body.status, reason: body.reason, method: body.method, byId: user.id, at };
      item.custody.push({ at, actorId: user.id, action: 'verdict', detail: `${body.status}: ${body.reason}` });
      item.version += 1;
      recordAudit(db, { actorId: user.id, action: 'verdict', recordType: 'evidence', recordId: item.id, summary: body.status, reason: `${body.reason}（${body.method}）` });
      await commit();
      return item;
    }),
  ),
];
