import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export type LayoutNode = { id: string; x?: number; y?: number; fixed?: boolean };
export type LayoutEdge = readonly [source: string, target: string];
export type Positions = Record<string, { x: number; y: number }>;

/** Deterministic spread-out start (a sunflower spiral): same input, same picture. */
function spiral(i: number) {
  const r = 10 * Math.sqrt(i + 0.5);
  const a = i * Math.PI * (3 - Math.sqrt(5));
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/**
 * ForceAtlas2 (Barnes-Hut) for views too big for fcose: fcose's full quality takes about a minute on
 * 2,000 nodes / 6,000 edges and its spectral "draft" piles most nodes onto a few points. FA2 gives a
 * readable picture of that size in about a second. Nodes with a position keep it as their start (an
 * expansion grows the picture instead of reshuffling it) unless `reseed`; fixed (pinned) nodes never move.
 */
export function forceLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], { iterations = 50, reseed = false } = {}): Positions {
  const graph = new Graph({ type: 'undirected' });
  nodes.forEach((n, i) => {
    const keep = (!reseed || n.fixed) && n.x !== undefined && n.y !== undefined;
    const start = keep ? { x: n.x!, y: n.y! } : spiral(i);
    graph.addNode(n.id, { ...start, fixed: !!n.fixed });
  });
  for (const [s, t] of edges) if (s !== t && graph.hasNode(s) && graph.hasNode(t) && !graph.hasEdge(s, t)) graph.addEdge(s, t);
  if (graph.order < 2) return Object.fromEntries(graph.mapNodes((id, a) => [id, { x: a.x as number, y: a.y as number }]));
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300 };
  return forceAtlas2(graph, { iterations, settings }) as Positions;
}
