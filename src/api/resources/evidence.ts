import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../client';
import { evidenceSchema, type VerdictPatch } from '../schemas';

export const evidenceKeys = {
  all: ['evidence'] as const,
  lists: () => [...evidenceKeys.all, 'list'] as const,
  list: (filter: { complaintId?: string; caseId?: string }) => [...evidenceKeys.lists(), filter] as const,
  details: () => [...evidenceKeys.all, 'detail'] as const,
  detail: (id: string) => [...evidenceKeys.details(), id] as const,
};

export const evidenceQueries = {
  list: (filter: { complaintId?: string; caseId?: string }) =>
    queryOptions({ queryKey: evidenceKeys.list(filter), queryFn: ({ signal }) => request('/evidence', { query: filter, schema: z.array(evidenceSchema), signal }) }),
  detail: (id: string) =>
    queryOptions({ queryKey: evidenceKeys.detail(id), queryFn: ({ signal }) => request(`/evidence/${encodeURIComponent(id)}`, { schema: evidenceSchema, signal }) }),
};

export const setVerdict = (id: string, patch: VerdictPatch) =>
  request(`/evidence/${encodeURIComponent(id)}/verdict`, { method: 'PUT', body: patch, schema: evidenceSchema });
