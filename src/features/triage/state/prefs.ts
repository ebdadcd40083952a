import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { QueueFilterState } from '../api/queue-search';

/** Column layout of the queue table: which are shown, their widths and their order. */
export type ColumnLayout = { hidden: string[]; sizing: Record<string, number>; order: string[] };
export type SavedView = { id: string; name: string; filters: QueueFilterState };
type UserPrefs = { layout: ColumnLayout; views: SavedView[] };

const EMPTY_LAYOUT: ColumnLayout = { hidden: [], sizing: {}, order: [] };

type PrefsState = {
  byUser: Record<string, UserPrefs>;
  setLayout: (userId: string, layout: ColumnLayout) => void;
  saveView: (userId: string, view: SavedView) => void;
  deleteView: (userId: string, viewId: string) => void;
};

const forUser = (s: PrefsState, userId: string): UserPrefs => s.byUser[userId] ?? { layout: EMPTY_LAYOUT, views: [] };

/**
 * Per-user preferences of the queue, kept in this browser. Keyed by user so a shared workstation (or
 * the demo's role switch) gives each person their own layout and views.
 */
export const useTriagePrefs = create<PrefsState>()(
  persist(
    (set) => ({
      byUser: {},
      setLayout: (userId, layout) => set((s) => ({ byUser: { ...s.byUser, [userId]: { ...forUser(s, userId), layout } } })),
      saveView: (userId, view) =>
        set((s) => {
          const prefs = forUser(s, userId);
          // Saving under an existing name replaces that view: names are what people recognise.
          const views = [...prefs.views.filter((v) => v.name !== view.name && v.id !== view.id), view];
          return { byUser: { ...s.byUser, [userId]: { ...prefs, views } } };
        }),
      deleteView: (userId, viewId) =>
        set((s) => {
          const prefs = forUser(s, userId);
          return { byUser: { ...s.byUser, [userId]: { ...prefs, views: prefs.views.filter((v) => v.id !== viewId) } } };
        }),
    }),
    { name: 'jianzheng.triage.prefs', version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);

export const useColumnLayout = (userId: string | undefined) => useTriagePrefs((s) => (userId ? (s.byUser[userId]?.layout ?? EMPTY_LAYOUT) : EMPTY_LAYOUT));
const NO_VIEWS: SavedView[] = [];
export const useSavedViews = (userId: string | undefined) => useTriagePrefs((s) => (userId ? (s.byUser[userId]?.views ?? NO_VIEWS) : NO_VIEWS));

/** The four views everyone starts with; not deletable, shown before the user's own. */
export const DEFAULT_VIEWS: { id: string; filters: QueueFilterState }[] = [
  { id: 'mine', filters: { assignee: 'me' } },
  { id: 'dueSoon', filters: { deadline: 'within3', sort: 'dueAt', order: 'asc' } },
  { id: 'level1', filters: { grade: ['level1'], sort: 'riskScore', order: 'desc' } },
  { id: 'unassigned', filters: { assignee: 'unassigned' } },
];
