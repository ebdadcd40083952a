/// <reference lib="webworker" />
/** Louvain off the main thread: on the whole network it takes long enough to freeze the screen. */
import { detectCommunities, type PlainGraph } from '../model/analysis';

export type CommunityRequest = { id: number; graph: PlainGraph; excludeHubs: boolean };
export type CommunityResponse = { id: number; ok: true; result: ReturnType<typeof detectCommunities>; ms: number } | { id: number; ok: false; error: string };

self.onmessage = (event: MessageEvent<CommunityRequest>) => {
  const { id, graph, excludeHubs } = event.data;
  const t0 = performance.now();
  try {
    const result = detectCommunities(graph, { excludeHubs });
    self.postMessage({ id, ok: true, result, ms: performance.now() - t0 } satisfies CommunityResponse);
  } catch (e) {
    self.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies CommunityResponse);
  }
};
