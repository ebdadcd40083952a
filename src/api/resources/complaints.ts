import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { complaintSchema, pageOf, type ComplaintPatch, type ComplaintQuery } from '../schemas';

export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (query: ComplaintQuery) => [...complaintKeys.lists(), query] as const,
  details: () => [...complaintKeys.all, 'detail'] as const,
  detail: (id: string) => [...complaintKeys.details(), id] as const,
};

const complaintPage = pageOf(complaintSchema);

export const complaintQueries = {
  list: (query: ComplaintQuery) =>
    queryOptions({
      queryKey: complaintKeys.list(query),
      queryFn: ({ signal }) => request('/complaints', { query, schema: complaintPage, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: complaintKeys.detail(id),
      queryFn: ({ signal }) => request(`/complaints/${encodeURIComponent(id)}`, { schema: complaintSchema, signal }),
    }),
};

export const updateComplaint = (id: string, patch: ComplaintPatch) =>
  request(`/complaints/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: complaintSchema });
