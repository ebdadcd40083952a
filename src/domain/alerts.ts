/**
 * 预警: the early-warning rules, evaluated over the records as complaints arrive and on a schedule. Each
 * rule turns what it sees into findings (what, why in figures, which complaints); `applyFindings` turns
 * findings into alerts, updating an alert that is still open instead of raising the same one twice.
 */
import type { Alert, AlertRule, AlertRuleId, AlertSeverity, Channel, Complaint, Entity, Mood, User } from '@/api/schemas';
import { alertRuleIdSchema, channelSchema } from '@/api/schemas';
import { OPEN_CASE_STATUSES } from '@/api/case-workflow';
import { recordAudit } from './audit-log';
import { ATTR, PHONE_OWNER } from './conventions';
import { isOpenStatus } from './deadlines';
import { beijingDayOf, beijingDayStart, isoToMs } from './time';
import { ESCALATION_WORDING, SELF_HARM_WORDING, findPhrases } from './wording';
import type { World } from './world';

const HOUR = 3_600_000;
/** How often the hosts run every rule besides each arrival of complaints. */
export const ALERT_PASS_MS = 60_000;
const DAY = 24 * HOUR;

type RuleDefault = Pick<AlertRule, 'enabled' | 'threshold' | 'windowHours'> & {
  severity: AlertSeverity;
  /** What the threshold counts, for the settings form; null: the rule has none. */
  unit: 'members' | 'borrowers' | 'channels' | 'sigma' | 'complaints' | null;
  /** The window is read in days on the settings form. */
  inDays: boolean;
  /** A rule no one may switch off: a person may be at risk. */
  mandatory?: boolean;
};

export const ALERT_RULES: Record<AlertRuleId, RuleDefault> = {
  familyGrowth: { enabled: true, threshold: 5, windowHours: 24, severity: 'high', unit: 'members', inDays: false },
  sharedEntity: { enabled: true, threshold: 3, windowHours: 7 * 24, severity: 'medium', unit: 'borrowers', inDays: true },
  level1Wording: { enabled: true, threshold: null, windowHours: 24, severity: 'high', unit: null, inDays: false },
  multiChannel: { enabled: true, threshold: 2, windowHours: 7 * 24, severity: 'medium', unit: 'channels', inDays: true },
  channelSpike: { enabled: true, threshold: 3, windowHours: 28 * 24, severity: 'high', unit: 'sigma', inDays: true },
  deadlineRisk: { enabled: true, threshold: null, windowHours: 3 * 24, severity: 'high', unit: null, inDays: true },
  // Templated agent texts threaten 媒体曝光 routinely: a wave is many more than a normal day's.
  escalationWave: { enabled: true, threshold: 25, windowHours: 24, severity: 'high', unit: 'complaints', inDays: false },
  selfHarm: { enabled: true, threshold: null, windowHours: 3 * 24, severity: 'urgent', unit: null, inDays: true, mandatory: true },
};

/** Every rule as it stands: a lead's tuning where there is one, the default otherwise. */
export function alertRulesOf(world: Pick<World, 'alertRules'>): AlertRule[] {
  const stored = new Map((world.alertRules ?? []).map((r) => [r.id, r]));
  return alertRuleIdSchema.options.map((id) => stored.get(id) ?? { id, enabled: ALERT_RULES[id].enabled, threshold: ALERT_RULES[id].threshold, windowHours: ALERT_RULES[id].windowHours, version: 0, updatedAt: new Date(0).toISOString(), updatedById: null });
}

export function moodOf(text: string): Mood | null {
  if (findPhrases(text, SELF_HARM_WORDING).length) return 'self_harm';
  if (findPhrases(text, ESCALATION_WORDING).length) return 'escalation';
  return null;
}

export type Finding = Pick<Alert, 'rule' | 'key' | 'severity' | 'subject' | 'figures' | 'complaintIds'> & { assigneeId?: string | null };

/** The most complaints an alert lists; the figures still count them all. */
export const ALERT_RECORDS_MAX = 500;

type Input = { world: World; now: number; rule: AlertRule; recent: Complaint[] };

/** Complaints received within the rule's window, up to now. */
const within = (complaints: readonly Complaint[], now: number, hours: number) => {
  const from = now - hours * HOUR;
  return complaints.filter((c) => {
    const t = isoToMs(c.receivedAt);
    return t > from && t <= now;
  });
};

const ids = (cs: readonly Complaint[]) => cs.slice(0, ALERT_RECORDS_MAX).map((c) => c.id);
const groupBy = <T, K>(items: readonly T[], key: (t: T) => K | null) => {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

const RULES: Record<AlertRuleId, (input: Input) => Finding[]> = {
  familyGrowth({ rule, recent }) {
    const out: Finding[] = [];
    for (const [family, members] of groupBy(recent, (c) => c.templateFamilyId)) {
      if (members.length < rule.threshold!) continue;
      out.push({
        rule: 'familyGrowth',
        key: `familyGrowth:${family}`,
        severity: ALERT_RULES.familyGrowth.severity,
        subject: { type: 'family', id: family, label: family },
        figures: { count: members.length, threshold: rule.threshold!, hours: rule.windowHours, total: members[0].templateFamilySize },
        complaintIds: ids(members),
      });
    }
    return out;
  },

  sharedEntity({ world, now, rule }) {
    const from = now - rule.windowHours * HOUR;
    // Only a value linked to someone within the window can have become shared in it: find those first, so
    // the full history is gathered for a few values rather than for every phone and account on file.
    const touched = new Set<string>();
    for (const l of world.links) {
      const at = isoToMs(l.firstSeen);
      if (at > from && at <= now) touched.add(l.source).add(l.target);
    }
    const shared = new Map<string, Entity>();
    const borrowers = new Map<string, Entity>();
    for (const e of world.entities) {
      if (e.type === 'borrower') borrowers.set(e.id, e);
      else if (touched.has(e.id) && (e.type === 'phone' || e.type === 'im_account' || e.type === 'device' || e.type === 'bank_account') && !e.isHub && e.attributes[ATTR.owner] !== PHONE_OWNER.lender) shared.set(e.id, e);
    }
    let byCustomer: Map<string, Complaint[]> | null = null;
    // Per shared value: each borrower's first link to it.
    const firstLink = new Map<string, Map<string, { at: number; complaintIds: string[] }>>();
    for (const l of world.links) {
      const [value, borrower] = shared.has(l.target) && borrowers.has(l.source) ? [l.target, l.source] : shared.has(l.source) && borrowers.has(l.target) ? [l.source, l.target] : [null, null];
      if (!value || !borrower) continue;
      const at = isoToMs(l.firstSeen);
      if (at > now) continue;
      const seen = firstLink.get(value) ?? new Map();
      firstLink.set(value, seen);
      const had = seen.get(borrower);
      if (!had || at < had.at) seen.set(borrower, { at, complaintIds: l.complaintIds });
    }
    const out: Finding[] = [];
    for (const [value, seen] of firstLink) {
      if (seen.size < rule.threshold!) continue;
      const order = [...seen.entries()].sort((a, b) => a[1].at - b[1].at);
      // Newly shared: the borrower who made it shared arrived within the window.
      if (order[rule.threshold! - 1][1].at < from) continue;
      const entity = shared.get(value)!;
      const complaintIds = new Set<string>();
      for (const [borrowerId, link] of order) {
        for (const id of link.complaintIds) complaintIds.add(id);
        const customerId = borrowers.get(borrowerId)?.attributes[ATTR.customerId];
        if (!link.complaintIds.length && customerId) for (const c of (byCustomer ??= groupBy(world.complaints, (x) => x.customerId)).get(customerId) ?? []) complaintIds.add(c.id);
      }
      out.push({
        rule: 'sharedEntity',
        key: `sharedEntity:${value}`,
        severity: ALERT_RULES.sharedEntity.severity,
        subject: { type: 'entity', id: value, label: entity.label },
        figures: { count: seen.size, threshold: rule.threshold!, hours: rule.windowHours, kind: entity.type },
        complaintIds: [...complaintIds].slice(0, ALERT_RECORDS_MAX),
      });
    }
    return out;
  },

  level1Wording({ recent }) {
    const out: Finding[] = [];
    const lone: Complaint[] = [];
    // A templated batch is one alert for its family, not one per complaint: the family is the news.
    for (const [family, members] of groupBy(recent, (c) => (c.grade === 'level1' ? (c.templateFamilyId ?? null) : null))) {
      out.push({
        rule: 'level1Wording',
        key: `level1Wording:${family}`,
        severity: ALERT_RULES.level1Wording.severity,
        subject: { type: 'family', id: family, label: family },
        figures: { count: members.length, score: Math.max(...members.map((c) => c.riskScore)) },
        complaintIds: ids(members),
      });
    }
    for (const c of recent) if (c.grade === 'level1' && !c.templateFamilyId) lone.push(c);
    for (const c of lone)
      out.push({
        rule: 'level1Wording',
        key: `level1Wording:${c.id}`,
        severity: ALERT_RULES.level1Wording.severity,
        subject: { type: 'complaint', id: c.id, label: c.borrowerName },
        figures: { signals: c.signals.filter((s) => s.code === 'wording_level1').length, score: c.riskScore },
        complaintIds: [c.id],
      });
    return out;
  },

  multiChannel({ rule, recent }) {
    const out: Finding[] = [];
    for (const [customerId, cs] of groupBy(recent, (c) => c.customerId)) {
      const channels = new Set(cs.map((c) => c.channel));
      if (channels.size < rule.threshold!) continue;
      out.push({
        rule: 'multiChannel',
        key: `multiChannel:${customerId}`,
        severity: ALERT_RULES.multiChannel.severity,
        subject: { type: 'customer', id: customerId, label: cs[0].borrowerName },
        figures: { count: channels.size, threshold: rule.threshold!, hours: rule.windowHours, channels: [...channels].sort().join(','), complaints: cs.length },
        complaintIds: ids(cs),
      });
    }
    return out;
  },

  channelSpike({ world, now, rule }) {
    const today = beijingDayOf(now);
    const todayStart = beijingDayStart(today);
    const days = Math.max(1, Math.round(rule.windowHours / 24));
    const baselineStart = todayStart - days * DAY;
    const counts = new Map<Channel, number[]>(channelSchema.options.map((c) => [c, new Array<number>(days).fill(0)]));
    const todays = new Map<Channel, Complaint[]>();
    for (const c of world.complaints) {
      const t = isoToMs(c.receivedAt);
      if (t < baselineStart || t > now) continue;
      if (t >= todayStart) {
        const list = todays.get(c.channel) ?? [];
        list.push(c);
        todays.set(c.channel, list);
      } else counts.get(c.channel)![Math.floor((t - baselineStart) / DAY)] += 1;
    }
    const out: Finding[] = [];
    for (const [channel, daily] of counts) {
      const list = todays.get(channel) ?? [];
      const mean = daily.reduce((a, b) => a + b, 0) / days;
      const sd = Math.sqrt(daily.reduce((a, b) => a + (b - mean) ** 2, 0) / days);
      // A channel that is nearly silent would "spike" on its third complaint: ask for a few more than usual too.
      if (list.length <= mean + rule.threshold! * sd || list.length < mean + 3) continue;
      out.push({
        rule: 'channelSpike',
        key: `channelSpike:${channel}:${today}`,
        severity: ALERT_RULES.channelSpike.severity,
        subject: { type: 'channel', id: channel, label: channel },
        figures: { count: list.length, mean: round1(mean), sd: round1(sd), threshold: rule.threshold!, days, day: today },
        complaintIds: ids(list),
      });
    }
    return out;
  },

  deadlineRisk({ world, now, rule }) {
    const until = now + rule.windowHours * HOUR;
    const people = world.users.filter((u) => u.role === 'analyst' || u.role === 'lead');
    const load = new Map(people.map((u) => [u.id, 0]));
    const dueSoon = new Map<string | null, Complaint[]>();
    let dueSoonCount = 0;
    for (const c of world.complaints) {
      if (!isOpenStatus(c.status)) continue;
      if (c.assigneeId && load.has(c.assigneeId)) load.set(c.assigneeId, load.get(c.assigneeId)! + 1);
      const due = isoToMs(c.dueAt);
      if (due < now || due > until) continue;
      dueSoonCount += 1;
      const key = c.assigneeId && load.has(c.assigneeId) ? c.assigneeId : null;
      const list = dueSoon.get(key) ?? [];
      list.push(c);
      dueSoon.set(key, list);
    }
    for (const k of world.cases) if (k.assigneeId && load.has(k.assigneeId) && OPEN_CASE_STATUSES.has(k.status)) load.set(k.assigneeId, load.get(k.assigneeId)! + 1);
    // Work nobody can do in time: unassigned, held by someone away, or beyond its holder's cap. Free places are
    // what present people have left under their caps.
    const uncovered: Complaint[] = [...(dueSoon.get(null) ?? [])];
    let free = 0;
    for (const u of people) {
      const mine = dueSoon.get(u.id) ?? [];
      const l = load.get(u.id)!;
      if (u.away) uncovered.push(...mine);
      else if (l > u.capacity) uncovered.push(...mine.slice(0, l - u.capacity));
      else free += u.capacity - l;
    }
    if (uncovered.length <= free) return [];
    return [
      {
        rule: 'deadlineRisk',
        key: 'deadlineRisk',
        severity: ALERT_RULES.deadlineRisk.severity,
        subject: { type: 'institution', id: 'all', label: '' },
        figures: { dueSoon: dueSoonCount, uncovered: uncovered.length, free, hours: rule.windowHours },
        complaintIds: ids(uncovered),
      },
    ];
  },

  escalationWave({ rule, recent }) {
    const wave = recent.filter((c) => (c.mood ?? moodOf(c.text)) === 'escalation');
    if (wave.length < rule.threshold!) return [];
    return [{ rule: 'escalationWave', key: 'escalationWave', severity: ALERT_RULES.escalationWave.severity, subject: { type: 'institution', id: 'all', label: '' }, figures: { count: wave.length, threshold: rule.threshold!, hours: rule.windowHours }, complaintIds: ids(wave) }];
  },

  selfHarm({ world, recent }) {
    const leads = world.users.filter((u) => u.role === 'lead');
    const teamOf = new Map(world.users.map((u) => [u.id, u.team]));
    const leadFor = (c: Complaint): User | undefined => {
      const team = c.assigneeId ? teamOf.get(c.assigneeId) : undefined;
      return leads.find((l) => l.team === team && !l.away) ?? leads.find((l) => !l.away) ?? leads[0];
    };
    return recent
      .filter((c) => isOpenStatus(c.status) && (c.mood ?? moodOf(c.text)) === 'self_harm')
      .map((c) => ({
        rule: 'selfHarm' as const,
        key: `selfHarm:${c.id}`,
        severity: ALERT_RULES.selfHarm.severity,
        subject: { type: 'complaint' as const, id: c.id, label: c.borrowerName },
        figures: { phrase: findPhrases(c.text, SELF_HARM_WORDING)[0] ?? '' },
        complaintIds: [c.id],
        assigneeId: leadFor(c)?.id ?? null,
      }));
  },
};

/** Every enabled rule over the records as they are at `now`. */
export function evaluateRules(world: World, now: Date): Finding[] {
  const t = now.getTime();
  const out: Finding[] = [];
  for (const rule of alertRulesOf(world)) {
    if (!rule.enabled && !ALERT_RULES[rule.id].mandatory) continue;
    out.push(...RULES[rule.id]({ world, now: t, rule, recent: within(world.complaints, t, rule.windowHours) }));
  }
  return out;
}

/** What a person sees: a snooze that has run out is open again without anyone writing it back. */
export function effectiveStatus(a: Pick<Alert, 'status' | 'snoozedUntil'>, now: Date): Alert['status'] {
  return a.status === 'snoozed' && a.snoozedUntil && Date.parse(a.snoozedUntil) <= now.getTime() ? 'open' : a.status;
}

const sameFigures = (a: Alert['figures'], b: Alert['figures']) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Findings into alerts. A finding whose key matches an alert not yet closed updates it (new records,
 * new figures); one that matches only closed alerts is raised again only when it brings complaints the
 * closed one did not have, so closing an alert is not undone by the next scheduled pass.
 */
export function applyFindings(world: World, findings: readonly Finding[], now: Date): { raised: Alert[]; updated: Alert[] } {
  world.alerts ??= [];
  const live = new Map<string, Alert>();
  const closed = new Map<string, Set<string>>();
  for (const a of world.alerts) {
    if (a.status !== 'closed') live.set(a.key, a);
    else {
      const seen = closed.get(a.key) ?? new Set<string>();
      for (const id of a.complaintIds) seen.add(id);
      closed.set(a.key, seen);
    }
  }
  const iso = now.toISOString();
  const raised: Alert[] = [];
  const updated: Alert[] = [];
  let next = world.alerts.reduce((n, a) => Math.max(n, Number(a.id.replace(/\D/g, '')) || 0), 0);
  for (const f of findings) {
    const alert = live.get(f.key);
    if (alert) {
      const known = new Set(alert.complaintIds);
      const fresh = f.complaintIds.filter((id) => !known.has(id));
      if (!fresh.length && sameFigures(alert.figures, f.figures)) continue;
      alert.figures = f.figures;
      updated.push(alert);
      // New figures alone (a window sliding on) are no news: the version, which guards people's actions, stays.
      if (fresh.length) {
        alert.complaintIds = [...alert.complaintIds, ...fresh].slice(0, ALERT_RECORDS_MAX);
        alert.updatedAt = iso;
        alert.version += 1;
        alert.fired += 1;
        recordAudit(world, { actorId: 'system', action: 'alert', recordType: 'alert', recordId: alert.id, summary: `${alert.rule} +${fresh.length}`, detail: { kind: 'alertGrew', text: alert.rule, count: fresh.length } }, now);
      }
      continue;
    }
    const before = closed.get(f.key);
    if (before && f.complaintIds.every((id) => before.has(id))) continue;
    next += 1;
    const created: Alert = {
      id: `alert-${String(next).padStart(6, '0')}`,
      rule: f.rule,
      key: f.key,
      severity: f.severity,
      status: 'open',
      subject: f.subject,
      figures: f.figures,
      complaintIds: f.complaintIds,
      raisedAt: iso,
      updatedAt: iso,
      fired: 1,
      assigneeId: f.assigneeId ?? null,
      snoozedUntil: null,
      acknowledgedById: null,
      acknowledgedAt: null,
      caseId: null,
      version: 1,
    };
    world.alerts.push(created);
    live.set(f.key, created);
    raised.push(created);
    recordAudit(world, { actorId: 'system', action: 'alert', recordType: 'alert', recordId: created.id, summary: `${f.rule} ${f.key}`, detail: { kind: 'alertRaised', text: f.rule, count: f.complaintIds.length, ...(created.assigneeId ? { to: created.assigneeId } : {}) } }, now);
  }
  return { raised, updated };
}

/**
 * One pass of every rule, as the schedule and each arrival of complaints run it. `readable` is the same records
 * for reading only (a host that tracks changes through proxies hands over the plain ones: the rules read every
 * complaint and link, and only the alerts are written).
 */
export function runAlertRules(world: World, now: Date, readable: World = world): { raised: Alert[]; updated: Alert[] } {
  return applyFindings(world, evaluateRules(readable, now), now);
}
