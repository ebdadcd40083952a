import type { Evidence } from '@/api/schemas';
import { MAX_UPLOAD_BYTES, contradictsName, sniffType, type Sniffed } from '@/lib/file-type';
import { abortUpload, completeUpload, startUpload, uploadChunk } from '../api/evidence-api';
import { sha256OfBlob } from './integrity';

export type UploadPhase = 'checking' | 'hashing' | 'sending' | 'finishing';
export type UploadRefusal = { kind: 'too_large' | 'unsupported' | 'empty' | 'mismatch'; detail: string; claimed?: string };

export class UploadRefused extends Error {
  constructor(readonly refusal: UploadRefusal) {
    super(refusal.kind);
  }
}

/** Type from the bytes and the size limit, before anything is sent. */
export async function checkFile(file: Blob, maxBytes = MAX_UPLOAD_BYTES): Promise<Sniffed> {
  if (file.size > maxBytes) throw new UploadRefused({ kind: 'too_large', detail: String(maxBytes) });
  const sniffed = sniffType(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  if (!sniffed.ok) throw new UploadRefused({ kind: sniffed.reason, detail: sniffed.label });
  const claimed = file instanceof File ? contradictsName(file.name, sniffed.type) : null;
  if (claimed) throw new UploadRefused({ kind: 'mismatch', detail: sniffed.type.label, claimed });
  return sniffed.type;
}

type Options = {
  file: File;
  target: { complaintId: string | null; caseId: string | null };
  perceptualHash: (file: Blob, type: Sniffed) => Promise<string | null>;
  onProgress: (phase: UploadPhase, fraction: number) => void;
  signal?: AbortSignal;
};

/**
 * Check → hash → send in chunks → complete. The server assembles the chunks only on `complete`; any
 * failure or cancel deletes the session, so a half-sent file never becomes evidence.
 */
export async function uploadEvidence({ file, target, perceptualHash, onProgress, signal }: Options): Promise<Evidence> {
  onProgress('checking', 0);
  const type = await checkFile(file);
  const typed = new Blob([file], { type: type.mime });
  onProgress('hashing', 0);
  const sha256 = await sha256OfBlob(file, (done, total) => onProgress('hashing', done / total), signal);
  const phash = type.kind === 'image' || type.kind === 'pdf' ? await perceptualHash(typed, type).catch(() => null) : null;
  const session = await startUpload({ fileName: file.name, size: file.size, ...target }, signal);
  try {
    const count = Math.ceil(file.size / session.chunkSize);
    for (let i = 0; i < count; i++) {
      signal?.throwIfAborted();
      await uploadChunk(session.uploadId, i, file.slice(i * session.chunkSize, (i + 1) * session.chunkSize), signal);
      onProgress('sending', (i + 1) / count);
    }
    onProgress('finishing', 1);
    return await completeUpload(session.uploadId, { title: file.name.replace(/\.[^.]+$/, '') || file.name, sha256, perceptualHash: phash }, signal);
  } catch (e) {
    await abortUpload(session.uploadId).catch(() => undefined);
    throw e;
  }
}
