/**
 * Paths and communities over the working set, with graphology. Hubs (the lender's hotline, a carrier's
 * NAT range) link thousands of unrelated people, so both can leave them out.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import type { Entity, EntityType, Link } from '@/api/schemas';
import { mulberry32 } from '@/lib/mulberry32';

export type PlainGraph = { entities: readonly Entity[]; links: readonly Link[] };

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Simple undirected graph (parallel links merged into one weighted edge); hubs dropped unless kept. */
export function toGraphology(g: PlainGraph, opts: { excludeHubs?: boolean; keep?: ReadonlySet<string> } = {}) {
  const graph = new UndirectedGraph<{ type: EntityType }, { weight: number }>();
  for (const e of g.entities) {
    if (opts.excludeHubs && e.isHub && !opts.keep?.has(e.id)) continue;
    graph.addNode(e.id, { type: e.type });
  }
  for (const l of g.links) {
    if (l.source === l.target || !graph.hasNode(l.source) || !graph.hasNode(l.target)) continue;
    graph.updateEdge(l.source, l.target, (attr) => ({ weight: (attr.weight ?? 0) + 1 }));
  }
  return graph;
}

export type PathResult = {
  nodeIds: string[];
  /** For each hop, every link between the two entities (each carries its complaints and evidence). */
  hops: { from: string; to: string; links: Link[] }[];
};

/** Fewest hops between two entities; null when they are not connected (e.g. only through a hub that is excluded). */
export function shortestPath(g: PlainGraph, from: string, to: string, opts: { excludeHubs?: boolean } = {}): PathResult | null {
  const keep = new Set([from, to]);
  const graph = toGraphology(g, { excludeHubs: opts.excludeHubs, keep });
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  const nodeIds = from === to ? [from] : bidirectional(graph, from, to);
  if (!nodeIds) return null;
  const byPair = new Map<string, Link[]>();
  for (const l of g.links) {
    const k = pairKey(l.source, l.target);
    const list = byPair.get(k);
    if (list) list.push(l);
    else byPair.set(k, [l]);
  }
  const hops = nodeIds.slice(1).map((to, i) => ({ from: nodeIds[i], to, links: byPair.get(pairKey(nodeIds[i], to)) ?? [] }));
  return { nodeIds, hops };
}

export type CommunityResult = {
  /** entity id → community number; hubs (when excluded) have none. */
  communityOf: Record<string, number>;
  count: number;
  modularity: number;
};

/**
 * Louvain communities, renumbered largest first so "community 0" is the biggest. Runs in the graph
 * worker for real networks; plain here so it can be tested.
 */
export function detectCommunities(g: PlainGraph, opts: { excludeHubs?: boolean; resolution?: number } = {}): CommunityResult {
  const graph = toGraphology(g, { excludeHubs: opts.excludeHubs });
  if (graph.order === 0) return { communityOf: {}, count: 0, modularity: 0 };
  const detailed = graph.size
    ? louvain.detailed(graph, { getEdgeWeight: 'weight', rng: mulberry32(42), resolution: opts.resolution ?? 1 })
    : { communities: Object.fromEntries(graph.nodes().map((n, i) => [n, i])), modularity: 0 };
  const sizes = new Map<number, number>();
  for (const c of Object.values(detailed.communities)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const renumber = new Map(order.map((c, i) => [c, i]));
  const communityOf: Record<string, number> = {};
  for (const [node, c] of Object.entries(detailed.communities)) communityOf[node] = renumber.get(c)!;
  return { communityOf, count: order.length, modularity: detailed.modularity };
}

/** Entity types that tie people together: what an investigator wants to see first in a community. */
const GLUE_TYPES: ReadonlySet<EntityType> = new Set(['phone', 'im_account', 'device', 'ip', 'bank_account', 'address', 'document', 'seal', 'agent_firm', 'agent_person']);
const PEOPLE: ReadonlySet<EntityType> = new Set(['borrower', 'complainant']);

export type CommunitySummary = {
  community: number;
  members: Entity[];
  size: number;
  typeCounts: Partial<Record<EntityType, number>>;
  /** Shared phones, firms, documents, accounts: non-person members linked to two or more people/complaints in it, most-connected first. */
  glue: { entity: Entity; degree: number }[];
  complaintIds: string[];
  evidenceIds: string[];
  borrowers: number;
};

export function summariseCommunity(g: PlainGraph, communityOf: Readonly<Record<string, number>>, community: number): CommunitySummary {
  const members = g.entities.filter((e) => communityOf[e.id] === community);
  const ids = new Set(members.map((e) => e.id));
  const degree = new Map<string, number>();
  const complaints = new Set<string>();
  const evidence = new Set<string>();
  for (const l of g.links) {
    if (!ids.has(l.source) || !ids.has(l.target)) continue;
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
    for (const c of l.complaintIds) complaints.add(c);
    for (const ev of l.evidenceIds) evidence.add(ev);
  }
  const typeCounts: Partial<Record<EntityType, number>> = {};
  for (const e of members) {
    typeCounts[e.type] = (typeCounts[e.type] ?? 0) + 1;
    if (e.type === 'complaint' && e.attributes.complaintId) complaints.add(e.attributes.complaintId);
  }
  const glue = members
    .filter((e) => GLUE_TYPES.has(e.type) && (degree.get(e.id) ?? 0) >= 2)
    .map((entity) => ({ entity, degree: degree.get(entity.id) ?? 0 }))
    .sort((a, b) => b.degree - a.degree || a.entity.id.localeCompare(b.entity.id));
  return {
    community,
    members,
    size: members.length,
    typeCounts,
    glue,
    complaintIds: [...complaints].sort(),
    evidenceIds: [...evidence].sort(),
    borrowers: members.filter((e) => PEOPLE.has(e.type) && e.type === 'borrower').length,
  };
}

/** Size of every community, largest first. */
export function communitySizes(communityOf: Readonly<Record<string, number>>): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const c of Object.values(communityOf)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  return new Map([...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]));
}
