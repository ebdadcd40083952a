import type { Entity, Link } from '@/api/schemas';
import type { CommunityRequest, CommunityResponse } from '../workers/communities.worker';
import type { CommunityResult } from './analysis';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: { result: CommunityResult; ms: number }) => void; reject: (e: Error) => void }>();

function getWorker() {
  if (!worker) {
    worker = new Worker(new URL('../workers/communities.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<CommunityResponse>) => {
      const job = pending.get(event.data.id);
      if (!job) return;
      pending.delete(event.data.id);
      if (event.data.ok) job.resolve({ result: event.data.result, ms: event.data.ms });
      else job.reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      for (const job of pending.values()) job.reject(new Error(event.message || 'community worker failed'));
      pending.clear();
      worker = null;
    };
  }
  return worker;
}

/** Only what Louvain needs crosses to the worker (ids, types, hub flags, endpoints), not labels and attributes. */
export function detectCommunitiesInWorker(entities: Iterable<Entity>, links: Iterable<Link>, excludeHubs: boolean): Promise<{ result: CommunityResult; ms: number }> {
  const graph = {
    entities: Array.from(entities, (e) => ({ id: e.id, type: e.type, isHub: e.isHub })),
    links: Array.from(links, (l) => ({ source: l.source, target: l.target })),
  } as unknown as CommunityRequest['graph'];
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, graph, excludeHubs } satisfies CommunityRequest);
  });
}
