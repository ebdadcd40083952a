import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { auditEventSchema, auditExportSchema, pageOf, trailCheckSchema, type AuditQuery } from '../schemas';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditQuery) => [...auditKeys.lists(), query] as const,
};

const auditPage = pageOf(auditEventSchema);

export const auditQueries = {
  list: (query: AuditQuery) => queryOptions({ queryKey: auditKeys.list(query), queryFn: ({ signal }) => request('/audit', { query, schema: auditPage, signal }) }),
};

/** The CSV comes from the backend, which logs the export as an audit event of its own. */
export const exportAuditCsv = (query: AuditQuery) =>
  request('/audit/export', { method: 'POST', query: { ...query, page: undefined, pageSize: undefined }, schema: auditExportSchema });

/** The server recomputes the whole hash chain and names the first event that does not hold. */
export const verifyTrail = () => request('/audit/verify', { method: 'POST', schema: trailCheckSchema });
