import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/errors';
import { auditKeys } from '@/api/resources/audit';
import { complaintKeys, updateComplaint } from '@/api/resources/complaints';
import { complaintSchema, type ComplaintPatch } from '@/api/schemas';

/**
 * Every change to a complaint carries the version it was based on. On a conflict the server sends the
 * record as it is now; we show that at once (and refetch) so the person re-applies their change knowingly.
 */
export function useUpdateComplaint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ComplaintPatch) => updateComplaint(id, patch),
    onSuccess: async (updated) => {
      queryClient.setQueryData(complaintKeys.detail(id), updated);
      // The history section reads the audit trail: it should show this change at once.
      await Promise.all([queryClient.invalidateQueries({ queryKey: complaintKeys.all }), queryClient.invalidateQueries({ queryKey: auditKeys.all })]);
    },
    onError: (error) => {
      if (!isApiError(error) || error.kind !== 'conflict') return;
      const current = complaintSchema.safeParse(error.current);
      if (current.success) queryClient.setQueryData(complaintKeys.detail(id), current.data);
      // Not awaited: the person should hear about the conflict now, not after the refetch.
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
    },
  });
}
