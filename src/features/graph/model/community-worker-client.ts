import type { Entity, Link } from '@/api/schemas';
import type { CommunityRequest } from '../workers/communities.worker';
import type { CommunityResult } from './analysis';
import { workerRpc } from './worker-rpc';

const call = workerRpc<Omit<CommunityRequest, 'id'>, CommunityResult>(() => new Worker(new URL('../workers/communities.worker.ts', import.meta.url), { type: 'module' }), 'community');

/** Only what Louvain needs crosses to the worker (ids, types, hub flags, endpoints), not labels and attributes. */
export function detectCommunitiesInWorker(entities: Iterable<Entity>, links: Iterable<Link>, excludeHubs: boolean): Promise<{ result: CommunityResult; ms: number }> {
  const graph = {
    entities: Array.from(entities, (e) => ({ id: e.id, type: e.type, isHub: e.isHub })),
    links: Array.from(links, (l) => ({ source: l.source, target: l.target })),
  } as unknown as CommunityRequest['graph'];
  return call({ graph, excludeHubs });
}
