/**
 * An audit event as one sentence in the reader's language, with people's names: the audit log, a case's
 * timeline, a complaint's history and the audit CSV all read the same words. Templates live in the shared
 * locale files under `auditSentence`; this module only decides which template and which values.
 */
import type { AuditEvent } from '@/api/schemas';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;
/** A user's display name for an id ('system' and unknown ids included). */
export type NameOf = (userId: string | null | undefined) => string;

/** Names for the actor ids that are not accounts. */
export const PSEUDO_ACTORS = new Set(['system', 'anonymous']);

export function describeAuditEvent(e: AuditEvent, t: Translate, nameOf: NameOf): string {
  const d = e.detail;
  if (!d) return e.summary;
  const k = (key: string, vars?: Record<string, string | number>) => t(`auditSentence.${key}`, vars);
  const list = (ids: readonly string[] | undefined) => (ids ?? []).join(k('listSep'));
  const value = (prefix: string, v: string | null | undefined) => (v ? t(`${prefix}.${v}`) : k('none'));
  const related = d.related?.id ?? '';
  switch (d.kind) {
    case 'assigned':
      if (d.auto) return k('autoAssigned', { to: nameOf(d.to) });
      if (!d.to) return k('unassigned', { from: nameOf(d.from) });
      return d.from ? k('reassigned', { from: nameOf(d.from), to: nameOf(d.to) }) : k('assigned', { to: nameOf(d.to) });
    case 'status':
      return k('status', { from: value('status', d.from), to: value('status', d.to) });
    case 'deadlineKind':
      return k('deadlineKind', { from: value('deadlineKind', d.from), to: value('deadlineKind', d.to) });
    case 'label':
      return k('label', { from: value('label', d.from), to: value('label', d.to) });
    case 'caseStatus':
      return k(d.related ? 'caseStatusReferral' : 'caseStatus', { from: value('caseStatus', d.from), to: value('caseStatus', d.to), referral: related });
    case 'casePriority':
      return k('casePriority', { from: value('auditSentence.priority', d.from), to: value('auditSentence.priority', d.to) });
    case 'caseTitle':
      return k('caseTitle', { to: d.to ?? '' });
    case 'joinedCase':
      return d.from ? k('movedCase', { from: d.from, case: related }) : k('joinedCase', { case: related });
    case 'leftCase':
      return k('leftCase', { ids: list(d.ids), case: related, count: d.ids?.length ?? 0 });
    case 'caseCreated':
      return k('caseCreated', { title: d.text ?? '', count: d.count ?? 0 });
    case 'complaintsAdded':
    case 'complaintsRemoved':
      return k(d.kind, { ids: list(d.ids), count: d.ids?.length ?? 0 });
    case 'entitiesAdded':
    case 'layoutSaved':
      return k(d.kind, { count: d.count ?? 0 });
    case 'merged':
    case 'mergedInto':
    case 'referralDrafted':
      return k(d.kind, { case: related });
    case 'verdict':
      return k('verdict', { to: value('auditSentence.verdictStatus', d.to) });
    case 'uploaded':
      return k('uploaded', { text: d.text ?? '', type: d.to ?? '' });
    case 'note':
    case 'annotated':
    case 'viewed':
    case 'exported':
      return k(d.kind, { text: d.text ?? '' });
    case 'referralEdited':
      return k('referralEdited', { fields: (d.ids ?? []).map((f) => k(`referralField.${f}`)).join(k('listSep')) });
    case 'referralTracking':
      return k(`tracking.${d.to ?? 'submit'}`);
    case 'referralExported':
      return k('referralExported', { count: d.count ?? 0, people: Number(d.to ?? 0) });
    case 'piiRevealed':
      return k('piiRevealed', { field: value('auditSentence.piiField', d.to) });
    case 'capacity':
      return k('capacity', { user: nameOf(e.recordId), from: d.from ?? '', to: d.to ?? '' });
    case 'auditExported':
      return k(d.text ? 'auditExportedFiltered' : 'auditExported', { count: d.count ?? 0, text: d.text ?? '' });
    case 'loopExported':
      return k('loopExported', { text: d.text ?? '' });
    case 'trailVerified':
      return d.to === 'ok' ? k('trailIntact', { count: d.count ?? 0 }) : k('trailBroken', { at: d.text ?? '' });
    case 'signInFailed':
      return k('signInFailed', { reason: k(`signInReason.${d.from ?? 'unknownUser'}`) });
    case 'userCreated':
      return k('userCreated', { text: d.text ?? '', role: value('role', d.to) });
    case 'userUpdated':
      return k('userUpdated', { fields: (d.ids ?? []).map((f) => k(`userField.${f}`)).join(k('listSep')) });
    case 'roleSwitched':
      return k('roleSwitched', { role: value('role', d.to) });
    case 'sharingCreated':
      return k('sharingCreated', { peer: d.text ?? '', types: (d.ids ?? []).map((x) => t(`sharingType.${x}`)).join(k('listSep')), purpose: d.to ?? '' });
    case 'sharingExported':
    case 'sharingImported':
      return k(d.kind, { peer: d.text ?? '', step: k(`sharingStep.${d.to ?? 'request'}`), count: d.count ?? 0 });
    case 'sharingIdentifiers':
    case 'sharingMatched':
    case 'sharingTagged':
    case 'sharingCancelled':
      return k(d.kind, { peer: d.text ?? '', count: d.count ?? 0 });
    case 'institutionSaved':
      return k(d.to === 'renamed' ? 'institutionRenamed' : 'institutionSaved', { text: d.text ?? '' });
    case 'peerAdded':
      return k(d.kind, { text: d.text ?? '' });
    case 'peerRevoked':
      return k(d.to === 'restored' ? 'peerRestored' : 'peerRevoked', { text: d.text ?? '' });
    case 'alertRaised':
      return k(d.to ? 'alertRaisedTo' : 'alertRaised', { rule: value('alertRule', d.text), count: d.count ?? 0, to: nameOf(d.to) });
    case 'alertGrew':
    case 'alertSnoozed':
      return k(d.kind, { rule: value('alertRule', d.text), count: d.count ?? 0 });
    case 'alertAssigned':
      return k(d.to ? 'alertAssigned' : 'alertUnassigned', { rule: value('alertRule', d.text), to: nameOf(d.to) });
    case 'alertAcknowledged':
      return k(d.kind, { rule: value('alertRule', d.text) });
    case 'alertClosed':
      return k(d.to === 'reopened' ? 'alertReopened' : 'alertClosed', { rule: value('alertRule', d.text) });
    case 'alertCase':
      return k(d.kind, { rule: value('alertRule', d.text), related });
    case 'alertRule':
      return k(d.kind, { rule: value('alertRule', d.text), changes: alertRuleChanges(d.ids, d.from, d.to, k) });
    case 'demoWave':
      return k(d.kind, { count: d.count ?? 0, text: d.text ?? '' });
    case 'referralApproved':
    case 'signedIn':
    case 'accountLocked':
    case 'signedOut':
    case 'passwordReset':
    case 'demoReset':
      return k(d.kind);
  }
}

/** A rule change as "阈值 5 → 8、启用 是 → 否": fields in `ids`, old and new values in `from`/`to`, `|`-separated in the same order. */
function alertRuleChanges(fields: readonly string[] | undefined, from: string | null | undefined, to: string | null | undefined, k: Translate): string {
  const before = (from ?? '').split('|');
  const after = (to ?? '').split('|');
  const shown = (field: string, v: string | undefined) => (field === 'enabled' ? k(`yesNo.${v}`) : (v ?? ''));
  return (fields ?? []).map((f, i) => `${k(`alertField.${f}`)} ${shown(f, before[i])} → ${shown(f, after[i])}`).join(k('listSep'));
}
