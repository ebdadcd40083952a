import { annotationCreateSchema, custodyReportSchema, uploadCompleteSchema, uploadStartSchema, verdictPatchSchema, type Evidence } from '@/api/schemas';
import { sha256Hex } from '@/lib/sha256';
import { MAX_UPLOAD_BYTES, contradictsName, sniffType } from '@/lib/file-type';
import { recordAudit } from '@/domain/audit-log';
import { findReuse, voiceprintFor } from '@/domain/evidence';
import { rescore } from '@/domain/rescore';
import { documentFingerprint } from '@/domain/scoring';
import { checkVersion, del, fail, findOr404, get, parseBody, post, put, randomHex, requireWriter, type Route } from '../http';

const CHUNK_SIZE = 512 * 1024;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;



export const evidenceRoutes: Route[] = [
  get('/evidence', (ctx) => {
    const params = new URL(ctx.request.url).searchParams;
    const complaintId = params.get('complaintId');
    const caseId = params.get('caseId');
    const db = ctx.db;
    if (caseId) {
      const kase = db.cases.find((c) => c.id === caseId);
      const ids = new Set(kase?.evidenceIds ?? []);
      return db.evidence.filter((e) => e.caseId === caseId || ids.has(e.id));
    }
    if (complaintId) return db.evidence.filter((e) => e.complaintId === complaintId);
    return db.evidence.slice(0, 200);
  }),

  post('/evidence/uploads', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, uploadStartSchema);
    const user = requireWriter(ctx);
    if (!body.complaintId && !body.caseId) throw fail(422, 'validation', ctx.t('uploadNoTarget'));
    if (body.complaintId) findOr404(ctx, db.complaints, body.complaintId);
    if (body.caseId) findOr404(ctx, db.cases, body.caseId);
    if (body.size > MAX_UPLOAD_BYTES) throw fail(413, 'validation', ctx.t('uploadTooLarge', { max: mb(MAX_UPLOAD_BYTES) }));
    const id = `up-${randomHex(9)}`;
    await ctx.uploads.create({ id, fileName: body.fileName, size: body.size, complaintId: body.complaintId, caseId: body.caseId, userId: user.id });
    return { uploadId: id, chunkSize: CHUNK_SIZE, maxBytes: MAX_UPLOAD_BYTES };
  }),

  // Chunks and their session live behind the host's upload store, never in the records: an abandoned,
  // failed or refused upload leaves nothing listed, and a server with several processes shares them.
  put('/evidence/uploads/:uploadId/chunks/:index', async (ctx) => {
    const session = await ctx.uploads.get(String(ctx.params.uploadId));
    if (!session || session.userId !== ctx.user.id) throw fail(404, 'not_found', ctx.t('notFound'));
    const index = Number(ctx.params.index);
    const bytes = new Uint8Array(await ctx.request.arrayBuffer());
    if (!Number.isInteger(index) || index < 0 || bytes.length > CHUNK_SIZE) throw fail(400, 'bad_request', ctx.t('invalidBody') + 'chunk');
    const received = await ctx.uploads.putChunk(session.id, index, bytes);
    if (received > session.size) {
      await ctx.uploads.delete(session.id);
      throw fail(413, 'validation', ctx.t('uploadTooLarge', { max: mb(MAX_UPLOAD_BYTES) }));
    }
    return { received };
  }, { world: false }),

  del('/evidence/uploads/:uploadId', async (ctx) => {
    const session = await ctx.uploads.get(String(ctx.params.uploadId));
    if (session && session.userId === ctx.user.id) await ctx.uploads.delete(session.id);
    return { ok: true };
  }, { world: false }),

  post('/evidence/uploads/:uploadId/complete', async (ctx) => {
    const db = ctx.db;
    const session = await ctx.uploads.get(String(ctx.params.uploadId));
    if (!session || session.userId !== ctx.user.id) throw fail(404, 'not_found', ctx.t('notFound'));
    // The session ends here. On the server a refused file rolls this back with the rest of the write
    // and its session is swept with abandoned ones; no refused file ever becomes evidence.
    const parts = await ctx.uploads.chunks(session.id);
    await ctx.uploads.delete(session.id);
    const body = await parseBody(ctx, uploadCompleteSchema);
    const user = requireWriter(ctx);
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
    const claimed = contradictsName(session.fileName, sniffed.type);
    if (claimed) throw fail(422, 'validation', ctx.t('uploadNameMismatch', { claimed, type: sniffed.type.label }));
    const sha256 = await sha256Hex(bytes);
    if (sha256 !== body.sha256) throw fail(422, 'validation', ctx.t('uploadHashMismatch'));
    const id = `ev-u${randomHex(9)}`;
    // Stored under its own hash: the custody hash and the storage key cannot disagree.
    await ctx.blobs.put(sha256, bytes, sniffed.type.mime);
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
      custody: [{ at: now, actorId: user.id, action: 'uploaded', detail: `${session.fileName} · ${sniffed.type.label} · ${total} B · SHA-256 ${sha256.slice(0, 12)}…` }],
      perceptualHash: body.perceptualHash,
      version: 1,
    };
    db.evidence.push(item);
    const complaint = session.complaintId ? db.complaints.find((c) => c.id === session.complaintId) : undefined;
    if (complaint) complaint.evidenceIds.push(id);
    const kase = session.caseId ? db.cases.find((c) => c.id === session.caseId) : undefined;
    if (kase) kase.evidenceIds.push(id);
    // Its complaint scores it, and so does every complaint holding the same document (reuse counts borrowers).
    const fingerprint = documentFingerprint(item);
    const sameDocument = new Set(db.evidence.filter((e) => documentFingerprint(e) === fingerprint).map((e) => e.id));
    rescore(db, db.complaints.filter((c) => c.id === session.complaintId || c.evidenceIds.some((id) => sameDocument.has(id))).map((c) => c.id));
    recordAudit(db, { actorId: user.id, action: 'evidence_added', recordType: 'evidence', recordId: id, summary: `${session.fileName}（${sniffed.type.label}）`, reason: null, detail: { kind: 'uploaded', text: session.fileName, to: sniffed.type.label } });
    return item;
  }),

  get('/evidence/:id/content', async (ctx) => {
    const item = findOr404(ctx, ctx.db.evidence, String(ctx.params.id));
    const blob = await ctx.blobs.get(item.sha256);
    if (!blob) throw fail(404, 'not_found', ctx.t('notFound'));
    const name = encodeURIComponent(item.fileName);
    return new Response(blob.bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': item.mime, 'Content-Disposition': `inline; filename*=UTF-8''${name}`, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=3600' },
  });
  }),

  get('/evidence/:id', (ctx) => findOr404(ctx, ctx.db.evidence, String(ctx.params.id))),

  get('/evidence/:id/reuse', (ctx) => {
    const db = ctx.db;
    return findReuse(db, findOr404(ctx, db.evidence, String(ctx.params.id)));
  }),

  get('/evidence/:id/voiceprint', (ctx) => {
    const db = ctx.db;
    return voiceprintFor(db, findOr404(ctx, db.evidence, String(ctx.params.id)));
  }),

  post('/evidence/:id/annotations', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, annotationCreateSchema);
    const item = findOr404(ctx, db.evidence, String(ctx.params.id));
    const user = requireWriter(ctx);
    checkVersion(ctx, item, body.version);
    const at = new Date().toISOString();
    const annotation = { id: `an-${item.id}-${item.annotations.length + 1}-${Date.now().toString(36)}`, page: body.page, rect: body.rect, note: body.note, signalCode: body.signalCode, authorId: user.id, at };
    item.annotations.push(annotation);
    item.custody.push({ at, actorId: user.id, action: 'annotated', detail: body.note });
    item.version += 1;
    recordAudit(db, { actorId: user.id, action: 'annotate', recordType: 'evidence', recordId: item.id, summary: body.note, reason: null, detail: { kind: 'annotated', text: body.note.slice(0, 200) } });
    return item;
  }),

  post('/evidence/:id/custody', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, custodyReportSchema);
    const item = findOr404(ctx, db.evidence, String(ctx.params.id));
    // Viewing is custody too, auditors included: whoever saw the file is part of its trail.
    const user = ctx.user;
    item.custody.push({ at: new Date().toISOString(), actorId: user.id, action: body.action, detail: body.detail });
    recordAudit(db, { actorId: user.id, action: body.action === 'viewed' ? 'evidence_viewed' : 'export', recordType: 'evidence', recordId: item.id, summary: body.detail || item.title, reason: null, detail: { kind: body.action, text: body.detail || item.title } });
    return item;
  }),

  put('/evidence/:id/verdict', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, verdictPatchSchema);
    const item = findOr404(ctx, db.evidence, String(ctx.params.id));
    const user = requireWriter(ctx);
    checkVersion(ctx, item, body.version);
    const at = new Date().toISOString();
    const previous = item.verdict.status;
    item.verdict = { status: body.status, reason: body.reason, method: body.method, byId: user.id, at };
    item.custody.push({ at, actorId: user.id, action: 'verdict', verdict: body.status, detail: body.reason });
    item.version += 1;
    recordAudit(db, { actorId: user.id, action: 'verdict', recordType: 'evidence', recordId: item.id, summary: body.status, reason: `${body.reason}（${body.method}）`, detail: { kind: 'verdict', from: previous, to: body.status } });
    // The complaints that carry this document score it again: a forged verdict is a signal.
    rescore(db, db.complaints.filter((c) => c.id === item.complaintId || c.evidenceIds.includes(item.id)).map((c) => c.id));
    return item;
  }),
];
