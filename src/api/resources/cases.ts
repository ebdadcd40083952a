import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { caseSchema, pageOf, type CaseCreate, type CasePatch, type CaseQuery } from '../schemas';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (query: CaseQuery) => [...caseKeys.lists(), query] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
};

const casePage = pageOf(caseSchema);

export const caseQueries = {
  list: (query: CaseQuery) => queryOptions({ queryKey: caseKeys.list(query), queryFn: ({ signal }) => request('/cases', { query, schema: casePage, signal }) }),
  detail: (id: string) =>
    queryOptions({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => request(`/cases/${encodeURIComponent(id)}`, { schema: caseSchema, signal }) }),
};

export const createCase = (body: CaseCreate) => request('/cases', { method: 'POST', body, schema: caseSchema });
export const updateCase = (id: string, patch: CasePatch) => request(`/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: caseSchema });
