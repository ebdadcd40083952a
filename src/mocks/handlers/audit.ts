import { http } from 'msw';
import { auditQuerySchema, type AuditEvent } from '@/api/schemas';
import { dashboardStats } from '../domain/stats';
import { getDb } from '../store';
import { api, parseQuery, respond } from './http';

export const auditHandlers = [
  http.get(api('/audit'), ({ request }) =>
    respond(request, (ctx) => {
      const q = parseQuery(ctx, auditQuerySchema);
      const matches = (e: AuditEvent) =>
        (!q.actorId || e.actorId === q.actorId) &&
        (!q.action?.length || q.action.includes(e.action)) &&
        (!q.recordType || e.recordType === q.recordType) &&
        (!q.recordId || e.recordId === q.recordId) &&
        (!q.from || e.at >= q.from) &&
        (!q.to || e.at <= q.to);
      // Newest first: auditors look at what just happened.
      const all = getDb().audit.filter(matches).reverse();
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
    }),
  ),
  http.get(api('/stats'), ({ request }) => respond(request, () => dashboardStats(getDb(), new Date()))),
];
