import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { complaintRowSchema, complaintSchema, pageOf, relatedComplaintsSchema, templateSiblingsSchema, type ComplaintPatch, type ComplaintQuery } from '../schemas';

export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (query: ComplaintQuery) => [...complaintKeys.lists(), query] as const,
  details: () => [...complaintKeys.all, 'detail'] as const,
  detail: (id: string) => [...complaintKeys.details(), id] as const,
  related: (id: string) => [...complaintKeys.detail(id), 'related'] as const,
  siblings: (id: string) => [...complaintKeys.detail(id), 'siblings'] as const,
};

const complaintPage = pageOf(complaintRowSchema);

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
  related: (id: string) =>
    queryOptions({
      queryKey: complaintKeys.related(id),
      queryFn: ({ signal }) => request(`/complaints/${encodeURIComponent(id)}/related`, { schema: relatedComplaintsSchema, signal }),
    }),
  siblings: (id: string) =>
    queryOptions({
      queryKey: complaintKeys.siblings(id),
      queryFn: ({ signal }) => request(`/complaints/${encodeURIComponent(id)}/siblings`, { schema: templateSiblingsSchema, signal }),
    }),
};

export const updateComplaint = (id: string, patch: ComplaintPatch) =>
  request(`/complaints/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: complaintSchema });
