import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Referral } from '@/api/schemas';
import { sampleManifest } from '@/server/seed/samples';
import { putBlob } from '../blobStore';
import { expectApiError as failure } from '@/api/expect-api-error';
import { approveReferral, createReferral, exportReferral, referralPartiesQuery, trackReferral, updateReferral } from '@/api/resources/referrals';
import { switchSession } from '@/api/resources/session';
import { casePath } from '@/domain/referrals';
import { getDb } from '../store';

const caseWith = (status: string) => getDb().cases.find((c) => c.status === status)!;

// The browser demo fetches its seeded files from public/samples; in Node the store is given them.
beforeAll(async () => {
  for (const f of sampleManifest) await putBlob(f.sha256, new Uint8Array(readFileSync(`public/samples/${f.file}`)), f.mime);
});

/** A drafted referral with what approval checks filled in: the handler's power of attorney, evidence described. */
async function createReady(caseId: string): Promise<Referral> {
  const r = await createReferral(caseId);
  const evidence = r.evidence.map((e) => ({ ...e, description: `${e.description || '证据'}（系伪造）`, source: e.source || '本机构调取' }));
  return updateReferral(r.id, {
    version: r.version,
    addressee: r.addressee || '江州市公安局',
    handler: { ...r.handler, name: r.handler.name || '张建国', powerOfAttorneyEvidenceId: evidence[0].evidenceId },
    cause: r.cause || '涉嫌诈骗',
    charges: r.charges.length ? r.charges : ['fraud'],
    facts: r.facts.map((f) => ({ ...f, place: f.place || '江州市', means: f.means || '代理投诉', consequence: f.consequence || '造成损失' })),
    evidence,
  });
}

describe('referral handlers', () => {
  it('drafts a referral from a case with facts from its timeline tied to evidence', async () => {
    const kase = caseWith('investigating');
    const r = await createReferral(kase.id);
    expect(r.status).toBe('draft');
    expect(r.facts.length).toBeGreaterThan(0);
    expect(r.facts[0].time).toMatch(/^\d{4}-\d{2}-\d{2}至/);
    const cited = new Set(r.facts.flatMap((f) => f.evidenceIds));
    expect(r.evidence.filter((e) => cited.has(e.evidenceId)).every((e) => e.factIds.length > 0)).toBe(true);
    expect(r.reportedParties.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.reportedParties)).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    const candidates = await referralPartiesQuery(r.id).queryFn!({} as never);
    expect(candidates.map((p) => p.entityId)).toEqual(r.reportedParties.map((p) => p.entityId));
  });

  it('refuses to approve a draft that fails its checks, saying how many are left', async () => {
    const r = await createReferral(caseWith('investigating').id);
    await switchSession({ userId: 'u-lead-1' });
    const error = await failure(approveReferral(r.id, r.version));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/尚有 \d+ 项须修正/);
  });

  it('exports only approved referrals, with clear personal data, and audits the export', async () => {
    await switchSession({ userId: 'u-analyst-1' });
    const r = await createReady(caseWith('investigating').id);
    expect((await failure(exportReferral(r.id, r.version, '提交公安机关'))).message).toMatch(/审批/);
    await switchSession({ userId: 'u-lead-1' });
    const approved = await approveReferral(r.id, r.version);
    const exported = await exportReferral(r.id, approved.version, '提交公安机关');
    const person = exported.parties.find((p) => p.idNumber);
    expect(person?.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(exported.files).toHaveLength(r.evidence.length);
    const event = getDb().audit.find((a) => a.id === exported.auditEventId);
    expect(event).toMatchObject({ action: 'export', recordId: r.id, actorId: 'u-lead-1', reason: '提交公安机关' });
    // Editing after approval voids it.
    const edited = await updateReferral(r.id, { version: approved.version, amountInvolved: 5000 });
    expect(edited).toMatchObject({ status: 'draft', approvedById: null });
  });

  it('tracks submission, acceptance and filing, and the case follows', async () => {
    const kase = caseWith('investigating');
    const r = await createReady(kase.id);
    await switchSession({ userId: 'u-lead-1' });
    let cur = await approveReferral(r.id, r.version);
    cur = await trackReferral(r.id, { action: 'submit', version: cur.version, date: '2026-11-20T02:00:00.000Z', policeUnit: '江州市公安局', officer: '陈警官', receiptNo: null });
    expect(getDb().cases.find((c) => c.id === kase.id)?.status).toBe('reported');
    expect((await failure(trackReferral(r.id, { action: 'file', version: cur.version, at: '2026-11-21T02:00:00.000Z' }))).kind).toBe('validation');
    cur = await trackReferral(r.id, { action: 'accept', version: cur.version, at: '2026-11-21T02:00:00.000Z', receiptNo: '江公受案字〔2026〕0101号' });
    expect(getDb().cases.find((c) => c.id === kase.id)).toMatchObject({ status: 'accepted', policeReceiptNo: '江公受案字〔2026〕0101号' });
    cur = await trackReferral(r.id, { action: 'file', version: cur.version, at: '2026-11-22T02:00:00.000Z' });
    expect(cur.status).toBe('filed');
    expect(getDb().cases.find((c) => c.id === kase.id)).toMatchObject({ status: 'filed', filedAt: '2026-11-22T02:00:00.000Z' });
  });

  it('records 不予立案 with the reason and whether 复议 is requested', async () => {
    const kase = caseWith('investigating');
    const r = await createReady(kase.id);
    await switchSession({ userId: 'u-lead-1' });
    let cur = await approveReferral(r.id, r.version);
    cur = await trackReferral(r.id, { action: 'submit', version: cur.version, date: '2026-11-20T02:00:00.000Z', policeUnit: '江州市公安局', officer: '陈警官', receiptNo: 'R-1' });
    cur = await trackReferral(r.id, { action: 'accept', version: cur.version, at: '2026-11-21T02:00:00.000Z', receiptNo: 'R-1' });
    cur = await trackReferral(r.id, { action: 'reject', version: cur.version, at: '2026-11-25T02:00:00.000Z', reason: '证据不足', reviewRequested: true });
    expect(cur.outcome).toMatchObject({ rejectionReason: '证据不足', reviewRequested: true });
    expect(getDb().cases.find((c) => c.id === kase.id)?.status).toBe('rejected');
  });

  it('leaves both records untouched when the case cannot follow (an analyst cannot report a case)', async () => {
    const kase = caseWith('investigating');
    const r = await createReady(kase.id);
    await switchSession({ userId: 'u-lead-1' });
    const approved = await approveReferral(r.id, r.version);
    await switchSession({ userId: 'u-analyst-1' });
    const error = await failure(trackReferral(r.id, { action: 'submit', version: approved.version, date: '2026-11-20T02:00:00.000Z', policeUnit: 'x', officer: 'y', receiptNo: null }));
    expect(error.kind).toBe('forbidden');
    expect(getDb().referrals.find((x) => x.id === r.id)?.status).toBe('approved');
    expect(getDb().cases.find((c) => c.id === kase.id)?.status).toBe('investigating');
  });

  it('answers a stale edit with 409 and the current record, without applying it', async () => {
    const r = await createReferral(caseWith('investigating').id);
    const mine = await updateReferral(r.id, { version: r.version, addressee: '甲' });
    const error = await failure(updateReferral(r.id, { version: r.version, addressee: '乙' }));
    expect(error.kind).toBe('conflict');
    expect(error.current).toMatchObject({ id: r.id, version: mine.version, addressee: '甲' });
    expect(getDb().referrals.find((x) => x.id === r.id)?.addressee).toBe('甲');
  });

  it('finds the chain of case steps', () => {
    expect(casePath('investigating', 'reported')).toEqual(['pending_review', 'reported']);
    expect(casePath('reported', 'filed')).toEqual(['accepted', 'filed']);
    expect(casePath('filed', 'filed')).toEqual([]);
  });
});
