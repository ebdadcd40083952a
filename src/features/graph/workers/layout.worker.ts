/// <reference lib="webworker" />
/** Big layouts off the main thread: the screen stays responsive while thousands of nodes settle. */
import { forceLayout, type LayoutEdge, type LayoutNode, type Positions } from '../model/force-layout';

export type LayoutRequest = { id: number; nodes: LayoutNode[]; edges: LayoutEdge[]; reseed: boolean };
export type LayoutResponse = { id: number; ok: true; result: Positions; ms: number } | { id: number; ok: false; error: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges, reseed } = event.data;
  const t0 = performance.now();
  try {
    const result = forceLayout(nodes, edges, { reseed });
    self.postMessage({ id, ok: true, result, ms: performance.now() - t0 } satisfies LayoutResponse);
  } catch (e) {
    self.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies LayoutResponse);
  }
};
