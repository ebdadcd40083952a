import { auditQuerySchema, type AuditEvent, type AuditQuery } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { toCsv } from '@/domain/csv';
import { dashboardStats } from '@/domain/stats';
import { get, parseQuery, post, type Route } from '../http';

const auditMatcher = (q: AuditQuery) => (e: AuditEvent) =>
  (!q.actorId || e.actorId === q.actorId) &&
  (!q.action?.length || q.action.includes(e.action)) &&
  (!q.recordType || e.recordType === q.recordType) &&
  (!q.recordId || e.recordId === q.recordId) &&
  (!q.from || e.at >= q.from) &&
  (!q.to || e.at <= q.to);

export const auditRoutes: Route[] = [
  get('/audit', (ctx) => {
    const q = parseQuery(ctx, auditQuerySchema);
    const matches = auditMatcher(q);
    // Newest first: auditors look at what just happened.
    const all = ctx.db.audit.filter(matches).reverse();
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
  }),
  /**
   * CSV of the filtered trail. Any role may export (auditors above all), and the export is itself an
   * audit event: what left the building, who took it, and with which filters.
   */
  post('/audit/export', async (ctx) => {
    const db = ctx.db;
    const q = parseQuery(ctx, auditQuerySchema);
    const user = ctx.user;
    const rows = db.audit.filter(auditMatcher(q)).reverse();
    const names = new Map(db.users.map((u) => [u.id, u.name]));
    const csv = toCsv(
      ['id', 'at', 'actorId', 'actor', 'action', 'recordType', 'recordId', 'summary', 'reason'],
      rows.map((e) => [e.id, e.at, e.actorId, names.get(e.actorId) ?? '', e.action, e.recordType, e.recordId, e.summary, e.reason]),
    );
    const now = new Date();
    const filters = Object.entries(q)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
      .join('; ');
    const event = recordAudit(db, { actorId: user.id, action: 'export', recordType: 'system', recordId: 'audit', summary: `audit CSV, ${rows.length} rows${filters ? ` (${filters})` : ''}` }, now);
    return { fileName: `audit-${now.toISOString().slice(0, 19).replace(/[:T]/g, '')}.csv`, csv, rows: rows.length, auditEventId: event.id };
  }),
  get('/stats', (ctx) => dashboardStats(ctx.db, new Date())),
];
