import { createSHA256 } from 'hash-wasm';

/** 8 MiB slices: big enough that wasm call overhead vanishes, small enough not to hold a 100 MB file twice. */
const SLICE = 8 * 1024 * 1024;

/** Streaming SHA-256 of a Blob/File (hash-wasm): memory stays flat whatever the file size. */
export async function sha256OfBlob(blob: Blob, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let at = 0; at < blob.size; at += SLICE) {
    signal?.throwIfAborted();
    hasher.update(new Uint8Array(await blob.slice(at, at + SLICE).arrayBuffer()));
    onProgress?.(Math.min(blob.size, at + SLICE), blob.size);
  }
  return hasher.digest('hex');
}

export type HashCheck = { status: 'match' | 'mismatch' | 'invalid'; actual: string; recorded: string };

/** Compares a computed digest with the recorded one; a malformed record is never reported as a match. */
export function verifyHash(actual: string, recorded: string): HashCheck {
  const a = actual.trim().toLowerCase();
  const r = recorded.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(r) || !/^[0-9a-f]{64}$/.test(a)) return { status: 'invalid', actual: a, recorded: r };
  return { status: a === r ? 'match' : 'mismatch', actual: a, recorded: r };
}
