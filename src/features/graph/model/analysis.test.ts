import { describe, expect, it } from 'vitest';
import { detectCommunities, shortestPath, summariseCommunity } from './analysis';
import { ent, lnk } from './fixtures';

/** Two gangs, each around its own phone and firm, that only "meet" at the lender's hotline. */
function twoGangs() {
  const entities = [
    ent('hotline', 'phone', { isHub: true }),
    ...['a1', 'a2', 'a3', 'a4'].map((id) => ent(id, 'borrower')),
    ...['b1', 'b2', 'b3', 'b4'].map((id) => ent(id, 'borrower')),
    ent('pa', 'phone'),
    ent('fa', 'agent_firm'),
    ent('pb', 'phone'),
    ent('fb', 'agent_firm'),
  ];
  const links = [
    ...['a1', 'a2', 'a3', 'a4'].flatMap((id, i) => [lnk(id, 'pa', 'uses_phone', { complaintIds: [`cmp-a${i}`], evidenceIds: [`ev-a${i}`] }), lnk('fa', id, 'represents'), lnk(id, 'hotline', 'called')]),
    ...['b1', 'b2', 'b3', 'b4'].flatMap((id, i) => [lnk(id, 'pb', 'uses_phone', { complaintIds: [`cmp-b${i}`] }), lnk('fb', id, 'represents'), lnk(id, 'hotline', 'called')]),
  ];
  return { entities, links };
}

describe('shortest path', () => {
  it('goes through the hub when hubs are allowed', () => {
    const r = shortestPath(twoGangs(), 'a1', 'b1')!;
    expect(r.nodeIds).toEqual(['a1', 'hotline', 'b1']);
    expect(r.hops.map((h) => h.links[0].type)).toEqual(['called', 'called']);
  });

  it('finds no path between gangs once hubs are excluded, and a real one inside a gang', () => {
    const g = twoGangs();
    expect(shortestPath(g, 'a1', 'b1', { excludeHubs: true })).toBeNull();
    const inGang = shortestPath(g, 'a1', 'a2', { excludeHubs: true })!;
    expect(inGang.nodeIds).toHaveLength(3);
    expect(['pa', 'fa']).toContain(inGang.nodeIds[1]);
    expect(inGang.hops.every((h) => h.links.length > 0)).toBe(true);
  });

  it('keeps a hub that is itself an endpoint', () => {
    expect(shortestPath(twoGangs(), 'a1', 'hotline', { excludeHubs: true })?.nodeIds).toEqual(['a1', 'hotline']);
  });
});

describe('communities', () => {
  it('separates the gangs when the hub is excluded and summarises what holds one together', () => {
    const g = twoGangs();
    const r = detectCommunities(g, { excludeHubs: true });
    expect(r.count).toBe(2);
    expect(r.communityOf.hotline).toBeUndefined();
    expect(r.communityOf.a1).toBe(r.communityOf.a4);
    expect(r.communityOf.a1).not.toBe(r.communityOf.b1);
    const s = summariseCommunity(g, r.communityOf, r.communityOf.a1);
    expect(s.size).toBe(6);
    expect(s.borrowers).toBe(4);
    expect(s.glue.map((x) => x.entity.id).sort()).toEqual(['fa', 'pa']);
    expect(s.complaintIds).toEqual(['cmp-a0', 'cmp-a1', 'cmp-a2', 'cmp-a3']);
    expect(s.evidenceIds).toHaveLength(4);
  });

  it('is deterministic', () => {
    const g = twoGangs();
    expect(detectCommunities(g, { excludeHubs: false })).toEqual(detectCommunities(g, { excludeHubs: false }));
  });
});
