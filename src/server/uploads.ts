import { sql } from 'kysely';
import type { Db, Tx } from './db/database';
import type { UploadStore } from './ports';

/** Uploads in progress in the database, so any server process can take the next chunk. */
export function databaseUploads(db: Db | Tx): UploadStore {
  return {
    async create(s) {
      // Sessions left a day ago (closed tabs, refused files) go, chunks with them.
      await db.deleteFrom('uploads').where('created_at', '<', sql<string>`now() - interval '1 day'`).execute();
      await db.insertInto('uploads').values({ id: s.id, user_id: s.userId, file_name: s.fileName, size: s.size, complaint_id: s.complaintId, case_id: s.caseId }).execute();
    },
    async get(id) {
      const r = await db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
      return r && { id: r.id, userId: r.user_id, fileName: r.file_name, size: Number(r.size), complaintId: r.complaint_id, caseId: r.case_id };
    },
    async putChunk(id, index, bytes) {
      await db
        .insertInto('upload_chunks')
        .values({ upload_id: id, index, bytes })
        .onConflict((oc) => oc.columns(['upload_id', 'index']).doUpdateSet({ bytes }))
        .execute();
      const r = await db
        .selectFrom('upload_chunks')
        .select((eb) => eb.fn.sum<number>(eb.fn('octet_length', ['bytes'])).as('n'))
        .where('upload_id', '=', id)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async chunks(id) {
      const rows = await db.selectFrom('upload_chunks').select(['index', 'bytes']).where('upload_id', '=', id).orderBy('index').execute();
      return rows.map((r) => [r.index, new Uint8Array(r.bytes)] as [number, Uint8Array]);
    },
    async delete(id) {
      await db.deleteFrom('uploads').where('id', '=', id).execute();
    },
  };
}
