/** Evidence queries of the mock backend: perceptual-hash reuse and voiceprint comparison. */
import type { Entity, Evidence, ReuseResult, VoiceprintResult } from '@/api/schemas';
import { hammingDistance, REUSE_THRESHOLD } from '@/lib/perceptual-hash';
import type { World } from './world';
import { ATTR, VOICEPRINT } from './conventions';

/**
 * Documents of OTHER complaints within the threshold. Copies inside the same complaint are not news;
 * the same forged certificate across unrelated borrowers is.
 */
export function findReuse(db: World, item: Evidence, threshold = REUSE_THRESHOLD, limit = 100): ReuseResult {
  const result: ReuseResult = { perceptualHash: item.perceptualHash, threshold, matches: [] };
  if (!item.perceptualHash) return result;
  const borrowerOf = new Map(db.complaints.map((c) => [c.id, c.borrowerName]));
  for (const other of db.evidence) {
    if (other.id === item.id || !other.perceptualHash) continue;
    if (item.complaintId && other.complaintId === item.complaintId) continue;
    const distance = hammingDistance(item.perceptualHash, other.perceptualHash);
    if (distance === null || distance > threshold) continue;
    result.matches.push({
      evidenceId: other.id,
      title: other.title,
      fileName: other.fileName,
      complaintId: other.complaintId,
      caseId: other.caseId,
      borrowerName: other.complaintId ? (borrowerOf.get(other.complaintId) ?? null) : null,
      distance,
      verdict: other.verdict.status,
    });
  }
  result.matches.sort((a, b) => a.distance - b.distance || a.evidenceId.localeCompare(b.evidenceId));
  result.matches = result.matches.slice(0, limit);
  return result;
}

/** A deterministic pseudo-score in [0, 1) from two ids: stands in for the engine's similarity. */
function jitter(a: string, b: string): number {
  let h = 0x811c9dc5;
  for (const ch of a + '|' + b) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

export const VOICEPRINT_THRESHOLD = 0.8;

/**
 * Voiceprint comparison of a recording with every enrolled agent voice. The mock knows who really
 * spoke (the graph's `called` link that carries the recording) and scores that speaker high when their
 * voice is enrolled; everyone else scores low. Top three, best first.
 */
export function voiceprintFor(db: World, item: Evidence): VoiceprintResult {
  const result: VoiceprintResult = { evidenceId: item.id, matches: [], threshold: VOICEPRINT_THRESHOLD };
  if (item.kind !== 'audio') return result;
  const byId = new Map(db.entities.map((e) => [e.id, e]));
  const enrolled = db.entities.filter((e) => e.type === 'agent_person' && e.attributes[ATTR.voiceprint] === VOICEPRINT.enrolled);
  const speakerId = db.links.find((l) => l.type === 'called' && l.evidenceIds.includes(item.id))?.source;
  const firmOf = (person: Entity) => {
    const link = db.links.find((l) => l.type === 'employed_by' && l.source === person.id);
    return link ? (byId.get(link.target)?.label ?? null) : (person.attributes.firm ?? null);
  };
  const scored = enrolled.map((e) => {
    const score = e.id === speakerId ? 0.86 + 0.12 * jitter(item.id, e.id) : 0.15 + 0.4 * jitter(item.id, e.id);
    return { entityId: e.id, label: e.label, firm: firmOf(e), score: Math.round(score * 1000) / 1000, isMatch: score >= VOICEPRINT_THRESHOLD };
  });
  scored.sort((a, b) => b.score - a.score);
  result.matches = scored.slice(0, 3);
  return result;
}
