/**
 * Graph queries over the mock relationship graph: neighbourhood expansion (BFS) and entity search.
 * The adjacency index is built once per db and rebuilt only when the entity or link arrays change.
 */
import type { Entity, EntityType, Graph, Link, LinkType } from '@/api/schemas';
import { piiKey, type World } from './world';

export type GraphIndex = {
  entityById: Map<string, Entity>;
  /** Links touching each entity, in link order. */
  adjacency: Map<string, Link[]>;
  /** Clear identifier (phone number, card number, WeChat id…) → entity id, for exact-match search; built on first use. */
  entityByClearLabel: () => Map<string, string>;
};

type CacheEntry = { entities: Entity[]; links: Link[]; entityCount: number; linkCount: number; index: GraphIndex };
const cache = new WeakMap<World, CacheEntry>();

export function buildGraphIndex(db: World): GraphIndex {
  const entityById = new Map<string, Entity>();
  for (const e of db.entities) entityById.set(e.id, e);
  const adjacency = new Map<string, Link[]>();
  const add = (id: string, link: Link) => {
    const list = adjacency.get(id);
    if (list) list.push(link);
    else adjacency.set(id, [link]);
  };
  for (const link of db.links) {
    add(link.source, link);
    if (link.target !== link.source) add(link.target, link);
  }
  let clear: Map<string, string> | null = null;
  const entityByClearLabel = () => {
    if (!clear) {
      clear = new Map();
      for (const e of db.entities) {
        const value = db.pii[piiKey('entity', e.id, 'label')];
        if (value !== undefined && !clear.has(value)) clear.set(value, e.id);
      }
    }
    return clear;
  };
  return { entityById, adjacency, entityByClearLabel };
}

/**
 * The cached index, rebuilt when entities or links were added or replaced (handlers mutate the db in
 * place). Clear labels only change with their entities, so the entity count covers them.
 */
export function graphIndex(db: World): GraphIndex {
  const entry = cache.get(db);
  if (entry && entry.entities === db.entities && entry.links === db.links && entry.entityCount === db.entities.length && entry.linkCount === db.links.length) {
    return entry.index;
  }
  const index = buildGraphIndex(db);
  cache.set(db, { entities: db.entities, links: db.links, entityCount: db.entities.length, linkCount: db.links.length, index });
  return index;
}

export type NeighbourhoodQuery = {
  entityId: string;
  /** Hops from the entity, 1–3 (default 1). */
  depth?: number;
  linkTypes?: readonly LinkType[];
  /** Don't pass through or show hub entities (other than the start): they glue unrelated people together. */
  excludeHubs?: boolean;
  /** Maximum number of entities returned (default 500). */
  limit?: number;
};

export const DEFAULT_NEIGHBOURHOOD_LIMIT = 500;

/**
 * Entities within `depth` hops (breadth first, so the nearest are kept when the limit cuts in) and
 * every allowed link among them. `truncated` tells the caller the limit was reached.
 */
export function neighbourhood(db: World, query: NeighbourhoodQuery): Graph & { truncated: boolean } {
  const { entityById, adjacency } = graphIndex(db);
  const start = entityById.get(query.entityId);
  if (!start) return { entities: [], links: [], truncated: false };
  const depth = Math.min(3, Math.max(1, query.depth ?? 1));
  const limit = Math.max(1, query.limit ?? DEFAULT_NEIGHBOURHOOD_LIMIT);
  const types = query.linkTypes?.length ? new Set(query.linkTypes) : null;
  const allowed = (link: Link) => !types || types.has(link.type);

  const included = new Set<string>([start.id]);
  const entities: Entity[] = [start];
  let frontier: Entity[] = [start];
  let truncated = false;
  for (let hop = 0; hop < depth && frontier.length; hop++) {
    const next: Entity[] = [];
    for (const node of frontier) {
      for (const link of adjacency.get(node.id) ?? []) {
        if (!allowed(link)) continue;
        const otherId = link.source === node.id ? link.target : link.source;
        if (included.has(otherId)) continue;
        const other = entityById.get(otherId);
        if (!other || (query.excludeHubs && other.isHub)) continue;
        if (entities.length >= limit) {
          truncated = true;
          continue;
        }
        included.add(otherId);
        entities.push(other);
        // Hubs are shown (when allowed) but not expanded through: one hop past the lender's hotline is everyone.
        if (!other.isHub) next.push(other);
      }
    }
    frontier = next;
  }

  const seen = new Set<string>();
  const links: Link[] = [];
  for (const e of entities) {
    for (const link of adjacency.get(e.id) ?? []) {
      if (seen.has(link.id) || !allowed(link) || !included.has(link.source) || !included.has(link.target)) continue;
      seen.add(link.id);
      links.push(link);
    }
  }
  return { entities, links, truncated };
}

/** Investigative entities first when ranks tie: a firm or agent is what people usually look for. */
const TYPE_RANK: Record<EntityType, number> = {
  agent_firm: 0,
  agent_person: 1,
  borrower: 2,
  phone: 3,
  im_account: 4,
  bank_account: 5,
  document: 6,
  seal: 7,
  complainant: 8,
  device: 9,
  ip: 10,
  address: 11,
  complaint: 12,
};

/**
 * Entities whose id, label or attributes contain `q`, best matches first. A full clear identifier
 * (a phone number someone already has) finds its entity too; partial clear values never match, so the
 * search can't be used to discover masked digits.
 */
export function searchEntities(db: World, q: string, limit = 50): Entity[] {
  const trimmed = q.trim();
  if (!trimmed) return [];
  const fold = /[A-Z]/.test(trimmed) || /[a-z]/.test(trimmed);
  const needle = trimmed.toLowerCase();
  // Lower-casing 300k labels would dominate the search; only do it when the query has Latin letters.
  const norm = fold ? (s: string) => s.toLowerCase() : (s: string) => s;
  const { entityById, entityByClearLabel } = graphIndex(db);
  // Only identifier-shaped queries (digits, handles) can be a clear value.
  const clearHit = /^[0-9A-Za-z_.-]{5,}$/.test(trimmed) ? entityByClearLabel().get(trimmed) : undefined;
  const scored: { e: Entity; score: number }[] = [];
  for (const e of db.entities) {
    let score = 0;
    const label = norm(e.label);
    if (e.id === clearHit) score = 95;
    else if (e.id === trimmed || (fold && e.id.toLowerCase() === needle)) score = 100;
    else if (label === needle) score = 90;
    else if (label.startsWith(needle)) score = 70;
    else if (label.includes(needle)) score = 50;
    else if (attributeMatches(e, needle, norm)) score = 30;
    if (score) scored.push({ e, score });
  }
  if (clearHit && !scored.some((s) => s.e.id === clearHit)) {
    const e = entityById.get(clearHit);
    if (e) scored.push({ e, score: 95 });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(a.e.isHub) - Number(b.e.isHub) ||
      TYPE_RANK[a.e.type] - TYPE_RANK[b.e.type] ||
      a.e.label.length - b.e.label.length ||
      (a.e.id < b.e.id ? -1 : 1),
  );
  return scored.slice(0, limit).map((s) => s.e);
}

function attributeMatches(e: Entity, needle: string, norm: (s: string) => string): boolean {
  for (const key in e.attributes) if (norm(e.attributes[key]).includes(needle)) return true;
  return false;
}
