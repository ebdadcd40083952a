import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/errors';
import { boardKeys } from '@/api/resources/board';
import { caseKeys, updateCase } from '@/api/resources/cases';
import { complaintKeys } from '@/api/resources/complaints';
import { caseSchema, type Case, type CasePatch } from '@/api/schemas';

/** A refused save because someone else saved first: what I tried, and the case as it is now. */
export type CaseConflict = { patch: CasePatch; current: Case };

/**
 * Every change carries the version it was based on. On a 409 the caller gets both my patch and the
 * current record, so the conflict dialog can show them side by side; nothing is dropped silently.
 */
export function useUpdateCase(id: string, onConflict: (c: CaseConflict) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: CasePatch) => updateCase(id, patch),
    onSuccess: async (updated) => {
      queryClient.setQueryData(caseKeys.detail(id), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.all }),
        queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
        queryClient.invalidateQueries({ queryKey: boardKeys.all }),
      ]);
    },
    onError: (error, patch) => {
      if (!isApiError(error) || error.kind !== 'conflict') return;
      const current = caseSchema.safeParse(error.current);
      if (current.success) {
        // Not written into the cache yet: the person first sees their change beside this version.
        onConflict({ patch, current: current.data });
      } else void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
    },
  });
}
