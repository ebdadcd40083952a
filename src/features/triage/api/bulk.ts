import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auditKeys } from '@/api/resources/audit';
import { complaintKeys, complaintQueries, updateComplaint } from '@/api/resources/complaints';
import type { ComplaintRow, ComplaintPatch, ComplaintQuery } from '@/api/schemas';

export type BulkAction = 'assignMe' | 'legitimate' | 'propose' | 'confirm';
export type BulkOutcome = { id: string; ok: boolean; error?: unknown };

/** The patch one bulk action makes to one complaint, based on the version the person saw. */
export function bulkPatch(action: BulkAction, c: Pick<ComplaintRow, 'version'>, meId: string): ComplaintPatch {
  switch (action) {
    case 'assignMe':
      return { version: c.version, assigneeId: meId };
    case 'legitimate':
      return { version: c.version, label: 'legitimate' };
    case 'propose':
      return { version: c.version, label: 'agent_proposed' };
    case 'confirm':
      return { version: c.version, label: 'agent_confirmed' };
  }
}

/** Every member of a template family as it is now (families reach thousands: fetched in pages of 500). */
export async function fetchFamily(familyId: string): Promise<ComplaintRow[]> {
  const out: ComplaintRow[] = [];
  const base: ComplaintQuery = { family: familyId, sort: 'receivedAt', order: 'asc', pageSize: 500 };
  for (let page = 1; ; page++) {
    const result = await complaintQueries.list({ ...base, page }).queryFn!({} as never);
    out.push(...result.items);
    if (out.length >= result.total || result.items.length === 0) return out;
  }
}

/**
 * Runs one change over many complaints, each its own request (the server checks each one's version and
 * the actor's role), a few at a time. Never stops at the first failure: the outcome of every complaint
 * comes back so the screen can say which failed and why.
 */
export async function runBulk(items: readonly ComplaintRow[], patchOf: (c: ComplaintRow) => ComplaintPatch, onProgress?: (done: number) => void, concurrency = 4): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const c = items[i];
      try {
        await updateComplaint(c.id, patchOf(c));
        outcomes[i] = { id: c.id, ok: true };
      } catch (error) {
        outcomes[i] = { id: c.id, ok: false, error };
      }
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return outcomes;
}

export function useBulkAction(onProgress?: (done: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ items, action, meId }: { items: readonly ComplaintRow[]; action: BulkAction; meId: string }) =>
      runBulk(items, (c) => bulkPatch(action, c, meId), onProgress),
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: complaintKeys.all }), queryClient.invalidateQueries({ queryKey: auditKeys.all })]);
    },
  });
}
