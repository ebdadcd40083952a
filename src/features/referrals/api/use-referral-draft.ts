import { useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, set } from 'idb-keyval';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/api/errors';
import { referralKeys, referralQueries, updateReferral } from '@/api/resources/referrals';
import { referralSchema, type Referral, type ReferralPatch } from '@/api/schemas';

export const EDITABLE = ['addressee', 'reportingInstitution', 'handler', 'reportedParties', 'cause', 'charges', 'facts', 'amountInvolved', 'evidence'] as const;
export type Editable = Pick<Referral, (typeof EDITABLE)[number]>;

/** A local copy of unsaved edits, with the version they were made on: survives reloads and failed requests. */
type LocalCopy = { baseVersion: number; fields: Editable };

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

const storageKey = (id: string) => `jianzheng.referral-draft.${id}`;
const pick = (r: Editable): Editable => Object.fromEntries(EDITABLE.map((k) => [k, r[k]])) as Editable;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diff(base: Editable, draft: Editable): Partial<Editable> {
  const out: Partial<Editable> = {};
  for (const k of EDITABLE) if (!same(base[k], draft[k])) (out as Record<string, unknown>)[k] = draft[k];
  return out;
}

const AUTOSAVE_MS = 800;

/**
 * The builder's working copy. Every edit is written to IndexedDB at once and PATCHed after a pause,
 * carrying the version it was based on. A failed save keeps the local copy and retries; a 409 shows
 * the other person's version and lets the user choose — nothing is overwritten silently.
 */
export function useReferralDraft(id: string) {
  const qc = useQueryClient();
  const server = useQuery(referralQueries.detail(id));
  const [base, setBase] = useState<Referral | null>(null);
  const [draft, setDraft] = useState<Editable | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Referral | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<{ base: Referral | null; draft: Editable | null; state: SaveState }>({ base: null, draft: null, state: 'saved' });
  latest.current = { base, draft, state };
  const inFlight = useRef(false);

  // First load: a local copy left by a reload or a failed save wins if it was made on this version.
  const loaded = useRef(false);
  useEffect(() => {
    if (!server.data || loaded.current) return;
    loaded.current = true;
    const record = server.data;
    void get<LocalCopy>(storageKey(id))
      .catch(() => undefined)
      .then((local) => {
        setBase(record);
        latest.current.base = record;
        if (local && !same(local.fields, pick(record))) {
          setDraft(local.fields);
          // The save below runs before React re-renders: give it the restored copy now.
          latest.current.draft = local.fields;
          if (local.baseVersion === record.version) {
            setState('dirty');
            schedule(0);
          } else {
            setConflict(record);
            setState('conflict');
          }
        } else setDraft(pick(record));
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per record
  }, [server.data, id]);

  // Later server changes (approval, tracking, another tab) are adopted when nothing local is pending.
  useEffect(() => {
    const record = server.data;
    const cur = latest.current;
    if (!record || !cur.base || record.version <= cur.base.version) return;
    if (cur.state === 'saved') {
      setBase(record);
      setDraft(pick(record));
    }
  }, [server.data]);

  const save = useCallback(async () => {
    const { base: b, draft: d } = latest.current;
    if (!b || !d || inFlight.current) return;
    const changes = diff(pick(b), d);
    if (Object.keys(changes).length === 0) {
      setState('saved');
      await del(storageKey(id)).catch(() => undefined);
      return;
    }
    inFlight.current = true;
    setState('saving');
    try {
      const saved = await updateReferral(id, { version: b.version, ...changes } as ReferralPatch);
      qc.setQueryData(referralKeys.detail(id), saved);
      void qc.invalidateQueries({ queryKey: referralKeys.lists() });
      setBase(saved);
      latest.current.base = saved;
      setError(null);
      const now = latest.current.draft;
      if (now && same(pick(saved), now)) {
        setState('saved');
        await del(storageKey(id)).catch(() => undefined);
      } else {
        setState('dirty');
        schedule(AUTOSAVE_MS);
      }
    } catch (e) {
      if (isApiError(e) && e.kind === 'conflict') {
        const current = referralSchema.safeParse(e.current);
        setConflict(current.success ? current.data : null);
        setState('conflict');
        if (current.success) qc.setQueryData(referralKeys.detail(id), current.data);
      } else {
        setState('error');
        setError(e);
      }
    } finally {
      inFlight.current = false;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads refs
  }, [id, qc]);

  function schedule(ms: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), ms);
  }
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const edit = useCallback(
    (update: (d: Editable) => Editable) => {
      const { base: b, draft: d, state: s } = latest.current;
      if (!b || !d) return;
      const next = update(d);
      setDraft(next);
      latest.current.draft = next;
      void set(storageKey(id), { baseVersion: b.version, fields: next } satisfies LocalCopy).catch(() => undefined);
      if (s === 'conflict') return; // stays local until the user resolves the conflict
      setState('dirty');
      schedule(AUTOSAVE_MS);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads refs
    [id],
  );

  /** Conflict: apply my edits on top of their version (an explicit choice), or drop mine. */
  const resolve = useCallback(
    (choice: 'mine' | 'theirs') => {
      const theirs = conflict;
      if (!theirs) return;
      setConflict(null);
      setBase(theirs);
      latest.current.base = theirs;
      if (choice === 'theirs') {
        setDraft(pick(theirs));
        setState('saved');
        void del(storageKey(id)).catch(() => undefined);
      } else {
        setState('dirty');
        latest.current.state = 'dirty';
        void save();
      }
    },
    [conflict, id, save],
  );

  /** Adopt a record the server returned for another action (approval, tracking). */
  const adopt = useCallback(
    (record: Referral) => {
      qc.setQueryData(referralKeys.detail(id), record);
      void qc.invalidateQueries({ queryKey: referralKeys.lists() });
      setBase(record);
      latest.current.base = record;
      if (latest.current.state === 'saved') setDraft(pick(record));
    },
    [id, qc],
  );

  return { server, base, draft, state, error, conflict, edit, retry: () => void save(), resolve, adopt };
}
