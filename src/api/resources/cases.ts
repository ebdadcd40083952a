import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../client';
import { auditEventSchema, casePreviewSchema, caseSchema, pageOf, type CaseCreate, type CaseMerge, type CasePatch, type CasePreviewRequest, type CaseQuery } from '../schemas';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (query: CaseQuery) => [...caseKeys.lists(), query] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
  timeline: (id: string) => [...caseKeys.detail(id), 'timeline'] as const,
};

const casePage = pageOf(caseSchema);

export const caseQueries = {
  list: (query: CaseQuery) => queryOptions({ queryKey: caseKeys.list(query), queryFn: ({ signal }) => request('/cases', { query, schema: casePage, signal }) }),
  detail: (id: string) =>
    queryOptions({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => request(`/cases/${encodeURIComponent(id)}`, { schema: caseSchema, signal }) }),
  timeline: (id: string) =>
    queryOptions({
      queryKey: caseKeys.timeline(id),
      queryFn: ({ signal }) => request(`/cases/${encodeURIComponent(id)}/timeline`, { schema: z.array(auditEventSchema), signal }),
    }),
};

export const createCase = (body: CaseCreate) => request('/cases', { method: 'POST', body, schema: caseSchema });
/** What a case from these would hold, and which of them another case holds now. */
export const previewCase = (body: CasePreviewRequest) => request('/cases/preview', { method: 'POST', body, schema: casePreviewSchema });
export const updateCase = (id: string, patch: CasePatch) => request(`/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: caseSchema });
/** Moves `sourceId` into case `id`; the source is closed. */
export const mergeCases = (id: string, body: CaseMerge) => request(`/cases/${encodeURIComponent(id)}/merge`, { method: 'POST', body, schema: caseSchema });
