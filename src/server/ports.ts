/**
 * What differs between hosts: where file bytes and uploads in progress are kept. The Node server keeps
 * them on disk and in the database; the in-browser demo in IndexedDB and memory.
 */
export type StoredBlob = { bytes: Uint8Array; mime: string };

/** Content-addressed: the key is the SHA-256 of the bytes. */
export type BlobStore = {
  put(sha256: string, bytes: Uint8Array, mime: string): Promise<void>;
  get(sha256: string): Promise<StoredBlob | undefined>;
};

export type UploadSession = { id: string; fileName: string; size: number; complaintId: string | null; caseId: string | null; userId: string };

export type UploadStore = {
  create(session: UploadSession): Promise<void>;
  get(id: string): Promise<UploadSession | undefined>;
  /** Stores one chunk (a repeated index replaces it) and answers the bytes received so far. */
  putChunk(id: string, index: number, bytes: Uint8Array): Promise<number>;
  /** The chunks in index order. */
  chunks(id: string): Promise<[number, Uint8Array][]>;
  delete(id: string): Promise<void>;
};

/** In memory: the demo host's uploads, and tests'. */
export function memoryUploads(): UploadStore {
  const sessions = new Map<string, { session: UploadSession; chunks: Map<number, Uint8Array> }>();
  return {
    create: async (session) => void sessions.set(session.id, { session, chunks: new Map() }),
    get: async (id) => sessions.get(id)?.session,
    putChunk: async (id, index, bytes) => {
      const entry = sessions.get(id);
      if (!entry) return 0;
      entry.chunks.set(index, bytes);
      return [...entry.chunks.values()].reduce((n, c) => n + c.length, 0);
    },
    chunks: async (id) => [...(sessions.get(id)?.chunks.entries() ?? [])].sort((a, b) => a[0] - b[0]),
    delete: async (id) => void sessions.delete(id),
  };
}
