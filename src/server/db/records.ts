/**
 * Records ↔ rows. Each table keeps the contract's record in `doc` and, beside it, the columns that
 * queries filter, sort, join and lock on; this module is the one place that derives those columns.
 */
import { complaintRowSchema, signalCodeSchema, type AuditEvent, type Case, type Channel, type Complaint, type ComplaintStatus, type Customer, type Entity, type Evidence, type GraphLayout, type Institution, type Link, type Referral, type SharingSession, type User, type Alert, type AlertRule } from '@/api/schemas';
import { CHANNEL_RANK, STATUS_RANK } from '@/domain/complaints';
import { answeredAtOf } from '@/domain/deadlines';
import type { World } from '@/domain/world';
import type { Db, Tx } from './database';

// The queue's sort orders are the rules' own, so SQL and the in-memory query sort alike.
export const channelRank = (c: Channel) => CHANNEL_RANK.get(c) ?? 99;
export const statusRank = (s: ComplaintStatus) => STATUS_RANK[s];
export const SIGNAL_BIT = new Map(signalCodeSchema.options.map((code, i) => [code, 1 << i]));

/** What the queue's text filter reads, lower-cased once here instead of per query. */
export const searchText = (c: Complaint) => [c.text, c.borrowerName, c.complainant.name, c.regulatorRef ?? '', c.id].join('\u0001').toLowerCase();

export function complaintColumns(c: Complaint) {
  return {
    id: c.id,
    customer_id: c.customerId,
    case_id: c.caseId,
    assignee_id: c.assigneeId,
    status: c.status,
    status_rank: statusRank(c.status),
    label: c.label,
    channel: c.channel,
    channel_rank: channelRank(c.channel),
    grade: c.grade,
    signal_bits: c.signals.reduce((mask, s) => mask | (SIGNAL_BIT.get(s.code) ?? 0), 0),
    risk_score: c.riskScore,
    family_id: c.templateFamilyId,
    family_size: c.templateFamilySize,
    received_at: c.receivedAt,
    due_at: c.dueAt,
    answered_at: answeredAtOf(c),
    search: searchText(c),
    version: c.version,
    row: JSON.stringify(complaintRowSchema.parse(c)),
    doc: JSON.stringify(c),
  };
}

export const caseColumns = (c: Case) => ({ id: c.id, status: c.status, assignee_id: c.assigneeId, due_at: c.dueAt, version: c.version, doc: JSON.stringify(c) });
export const evidenceColumns = (e: Evidence) => ({ id: e.id, complaint_id: e.complaintId, case_id: e.caseId, sha256: e.sha256, version: e.version, doc: JSON.stringify(e) });
export const referralColumns = (r: Referral) => ({ id: r.id, case_id: r.caseId, status: r.status, version: r.version, doc: JSON.stringify(r) });
export const customerColumns = (c: Customer) => ({ id: c.id, version: 1, doc: JSON.stringify(c) });
export const entityColumns = (e: Entity) => ({ id: e.id, type: e.type, doc: JSON.stringify(e) });
export const linkColumns = (l: Link) => ({ id: l.id, source: l.source, target: l.target, type: l.type, doc: JSON.stringify(l) });
export const institutionColumns = (i: Institution) => ({ id: i.id, self: i.self, revoked: i.revoked, version: i.version, doc: JSON.stringify(i) });
export const sharingColumns = (s: SharingSession) => ({ id: s.id, peer_id: s.peerId, status: s.status, version: s.version, doc: JSON.stringify(s) });
export const alertColumns = (a: Alert) => ({ id: a.id, key: a.key, rule: a.rule, status: a.status, severity: a.severity, raised_at: a.raisedAt, version: a.version, doc: JSON.stringify(a) });
export const alertRuleColumns = (r: AlertRule) => ({ id: r.id, version: r.version, doc: JSON.stringify(r) });
export const layoutColumns = (g: GraphLayout) => ({ case_id: g.caseId, version: g.version, doc: JSON.stringify(g) });

export const userFromRow = (r: { id: string; name: string; role: string; team: string; away: boolean; capacity: number }): User => ({
  id: r.id,
  name: r.name,
  role: r.role as User['role'],
  team: r.team,
  away: r.away,
  capacity: r.capacity,
});

export const auditFromRow = (r: { id: string; at: string; actor_id: string; action: string; record_type: string; record_id: string; summary: string; reason: string | null; detail?: unknown }): AuditEvent => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  action: r.action as AuditEvent['action'],
  recordType: r.record_type as AuditEvent['recordType'],
  recordId: r.record_id,
  summary: r.summary,
  reason: r.reason,
  detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : (r.detail ?? null)) as AuditEvent['detail'],
});

export async function readMeta<T>(db: Db | Tx, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function writeMeta(db: Db | Tx, key: string, value: unknown) {
  const json = JSON.stringify(value);
  await db.insertInto('meta').values({ key, value: json }).onConflict((oc) => oc.column('key').doUpdateSet({ value: json })).execute();
}

const docs = async <T,>(rows: Promise<{ doc: unknown }[]>) => (await rows).map((r) => r.doc as T);

/** Every record, as the rules read them. The pii table is read only by the reveal and the referral export. */
export async function loadWorld(db: Db | Tx): Promise<World> {
  const [users, customers, complaints, evidence, entities, links, cases, referrals, institutions, sharing, alerts, alertRules, layouts, audit, pii, generatedAt, seed] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'role', 'team', 'away', 'capacity']).orderBy('id').execute(),
    docs<Customer>(db.selectFrom('customers').select('doc').orderBy('id').execute()),
    docs<Complaint>(db.selectFrom('complaints').select('doc').orderBy('id').execute()),
    docs<Evidence>(db.selectFrom('evidence').select('doc').orderBy('id').execute()),
    docs<Entity>(db.selectFrom('entities').select('doc').orderBy('id').execute()),
    docs<Link>(db.selectFrom('links').select('doc').orderBy('id').execute()),
    docs<Case>(db.selectFrom('cases').select('doc').orderBy('id').execute()),
    docs<Referral>(db.selectFrom('referrals').select('doc').orderBy('id').execute()),
    docs<Institution>(db.selectFrom('institutions').select('doc').orderBy('id').execute()),
    docs<SharingSession>(db.selectFrom('sharing_sessions').select('doc').orderBy('id').execute()),
    docs<Alert>(db.selectFrom('alerts').select('doc').orderBy('id').execute()),
    docs<AlertRule>(db.selectFrom('alert_rules').select('doc').orderBy('id').execute()),
    docs<GraphLayout>(db.selectFrom('graph_layouts').select('doc').execute()),
    db.selectFrom('audit_events').select(['id', 'at', 'actor_id', 'action', 'record_type', 'record_id', 'summary', 'reason', 'detail']).orderBy('seq').execute(),
    db.selectFrom('pii').select(['key', 'value']).execute(),
    readMeta<string>(db, 'generatedAt'),
    readMeta<number>(db, 'seed'),
  ]);
  return {
    seed: seed ?? 0,
    generatedAt: generatedAt ?? new Date(0).toISOString(),
    users: users.map(userFromRow),
    customers,
    complaints,
    evidence,
    entities,
    links,
    cases,
    referrals,
    institutions,
    sharing,
    alerts,
    alertRules,
    audit: audit.map(auditFromRow),
    pii: Object.fromEntries(pii.map((p) => [p.key, p.value])),
    session: { userId: '' },
    graphLayouts: Object.fromEntries(layouts.map((g) => [g.caseId, g])),
  };
}
