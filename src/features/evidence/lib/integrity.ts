import { createSHA256 } from 'hash-wasm';

/** 8 MiB slices: big enough that wasm call overhead vanishes, small enough not to hold a 100 MB file twice. */
const SLICE = 8 * 1024 * 1024;

/**
 * Files up to this size are hashed by WebCrypto in one call (native, about 4× faster than wasm in the
 * bench); larger ones stream through hash-wasm so memory stays flat.
 */
export const ONE_SHOT_LIMIT = 256 * 1024 * 1024;

/** SHA-256 of a Blob/File as lowercase hex. */
export async function sha256OfBlob(blob: Blob, onProgress?: (done: number, total: number) => void, signal?: AbortSignal, oneShotLimit = ONE_SHOT_LIMIT): Promise<string> {
  if (blob.size <= oneShotLimit && globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    signal?.throwIfAborted();
    onProgress?.(blob.size, blob.size);
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }
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
