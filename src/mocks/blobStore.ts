import type { BlobStore } from '@/server/ports';

/**
 * Bytes of uploaded evidence. Kept apart from the JSON db (which is saved whole on every write) and,
 * in the browser, persisted to their own IndexedDB store so an upload survives a reload.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';

const memory = new Map<string, { bytes: Uint8Array; mime: string }>();
let store: UseStore | null = null;
const idb = () => (typeof indexedDB === 'undefined' ? null : (store ??= createStore('jianzheng-evidence-blobs', 'blobs')));

export async function putBlob(id: string, bytes: Uint8Array, mime: string) {
  memory.set(id, { bytes, mime });
  const s = idb();
  if (s) await set(id, { bytes, mime }, s);
}

export async function getBlob(id: string): Promise<{ bytes: Uint8Array; mime: string } | undefined> {
  const hit = memory.get(id);
  if (hit) return hit;
  const s = idb();
  const found = s ? await get<{ bytes: Uint8Array; mime: string }>(id, s) : undefined;
  if (found) memory.set(id, found);
  return found;
}

/**
 * The demo's seeded evidence is the static files in public/samples (the Node host imports them into its
 * store at seed instead): a hash the store does not hold is looked for there.
 */
async function getBlobOrSample(sha256: string) {
  const held = await getBlob(sha256);
  if (held || typeof fetch === 'undefined') return held;
  const { sampleManifest } = await import('@/server/seed/samples');
  const file = sampleManifest.find((f) => f.sha256 === sha256);
  if (!file) return undefined;
  try {
    const res = await fetch(new URL(`/samples/${file.file}`, globalThis.location?.href));
    if (!res.ok) return undefined;
    const found = { bytes: new Uint8Array(await res.arrayBuffer()), mime: file.mime };
    memory.set(sha256, found);
    return found;
  } catch {
    return undefined;
  }
}

export const blobStore: BlobStore = { put: putBlob, get: getBlobOrSample };
