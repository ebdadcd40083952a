import { del, get, set } from 'idb-keyval';
import type { World } from '@/domain/world';

/** Bump when the stored shape changes so an old browser copy is regenerated, not misread. */
const KEY = 'jianzheng-demo-db-v1';

export const indexedDbPersistence = {
  load: () => get<World>(KEY),
  save: (db: World) => set(KEY, db),
  clear: () => del(KEY),
};
