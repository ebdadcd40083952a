import type { Complaint } from '@/api/schemas';
import { buildScoringContext, scoreComplaint } from './scoring';
import { similarity, type TemplateClustering } from './templates';
import type { World } from './world';

/**
 * Scores the given complaints again after a verdict, an upload or a label changed what their rules
 * read, so a score never contradicts its evidence. Template families stay as they are (clustering is
 * the expensive part and a verdict does not change a text); each touched complaint's similarity to its
 * family is measured against a few siblings.
 */
export function rescore(db: World, complaintIds: Iterable<string>, now = new Date()): Complaint[] {
  const wanted = new Set(complaintIds);
  const touched = db.complaints.filter((c) => wanted.has(c.id));
  if (touched.length === 0) return [];
  const templates: TemplateClustering = { familyOf: new Map(), familySize: new Map(), bestSimilarity: new Map() };
  const members = new Map<string, Complaint[]>();
  for (const c of db.complaints) {
    if (!c.templateFamilyId) continue;
    templates.familyOf.set(c.id, c.templateFamilyId);
    templates.familySize.set(c.templateFamilyId, c.templateFamilySize);
    if (wanted.size && (members.get(c.templateFamilyId)?.length ?? 0) < 6) members.set(c.templateFamilyId, [...(members.get(c.templateFamilyId) ?? []), c]);
  }
  for (const c of touched) {
    const siblings = (c.templateFamilyId ? members.get(c.templateFamilyId) : undefined)?.filter((s) => s.id !== c.id) ?? [];
    templates.bestSimilarity.set(c.id, siblings.reduce((best, s) => Math.max(best, similarity(c.text, s.text)), 0));
  }
  const ctx = buildScoringContext(db, { templates });
  const changed: Complaint[] = [];
  for (const c of touched) {
    const { signals, riskScore, grade } = scoreComplaint(c, ctx);
    if (riskScore === c.riskScore && grade === c.grade && JSON.stringify(signals) === JSON.stringify(c.signals)) continue;
    Object.assign(c, { signals, riskScore, grade, version: c.version + 1, updatedAt: now.toISOString() });
    changed.push(c);
  }
  return changed;
}
