import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from './ports';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files on disk under their SHA-256 (`<dir>/<sha256>`): the custody hash and the storage key cannot
 * disagree, and a file stored twice is stored once. An object store can implement the same interface.
 */
export function diskBlobStore(dir: string): BlobStore {
  const ready = mkdir(dir, { recursive: true });
  return {
    async put(sha256, bytes) {
      if (!SHA256.test(sha256)) throw new Error('blob key must be a SHA-256');
      await ready;
      // Written aside and renamed, so a crash never leaves a half file under a valid name.
      const tmp = join(dir, `.${sha256}.${process.pid}.${Date.now()}.tmp`);
      await writeFile(tmp, bytes);
      await rename(tmp, join(dir, sha256));
    },
    async get(sha256) {
      if (!SHA256.test(sha256)) return undefined;
      try {
        return { bytes: new Uint8Array(await readFile(join(dir, sha256))), mime: 'application/octet-stream' };
      } catch {
        return undefined;
      }
    },
  };
}

export function memoryBlobStore(): BlobStore {
  const blobs = new Map<string, { bytes: Uint8Array; mime: string }>();
  return { put: async (sha256, bytes, mime) => void blobs.set(sha256, { bytes, mime }), get: async (sha256) => blobs.get(sha256) };
}
