/** Dashboard figures, computed from the current records in one pass each. */
import {
  caseStatusSchema,
  channelSchema,
  complaintLabelSchema,
  gradeSchema,
  type CaseStatus,
  type Channel,
  type ComplaintLabel,
  type DashboardStats,
  type Evidence,
  type Grade,
} from '@/api/schemas';
import type { World } from './world';
import { AMBER_MS, isOpenStatus } from './deadlines';
import { DistinctIndex, documentFingerprint } from './scoring';
import { isoToMs } from './time';

/** zod records over an enum are exhaustive, so every key starts at zero. */
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Documents (by perceptual hash, else file hash) submitted for two or more different borrowers. */
export function countReusedDocuments(db: World): number {
  const evidenceById = new Map<string, Evidence>();
  for (const e of db.evidence) evidenceById.set(e.id, e);
  const borrowers = new DistinctIndex();
  for (const c of db.complaints) {
    for (const id of c.evidenceIds) {
      const e = evidenceById.get(id);
      // Powers of attorney are one form per client, not reused material.
      if (!e || (e.kind !== 'image' && e.kind !== 'pdf') || id === c.complainant.powerOfAttorneyEvidenceId) continue;
      borrowers.add(documentFingerprint(e), c.customerId);
    }
  }
  let reused = 0;
  for (const key of borrowers.keys()) if (borrowers.count(key) >= 2) reused++;
  return reused;
}

export function dashboardStats(db: World, now: Date): DashboardStats {
  const t = now.getTime();
  const byGrade = zeros<Grade>(gradeSchema.options);
  const byChannel = zeros<Channel>(channelSchema.options);
  const byLabel = zeros<ComplaintLabel>(complaintLabelSchema.options);
  const families = new Set<string>();
  let open = 0;
  let overdue = 0;
  let dueWithin3Days = 0;
  let unassigned = 0;
  for (const c of db.complaints) {
    byGrade[c.grade]++;
    byChannel[c.channel]++;
    byLabel[c.label]++;
    if (c.templateFamilyId) families.add(c.templateFamilyId);
    if (!isOpenStatus(c.status)) continue;
    open++;
    // Unassigned counts the open queue: nobody needs to pick up a closed complaint.
    if (c.assigneeId === null) unassigned++;
    const left = isoToMs(c.dueAt) - t;
    if (left < 0) overdue++;
    else if (left <= AMBER_MS) dueWithin3Days++;
  }
  const cases = zeros<CaseStatus>(caseStatusSchema.options);
  for (const c of db.cases) cases[c.status]++;
  return {
    complaints: db.complaints.length,
    open,
    overdue,
    dueWithin3Days,
    unassigned,
    byGrade,
    byChannel,
    byLabel,
    agentFirms: db.entities.reduce((n, e) => n + (e.type === 'agent_firm' ? 1 : 0), 0),
    templateFamilies: families.size,
    reusedDocuments: countReusedDocuments(db),
    cases,
    referrals: db.referrals.length,
  };
}
