import { describe, expect, it } from 'vitest';
import { sampleReferral } from '@/features/referrals/package/fixtures';
import { blockingIssues, syncFactLinks, validateReferral, type HashState } from './referral-validation';

const ids = [
  { id: 'ev-1', sha256: 'a'.repeat(64) },
  { id: 'ev-2', sha256: 'b'.repeat(64) },
];
const verified: Record<string, HashState> = { 'ev-1': 'ok', 'ev-2': 'ok' };
const codes = (r = sampleReferral(ids), hashes = verified) => validateReferral(r, hashes).map((i) => i.code);

describe('referral validation', () => {
  it('passes a complete referral whose hashes verify', () => {
    expect(codes()).toEqual([]);
  });

  it('flags a fact with no evidence', () => {
    const r = sampleReferral(ids);
    r.facts.push({ id: 'f2', time: '2026年10月', place: '江州', means: '威胁', consequence: '占用资源', evidenceIds: [] });
    const issues = validateReferral(r, verified);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'factWithoutEvidence', factId: 'f2', position: 2, severity: 'error' }));
  });

  it('flags evidence whose hash does not verify, or is not checked yet', () => {
    expect(codes(sampleReferral(ids), { 'ev-1': 'mismatch', 'ev-2': 'ok' })).toEqual(['hashMismatch']);
    expect(codes(sampleReferral(ids), { 'ev-1': 'ok' })).toEqual(['hashPending']);
    expect(codes(sampleReferral(ids), { 'ev-1': 'ok', 'ev-2': 'unavailable' })).toEqual(['hashUnavailable']);
  });

  it('flags evidence marked forged whose description does not say so', () => {
    const r = sampleReferral(ids);
    r.evidence[1].description = '诊断证明书';
    expect(validateReferral(r, verified)).toEqual([expect.objectContaining({ code: 'forgedNotDescribed', evidenceId: 'ev-2', position: 2 })]);
    r.evidence[1].description = '诊断证明书（经医院核实系伪造）';
    expect(codes(r)).toEqual([]);
  });

  it('flags missing addressee, handler, power of attorney, parties, charges and incomplete facts', () => {
    const r = sampleReferral(ids);
    Object.assign(r, { addressee: ' ', reportedParties: [], charges: [], cause: '', amountInvolved: 0 });
    r.handler = { name: '', title: '', powerOfAttorneyEvidenceId: null };
    r.facts[0].place = '';
    expect(codes(r)).toEqual(['addresseeMissing', 'handlerMissing', 'powerOfAttorneyMissing', 'noReportedParty', 'causeMissing', 'noCharge', 'amountMissing', 'factIncomplete']);
    expect(blockingIssues(validateReferral(r, verified)).map((i) => i.code)).not.toContain('amountMissing');
  });

  it('warns about evidence that supports no fact', () => {
    const r = syncFactLinks({ ...sampleReferral(ids), evidence: sampleReferral(ids).evidence.map((e, i) => (i === 1 ? { ...e, factIds: [] } : e)) });
    expect(validateReferral(r, verified)).toEqual([expect.objectContaining({ code: 'evidenceUnused', severity: 'warning', evidenceId: 'ev-2' })]);
    expect(r.facts[0].evidenceIds).toEqual(['ev-1']);
  });
});
