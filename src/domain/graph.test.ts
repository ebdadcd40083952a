import { describe, expect, it } from 'vitest';
import { piiKey } from './world';
import { neighbourhood, searchEntities } from './graph';
import { emptyDb, makeEntity, makeLink } from './testFixtures';

/**
 *   firm ─employed_by─ agent ─uses_phone─ agentPhone ─uses_phone─ b1 ─uses_phone─ phone1 ─called─ HOTLINE(hub) ─called─ phone2 ─ b2
 *                                              └──────uses_phone── b3
 */
function gangGraph() {
  const db = emptyDb();
  db.entities.push(
    makeEntity('firm', 'agent_firm', { label: '深圳市鼎盛商务咨询有限公司' }),
    makeEntity('agent', 'agent_person', { label: '赵经理' }),
    makeEntity('agentPhone', 'phone', { label: '139****0009' }),
    makeEntity('b1', 'borrower', { label: '王芳' }),
    makeEntity('b2', 'borrower', { label: '李强' }),
    makeEntity('b3', 'borrower', { label: '张伟' }),
    makeEntity('phone1', 'phone', { label: '138****0001' }),
    makeEntity('phone2', 'phone', { label: '138****0002' }),
    makeEntity('hotline', 'phone', { label: '客服热线', isHub: true }),
  );
  db.pii[piiKey('entity', 'agentPhone', 'label')] = '13900000009';
  db.links.push(
    makeLink('employed_by', 'agent', 'firm', { id: 'l1' }),
    makeLink('uses_phone', 'agent', 'agentPhone', { id: 'l2' }),
    makeLink('uses_phone', 'b1', 'agentPhone', { id: 'l3', complaintIds: ['cmp-1'] }),
    makeLink('uses_phone', 'b3', 'agentPhone', { id: 'l4' }),
    makeLink('uses_phone', 'b1', 'phone1', { id: 'l5' }),
    makeLink('uses_phone', 'b2', 'phone2', { id: 'l6' }),
    makeLink('called', 'hotline', 'phone1', { id: 'l7' }),
    makeLink('called', 'hotline', 'phone2', { id: 'l8' }),
  );
  return db;
}
const entityIds = (g: { entities: { id: string }[] }) => g.entities.map((e) => e.id).sort();
const linkIds = (g: { links: { id: string }[] }) => g.links.map((l) => l.id).sort();

describe('neighbourhood', () => {
  it('returns the direct neighbours and the links among them at depth 1', () => {
    const g = neighbourhood(gangGraph(), { entityId: 'agentPhone' });
    expect(entityIds(g)).toEqual(['agent', 'agentPhone', 'b1', 'b3']);
    expect(linkIds(g)).toEqual(['l2', 'l3', 'l4']);
    expect(g.truncated).toBe(false);
  });

  it('reaches the firm and the gang’s clients at depth 2', () => {
    const g = neighbourhood(gangGraph(), { entityId: 'b1', depth: 2, excludeHubs: true });
    expect(entityIds(g)).toEqual(['agent', 'agentPhone', 'b1', 'b3', 'phone1']);
    const g3 = neighbourhood(gangGraph(), { entityId: 'b1', depth: 3, excludeHubs: true });
    expect(entityIds(g3)).toContain('firm');
    expect(entityIds(g3)).not.toContain('b2'); // only connected through the hub
  });

  it('shows a hub when hubs are allowed but does not expand through it', () => {
    const withHubs = neighbourhood(gangGraph(), { entityId: 'phone1', depth: 3 });
    expect(entityIds(withHubs)).toContain('hotline');
    expect(entityIds(withHubs)).not.toContain('phone2');
    const withoutHubs = neighbourhood(gangGraph(), { entityId: 'phone1', depth: 3, excludeHubs: true });
    expect(entityIds(withoutHubs)).not.toContain('hotline');
    expect(linkIds(withoutHubs)).not.toContain('l7');
  });

  it('expands from a hub itself when asked for it directly', () => {
    expect(entityIds(neighbourhood(gangGraph(), { entityId: 'hotline', excludeHubs: true }))).toEqual(['hotline', 'phone1', 'phone2']);
  });

  it('follows only the requested link types', () => {
    const g = neighbourhood(gangGraph(), { entityId: 'agent', depth: 3, linkTypes: ['employed_by'] });
    expect(entityIds(g)).toEqual(['agent', 'firm']);
  });

  it('stops at the limit, nearest first, and says so', () => {
    const g = neighbourhood(gangGraph(), { entityId: 'agentPhone', depth: 3, limit: 3 });
    expect(g.entities).toHaveLength(3);
    expect(g.entities[0].id).toBe('agentPhone');
    expect(g.truncated).toBe(true);
    for (const l of g.links) expect(entityIds(g)).toEqual(expect.arrayContaining([l.source, l.target]));
  });

  it('returns nothing for an unknown entity and sees entities added after the first query', () => {
    const db = gangGraph();
    expect(neighbourhood(db, { entityId: 'nope' })).toEqual({ entities: [], links: [], truncated: false });
    expect(entityIds(neighbourhood(db, { entityId: 'b2' }))).toEqual(['b2', 'phone2']);
    db.entities.push(makeEntity('device', 'device'));
    db.links.push(makeLink('shares_device', 'b2', 'device', { id: 'l9' }));
    expect(entityIds(neighbourhood(db, { entityId: 'b2' }))).toEqual(['b2', 'device', 'phone2']);
  });
});

describe('searchEntities', () => {
  it('finds by label, best match and investigative types first', () => {
    const db = gangGraph();
    expect(searchEntities(db, '赵经理').map((e) => e.id)).toEqual(['agent']);
    expect(searchEntities(db, '鼎盛')[0].id).toBe('firm');
    expect(searchEntities(db, '138****000').map((e) => e.id)).toEqual(['phone1', 'phone2']);
  });

  it('finds an entity by its full clear identifier, never by a fragment of it', () => {
    const db = gangGraph();
    expect(searchEntities(db, '13900000009').map((e) => e.id)).toEqual(['agentPhone']);
    expect(searchEntities(db, '1390000000')).toEqual([]);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(searchEntities(gangGraph(), '  ')).toEqual([]);
    expect(searchEntities(gangGraph(), '*', 2)).toHaveLength(2);
  });
});
