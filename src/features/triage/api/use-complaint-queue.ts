import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { complaintQueries } from '@/api/resources/complaints';
import type { ComplaintQuery } from '@/api/schemas';

/** One server page of the queue; the previous page stays on screen while the next one loads. */
export function useComplaintQueue(query: ComplaintQuery) {
  return useQuery({ ...complaintQueries.list(query), placeholderData: keepPreviousData });
}
