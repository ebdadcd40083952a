import { describe, expect, it } from 'vitest';
import { ent, lnk } from './fixtures';
import { buildElements, communityNodeId, complaintsBehindEntity, emptyWorkingSet, leafNeighbours, mergeInto, removeEntities, timeBounds } from './graph-model';

function sample() {
  const set = emptyWorkingSet();
  mergeInto(
    set,
    [ent('b1', 'borrower'), ent('b2', 'borrower'), ent('p1', 'phone'), ent('hub', 'phone', { isHub: true }), ent('c1', 'complaint', { attributes: { complaintId: 'cmp-1' } }), ent('old', 'document', { firstSeen: '2020-01-01T00:00:00.000Z', lastSeen: '2020-02-01T00:00:00.000Z' })],
    [
      lnk('b1', 'p1', 'uses_phone', { complaintIds: ['cmp-1'], evidenceIds: ['ev-1'] }),
      lnk('b2', 'p1', 'uses_phone', { complaintIds: ['cmp-2'] }),
      lnk('b1', 'hub', 'called'),
      lnk('b2', 'hub', 'called'),
      lnk('c1', 'b1', 'submitted'),
      lnk('old', 'b2', 'same_document', { firstSeen: '2020-01-01T00:00:00.000Z', lastSeen: '2020-02-01T00:00:00.000Z' }),
    ],
  );
  return set;
}

describe('building graph elements from API data', () => {
  it('draws every entity and link, labelled by type', () => {
    const r = buildElements(sample(), {}, (t) => `L:${t}`);
    expect(r.nodes).toHaveLength(6);
    expect(r.edges).toHaveLength(6);
    expect(r.edges.find((e) => e.data.type === 'called')?.data.label).toBe('L:called');
    expect(r.nodes.find((n) => n.data.id === 'hub')?.data.isHub).toBe(true);
  });

  it('skips links whose ends are not in the set and does not add duplicates', () => {
    const set = emptyWorkingSet();
    const first = mergeInto(set, [ent('a', 'borrower')], [lnk('a', 'zzz')]);
    expect(first.linkIds).toEqual([]);
    const again = mergeInto(set, [ent('a', 'borrower')], []);
    expect(again.entityIds).toEqual([]);
  });

  it('filters by entity type, link type, time range, hidden and hubs', () => {
    const set = sample();
    expect(buildElements(set, { entityTypes: new Set(['borrower', 'phone']) }).nodes.map((n) => n.data.id).sort()).toEqual(['b1', 'b2', 'hub', 'p1']);
    expect(buildElements(set, { linkTypes: new Set(['called']) }).edges).toHaveLength(2);
    const timed = buildElements(set, { timeRange: ['2026-01-15T00:00:00.000Z', '2026-12-31T00:00:00.000Z'] });
    expect(timed.nodes.map((n) => n.data.id)).not.toContain('old');
    expect(timed.edges.every((e) => e.data.type !== 'same_document')).toBe(true);
    const noHub = buildElements(set, { hideHubs: true, hidden: new Set(['c1']) });
    expect(noHub.nodes.map((n) => n.data.id).sort()).toEqual(['b1', 'b2', 'old', 'p1']);
    expect(noHub.edges.some((e) => e.data.source === 'hub' || e.data.target === 'hub')).toBe(false);
  });

  it('finds the complaints behind an entity and the time bounds', () => {
    const set = sample();
    expect(complaintsBehindEntity(set, 'b1')).toEqual(['cmp-1']);
    expect(complaintsBehindEntity(set, 'c1')).toEqual(['cmp-1']);
    expect(timeBounds(set)).toEqual(['2020-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
  });

  it('collapse removes leaves only; remove drops touching links', () => {
    const set = sample();
    expect(leafNeighbours(set, 'b1').sort()).toEqual(['c1']);
    removeEntities(set, ['p1']);
    expect([...set.links.values()].some((l) => l.source === 'p1' || l.target === 'p1')).toBe(false);
  });
});

describe('community aggregation', () => {
  it('collapses a community into one node and preserves members and link counts', () => {
    const set = sample();
    const communities = { b1: 0, b2: 0, p1: 0, c1: 0, hub: 1, old: 2 };
    const full = buildElements(set, { communities });
    const collapsed = buildElements(set, { communities, collapsed: new Set([0]) });
    const node = collapsed.nodes.find((n) => n.data.id === communityNodeId(0))!;
    expect(node.data.memberCount).toBe(4);
    expect(node.data.typeCounts).toEqual({ borrower: 2, phone: 1, complaint: 1 });
    expect(collapsed.nodes).toHaveLength(3); // community 0 + hub + old
    expect(collapsed.visibleEntityCount).toBe(full.visibleEntityCount);
    expect(collapsed.visibleLinkCount).toBe(full.visibleLinkCount);
    // two links from the community to the hub become one aggregate edge standing for both
    const toHub = collapsed.edges.find((e) => e.data.kind === 'aggregate' && (e.data.source === 'hub' || e.data.target === 'hub'))!;
    expect(toHub.data.weight).toBe(2);
    expect(toHub.data.linkIds).toHaveLength(2);
    const internal = full.edges.length - collapsed.edges.reduce((s, e) => s + e.data.weight, 0);
    expect(internal).toBe(3); // b1-p1, b2-p1, c1-b1 are inside and not drawn
  });

  it('leaves out members of communities below the minimum size', () => {
    const set = sample();
    const communities = { b1: 0, b2: 0, p1: 0, c1: 0, hub: 1, old: 2 };
    const sizes = new Map([[0, 4], [1, 1], [2, 1]]);
    const r = buildElements(set, { communities, communitySizes: sizes, minCommunitySize: 2, collapsed: new Set([0]) });
    expect(r.nodes.map((n) => n.data.id)).toEqual([communityNodeId(0)]);
    expect(r.visibleEntityCount).toBe(4);
  });
});
