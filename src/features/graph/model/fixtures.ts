import type { Entity, EntityType, Link, LinkType } from '@/api/schemas';

export const ent = (id: string, type: EntityType, extra: Partial<Entity> = {}): Entity => ({
  id,
  type,
  label: id,
  attributes: {},
  isHub: false,
  firstSeen: '2026-01-01T00:00:00.000Z',
  lastSeen: '2026-06-01T00:00:00.000Z',
  ...extra,
});

let n = 0;
export const lnk = (source: string, target: string, type: LinkType = 'uses_phone', extra: Partial<Link> = {}): Link => ({
  id: `l${++n}-${source}-${target}`,
  type,
  source,
  target,
  firstSeen: '2026-02-01T00:00:00.000Z',
  lastSeen: '2026-03-01T00:00:00.000Z',
  complaintIds: [],
  evidenceIds: [],
  ...extra,
});
