import { auditQuerySchema, loopExportRequestSchema, loopQuerySchema, type AuditEvent, type AuditQuery } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { toCsv } from '@/domain/csv';
import { describeAuditEvent, PSEUDO_ACTORS } from '@/domain/audit-sentence';
import { loopCsvRows, loopReport } from '@/domain/loop';
import { dashboardStats } from '@/domain/stats';
import { sharedWords } from '../audit-words';
import { get, parseBody, parseQuery, post, type Route } from '../http';

const auditMatcher = (q: AuditQuery) => (e: AuditEvent) =>
  (!q.actorId || e.actorId === q.actorId) &&
  (!q.action?.length || q.action.includes(e.action)) &&
  (!q.recordType || e.recordType === q.recordType) &&
  (!q.recordId || e.recordId === q.recordId) &&
  (!q.from || e.at >= q.from) &&
  (!q.to || e.at <= q.to);

/** 2026-11-23T02:00:00.000Z → 2026-11-23 10:00:00 (the team works in Beijing time). */
const beijingTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

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
    const words = sharedWords(ctx.lang);
    const names = new Map(db.users.map((u) => [u.id, u.name]));
    const nameOf = (id: string | null | undefined) => (!id ? words('auditSentence.none') : PSEUDO_ACTORS.has(id) ? words(`auditSentence.actor.${id}`) : (names.get(id) ?? id));
    // Read by people in a spreadsheet: their language, Beijing time, names and sentences; ids stay for joins.
    const csv = toCsv(
      ['at', 'actor', 'actorId', 'action', 'recordType', 'recordId', 'summary', 'reason', 'id'].map((c) => words(`audit.csv.${c}`)),
      rows.map((e) => [
        beijingTime(e.at),
        nameOf(e.actorId),
        e.actorId,
        words(`auditAction.${e.action}`),
        words(`recordType.${e.recordType}`),
        e.recordId,
        describeAuditEvent(e, words, nameOf),
        e.reason,
        e.id,
      ]),
    );
    const now = new Date();
    const filters = Object.entries(q)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
      .join('; ');
    const event = recordAudit(
      db,
      {
        actorId: user.id,
        action: 'export',
        recordType: 'system',
        recordId: 'audit',
        summary: `audit CSV, ${rows.length} rows${filters ? ` (${filters})` : ''}`,
        detail: { kind: 'auditExported', count: rows.length, ...(filters ? { text: filters } : {}) },
      },
      now,
    );
    return { fileName: `audit-${now.toISOString().slice(0, 19).replace(/[:T]/g, '')}.csv`, csv, rows: rows.length, auditEventId: event.id };
  }),
  get('/stats', (ctx) => dashboardStats(ctx.db, new Date())),
  // Analysts see their own team's figures whatever they ask for; the rule lives in loopTeamFor.
  get('/loop', (ctx) => loopReport(ctx.db, parseQuery(ctx, loopQuerySchema), ctx.user, ctx.now())),
  // A download of the figures is an export like any other: in the trail, with what it covered.
  post('/loop/export', async (ctx) => {
    const { query, format } = await parseBody(ctx, loopExportRequestSchema);
    const now = ctx.now();
    const report = loopReport(ctx.db, query, ctx.user, now);
    const words = sharedWords(ctx.lang);
    const scope = [`${report.from} – ${report.to}`, report.team, report.channel.join('|') || null, format.toUpperCase()].filter(Boolean).join(' · ');
    const event = recordAudit(
      ctx.db,
      { actorId: ctx.user.id, action: 'export', recordType: 'system', recordId: 'loop', summary: `loop figures ${scope}`, detail: { kind: 'loopExported', text: scope } },
      now,
    );
    const { header, rows } = loopCsvRows(report, words);
    const base = `loop-${report.from}-${report.to}${report.team ? `-${report.team.replace(/[\\/:*?"<>|\s.]+/g, '_')}` : ''}`;
    return { fileName: `${base}.${format}`, csv: format === 'csv' ? toCsv(header, rows) : null, report, auditEventId: event.id };
  }),
];
