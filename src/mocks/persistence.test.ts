import 'fake-indexeddb/auto';
import { entries, createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createCase } from '@/api/resources/cases';
import { updateComplaint, complaintQueries } from '@/api/resources/complaints';
import { expectApiError as failure } from '@/api/expect-api-error';
import { generateDemoData } from '@/server/seed/generator';
import { indexedDbPersistence } from './persistence';
import { configureStore, ensureStored, getDb } from './store';

const seed = () => generateDemoData({ complaints: 300, now: new Date('2026-11-23T01:00:00Z') });
const storedKeys = async () => (await entries(createStore('jianzheng-demo-records-v1', 'records'))).map(([k]) => String(k));

/** Counts the entries each save writes, by watching the object store's put calls. */
function countPuts() {
  const proto = IDBObjectStore.prototype;
  const put = proto.put;
  const seen: string[] = [];
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    seen.push(String(key));
    return put.call(this, value, key);
  };
  return { seen, restore: () => void (proto.put = put) };
}

describe('demo records in IndexedDB', () => {
  it('stores generated data whole at the first write, then only what each write changed, and reads it back the same', async () => {
    await indexedDbPersistence.clear();
    configureStore({ seed, persistence: indexedDbPersistence });
    const [first, second] = (await complaintQueries.list({ pageSize: 2 }).queryFn!({} as never)).items;

    await updateComplaint(first.id, { version: first.version, note: '第一次保存' });
    // Saved whole the first time, in one entry per collection.
    const all = await storedKeys();
    expect(all).toEqual(expect.arrayContaining(['meta', 'base/complaints', 'base/audit', 'base/pii']));
    expect(all.some((k) => k.startsWith('rec/'))).toBe(false);

    const puts = countPuts();
    try {
      await updateComplaint(second.id, { version: second.version, note: '只存这一条' });
    } finally {
      puts.restore();
    }
    // The complaint, the audit event(s) it appended and the small meta entry: not the whole database.
    expect(puts.seen).toContain(`rec/complaints/${second.id}`);
    expect(puts.seen.filter((k) => k.startsWith('rec/'))).toEqual([`rec/complaints/${second.id}`]);
    expect(puts.seen.length).toBeLessThan(10);

    // A new record, which goes on changing within its command (the case gains its complaint).
    const kase = await createCase({ title: '新案件', priority: 'high', complaintIds: [first.id], entityIds: [], assigneeId: null });

    const loaded = await indexedDbPersistence.load();
    expect(loaded).toEqual(JSON.parse(JSON.stringify(getDb())));
    expect(loaded!.complaints.find((c) => c.id === second.id)!.notes.at(-1)!.text).toBe('只存这一条');
    expect(loaded!.cases.at(-1)).toMatchObject({ id: kase.id, complaintIds: [first.id] });
    expect(loaded!.complaints.find((c) => c.id === first.id)!.caseId).toBe(kase.id);
  });

  it('a refused write changes nothing, in memory or stored', async () => {
    await indexedDbPersistence.clear();
    configureStore({ seed, persistence: indexedDbPersistence });
    const [c] = (await complaintQueries.list({ pageSize: 1 }).queryFn!({} as never)).items;
    await updateComplaint(c.id, { version: c.version, note: '先存一次' });
    const before = JSON.stringify(getDb());
    const error = await failure(updateComplaint(c.id, { version: c.version, note: '过期版本' }));
    expect(error.status).toBe(409);
    expect(JSON.parse(JSON.stringify(getDb()))).toEqual(JSON.parse(before));
    expect(await indexedDbPersistence.load()).toEqual(JSON.parse(before));
  });

  it('saves generated data at start, so the next page load reads it instead of generating it again', async () => {
    await indexedDbPersistence.clear();
    let generated = 0;
    configureStore({ seed: () => (generated++, seed()), persistence: indexedDbPersistence });
    await ensureStored();
    expect(generated).toBe(1);
    const loaded = await indexedDbPersistence.load();
    configureStore({ seed: () => (generated++, seed()), persistence: indexedDbPersistence, initial: loaded });
    expect(getDb().complaints).toHaveLength(300);
    expect(generated).toBe(1);
  });

  it('a write the browser cannot save is put back, and the person is told it did not take effect', async () => {
    configureStore({
      seed,
      initial: seed(),
      persistence: { ...indexedDbPersistence, saveChanges: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')) },
    });
    const [c] = (await complaintQueries.list({ pageSize: 1 }).queryFn!({} as never)).items;
    const before = JSON.stringify(getDb().complaints.find((x) => x.id === c.id));
    const error = await failure(updateComplaint(c.id, { version: c.version, note: '存不下' }));
    expect(error.status).toBe(500);
    expect(error.message).toContain('未能保存');
    expect(JSON.stringify(getDb().complaints.find((x) => x.id === c.id))).toBe(before);
  });
});
