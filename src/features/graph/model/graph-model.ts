/**
 * The graph screen's logic, kept free of React and cytoscape so it can be unit-tested and run in a worker:
 * the working set of entities and links the user has gathered, and how it becomes cytoscape elements
 * (filters, hidden nodes, hubs, communities collapsed into one node each).
 */
import type { Entity, EntityType, Link, LinkType } from '@/api/schemas';

export type WorkingSet = { entities: Map<string, Entity>; links: Map<string, Link> };

export const emptyWorkingSet = (): WorkingSet => ({ entities: new Map(), links: new Map() });

/** Adds what is new; returns the ids actually added so an expansion can be undone exactly. */
export function mergeInto(set: WorkingSet, entities: readonly Entity[], links: readonly Link[]): { entityIds: string[]; linkIds: string[] } {
  const entityIds: string[] = [];
  const linkIds: string[] = [];
  for (const e of entities) {
    if (set.entities.has(e.id)) continue;
    set.entities.set(e.id, e);
    entityIds.push(e.id);
  }
  for (const l of links) {
    if (set.links.has(l.id) || !set.entities.has(l.source) || !set.entities.has(l.target)) continue;
    set.links.set(l.id, l);
    linkIds.push(l.id);
  }
  return { entityIds, linkIds };
}

/** Removes entities and every link touching them. */
export function removeEntities(set: WorkingSet, ids: Iterable<string>): void {
  const gone = new Set(ids);
  for (const id of gone) set.entities.delete(id);
  for (const [id, l] of set.links) if (gone.has(l.source) || gone.has(l.target)) set.links.delete(id);
}

/**
 * Collapse: the neighbours that only hang off this node (degree 1 in the working set) go away; shared
 * neighbours stay because something else in the picture still explains them.
 */
export function leafNeighbours(set: WorkingSet, id: string, keep: ReadonlySet<string> = new Set()): string[] {
  const degree = new Map<string, number>();
  const neighbours = new Set<string>();
  for (const l of set.links.values()) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
    if (l.source === id) neighbours.add(l.target);
    if (l.target === id) neighbours.add(l.source);
  }
  return [...neighbours].filter((n) => n !== id && (degree.get(n) ?? 0) <= 1 && !keep.has(n));
}

export type ViewOptions = {
  /** null = every type */
  entityTypes?: ReadonlySet<EntityType> | null;
  linkTypes?: ReadonlySet<LinkType> | null;
  /** Inclusive ISO range; an entity or link is shown when its first/last-seen window overlaps it. */
  timeRange?: readonly [string, string] | null;
  hidden?: ReadonlySet<string>;
  /** Hide hub entities altogether. */
  hideHubs?: boolean;
  /** entity id → community number */
  communities?: Readonly<Record<string, number>> | null;
  /** Communities drawn as one node each. */
  collapsed?: ReadonlySet<number>;
  /** Level of detail for the whole network: members of communities smaller than this are left out. */
  minCommunitySize?: number;
  communitySizes?: ReadonlyMap<number, number>;
};

export type NodeData = {
  id: string;
  label: string;
  kind: 'entity' | 'community';
  type: EntityType | 'community';
  isHub: boolean;
  community: number | null;
  /** Community nodes: members inside, and by type. */
  memberCount?: number;
  typeCounts?: Partial<Record<EntityType, number>>;
};
export type EdgeData = {
  id: string;
  source: string;
  target: string;
  kind: 'link' | 'aggregate';
  type: LinkType | 'aggregate';
  label: string;
  /** Aggregate edges: how many links they stand for. */
  weight: number;
  linkIds: string[];
};
export type ElementsResult = {
  nodes: { data: NodeData }[];
  edges: { data: EdgeData }[];
  /** Entities shown either as themselves or inside a collapsed community. */
  visibleEntityCount: number;
  visibleLinkCount: number;
};

export const communityNodeId = (c: number) => `community:${c}`;
export const parseCommunityNodeId = (id: string): number | null => (id.startsWith('community:') ? Number(id.slice('community:'.length)) : null);

const overlaps = (first: string, last: string, range: readonly [string, string]) => first <= range[1] && last >= range[0];

export function entityVisible(e: Entity, o: ViewOptions): boolean {
  if (o.hidden?.has(e.id)) return false;
  if (o.hideHubs && e.isHub) return false;
  if (o.entityTypes && !o.entityTypes.has(e.type)) return false;
  if (o.timeRange && !overlaps(e.firstSeen, e.lastSeen, o.timeRange)) return false;
  if (o.minCommunitySize && o.communitySizes) {
    const c = o.communities?.[e.id];
    if (c !== undefined && (o.communitySizes.get(c) ?? 0) < o.minCommunitySize) return false;
  }
  return true;
}

/** Cytoscape elements for the working set under the view options. Pure: same input, same output. */
export function buildElements(set: WorkingSet, o: ViewOptions = {}, labelOf: (type: LinkType) => string = (t) => t): ElementsResult {
  const nodes: { data: NodeData }[] = [];
  const placeOf = new Map<string, string>(); // entity id → the node that draws it
  const communityNodes = new Map<number, NodeData>();
  let visibleEntityCount = 0;
  for (const e of set.entities.values()) {
    if (!entityVisible(e, o)) continue;
    visibleEntityCount++;
    const c = o.communities?.[e.id];
    if (c !== undefined && o.collapsed?.has(c)) {
      let node = communityNodes.get(c);
      if (!node) {
        node = { id: communityNodeId(c), label: '', kind: 'community', type: 'community', isHub: false, community: c, memberCount: 0, typeCounts: {} };
        communityNodes.set(c, node);
      }
      node.memberCount = (node.memberCount ?? 0) + 1;
      node.typeCounts![e.type] = (node.typeCounts![e.type] ?? 0) + 1;
      placeOf.set(e.id, node.id);
      continue;
    }
    placeOf.set(e.id, e.id);
    nodes.push({ data: { id: e.id, label: e.label, kind: 'entity', type: e.type, isHub: e.isHub, community: c ?? null } });
  }
  for (const node of communityNodes.values()) nodes.push({ data: node });

  const edges: { data: EdgeData }[] = [];
  const aggregates = new Map<string, EdgeData>();
  let visibleLinkCount = 0;
  for (const l of set.links.values()) {
    if (o.linkTypes && !o.linkTypes.has(l.type)) continue;
    if (o.timeRange && !overlaps(l.firstSeen, l.lastSeen, o.timeRange)) continue;
    const s = placeOf.get(l.source);
    const t = placeOf.get(l.target);
    if (!s || !t) continue;
    visibleLinkCount++;
    if (s === l.source && t === l.target) {
      edges.push({ data: { id: l.id, source: s, target: t, kind: 'link', type: l.type, label: labelOf(l.type), weight: 1, linkIds: [l.id] } });
      continue;
    }
    if (s === t) continue; // inside one collapsed community: counted, not drawn
    const key = s < t ? `${s}|${t}` : `${t}|${s}`;
    let agg = aggregates.get(key);
    if (!agg) {
      agg = { id: `agg:${key}`, source: s < t ? s : t, target: s < t ? t : s, kind: 'aggregate', type: 'aggregate', label: '', weight: 0, linkIds: [] };
      aggregates.set(key, agg);
    }
    agg.weight++;
    agg.linkIds.push(l.id);
  }
  for (const agg of aggregates.values()) {
    agg.label = `×${agg.weight}`;
    edges.push({ data: agg });
  }
  return { nodes, edges, visibleEntityCount, visibleLinkCount };
}

/** Earliest first-seen and latest last-seen in the set: the time slider's bounds. */
export function timeBounds(set: WorkingSet): [string, string] | null {
  let lo: string | null = null;
  let hi: string | null = null;
  for (const x of [...set.entities.values(), ...set.links.values()]) {
    if (lo === null || x.firstSeen < lo) lo = x.firstSeen;
    if (hi === null || x.lastSeen > hi) hi = x.lastSeen;
  }
  return lo && hi ? [lo, hi] : null;
}

/** Complaint ids behind an entity: its links' complaints, and itself when it is a complaint node. */
export function complaintsBehindEntity(set: WorkingSet, id: string): string[] {
  const out = new Set<string>();
  const e = set.entities.get(id);
  if (e?.type === 'complaint' && e.attributes.complaintId) out.add(e.attributes.complaintId);
  for (const l of set.links.values()) if (l.source === id || l.target === id) for (const c of l.complaintIds) out.add(c);
  return [...out].sort();
}

export function evidenceBehindEntity(set: WorkingSet, id: string): string[] {
  const out = new Set<string>();
  for (const l of set.links.values()) if (l.source === id || l.target === id) for (const ev of l.evidenceIds) out.add(ev);
  return [...out].sort();
}
