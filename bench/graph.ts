/**
 * Graph screen figures, measured in Chromium on the built app: layout + first paint of 2,000 nodes /
 * 6,000 edges, Louvain on 10,000 nodes / 50,000 edges in the worker, and frame times while panning.
 *
 * Nodes and links come from the generator. Its network is sparse (~1.3 links per entity), so to reach the
 * target edge counts extra `called` links are added by triadic closure (two entities that share a
 * neighbour get linked), seeded, which keeps the gang structure instead of adding random noise.
 */
import type { Browser } from '@playwright/test';
import type { Entity, Graph, Link } from '../src/api/schemas';
import { generateDemoData } from '../src/server/seed/generator';
import { mulberry32 } from '../src/lib/mulberry32';

/** The first `nodes` non-hub entities reached breadth-first from the biggest agent firms, and the links among them, densified to `edges`. */
export function sampleGraph(db: { entities: Entity[]; links: Link[] }, nodes: number, edges: number): Graph {
  const byId = new Map(db.entities.map((e) => [e.id, e]));
  const adj = new Map<string, Link[]>();
  for (const l of db.links) {
    for (const id of [l.source, l.target]) {
      const list = adj.get(id);
      if (list) list.push(l);
      else adj.set(id, [l]);
    }
  }
  const picked = new Set<string>();
  const queue: string[] = [];
  const seeds = db.entities.filter((e) => !e.isHub).sort((a, b) => (adj.get(b.id)?.length ?? 0) - (adj.get(a.id)?.length ?? 0));
  let seedIndex = 0;
  while (picked.size < nodes && seedIndex < seeds.length) {
    if (!queue.length) {
      const s = seeds[seedIndex++];
      if (picked.has(s.id)) continue;
      picked.add(s.id);
      queue.push(s.id);
    }
    const id = queue.shift()!;
    for (const l of adj.get(id) ?? []) {
      const other = l.source === id ? l.target : l.source;
      if (picked.size >= nodes) break;
      if (picked.has(other) || byId.get(other)?.isHub) continue;
      picked.add(other);
      queue.push(other);
    }
  }
  const entities = [...picked].map((id) => byId.get(id)!);
  const links = db.links.filter((l) => picked.has(l.source) && picked.has(l.target));
  const nbrs = new Map<string, string[]>();
  const pairs = new Set<string>();
  for (const l of links) {
    (nbrs.get(l.source) ?? nbrs.set(l.source, []).get(l.source)!).push(l.target);
    (nbrs.get(l.target) ?? nbrs.set(l.target, []).get(l.target)!).push(l.source);
    pairs.add(l.source < l.target ? `${l.source}|${l.target}` : `${l.target}|${l.source}`);
  }
  const random = mulberry32(7);
  const ids = [...picked];
  let n = 0;
  let guard = 0;
  while (links.length < edges && guard++ < edges * 50) {
    const a = ids[Math.floor(random() * ids.length)];
    const via = nbrs.get(a);
    if (!via?.length) continue;
    const mid = via[Math.floor(random() * via.length)];
    const far = nbrs.get(mid)!;
    const b = far[Math.floor(random() * far.length)];
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    nbrs.get(a)!.push(b);
    nbrs.get(b)!.push(a);
    const e = byId.get(a)!;
    links.push({ id: `bench-${++n}`, type: 'called', source: a, target: b, firstSeen: e.firstSeen, lastSeen: e.lastSeen, complaintIds: [], evidenceIds: [] });
  }
  return { entities, links };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

export async function benchGraph({ baseUrl, browser }: { baseUrl: string; browser: Browser }) {
  const db = generateDemoData({ complaints: 20_000, now: new Date('2026-11-23T09:00:00+08:00') });
  const small = sampleGraph(db, 2_000, 6_000);
  const big = sampleGraph(db, 10_000, 50_000);
  console.log(`graph samples from the generator (20k complaints): ${small.entities.length} nodes / ${small.links.length} edges; ${big.entities.length} nodes / ${big.links.length} edges`);

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(`${baseUrl}/graph`);
    await page.waitForFunction(() => 'benchLayout' in ((window as unknown as { __jianzhengGraph?: object }).__jianzhengGraph ?? {}));
    const layout = await page.evaluate((g) => (window as unknown as { __jianzhengGraph: BenchHook }).__jianzhengGraph.benchLayout(g as never), small);
    console.log(`graph ${small.entities.length} nodes / ${small.links.length} edges: layout (ForceAtlas2 in a worker, as for any view over 1,200 nodes) + first paint ${layout.toFixed(0)} ms (target ≤ 3000 ms)`);
    const frames = await page.evaluate(() => (window as unknown as { __jianzhengGraph: BenchHook }).__jianzhengGraph.benchPan(120));
    const steady = frames.slice(5);
    console.log(`graph panning a ${small.entities.length}-node view: frame time median ${median(steady).toFixed(1)} ms, p95 ${pct(steady, 0.95).toFixed(1)} ms, max ${Math.max(...steady).toFixed(1)} ms`);
    const louvain = await page.evaluate((g) => (window as unknown as { __jianzhengGraph: BenchHook }).__jianzhengGraph.benchCommunities(g as never), big);
    console.log(`graph Louvain ${big.entities.length} nodes / ${big.links.length} edges in the worker: ${louvain.worker.toFixed(0)} ms (with transfer ${louvain.roundTrip.toFixed(0)} ms; target ≤ 1000 ms)`);
  } finally {
    await page.close();
  }
}

type BenchHook = {
  benchLayout: (g: Graph) => Promise<number>;
  benchCommunities: (g: Graph) => Promise<{ worker: number; roundTrip: number }>;
  benchPan: (frames: number) => Promise<number[]>;
};
