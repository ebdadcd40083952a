/**
 * 溯源: where a wave of complaints started and how it spread. Given the complaints behind a family, an
 * alert, a case or a community, and the relationship graph: the first complaint, a timeline by channel,
 * the borrowers in the order their names were used, and the agents, firms, numbers and accounts that
 * tie them together. One pass over the subject and the links of its complaints and borrowers.
 */
import type { Channel, Complaint, Entity, EntityType, Link, SpreadBorrower, SpreadBucket, SpreadLinker, SpreadPoint, SpreadReport } from '@/api/schemas';
import { entityIdForComplaint, entityIdForCustomer } from './conventions';
import { DAY_MS } from './deadlines';
import { brief } from './related';
import { beijingDayOf, beijingDayStart, isoToMs } from './time';

export const SPREAD_BORROWER_LIMIT = 500;
export const SPREAD_POINT_LIMIT = 2000;
export const SPREAD_LINKER_LIMIT = 30;
/** Up to about two months reads best day by day; a longer wave by week. */
export const SPREAD_DAILY_MAX_DAYS = 62;

/** What can tie borrowers together: people and firms behind the filing, and what they left behind. */
const LINKER_TYPES: ReadonlySet<EntityType> = new Set(['agent_person', 'agent_firm', 'phone', 'im_account', 'device', 'ip', 'bank_account', 'address', 'document', 'seal']);

export type SpreadGraph = {
  entityById: ReadonlyMap<string, Entity>;
  /** Links touching each entity. */
  adjacency: ReadonlyMap<string, readonly Link[]>;
};

type Tally = { entity: Entity; borrowers: Set<string>; complaints: Set<string>; firstMs: number };

/** Monday of the Beijing week that holds `day`. */
export function weekStartOf(day: string): string {
  const ms = beijingDayStart(day);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return beijingDayOf(ms - weekday * DAY_MS);
}

export function spreadOf(complaints: readonly Complaint[], graph: SpreadGraph): Omit<SpreadReport, 'subject' | 'title'> {
  const sorted = [...complaints].sort((a, b) => isoToMs(a.receivedAt) - isoToMs(b.receivedAt) || a.id.localeCompare(b.id));
  const empty = { complaints: 0, borrowers: 0, channels: [], first: null, lastAt: null, bucket: 'day' as const, timeline: [], borrowerList: [], linkers: [], points: [] };
  if (sorted.length === 0) return empty;

  // Borrowers in the order the wave used their names.
  type Joined = Omit<SpreadBorrower, 'via'> & { channelSet: Set<Channel> };
  const joined = new Map<string, Joined>();
  const channels: Channel[] = [];
  for (const c of sorted) {
    if (!channels.includes(c.channel)) channels.push(c.channel);
    let b = joined.get(c.customerId);
    if (!b) {
      b = { order: joined.size + 1, customerId: c.customerId, borrowerName: c.borrowerName, firstAt: c.receivedAt, firstChannel: c.channel, firstComplaintId: c.id, complaints: 0, channels: [], channelSet: new Set() };
      joined.set(c.customerId, b);
    }
    b.complaints += 1;
    if (!b.channelSet.has(c.channel)) {
      b.channelSet.add(c.channel);
      b.channels.push(c.channel);
    }
  }

  const linkers = tallyLinkers(sorted, graph);
  const minBorrowers = Math.min(2, joined.size);
  const ranked: SpreadLinker[] = [...linkers.values()]
    .filter((t) => t.borrowers.size >= minBorrowers)
    .sort((a, b) => b.borrowers.size - a.borrowers.size || b.complaints.size - a.complaints.size || a.firstMs - b.firstMs || a.entity.id.localeCompare(b.entity.id))
    .slice(0, SPREAD_LINKER_LIMIT)
    .map((t) => ({ entity: t.entity, borrowers: t.borrowers.size, complaints: t.complaints.size, firstAt: new Date(t.firstMs).toISOString() }));

  const viaOf = new Map<string, string[]>();
  for (const l of ranked)
    for (const customerId of linkers.get(l.entity.id)!.borrowers) {
      const via = viaOf.get(customerId) ?? [];
      if (via.length < 3) via.push(l.entity.id);
      viaOf.set(customerId, via);
    }

  const borrowerList = [...joined.values()].slice(0, SPREAD_BORROWER_LIMIT).map(({ channelSet: _, ...b }) => ({ ...b, via: viaOf.get(b.customerId) ?? [] }));
  const points: SpreadPoint[] = sorted.slice(0, SPREAD_POINT_LIMIT).map((c) => ({ complaintId: c.id, at: c.receivedAt, channel: c.channel, order: joined.get(c.customerId)!.order }));

  const head = sorted[0];
  const last = sorted[sorted.length - 1];
  const timeline = timelineOf(sorted, joined);
  return {
    complaints: sorted.length,
    borrowers: joined.size,
    channels,
    first: { ...brief(head), customerId: head.customerId, complainantKind: head.complainant.kind, agentFirm: head.complainant.agentFirm },
    lastAt: last.receivedAt,
    bucket: timeline.bucket,
    timeline: timeline.buckets,
    borrowerList,
    linkers: ranked,
    points,
  };
}

/**
 * Entities on the links each complaint was seen in (the filing, the borrower's numbers, fees and
 * documents), plus the firm an agent works for. Hubs tie everyone to everyone and are left out.
 */
function tallyLinkers(sorted: readonly Complaint[], graph: SpreadGraph): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const firmsOf = new Map<string, Entity[]>();
  const firmsOfAgent = (agentId: string) => {
    let firms = firmsOf.get(agentId);
    if (!firms) {
      firms = [];
      for (const l of graph.adjacency.get(agentId) ?? []) {
        if (l.type !== 'employed_by') continue;
        const firm = graph.entityById.get(l.source === agentId ? l.target : l.source);
        if (firm && firm.type === 'agent_firm' && !firm.isHub) firms.push(firm);
      }
      firmsOf.set(agentId, firms);
    }
    return firms;
  };
  const count = (entity: Entity, c: Complaint) => {
    let t = tallies.get(entity.id);
    if (!t) tallies.set(entity.id, (t = { entity, borrowers: new Set(), complaints: new Set(), firstMs: isoToMs(c.receivedAt) }));
    t.borrowers.add(c.customerId);
    t.complaints.add(c.id);
  };
  for (const c of sorted) {
    const own = entityIdForComplaint(c.id);
    const borrower = entityIdForCustomer(c.customerId);
    const seen = new Set<string>();
    for (const from of [own, borrower])
      for (const l of graph.adjacency.get(from) ?? []) {
        if (from === borrower && !l.complaintIds.includes(c.id)) continue;
        const otherId = l.source === from ? l.target : l.source;
        if (otherId === own || otherId === borrower || seen.has(otherId)) continue;
        seen.add(otherId);
        const other = graph.entityById.get(otherId);
        if (!other || other.isHub || !LINKER_TYPES.has(other.type)) continue;
        count(other, c);
        if (other.type === 'agent_person')
          for (const firm of firmsOfAgent(other.id))
            if (!seen.has(firm.id)) {
              seen.add(firm.id);
              count(firm, c);
            }
      }
  }
  return tallies;
}

function timelineOf(sorted: readonly Complaint[], joined: ReadonlyMap<string, { firstComplaintId: string }>): { bucket: 'day' | 'week'; buckets: SpreadBucket[] } {
  const firstDay = beijingDayOf(isoToMs(sorted[0].receivedAt));
  const lastDay = beijingDayOf(isoToMs(sorted[sorted.length - 1].receivedAt));
  const spanDays = Math.round((beijingDayStart(lastDay) - beijingDayStart(firstDay)) / DAY_MS) + 1;
  const bucket = spanDays <= SPREAD_DAILY_MAX_DAYS ? 'day' : 'week';
  const keyOf = (iso: string) => {
    const day = beijingDayOf(isoToMs(iso));
    return bucket === 'day' ? day : weekStartOf(day);
  };
  // Every bucket from the first to the last, quiet ones included: a gap in a wave is part of its story.
  const buckets: SpreadBucket[] = [];
  const index = new Map<string, SpreadBucket>();
  const step = bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const end = beijingDayStart(keyOf(sorted[sorted.length - 1].receivedAt));
  for (let ms = beijingDayStart(keyOf(sorted[0].receivedAt)); ms <= end; ms += step) {
    const b: SpreadBucket = { start: beijingDayOf(ms), byChannel: {}, total: 0, newBorrowers: 0, borrowersSoFar: 0 };
    buckets.push(b);
    index.set(b.start, b);
  }
  const firstComplaints = new Set([...joined.values()].map((b) => b.firstComplaintId));
  for (const c of sorted) {
    const b = index.get(keyOf(c.receivedAt))!;
    b.byChannel[c.channel] = (b.byChannel[c.channel] ?? 0) + 1;
    b.total += 1;
    if (firstComplaints.has(c.id)) b.newBorrowers += 1;
  }
  let soFar = 0;
  for (const b of buckets) b.borrowersSoFar = soFar += b.newBorrowers;
  return { bucket, buckets };
}
