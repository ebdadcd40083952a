import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { auditEventSchema, pageOf, type AuditQuery } from '../schemas';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditQuery) => [...auditKeys.lists(), query] as const,
};

const auditPage = pageOf(auditEventSchema);

export const auditQueries = {
  list: (query: AuditQuery) => queryOptions({ queryKey: auditKeys.list(query), queryFn: ({ signal }) => request('/audit', { query, schema: auditPage, signal }) }),
};
