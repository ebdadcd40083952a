/**
 * Builds the whole 报案材料 package: report (DOCX + PDF), evidence under safe numbered names, the
 * evidence index and manifest.json, as a ZIP. Plain TS over byte streams so the same code runs in the
 * browser's worker, in Node (bench) and in tests. Evidence is streamed: each file is hashed and stored
 * chunk by chunk, so memory stays near the size of the output, not a multiple of it.
 */
import { createSHA256 } from 'hash-wasm';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Referral } from '@/api/schemas';
import { renderDocx } from './docx';
import { buildManifest, evidenceIndexCsv, manifestBytes, type Manifest, type PackedFile } from './manifest';
import { evidenceEntryName, isSafeEntryPath } from './names';
import { renderPdf } from '@/lib/pdf-report';
import { reportBlocks, REPORT_TITLE, type ClearParty } from './report';
import { dosDate } from './zipfix';

export type PackageEvidence = {
  evidenceId: string;
  fileName: string;
  mime: string;
  /** Expected size, for progress; the real size is counted while reading. */
  size: number;
  open: () => AsyncIterable<Uint8Array>;
};

export type BuildInput = {
  referral: Referral;
  parties: readonly ClearParty[];
  /** YYYY-MM-DD: the report's date and every timestamp in the archive. */
  day: string;
  fontBytes: Uint8Array;
  /** One per referral.evidence item, any order: the package follows the referral's order. */
  evidence: readonly PackageEvidence[];
};

export type BuildProgress = { stage: 'report' | 'evidence' | 'index' | 'done'; doneBytes: number; totalBytes: number; file?: string };
export type BuildOptions = { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void };

export type BuildResult = { chunks: Uint8Array[]; size: number; docx: Uint8Array; pdf: Uint8Array; manifest: Manifest };

export class PackageError extends Error {
  constructor(
    readonly code: 'hashMismatch' | 'missingFile' | 'unsafeName' | 'cancelled',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

const REPORT_DOCX = `${REPORT_TITLE}.docx`;
const REPORT_PDF = `${REPORT_TITLE}.pdf`;
const INDEX_CSV = '证据清单.csv';
const MANIFEST = 'manifest.json';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const h = await createSHA256();
  h.init();
  h.update(bytes);
  return h.digest('hex');
}

/** Lets a worker see a cancel message, and the UI paint progress, between chunks. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function buildPackage(input: BuildInput, options: BuildOptions = {}): Promise<BuildResult> {
  const { referral, day } = input;
  const { signal, onProgress } = options;
  const checkCancelled = () => {
    if (signal?.aborted) throw new PackageError('cancelled', 'cancelled');
  };
  const byId = new Map(input.evidence.map((e) => [e.evidenceId, e]));
  const ordered = referral.evidence.map((item) => {
    const file = byId.get(item.evidenceId);
    if (!file) throw new PackageError('missingFile', item.evidenceId);
    return { item, file };
  });
  const totalBytes = ordered.reduce((s, { file }) => s + file.size, 0);
  let doneBytes = 0;
  const mtime = dosDate(day);

  const chunks: Uint8Array[] = [];
  let size = 0;
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else {
      chunks.push(chunk);
      size += chunk.length;
    }
  });
  const packed: PackedFile[] = [];
  const addWhole = async (path: string, data: Uint8Array, role: PackedFile['role'], compress: boolean) => {
    if (!isSafeEntryPath(path)) throw new PackageError('unsafeName', path);
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(data, true);
    packed.push({ path, role, sha256: await sha256Hex(data), size: data.length });
  };

  onProgress?.({ stage: 'report', doneBytes, totalBytes });
  const blocks = reportBlocks({ referral, parties: input.parties, date: day });
  const docx = await renderDocx(blocks, day);
  checkCancelled();
  const pdf = await renderPdf(blocks, input.fontBytes, day);
  checkCancelled();
  await addWhole(REPORT_DOCX, docx, 'report', false);
  await addWhole(REPORT_PDF, pdf, 'report', true);

  const mimes: Record<string, string> = {};
  for (const [i, { item, file }] of ordered.entries()) {
    const path = evidenceEntryName(i + 1, file.fileName, ordered.length);
    if (!isSafeEntryPath(path)) throw new PackageError('unsafeName', path);
    onProgress?.({ stage: 'evidence', doneBytes, totalBytes, file: path });
    // Evidence is mostly already compressed (JPEG, PNG, PDF): store it, which is fast and keeps bytes as they were.
    const entry = new ZipPassThrough(path);
    entry.mtime = mtime;
    zip.add(entry);
    const hasher = await createSHA256();
    hasher.init();
    let fileSize = 0;
    for await (const chunk of file.open()) {
      checkCancelled();
      hasher.update(chunk);
      entry.push(chunk, false);
      fileSize += chunk.length;
      doneBytes += chunk.length;
      onProgress?.({ stage: 'evidence', doneBytes, totalBytes, file: path });
      await breathe();
    }
    entry.push(new Uint8Array(0), true);
    const sha256 = hasher.digest('hex');
    // The file must be the one the chain of custody recorded, or the package proves nothing.
    if (sha256 !== item.sha256) throw new PackageError('hashMismatch', item.evidenceId);
    mimes[item.evidenceId] = file.mime;
    packed.push({ path, role: 'evidence', sha256, size: fileSize, evidenceId: item.evidenceId });
  }

  onProgress?.({ stage: 'index', doneBytes, totalBytes });
  const preliminary = buildManifest(referral, day, packed, mimes);
  const index = evidenceIndexCsv(preliminary);
  await addWhole(INDEX_CSV, index, 'index', true);
  const manifest = buildManifest(referral, day, packed, mimes);
  const json = manifestBytes(manifest);
  if (!isSafeEntryPath(MANIFEST)) throw new PackageError('unsafeName', MANIFEST);
  const manifestEntry = new ZipDeflate(MANIFEST, { level: 6 });
  manifestEntry.mtime = mtime;
  zip.add(manifestEntry);
  manifestEntry.push(json, true);
  zip.end();
  if (zipError) throw zipError;
  onProgress?.({ stage: 'done', doneBytes: totalBytes, totalBytes });
  return { chunks, size, docx, pdf, manifest };
}

export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads a fetch body (or any byte stream) as chunks. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.length) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
