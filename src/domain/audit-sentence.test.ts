import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { AuditDetail, AuditEvent } from '@/api/schemas';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import { auditKindSchema } from '@/api/schemas';
import { describeAuditEvent } from './audit-sentence';

const translator = (lng: string, translation: object) => {
  const i = i18next.createInstance();
  void i.init({ lng, resources: { [lng]: { translation } }, initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
  return (key: string, vars?: Record<string, string | number>) => i.t(key, vars);
};
const zh = translator('zh-CN', zhCN);
const english = translator('en', en);
const names: Record<string, string> = { 'u-1': '林晓雯', 'u-2': '张建国' };
const nameOf = (id: string | null | undefined) => (id ? (names[id] ?? id) : '—');

const event = (detail: AuditDetail | null, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  id: 'ae-1',
  at: '2026-11-23T02:00:00.000Z',
  actorId: 'u-2',
  action: 'assign',
  recordType: 'complaint',
  recordId: 'cmp-000001',
  summary: 'u-1 → u-2',
  reason: null,
  detail,
  ...extra,
});

describe('audit events as sentences', () => {
  it('names people, not ids, and reads status and label codes in the reader’s language', () => {
    expect(describeAuditEvent(event({ kind: 'assigned', from: 'u-1', to: 'u-2' }), zh, nameOf)).toBe('由 林晓雯 改派给 张建国');
    expect(describeAuditEvent(event({ kind: 'assigned', from: 'u-1', to: 'u-2' }), english, nameOf)).toBe('Reassigned from 林晓雯 to 张建国');
    expect(describeAuditEvent(event({ kind: 'caseStatus', from: 'pending_review', to: 'reported' }), zh, nameOf)).toBe('案件状态由“待复核”改为“已报案”');
    expect(describeAuditEvent(event({ kind: 'caseStatus', from: 'new', to: 'investigating' }), english, nameOf)).not.toMatch(/new|investigating/);
    expect(describeAuditEvent(event({ kind: 'verdict', from: 'unverified', to: 'suspected_forged' }), zh, nameOf)).toBe('核实结论：疑似伪造');
    expect(describeAuditEvent(event({ kind: 'label', from: 'none', to: 'agent_proposed' }), zh, nameOf)).not.toContain('agent_proposed');
    expect(describeAuditEvent(event({ kind: 'referralDrafted', related: { type: 'case', id: 'case-001' } }), zh, nameOf)).toBe('为案件 case-001 起草报案材料');
    expect(describeAuditEvent(event({ kind: 'joinedCase', from: 'case-002', related: { type: 'case', id: 'case-009' } }), english, nameOf)).toBe('Moved from case case-002 to case case-009');
  });

  it('has a sentence for every kind in both languages, with no template left unfilled', () => {
    // Realistic values per kind: the codes a write records there.
    const values: Partial<Record<AuditDetail['kind'], Partial<AuditDetail>>> = {
      status: { from: 'new', to: 'in_progress' },
      deadlineKind: { from: 'standard', to: 'complex' },
      label: { from: 'none', to: 'agent_proposed' },
      caseStatus: { from: 'new', to: 'investigating' },
      casePriority: { from: 'low', to: 'high' },
      verdict: { from: 'unverified', to: 'forged' },
      referralEdited: { ids: ['facts', 'evidence'] },
      referralTracking: { to: 'accept' },
      piiRevealed: { to: 'idNumber' },
      capacity: { from: '30', to: '40' },
      trailVerified: { to: 'ok' },
      signInFailed: { from: 'wrongPassword' },
      userCreated: { to: 'analyst' },
      userUpdated: { ids: ['role', 'away'] },
      roleSwitched: { to: 'lead' },
      sharingCreated: { ids: ['agent_phone', 'device'], to: '线索对碰' },
      sharingExported: { to: 'request' },
      sharingImported: { to: 'response' },
      peerRevoked: { to: 'revoked' },
      institutionSaved: { to: 'renamed' },
      alertRaised: { text: 'familyGrowth', to: 'u-lead-1' },
      alertGrew: { text: 'familyGrowth' },
      alertAcknowledged: { text: 'selfHarm' },
      alertAssigned: { text: 'sharedEntity', to: 'u-lead-1' },
      alertSnoozed: { text: 'channelSpike', count: 24 },
      alertClosed: { text: 'multiChannel', to: 'closed' },
      alertCase: { text: 'familyGrowth', related: { type: 'case', id: 'case-1' } },
      alertRule: { text: 'familyGrowth', ids: ['threshold', 'enabled'], from: '5|true', to: '8|false' },
      demoWave: { text: 'tf-0002', count: 6 },
    };
    for (const kind of auditKindSchema.options) {
      for (const t of [zh, english]) {
        const text = describeAuditEvent(event({ kind, from: 'u-1', to: 'u-2', ids: ['cmp-1'], count: 2, text: 'x', related: { type: 'case', id: 'case-1' }, ...values[kind] }), t, nameOf);
        expect(text, kind).not.toMatch(/auditSentence|\{\{|undefined/);
        expect(text.length, kind).toBeGreaterThan(1);
      }
    }
  });

  it('keeps the stored line of an event recorded before details existed', () => {
    expect(describeAuditEvent(event(null, { summary: 'signed in' }), zh, nameOf)).toBe('signed in');
  });
});
