/**
 * The graph screen's working state: what has been gathered (entities and links), what the user did to it
 * (hidden, pinned, expansions to undo) and what was found (communities, path). Maps are mutated in place
 * and `version` bumps, so a 14k-entity network is not copied on every change.
 */
import { create } from 'zustand';
import type { Entity, Link } from '@/api/schemas';
import type { CommunityResult, PathResult } from '../model/analysis';
import { communitySizes } from '../model/analysis';
import { emptyWorkingSet, mergeInto, removeEntities, type WorkingSet } from '../model/graph-model';

type Expansion = { entityIds: string[]; linkIds: string[]; anchor: string | null };

type GraphState = {
  set: WorkingSet;
  version: number;
  undo: Expansion[];
  hidden: Set<string>;
  pinned: Set<string>;
  communities: (CommunityResult & { sizes: Map<number, number>; ms: number }) | null;
  collapsed: Set<number>;
  minCommunitySize: number;
  path: PathResult | null;
  pathEnds: [string | null, string | null];
  /** Node the last expansion grew from: new nodes are placed around it before the layout runs. */
  anchor: string | null;
  /** Saved positions of a case's picture. */
  preset: Record<string, { x: number; y: number }> | null;
  /** Loading the start (complaint, entity, case). */
  loading: boolean;
  loadError: unknown;
  reset: () => void;
  setPreset: (p: Record<string, { x: number; y: number }> | null) => void;
  setLoad: (loading: boolean, error?: unknown) => void;
  add: (entities: readonly Entity[], links: readonly Link[], opts?: { undoable?: boolean; anchor?: string | null }) => number;
  undoLast: () => boolean;
  remove: (ids: readonly string[]) => void;
  toggleHidden: (id: string) => void;
  showAll: () => void;
  togglePinned: (id: string) => void;
  setCommunities: (r: (CommunityResult & { ms: number }) | null, opts?: { collapseAll?: boolean }) => void;
  /** Adds a whole network already split into communities, collapsed, in one change: 14k nodes must never reach the canvas at once. */
  addNetwork: (entities: readonly Entity[], links: readonly Link[], communities: CommunityResult & { ms: number }, minSize: number) => void;
  toggleCollapsed: (c: number) => void;
  setAllCollapsed: (collapsed: boolean) => void;
  setMinCommunitySize: (n: number) => void;
  setPath: (p: PathResult | null) => void;
  setPathEnd: (which: 0 | 1, id: string | null) => void;
};

const initial = () => ({
  set: emptyWorkingSet(),
  version: 0,
  undo: [] as Expansion[],
  hidden: new Set<string>(),
  pinned: new Set<string>(),
  communities: null,
  collapsed: new Set<number>(),
  minCommunitySize: 1,
  path: null,
  pathEnds: [null, null] as [string | null, string | null],
  anchor: null,
  preset: null,
  loading: false,
  loadError: null as unknown,
});

export const useGraphStore = create<GraphState>()((set, get) => ({
  ...initial(),
  reset: () => set(initial()),
  setPreset: (preset) => set({ preset }),
  setLoad: (loading, loadError = null) => set({ loading, loadError }),
  add: (entities, links, opts = {}) => {
    const s = get();
    const added = mergeInto(s.set, entities, links);
    const changed = added.entityIds.length + added.linkIds.length;
    if (!changed) return 0;
    set({
      version: s.version + 1,
      anchor: opts.anchor ?? null,
      undo: opts.undoable ? [...s.undo, { ...added, anchor: opts.anchor ?? null }] : s.undo,
    });
    return added.entityIds.length;
  },
  undoLast: () => {
    const s = get();
    const last = s.undo[s.undo.length - 1];
    if (!last) return false;
    for (const id of last.linkIds) s.set.links.delete(id);
    removeEntities(s.set, last.entityIds);
    set({ version: s.version + 1, undo: s.undo.slice(0, -1), path: null, anchor: null });
    return true;
  },
  remove: (ids) => {
    const s = get();
    removeEntities(s.set, ids);
    set({ version: s.version + 1, path: null, anchor: null });
  },
  toggleHidden: (id) => {
    const hidden = new Set(get().hidden);
    if (hidden.has(id)) hidden.delete(id);
    else hidden.add(id);
    set({ hidden, version: get().version + 1 });
  },
  showAll: () => set({ hidden: new Set(), version: get().version + 1 }),
  togglePinned: (id) => {
    const pinned = new Set(get().pinned);
    if (pinned.has(id)) pinned.delete(id);
    else pinned.add(id);
    set({ pinned });
  },
  setCommunities: (r, opts = {}) => {
    if (!r) return set({ communities: null, collapsed: new Set(), minCommunitySize: 1, version: get().version + 1 });
    const sizes = communitySizes(r.communityOf);
    set({
      communities: { ...r, sizes },
      collapsed: opts.collapseAll ? new Set(sizes.keys()) : new Set(),
      version: get().version + 1,
    });
  },
  addNetwork: (entities, links, r, minSize) => {
    const s = get();
    const added = mergeInto(s.set, entities, links);
    const sizes = communitySizes(r.communityOf);
    set({
      version: s.version + 1,
      anchor: null,
      undo: [...s.undo, { ...added, anchor: null }],
      communities: { ...r, sizes },
      collapsed: new Set(sizes.keys()),
      minCommunitySize: minSize,
    });
  },
  toggleCollapsed: (c) => {
    const collapsed = new Set(get().collapsed);
    if (collapsed.has(c)) collapsed.delete(c);
    else collapsed.add(c);
    set({ collapsed, version: get().version + 1, anchor: `community:${c}` });
  },
  setAllCollapsed: (all) => {
    const sizes = get().communities?.sizes;
    set({ collapsed: all && sizes ? new Set(sizes.keys()) : new Set(), version: get().version + 1 });
  },
  setMinCommunitySize: (n) => set({ minCommunitySize: n, version: get().version + 1 }),
  setPath: (path) => set({ path }),
  setPathEnd: (which, id) => {
    const ends: [string | null, string | null] = [...get().pathEnds];
    ends[which] = id;
    set({ pathEnds: ends });
  },
}));
