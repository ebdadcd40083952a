/**
 * 预警: the alert inbox, its actions, the header's count, the rules' tuning, and a pass of the rules on
 * demand. Every signed-in role reads alerts; analysts and leads act on them; only leads tune the rules.
 */
import { alertCaseSchema, alertPatchSchema, alertQuerySchema, alertRulePatchSchema, alertRuleIdSchema, type Alert, type AlertSeverity, type AlertStatus } from '@/api/schemas';
import { ALERT_RULES, alertRulesOf, effectiveStatus, runAlertRules } from '@/domain/alerts';
import { recordAudit } from '@/domain/audit-log';
import { DAY_MS } from '@/domain/deadlines';
import { beijingDayStart, isoToMs } from '@/domain/time';
import type { World } from '@/domain/world';
import { checkVersion, fail, findOr404, get, parseBody, parseQuery, patch, post, requireWriter, type Ctx, type Route } from '../http';
import { plainWorld } from '../tracker';
import { createCase } from './cases';

const STATUS_ORDER: Record<AlertStatus, number> = { open: 0, acknowledged: 1, snoozed: 2, closed: 3 };
const SEVERITY_ORDER: Record<AlertSeverity, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

const alertsOf = (db: World) => db.alerts ?? [];
/** As people see it: a snooze that ran out reads as open. */
const shown = (a: Alert, now: Date): Alert => {
  const status = effectiveStatus(a, now);
  return status === a.status ? a : { ...a, status };
};

function findAlert(ctx: Ctx): Alert {
  return findOr404(ctx, alertsOf(ctx.db), String(ctx.params.id));
}

export const alertsRoutes: Route[] = [
  get('/alerts', (ctx) => {
    const q = parseQuery(ctx, alertQuerySchema);
    const now = ctx.now();
    const assignee = q.assignee === 'me' ? ctx.user.id : q.assignee;
    const from = q.from ? beijingDayStart(q.from) : -Infinity;
    const to = q.to ? beijingDayStart(q.to) + DAY_MS : Infinity;
    const items = alertsOf(ctx.db)
      .map((a) => shown(a, now))
      .filter((a) => (!q.status?.length || q.status.includes(a.status)) && (!q.severity?.length || q.severity.includes(a.severity)) && (!q.rule?.length || q.rule.includes(a.rule)) && (!assignee || a.assigneeId === assignee) && isoToMs(a.raisedAt) >= from && isoToMs(a.raisedAt) < to)
      // What needs someone first: open before handled, urgent before the rest, newest first.
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
  }),

  get('/alerts/summary', (ctx) => {
    const now = ctx.now();
    let open = 0;
    let urgent = 0;
    let latest: Alert | null = null;
    for (const a of alertsOf(ctx.db)) {
      if (effectiveStatus(a, now) !== 'open') continue;
      open += 1;
      if (a.severity === 'urgent') urgent += 1;
      // Of alerts changed in the same instant, the most severe, then the newest.
      if (!latest || a.updatedAt > latest.updatedAt || (a.updatedAt === latest.updatedAt && (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[latest.severity] || latest.id.localeCompare(a.id)) < 0)) latest = a;
    }
    return { open, urgent, latest: latest && shown(latest, now) };
  }),

  get('/alert-rules', (ctx) => alertRulesOf(ctx.db)),

  /** A lead's tuning, in the trail with what changed and why. */
  patch('/alert-rules/:id', async (ctx) => {
    const body = await parseBody(ctx, alertRulePatchSchema);
    const parsed = alertRuleIdSchema.safeParse(ctx.params.id);
    if (!parsed.success) throw fail(404, 'not_found', ctx.t('notFound'));
    const user = requireWriter(ctx, ['lead'], 'alertRulesNeedLead');
    const id = parsed.data;
    const rule = alertRulesOf(ctx.db).find((r) => r.id === id)!;
    checkVersion(ctx, rule, body.version);
    const meta = ALERT_RULES[id];
    if (body.enabled === false && meta.mandatory) throw fail(422, 'validation', ctx.t('alertRuleMandatory'));
    if (body.threshold !== undefined && meta.unit === null) throw fail(422, 'validation', ctx.t('alertRuleNoThreshold'));
    const next = { ...rule, enabled: body.enabled ?? rule.enabled, threshold: body.threshold ?? rule.threshold, windowHours: body.windowHours ?? rule.windowHours };
    const fields = (['threshold', 'windowHours', 'enabled'] as const).filter((f) => next[f] !== rule[f]);
    if (!fields.length) return rule;
    const now = ctx.now();
    const saved = { ...next, version: rule.version + 1, updatedAt: now.toISOString(), updatedById: user.id };
    ctx.db.alertRules ??= [];
    const stored = ctx.db.alertRules.find((r) => r.id === id);
    if (stored) Object.assign(stored, saved);
    else ctx.db.alertRules.push(saved);
    recordAudit(
      ctx.db,
      {
        actorId: user.id,
        action: 'alert_rule_change',
        recordType: 'alert',
        recordId: `rule:${id}`,
        summary: fields.map((f) => `${f} ${String(rule[f])} → ${String(next[f])}`).join('; '),
        reason: body.reason || null,
        detail: { kind: 'alertRule', text: id, ids: [...fields], from: fields.map((f) => String(rule[f])).join('|'), to: fields.map((f) => String(next[f])).join('|') },
      },
      now,
    );
    return saved;
  }),

  /** A pass of every rule now, as the schedule runs it: for a lead who just changed a threshold. */
  post('/alerts/evaluate', (ctx) => {
    requireWriter(ctx);
    const now = ctx.now();
    const { raised, updated } = runAlertRules(ctx.db, now, plainWorld(ctx.db));
    return { raised: raised.length, updated: updated.length, evaluatedAt: now.toISOString() };
  }),

  get('/alerts/:id', (ctx) => shown(findAlert(ctx), ctx.now())),

  patch('/alerts/:id', async (ctx) => {
    const body = await parseBody(ctx, alertPatchSchema);
    const alert = findAlert(ctx);
    const user = requireWriter(ctx);
    checkVersion(ctx, alert, body.version);
    const now = ctx.now();
    const status = effectiveStatus(alert, now);
    if (status === 'closed' && body.action !== 'reopen') throw fail(409, 'conflict', ctx.t('alertClosed'));
    const audit = (detail: Parameters<typeof recordAudit>[1]['detail'], summary: string, reason: string | null = null) =>
      recordAudit(ctx.db, { actorId: user.id, action: 'alert', recordType: 'alert', recordId: alert.id, summary, reason, detail }, now);
    switch (body.action) {
      case 'acknowledge':
        alert.status = 'acknowledged';
        alert.snoozedUntil = null;
        alert.acknowledgedById = user.id;
        alert.acknowledgedAt = now.toISOString();
        audit({ kind: 'alertAcknowledged', text: alert.rule }, 'acknowledged');
        break;
      case 'assign': {
        if (body.assigneeId !== user.id && user.role !== 'lead') throw fail(403, 'forbidden', ctx.t('alertAssignNeedsLead'));
        if (body.assigneeId) {
          const target = findOr404(ctx, ctx.db.users, body.assigneeId);
          if (target.role !== 'analyst' && target.role !== 'lead') throw fail(422, 'validation', ctx.t('unknownUser'));
          if (target.away) throw fail(422, 'validation', ctx.t('assignAway'));
        }
        audit({ kind: 'alertAssigned', text: alert.rule, from: alert.assigneeId, to: body.assigneeId }, `${alert.assigneeId ?? '—'} → ${body.assigneeId ?? '—'}`);
        alert.assigneeId = body.assigneeId;
        break;
      }
      case 'snooze':
        alert.status = 'snoozed';
        alert.snoozedUntil = new Date(now.getTime() + body.hours * 3_600_000).toISOString();
        audit({ kind: 'alertSnoozed', text: alert.rule, count: body.hours }, `snoozed ${body.hours} h`);
        break;
      case 'close':
        alert.status = 'closed';
        alert.snoozedUntil = null;
        audit({ kind: 'alertClosed', text: alert.rule }, 'closed', body.reason || null);
        break;
      case 'reopen':
        alert.status = 'open';
        alert.snoozedUntil = null;
        audit({ kind: 'alertClosed', text: alert.rule, to: 'reopened' }, 'reopened');
        break;
    }
    alert.updatedAt = now.toISOString();
    alert.version += 1;
    return shown(alert, now);
  }),

  /** The alert's complaints (and, for a shared number or account, the entity) become one case. */
  post('/alerts/:id/case', async (ctx) => {
    const body = await parseBody(ctx, alertCaseSchema);
    const alert = findAlert(ctx);
    const user = requireWriter(ctx);
    checkVersion(ctx, alert, body.version);
    if (alert.caseId) throw fail(409, 'conflict', ctx.t('alertHasCase', { caseId: alert.caseId }));
    const now = ctx.now();
    // Complaints already in a case stay there: the new case takes the rest.
    const kase = createCase(
      ctx,
      { title: body.title, priority: body.priority, complaintIds: alert.complaintIds.filter((id) => !ctx.db.complaints.find((c) => c.id === id)?.caseId), entityIds: alert.subject.type === 'entity' ? [alert.subject.id] : [], assigneeId: null, targetKind: 'gang', inOtherCase: 'leave' },
      user,
    );
    alert.caseId = kase.id;
    if (effectiveStatus(alert, now) !== 'closed') {
      alert.status = 'acknowledged';
      alert.snoozedUntil = null;
      alert.acknowledgedById ??= user.id;
      alert.acknowledgedAt ??= now.toISOString();
    }
    alert.updatedAt = now.toISOString();
    alert.version += 1;
    recordAudit(ctx.db, { actorId: user.id, action: 'alert', recordType: 'alert', recordId: alert.id, summary: `case ${kase.id}`, detail: { kind: 'alertCase', text: alert.rule, related: { type: 'case', id: kase.id } } }, now);
    return { alert: shown(alert, now), case: kase };
  }),
];
