/**
 * What an analyst looks at next to one complaint: other complaints that share its contact phone, a
 * device with the borrower, its template family, or one of its documents; and the closest template
 * siblings with the differing text. Computed on request from the current records (one linear pass
 * each), so a verdict or a new complaint shows up at once.
 */
import type { Complaint, ComplaintBrief, Evidence, RelatedComplaints, RelationKind, TemplateSiblings } from '@/api/schemas';
import { maskPhone } from '@/api/pii';
import { piiKey, type World } from './world';
import { entityIdForCustomer } from './conventions';
import { documentFingerprint } from './scoring';
import { similarity } from './templates';
import { diffChars } from './textDiff';

/** Items listed per group; the total says how many more there are. */
export const RELATED_LIMIT = 20;

export const brief = (c: Complaint): ComplaintBrief => ({
  id: c.id,
  channel: c.channel,
  borrowerName: c.borrowerName,
  receivedAt: c.receivedAt,
  status: c.status,
  label: c.label,
  riskScore: c.riskScore,
  grade: c.grade,
});

type Group = { kind: RelationKind; via: Set<string>; ids: Set<string> };

export function relatedComplaints(db: World, complaint: Complaint): RelatedComplaints {
  const groups: Group[] = [];
  const add = (kind: RelationKind, via: string[], ids: Iterable<string>) => {
    const set = new Set(ids);
    set.delete(complaint.id);
    if (set.size) groups.push({ kind, via: new Set(via), ids: set });
  };

  // Same phone: the number left on the complaint, in the clear only inside the backend.
  const phone = db.pii[piiKey('complaint', complaint.id, 'complainantPhone')];
  if (phone) {
    const ids: string[] = [];
    for (const c of db.complaints) if (c.id !== complaint.id && db.pii[piiKey('complaint', c.id, 'complainantPhone')] === phone) ids.push(c.id);
    add('phone', [maskPhone(phone)], ids);
  }

  // Same device: the borrower's devices (hubs such as a carrier gateway excluded), then everyone else on them.
  const borrowerEntity = entityIdForCustomer(complaint.customerId);
  const entityById = new Map(db.entities.filter((e) => e.type === 'device' || e.type === 'borrower').map((e) => [e.id, e]));
  const devices = new Set<string>();
  for (const l of db.links) {
    if (l.type !== 'shares_device') continue;
    const other = l.source === borrowerEntity ? l.target : l.target === borrowerEntity ? l.source : null;
    const e = other ? entityById.get(other) : undefined;
    if (e && e.type === 'device' && !e.isHub) devices.add(e.id);
  }
  if (devices.size) {
    const customers = new Set<string>();
    for (const l of db.links) {
      if (l.type !== 'shares_device') continue;
      const device = devices.has(l.target) ? l.target : devices.has(l.source) ? l.source : null;
      if (!device) continue;
      const other = entityById.get(device === l.target ? l.source : l.target);
      const customerId = other?.type === 'borrower' ? other.attributes.customerId : undefined;
      if (customerId && customerId !== complaint.customerId) customers.add(customerId);
    }
    const ids = db.complaints.filter((c) => customers.has(c.customerId)).map((c) => c.id);
    add('device', [...devices].map((id) => entityById.get(id)?.label ?? id), ids);
  }

  // Same template family.
  if (complaint.templateFamilyId) {
    const family = complaint.templateFamilyId;
    add('template', [family], db.complaints.filter((c) => c.templateFamilyId === family).map((c) => c.id));
  }

  // Same document: by perceptual hash (survives re-encoding), else by file hash. Powers of attorney are one form per client.
  const evidenceById = new Map<string, Evidence>(db.evidence.map((e) => [e.id, e]));
  const isDoc = (e: Evidence | undefined): e is Evidence => !!e && (e.kind === 'image' || e.kind === 'pdf');
  const poa = complaint.complainant.powerOfAttorneyEvidenceId;
  const mine = new Map<string, string>();
  for (const id of complaint.evidenceIds) {
    const e = evidenceById.get(id);
    if (isDoc(e) && id !== poa) mine.set(documentFingerprint(e), e.title);
  }
  if (mine.size) {
    const via = new Set<string>();
    const ids: string[] = [];
    for (const c of db.complaints) {
      if (c.id === complaint.id) continue;
      for (const id of c.evidenceIds) {
        const e = evidenceById.get(id);
        if (!isDoc(e) || id === c.complainant.powerOfAttorneyEvidenceId) continue;
        const title = mine.get(documentFingerprint(e));
        if (title === undefined) continue;
        via.add(title);
        ids.push(c.id);
        break;
      }
    }
    add('document', [...via], ids);
  }

  const byId = new Map(db.complaints.map((c) => [c.id, c]));
  return {
    groups: groups.map((g) => {
      // Open and newest first: what still needs an answer matters most.
      const items = [...g.ids]
        .map((id) => byId.get(id)!)
        .sort((a, b) => Number(b.status === 'new' || b.status === 'in_progress') - Number(a.status === 'new' || a.status === 'in_progress') || b.receivedAt.localeCompare(a.receivedAt))
        .slice(0, RELATED_LIMIT)
        .map(brief);
      return { kind: g.kind, via: [...g.via], total: g.ids.size, items };
    }),
  };
}

/** Siblings compared exactly (families run into thousands; a sample bounds the work). */
const SIBLING_SAMPLE = 300;

/** The closest members of the complaint's template family, with the characters that differ. */
export function templateSiblings(db: World, complaint: Complaint, limit = 5): TemplateSiblings {
  const familyId = complaint.templateFamilyId;
  if (!familyId) return { familyId: null, familySize: 0, siblings: [] };
  const members: Complaint[] = [];
  for (const c of db.complaints) {
    if (c.templateFamilyId === familyId && c.id !== complaint.id) members.push(c);
    if (members.length >= SIBLING_SAMPLE) break;
  }
  const scored = members.map((c) => ({ c, sim: similarity(complaint.text, c.text) })).sort((a, b) => b.sim - a.sim || a.c.id.localeCompare(b.c.id));
  return {
    familyId,
    familySize: complaint.templateFamilySize,
    siblings: scored.slice(0, limit).map(({ c, sim }) => ({ complaint: brief(c), similarity: sim, diff: diffChars(complaint.text, c.text) })),
  };
}
