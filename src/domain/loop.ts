/**
 * The loop dashboard's figures: 预警 → 识别 → 应对 → 报案 → 行业协同, for a period and the period before it.
 *
 * Complaint figures follow the complaints received in the period (a cohort), so each one is exactly the
 * queue filter it links to: received in these days, with this label or deadline outcome. Referral, firm,
 * gang and sharing figures count the events dated in the period (submitted, 受理, 立案, first seen).
 */
import {
  channelSchema,
  gradeSchema,
  type Channel,
  type Complaint,
  type Grade,
  type LoopFigure,
  type LoopFigureKey,
  type LoopLink,
  type LoopQuery,
  type LoopReport,
  type LoopStage,
  type Case,
  type Referral,
  type ReferralEvent,
  type User,
} from '@/api/schemas';
import type { World } from './world';
import { DAY_MS, answeredAtOf } from './deadlines';
import { BEIJING_OFFSET_MS, beijingDayOf, beijingDayStart, isoToMs } from './time';

const addDays = (day: string, n: number) => beijingDayOf(beijingDayStart(day) + n * DAY_MS);

const lastOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // month 1-12
const monthDay = (year: number, month: number, day: number) => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
};

/**
 * The period to compare with: whole calendar months compare with as many months before (November with
 * October, whatever their lengths); any other period with the days of the same length that end the day before.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fd === 1 && td === lastOfMonth(ty, tm)) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const start = new Date(Date.UTC(fy, fm - 1 - months, 1));
    const end = new Date(Date.UTC(fy, fm - 1, 0));
    return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
  }
  const days = Math.round((beijingDayStart(to) - beijingDayStart(from)) / DAY_MS) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/** The first and last day of a calendar month (YYYY-MM). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: monthDay(y, m, 1), to: monthDay(y, m, lastOfMonth(y, m)) };
}

/** The last `days` Beijing calendar days up to and including today. */
export function lastDays(days: number, now: Date): { from: string; to: string } {
  const to = beijingDayOf(now.getTime());
  return { from: addDays(to, -(days - 1)), to };
}

export const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Charges the public security organs handle as administrative cases (治安管理处罚), not crimes. */
const ADMINISTRATIVE_CHARGES = new Set<string>(['disturbing_order']);
export const filedAs = (r: Pick<Referral, 'charges'>): 'criminal' | 'administrative' =>
  r.charges.length > 0 && r.charges.every((c) => ADMINISTRATIVE_CHARGES.has(c)) ? 'administrative' : 'criminal';

/** When a referral met `event`, if it did. */
export function referralEventAt(r: Pick<Referral, 'submission' | 'outcome' | 'charges'>, event: ReferralEvent): string | null {
  switch (event) {
    case 'submitted':
      return r.submission?.date ?? null;
    case 'accepted':
      return r.outcome?.acceptedAt ?? null;
    case 'filedCriminal':
      return filedAs(r) === 'criminal' ? (r.outcome?.filedAt ?? null) : null;
    case 'filedAdministrative':
      return filedAs(r) === 'administrative' ? (r.outcome?.filedAt ?? null) : null;
    case 'rejected':
      return r.outcome?.rejectedAt ?? null;
  }
}

/** Whether an instant falls on or between two Beijing days (either end open). */
export function onDays(iso: string | null | undefined, from: string | undefined, to: string | undefined): boolean {
  if (!iso) return false;
  const t = isoToMs(iso);
  return (!from || t >= beijingDayStart(from)) && (!to || t < beijingDayStart(to) + DAY_MS);
}

/** Is the case assigned to someone in `team`? (No team asked: every case.) */
export const caseInTeam = (k: Pick<Case, 'assigneeId'>, team: string | null | undefined, teamOf: ReadonlyMap<string, string>) =>
  team === null || team === undefined || (k.assigneeId !== null && teamOf.get(k.assigneeId) === team);

type Window = { from: string; to: string; start: number; end: number };
const windowOf = (from: string, to: string): Window => ({ from, to, start: beijingDayStart(from), end: beijingDayStart(to) + DAY_MS });
const within = (w: Window, iso: string | null | undefined) => {
  if (!iso) return false;
  const t = isoToMs(iso);
  return t >= w.start && t < w.end;
};

type Counts = Record<LoopFigureKey, number | null>;

/** The team an analyst may see; leads, auditors and admins see whichever they ask for, or all. */
export function loopTeamFor(viewer: Pick<User, 'role' | 'team'>, asked: string | undefined): string | null {
  if (viewer.role === 'analyst') return viewer.team;
  return asked?.trim() ? asked.trim() : null;
}

/** What every measure reads, prepared once per report. */
type Prepared = { receivedMs: Float64Array; forged: ReadonlySet<string>; teamOf: Map<string, string>; now: number };

function prepare(db: World, now: number): Prepared {
  const receivedMs = new Float64Array(db.complaints.length);
  db.complaints.forEach((c, i) => (receivedMs[i] = isoToMs(c.receivedAt)));
  const forged = new Set<string>();
  for (const e of db.evidence) if (e.verdict.status === 'forged') forged.add(e.id);
  return { receivedMs, forged, teamOf: new Map(db.users.map((u) => [u.id, u.team])), now };
}

const carriesForged = (c: Complaint, forged: ReadonlySet<string>) => {
  for (const id of c.evidenceIds) if (forged.has(id)) return true;
  return false;
};

function measure(db: World, w: Window, team: string | null, channels: ReadonlySet<Channel> | null, { receivedMs, forged, teamOf, now }: Prepared): Counts {
  const falseMaterial = new Set<string>();
  const handling: number[] = [];
  const n: Counts = {
    alertsRaised: null,
    alertsActed: null,
    received: 0,
    agentProposed: 0,
    agentConfirmed: 0,
    falseMaterialBorrowers: 0,
    agentFirms: 0,
    gangs: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    legitimateOnTime: 0,
    legitimateLate: 0,
    openOverdue: 0,
    medianHandlingDays: null,
    referralsSubmitted: 0,
    referralsAccepted: 0,
    filedCriminal: 0,
    filedAdministrative: 0,
    referralsRejected: 0,
    sharingSessions: 0,
    sharingMatches: 0,
  };
  const bump = (k: LoopFigureKey) => (n[k] = (n[k] ?? 0) + 1);
  // One pass over every complaint, with plain counters: at 100,000 complaints this loop is the dashboard's cost.
  let received = 0;
  let proposed = 0;
  let confirmed = 0;
  let onTime = 0;
  let late = 0;
  let legitimateOnTime = 0;
  let legitimateLate = 0;
  let overdue = 0;
  const complaints = db.complaints;
  for (let i = 0; i < complaints.length; i++) {
    const at = receivedMs[i];
    if (at < w.start || at >= w.end) continue;
    const c = complaints[i];
    if (channels && !channels.has(c.channel)) continue;
    if (team !== null && (c.assigneeId === null || teamOf.get(c.assigneeId) !== team)) continue;
    received++;
    if (c.label === 'agent_proposed') proposed++;
    else if (c.label === 'agent_confirmed') confirmed++;
    // The same rule as deadlineOutcome, reading each timestamp once.
    const answered = answeredAtOf(c);
    if (answered !== null) {
      const answeredMs = isoToMs(answered);
      const met = answeredMs <= isoToMs(c.dueAt);
      if (c.label === 'legitimate') {
        if (met) legitimateOnTime++;
        else legitimateLate++;
      } else if (met) onTime++;
      else late++;
      handling.push((answeredMs - at) / DAY_MS);
    } else if (isoToMs(c.dueAt) < now) overdue++;
    if (forged.size && carriesForged(c, forged)) falseMaterial.add(c.customerId);
  }
  Object.assign(n, { received, agentProposed: proposed, agentConfirmed: confirmed, legitimateOnTime, legitimateLate, openOverdue: overdue });
  // Legitimate complaints are counted apart, never hidden: the on-time figures add both.
  n.answeredOnTime = onTime + legitimateOnTime;
  n.answeredLate = late + legitimateLate;
  n.falseMaterialBorrowers = falseMaterial.size;
  // Alerts belong to the institution, not to a team or a channel: measured only for the whole.
  if (team === null && !channels) {
    let raised = 0;
    let acted = 0;
    for (const a of db.alerts ?? []) {
      if (!within(w, a.raisedAt)) continue;
      raised++;
      if (a.acknowledgedAt || a.caseId || a.status === 'closed') acted++;
    }
    n.alertsRaised = raised;
    n.alertsActed = acted;
  }
  const days = median(handling);
  n.medianHandlingDays = days === null ? null : Math.round(days * 10) / 10;

  // Firms, gangs, referrals and sharing belong to no channel, and sharing to no team: under such a filter
  // they are not measured rather than shown as a misleading zero.
  const unmeasured = (keys: LoopFigureKey[]) => keys.forEach((k) => (n[k] = null));
  if (channels) {
    unmeasured(['agentFirms', 'gangs', 'referralsSubmitted', 'referralsAccepted', 'filedCriminal', 'filedAdministrative', 'referralsRejected', 'sharingSessions', 'sharingMatches']);
    return n;
  }
  // Firms are the institution's findings; a team filter narrows gangs and referrals to the team's cases.
  if (team !== null) unmeasured(['agentFirms']);
  else for (const e of db.entities) if (e.type === 'agent_firm' && within(w, e.firstSeen)) bump('agentFirms');
  const inTeam = new Map(db.cases.map((k) => [k.id, caseInTeam(k, team, teamOf)]));
  for (const k of db.cases) if (k.target.kind === 'gang' && inTeam.get(k.id) && within(w, k.createdAt)) bump('gangs');
  for (const r of db.referrals) {
    if (!inTeam.get(r.caseId)) continue;
    for (const [event, key] of REFERRAL_FIGURES) if (within(w, referralEventAt(r, event))) bump(key);
  }
  if (team !== null) unmeasured(['sharingSessions', 'sharingMatches']);
  else
    for (const s of db.sharing) {
      if (!within(w, s.createdAt)) continue;
      bump('sharingSessions');
      n.sharingMatches = (n.sharingMatches ?? 0) + s.matches.length;
    }
  return n;
}

const REFERRAL_FIGURES: [ReferralEvent, LoopFigureKey][] = [
  ['submitted', 'referralsSubmitted'],
  ['accepted', 'referralsAccepted'],
  ['filedCriminal', 'filedCriminal'],
  ['filedAdministrative', 'filedAdministrative'],
  ['rejected', 'referralsRejected'],
];

const STAGES: Record<LoopStage, LoopFigureKey[]> = {
  warning: ['alertsRaised', 'alertsActed'],
  identify: ['received', 'agentProposed', 'agentConfirmed', 'falseMaterialBorrowers', 'agentFirms', 'gangs'],
  respond: ['answeredOnTime', 'answeredLate', 'legitimateOnTime', 'legitimateLate', 'openOverdue', 'medianHandlingDays'],
  report: ['referralsSubmitted', 'referralsAccepted', 'filedCriminal', 'filedAdministrative', 'referralsRejected'],
  share: ['sharingSessions', 'sharingMatches'],
};

/** The queue filters (URL form) that list a complaint figure's records; other figures open their screen. */
function linkFor(key: LoopFigureKey, w: Window, team: string | null, channels: readonly Channel[]): LoopLink | null {
  const queue = (extra: Record<string, string>): LoopLink => ({
    screen: 'queue',
    params: {
      receivedFrom: w.from,
      receivedTo: w.to,
      // Every status: the queue lists open work only unless told otherwise.
      status: '',
      ...(team !== null ? { team } : {}),
      ...(channels.length ? { channel: channels.join(',') } : {}),
      ...extra,
    },
  });
  switch (key) {
    case 'received':
      return queue({});
    case 'agentProposed':
      return queue({ label: 'agent_proposed' });
    case 'agentConfirmed':
      return queue({ label: 'agent_confirmed' });
    case 'answeredOnTime':
      return queue({ deadline: 'met' });
    case 'answeredLate':
      return queue({ deadline: 'late' });
    case 'legitimateOnTime':
      return queue({ deadline: 'met', label: 'legitimate' });
    case 'legitimateLate':
      return queue({ deadline: 'late', label: 'legitimate' });
    case 'openOverdue':
      return queue({ deadline: 'overdue', status: 'new,in_progress' });
    case 'medianHandlingDays':
      return queue({ status: 'answered,closed' });
    case 'agentFirms':
      return { screen: 'graph', params: { types: 'agent_firm', from: w.from, to: w.to } };
    case 'gangs':
      return { screen: 'cases', params: { target: 'gang', createdFrom: w.from, createdTo: w.to, ...(team !== null ? { team } : {}) } };
    case 'referralsSubmitted':
    case 'referralsAccepted':
    case 'filedCriminal':
    case 'filedAdministrative':
    case 'referralsRejected':
      return { screen: 'referrals', params: { event: REFERRAL_FIGURES.find(([, k]) => k === key)![0], from: w.from, to: w.to, ...(team !== null ? { team } : {}) } };
    case 'alertsRaised':
    case 'alertsActed':
      return { screen: 'alerts', params: { from: w.from, to: w.to } };
    case 'sharingSessions':
    case 'sharingMatches':
      return { screen: 'sharing', params: {} };
    default:
      return null;
  }
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Monday of the Beijing week a day falls in. */
function mondayOf(day: string): string {
  const weekday = new Date(beijingDayStart(day) + BEIJING_OFFSET_MS).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

const WEEK_MS = 7 * DAY_MS;

function weeksOf(db: World, w: Window, team: string | null, channels: ReadonlySet<Channel> | null, { receivedMs, teamOf }: Prepared): LoopReport['weeks'] {
  const weeks: LoopReport['weeks'] = [];
  for (let day = w.from; beijingDayStart(day) < w.end; day = addDays(mondayOf(day), 7))
    weeks.push({ week: day, received: 0, byChannel: zeros<Channel>(channelSchema.options), byGrade: zeros<Grade>(gradeSchema.options), byTeam: {} });
  // Weeks by arithmetic from the first Monday: a date string per complaint would cost more than the counting.
  const firstMonday = beijingDayStart(mondayOf(w.from));
  const complaints = db.complaints;
  for (let i = 0; i < complaints.length; i++) {
    const t = receivedMs[i];
    if (t < w.start || t >= w.end) continue;
    const c = complaints[i];
    if (channels && !channels.has(c.channel)) continue;
    const cTeam = c.assigneeId === null ? '' : (teamOf.get(c.assigneeId) ?? '');
    if (team !== null && cTeam !== team) continue;
    const week = weeks[Math.floor((t - firstMonday) / WEEK_MS)];
    week.received++;
    week.byChannel[c.channel]++;
    week.byGrade[c.grade]++;
    week.byTeam[cTeam] = (week.byTeam[cTeam] ?? 0) + 1;
  }
  return weeks;
}

export function loopReport(db: World, query: LoopQuery, viewer: Pick<User, 'role' | 'team'>, now: Date): LoopReport {
  const team = loopTeamFor(viewer, query.team);
  const channels = query.channel?.length ? [...new Set(query.channel)] : [];
  const channelSet = channels.length ? new Set(channels) : null;
  const current = windowOf(query.from, query.to);
  const prev = previousPeriod(query.from, query.to);
  const before = windowOf(prev.from, prev.to);
  const t = now.getTime();
  const prepared = prepare(db, t);
  const a = measure(db, current, team, channelSet, prepared);
  const b = measure(db, before, team, channelSet, prepared);
  const stages = (Object.keys(STAGES) as LoopStage[]).map((stage) => ({
    stage,
    available: true,
    figures: STAGES[stage].map(
      (key): LoopFigure => ({ key, value: a[key], previous: b[key], link: a[key] === null ? null : linkFor(key, current, team, channels) }),
    ),
  }));
  const teams = [...new Set(db.users.filter((u) => u.role === 'analyst' || u.role === 'lead').map((u) => u.team))].sort();
  return {
    from: current.from,
    to: current.to,
    previousFrom: before.from,
    previousTo: before.to,
    team,
    teams: viewer.role === 'analyst' ? [viewer.team] : teams,
    channel: channels,
    stages,
    weeks: weeksOf(db, current, team, channelSet, prepared),
  };
}

type Words = (key: string, vars?: Record<string, string | number>) => string;

/** The report as a spreadsheet in the reader's language: a row per figure, then the period and scope, then the weeks. */
export function loopCsvRows(r: LoopReport, words: Words): { header: string[]; rows: (string | number | null)[][] } {
  const shown = (v: number | null) => (v === null ? words('loopCsv.notMeasured') : v);
  const all = words('loopCsv.all');
  return {
    header: [words('loopCsv.stage'), words('loopCsv.figure'), words('loopCsv.value'), words('loopCsv.previous')],
    rows: [
      ...r.stages.flatMap((s) => s.figures.map((f) => [words(`loopStage.${s.stage}`), words(`loopFigure.${f.key}`), shown(f.value), shown(f.previous)])),
      [],
      [words('loopCsv.period'), `${r.from} – ${r.to}`],
      [words('loopCsv.previousPeriod'), `${r.previousFrom} – ${r.previousTo}`],
      [words('loopCsv.team'), r.team ?? all],
      [words('loopCsv.channel'), r.channel.length ? r.channel.map((c) => words(`channel.${c}`)).join('、') : all],
      [],
      [words('loopCsv.week'), words('loopCsv.received')],
      ...r.weeks.map((w) => [w.week, w.received]),
    ],
  };
}
