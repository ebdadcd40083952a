/**
 * What must be true before a 报案书 goes to the police. The same rules run in the builder (live list),
 * before approval and before export, so the user hears about a gap while it is still cheap to fix.
 */
import type { Referral } from '@/api/schemas';

export type HashState = 'pending' | 'ok' | 'mismatch' | 'unavailable';

export type IssueCode =
  | 'addresseeMissing'
  | 'institutionMissing'
  | 'handlerMissing'
  | 'powerOfAttorneyMissing'
  | 'noReportedParty'
  | 'causeMissing'
  | 'noCharge'
  | 'noFact'
  | 'factIncomplete'
  | 'factWithoutEvidence'
  | 'factCitesMissingEvidence'
  | 'noEvidence'
  | 'evidenceUnused'
  | 'evidenceDescriptionMissing'
  | 'evidenceSourceMissing'
  | 'hashMismatch'
  | 'hashUnavailable'
  | 'hashPending'
  | 'forgedNotDescribed'
  | 'amountMissing';

export type ValidationIssue = {
  code: IssueCode;
  /** Errors block approval and export; warnings are shown but do not. */
  severity: 'error' | 'warning';
  section: 'addressee' | 'institution' | 'parties' | 'charges' | 'facts' | 'amounts' | 'evidence';
  factId?: string;
  evidenceId?: string;
  /** 1-based fact or evidence number as the report prints it. */
  position?: number;
};

/** Words that say, in the description itself, that a piece of evidence is a forgery. */
const FORGERY_WORDS = /伪造|变造|假冒|虚假|冒用|篡改|forged|forgery|fake|falsified|counterfeit/i;
export const describesForgery = (text: string) => FORGERY_WORDS.test(text);

export type ValidationInput = Pick<
  Referral,
  'addressee' | 'reportingInstitution' | 'handler' | 'reportedParties' | 'cause' | 'charges' | 'facts' | 'amountInvolved' | 'evidence'
>;

export function validateReferral(r: ValidationInput, hashes: Readonly<Record<string, HashState>> = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (issue: ValidationIssue) => issues.push(issue);
  if (!r.addressee.trim()) add({ code: 'addresseeMissing', severity: 'error', section: 'addressee' });
  if (!r.reportingInstitution.trim()) add({ code: 'institutionMissing', severity: 'error', section: 'institution' });
  if (!r.handler.name.trim()) add({ code: 'handlerMissing', severity: 'error', section: 'institution' });
  if (!r.handler.powerOfAttorneyEvidenceId) add({ code: 'powerOfAttorneyMissing', severity: 'error', section: 'institution' });
  if (r.reportedParties.length === 0) add({ code: 'noReportedParty', severity: 'error', section: 'parties' });
  if (!r.cause.trim()) add({ code: 'causeMissing', severity: 'error', section: 'charges' });
  if (r.charges.length === 0) add({ code: 'noCharge', severity: 'error', section: 'charges' });
  if (!(r.amountInvolved > 0)) add({ code: 'amountMissing', severity: 'warning', section: 'amounts' });

  const listed = new Set(r.evidence.map((e) => e.evidenceId));
  if (r.facts.length === 0) add({ code: 'noFact', severity: 'error', section: 'facts' });
  r.facts.forEach((f, i) => {
    const at = { section: 'facts' as const, factId: f.id, position: i + 1 };
    if (![f.time, f.place, f.means, f.consequence].every((s) => s.trim())) add({ code: 'factIncomplete', severity: 'error', ...at });
    const cited = f.evidenceIds.filter((id) => listed.has(id));
    if (cited.length === 0) add({ code: 'factWithoutEvidence', severity: 'error', ...at });
    if (cited.length !== f.evidenceIds.length) add({ code: 'factCitesMissingEvidence', severity: 'error', ...at });
  });

  if (r.evidence.length === 0) add({ code: 'noEvidence', severity: 'error', section: 'evidence' });
  const factIds = new Set(r.facts.map((f) => f.id));
  const citedByFacts = new Set(r.facts.flatMap((f) => f.evidenceIds));
  r.evidence.forEach((e, i) => {
    const at = { section: 'evidence' as const, evidenceId: e.evidenceId, position: i + 1 };
    if (!e.description.trim()) add({ code: 'evidenceDescriptionMissing', severity: 'error', ...at });
    if (!e.source.trim()) add({ code: 'evidenceSourceMissing', severity: 'error', ...at });
    const supports = e.factIds.some((id) => factIds.has(id)) || citedByFacts.has(e.evidenceId);
    if (!supports) add({ code: 'evidenceUnused', severity: 'warning', ...at });
    const hash = hashes[e.evidenceId] ?? 'pending';
    if (hash === 'mismatch') add({ code: 'hashMismatch', severity: 'error', ...at });
    else if (hash === 'unavailable') add({ code: 'hashUnavailable', severity: 'error', ...at });
    else if (hash === 'pending') add({ code: 'hashPending', severity: 'error', ...at });
    // A forged certificate handed over as if genuine would mislead the police: the copy must say what it is.
    if ((e.verdict === 'forged' || e.verdict === 'suspected_forged') && !describesForgery(e.description)) add({ code: 'forgedNotDescribed', severity: 'error', ...at });
  });
  return issues;
}

export const blockingIssues = (issues: readonly ValidationIssue[]) => issues.filter((i) => i.severity === 'error');

/**
 * Facts and evidence are linked from both sides in the record (fact.evidenceIds, evidence.factIds).
 * The builder edits the link on the evidence row; this keeps the fact side in step so the two never disagree.
 */
export function syncFactLinks<T extends Pick<Referral, 'facts' | 'evidence'>>(r: T): T {
  const byFact = new Map<string, string[]>(r.facts.map((f) => [f.id, []]));
  for (const e of r.evidence) for (const fid of e.factIds) byFact.get(fid)?.push(e.evidenceId);
  return {
    ...r,
    facts: r.facts.map((f) => ({ ...f, evidenceIds: byFact.get(f.id) ?? [] })),
    evidence: r.evidence.map((e) => ({ ...e, factIds: e.factIds.filter((id) => byFact.has(id)) })),
  };
}
