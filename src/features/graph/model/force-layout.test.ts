import { describe, expect, it } from 'vitest';
import { forceLayout, type LayoutEdge } from './force-layout';

/** Two tight gangs of 40 (rings with chords) joined by one link. */
function twoGangs() {
  const nodes = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}` }));
  const edges: LayoutEdge[] = [];
  for (const base of [0, 40])
    for (let i = 0; i < 40; i++) {
      edges.push([`n${base + i}`, `n${base + ((i + 1) % 40)}`]);
      edges.push([`n${base + i}`, `n${base + ((i + 7) % 40)}`]);
    }
  edges.push(['n0', 'n40']);
  return { nodes, edges };
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('force layout for big views', () => {
  it('places every node at a finite position, the same way every time', () => {
    const { nodes, edges } = twoGangs();
    const first = forceLayout(nodes, edges);
    expect(Object.keys(first)).toHaveLength(80);
    for (const p of Object.values(first)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(forceLayout(nodes, edges)).toEqual(first);
  });

  it('keeps a gang together and apart from the other gang', () => {
    const { nodes, edges } = twoGangs();
    const at = forceLayout(nodes, edges, { iterations: 200 });
    const centre = (from: number) => {
      const ps = Array.from({ length: 40 }, (_, i) => at[`n${from + i}`]);
      return { x: ps.reduce((s, p) => s + p.x, 0) / 40, y: ps.reduce((s, p) => s + p.y, 0) / 40 };
    };
    const [a, b] = [centre(0), centre(40)];
    const spread = Math.max(...Array.from({ length: 40 }, (_, i) => dist(at[`n${i}`], a)));
    expect(dist(a, b)).toBeGreaterThan(spread);
  });

  it('does not move pinned nodes, and grows from the positions it is given', () => {
    const { nodes, edges } = twoGangs();
    const given = nodes.map((n, i) => ({ ...n, x: i * 10, y: 0, fixed: n.id === 'n5' }));
    const at = forceLayout(given, edges);
    expect(at.n5).toEqual({ x: 50, y: 0 });
    expect(forceLayout(given, edges)).toEqual(at);
    const reseeded = forceLayout(given, edges, { reseed: true });
    expect(reseeded).not.toEqual(at);
    expect(reseeded.n5).toEqual({ x: 50, y: 0 });
  });

  it('ignores links to nodes outside the view and loops', () => {
    const at = forceLayout([{ id: 'a' }, { id: 'b' }], [['a', 'b'], ['a', 'gone'], ['b', 'b']]);
    expect(Object.keys(at).sort()).toEqual(['a', 'b']);
  });
});
