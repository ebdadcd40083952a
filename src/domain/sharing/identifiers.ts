/**
 * Which of our graph's entities may be offered to a peer, and as which identifier. Only the grey
 * industry's own identifiers qualify: firms, their staff, their phones, the accounts that took fees, the
 * devices their staff use, and forged documents. A borrower's phone or device is never offered.
 */
import type { Entity, SharedType } from '@/api/schemas';
import { ATTR, PHONE_OWNER } from '@/domain/conventions';
import { piiKey, type World } from '@/domain/world';
import { normaliseIdentifier } from './normalise';

export type Offered = { entityId: string; label: string; value: string };

/** Attribute an entity carries once peers reported it too: the peers' names, joined. */
export const ALLIANCE_ATTR = 'alliance';

export function offeredIdentifiers(world: Pick<World, 'entities' | 'links' | 'evidence' | 'pii'>, types: readonly SharedType[]): Partial<Record<SharedType, Offered[]>> {
  const byId = new Map(world.entities.map((e) => [e.id, e]));
  const agentsTouching = new Set<string>();
  const feeAccounts = new Set<string>();
  const documentHashes = new Map<string, Set<string>>();
  const evidenceHash = new Map(world.evidence.map((e) => [e.id, e.sha256]));
  for (const l of world.links) {
    const s = byId.get(l.source);
    const t = byId.get(l.target);
    if (l.type === 'shares_device' && s?.type === 'agent_person' && t?.type === 'device') agentsTouching.add(t.id);
    if (l.type === 'paid' && s?.type === 'bank_account' && (t?.type === 'agent_firm' || t?.type === 'agent_person')) feeAccounts.add(s.id);
    if (l.type === 'same_document' && t?.type === 'document')
      for (const ev of l.evidenceIds) {
        const h = evidenceHash.get(ev);
        if (h) documentHashes.set(t.id, (documentHashes.get(t.id) ?? new Set()).add(h));
      }
  }
  const clear = (e: Entity, field = 'label') => world.pii[piiKey('entity', e.id, field)];
  const raw = (type: SharedType, e: Entity): string[] => {
    switch (type) {
      case 'agent_firm':
        return e.type === 'agent_firm' && e.attributes.creditCode ? [e.attributes.creditCode] : [];
      case 'agent_person':
        return e.type === 'agent_person' && clear(e, 'idNumber') ? [clear(e, 'idNumber')] : [];
      case 'agent_phone':
        return e.type === 'phone' && !e.isHub && e.attributes[ATTR.owner] === PHONE_OWNER.agent && clear(e) ? [clear(e)] : [];
      case 'fee_account':
        return e.type === 'bank_account' && feeAccounts.has(e.id) && clear(e) ? [clear(e)] : [];
      case 'device':
        return e.type === 'device' && agentsTouching.has(e.id) && clear(e) ? [clear(e)] : [];
      case 'document':
        return e.type === 'document' ? [...(documentHashes.get(e.id) ?? [])] : [];
    }
  };
  const out: Partial<Record<SharedType, Offered[]>> = {};
  for (const type of types) {
    const seen = new Set<string>();
    const list: Offered[] = [];
    for (const e of world.entities)
      for (const v of raw(type, e)) {
        const value = normaliseIdentifier(type, v);
        if (value === null || seen.has(value)) continue;
        seen.add(value);
        list.push({ entityId: e.id, label: e.label, value });
      }
    out[type] = list;
  }
  return out;
}
