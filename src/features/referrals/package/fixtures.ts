import type { Referral } from '@/api/schemas';

/** A small, complete referral for tests and the bench. */
export function sampleReferral(evidence: { id: string; sha256: string }[]): Referral {
  return {
    id: 'ref-test',
    caseId: 'case-test',
    status: 'approved',
    addressee: '江州市公安局经济犯罪侦查支队',
    reportingInstitution: '鉴证消费金融股份有限公司',
    handler: { name: '周敏', title: '消费者权益保护部组长', powerOfAttorneyEvidenceId: evidence[0]?.id ?? null },
    reportedParties: [
      { entityId: 'ent-firm', kind: 'firm', name: '江州优信商务咨询有限公司', idNumber: null, phone: '187****1094', address: '江州市人民路88号' },
      { entityId: 'ent-p1', kind: 'person', name: '张立强', idNumber: '330***********1234', phone: '139****5678', address: null },
    ],
    cause: '江州优信商务咨询有限公司等涉嫌敲诈勒索',
    charges: ['extortion', 'forging_company_seal'],
    facts: [
      { id: 'f1', time: '2026年9月至10月', place: '江州市人民路88号', means: '以借款人名义批量提交模板化投诉', consequence: '客服资源被大量占用', evidenceIds: evidence.map((e) => e.id) },
    ],
    amountInvolved: 12800,
    evidence: evidence.map((e, i) => ({
      evidenceId: e.id,
      description: i === 0 ? '授权委托书' : `伪造的诊断证明书 ${i}`,
      source: '借款人提交',
      pages: 1,
      verdict: i === 0 ? 'authentic' : 'forged',
      sha256: e.sha256,
      factIds: ['f1'],
    })),
    approvedById: 'u-lead-1',
    approvedAt: '2026-11-20T02:00:00.000Z',
    submission: null,
    outcome: null,
    createdAt: '2026-11-18T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    version: 3,
  };
}
