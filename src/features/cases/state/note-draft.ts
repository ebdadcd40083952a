import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/**
 * Notes being typed, per case, kept in localStorage so a reload, a crash or a conflict never eats them.
 * Cleared only when the note is saved.
 */
type Drafts = {
  drafts: Record<string, string>;
  setDraft: (caseId: string, text: string) => void;
  clearDraft: (caseId: string) => void;
};

export const useNoteDrafts = create<Drafts>()(
  persist(
    (set) => ({
      drafts: {},
      setDraft: (caseId, text) => set((s) => ({ drafts: { ...s.drafts, [caseId]: text } })),
      clearDraft: (caseId) =>
        set((s) => {
          const next = { ...s.drafts };
          delete next[caseId];
          return { drafts: next };
        }),
    }),
    { name: 'jianzheng.case-note-drafts' },
  ),
);
