/**
 * Accumulates graph entities and links while the generator walks through complaints. A link between
 * the same two entities with the same type is one link that collects every complaint and piece of
 * evidence behind it, and widens its firstSeen/lastSeen, rather than a duplicate edge per complaint.
 */
import { linkTypeSchema, type Entity, type EntityType, type Link, type LinkType } from '@/api/schemas';
import { piiKey } from '@/domain/world';

const LINK_TYPE_CODE = Object.fromEntries(linkTypeSchema.options.map((t, i) => [t, i])) as Record<LinkType, number>;
/** Entity indexes must fit 21 bits for the numeric link key (2M entities, far above 100k complaints' ~300k). */
const MAX_ENTITIES = 2 ** 21;

export class GraphBuilder {
  readonly entities: Entity[] = [];
  readonly links: Link[] = [];
  /** Numeric link keys (source index, target index, type) avoid building a string per edge. */
  private readonly linkByKey = new Map<number, Link>();
  private readonly indexOf = new Map<Entity, number>();
  private readonly counters = new Map<EntityType, number>();

  constructor(private readonly pii: Map<string, string>) {}

  /**
   * Adds an entity. `clearLabel` is the unmasked identifier behind a masked label (phone, card, WeChat id…):
   * it goes to the PII store under the entity's `label` field, never onto the record.
   */
  addEntity(
    type: EntityType,
    label: string,
    at: string,
    options: { id?: string; attributes?: Record<string, string>; isHub?: boolean; clearLabel?: string } = {},
  ): Entity {
    if (this.entities.length >= MAX_ENTITIES) throw new Error('GraphBuilder: too many entities for numeric link keys');
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    const entity: Entity = {
      id: options.id ?? `ent-${type.replace('_', '-')}-${String(n).padStart(6, '0')}`,
      type,
      label,
      attributes: options.attributes ?? {},
      isHub: options.isHub ?? false,
      firstSeen: at,
      lastSeen: at,
    };
    if (options.clearLabel !== undefined) this.pii.set(piiKey('entity', entity.id, 'label'), options.clearLabel);
    this.indexOf.set(entity, this.entities.length);
    this.entities.push(entity);
    return entity;
  }

  /** Widen the entity's seen-window to include `at` (ISO strings in one format compare as times). */
  touch(entity: Entity, at: string): void {
    if (at < entity.firstSeen) entity.firstSeen = at;
    if (at > entity.lastSeen) entity.lastSeen = at;
  }

  /**
   * A link that can never need merging: one endpoint was just created and nothing else links the pair
   * with this type (a new complaint's submitter, a new borrower's own phone). Skips the merge index,
   * which is a measurable share of generating 100k complaints. Don't `link` the same pair later.
   */
  newLink(type: LinkType, source: Entity, target: Entity, at: string, complaintId?: string): Link {
    const link: Link = {
      id: `lnk-${String(this.links.length + 1).padStart(7, '0')}`,
      type,
      source: source.id,
      target: target.id,
      firstSeen: at,
      lastSeen: at,
      complaintIds: complaintId ? [complaintId] : [],
      evidenceIds: [],
    };
    this.links.push(link);
    this.touch(source, at);
    this.touch(target, at);
    return link;
  }

  link(type: LinkType, source: Entity, target: Entity, at: string, refs: { complaintId?: string; evidenceIds?: readonly string[] } = {}): Link {
    const key = ((this.indexOf.get(source) ?? 0) * 2 ** 21 + (this.indexOf.get(target) ?? 0)) * 16 + LINK_TYPE_CODE[type];
    let link = this.linkByKey.get(key);
    if (!link) {
      link = {
        id: `lnk-${String(this.links.length + 1).padStart(7, '0')}`,
        type,
        source: source.id,
        target: target.id,
        firstSeen: at,
        lastSeen: at,
        complaintIds: [],
        evidenceIds: [],
      };
      this.linkByKey.set(key, link);
      this.links.push(link);
    } else {
      if (at < link.firstSeen) link.firstSeen = at;
      if (at > link.lastSeen) link.lastSeen = at;
    }
    // Complaints arrive in time order, so a repeat of the same complaint id is always the last one.
    if (refs.complaintId && link.complaintIds[link.complaintIds.length - 1] !== refs.complaintId) link.complaintIds.push(refs.complaintId);
    for (const id of refs.evidenceIds ?? []) if (!link.evidenceIds.includes(id)) link.evidenceIds.push(id);
    this.touch(source, at);
    this.touch(target, at);
    return link;
  }
}
