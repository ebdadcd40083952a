/**
 * Evidence records over the real sample files: url, size, sha256 and MIME come from the manifest so
 * the viewer opens a real file and a hash check passes.
 */
import type { CustodyEvent, Evidence, Verdict } from '@/api/schemas';
import type { SampleFile } from './samples';

/** A stable 64-bit hex digest of a string (two FNV-1a lanes), standing in for a perceptual hash. */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Perceptual hash of a record. Copies of one forged document (same reuse group, even re-encoded) share
 * it; that is what reuse detection keys on. A genuine document stands for the borrower's own paperwork,
 * so it gets a hash of its own even though the demo serves the same sample bytes for it every time.
 */
export function perceptualHashFor(file: SampleFile, scope: 'shared' | string): string | null {
  if (file.kind !== 'image' && file.kind !== 'pdf') return null;
  // Copies of one forged document carry the real dHash of the file submitted, so reuse is found by distance.
  if (scope === 'shared' && file.phash) return file.phash;
  return hash64(scope === 'shared' ? `doc:${file.reuseGroup ?? file.file}` : `doc:${file.file}:${scope}`);
}

export const UNVERIFIED: Verdict = { status: 'unverified', reason: '', method: '', byId: null, at: null };

export type EvidenceInput = {
  id: string;
  file: SampleFile;
  title: string;
  source: string;
  complaintId: string | null;
  caseId: string | null;
  uploadedAt: string;
  uploadedById: string | null;
  verdict: Verdict;
  perceptualHash: string | null;
  extraCustody?: CustodyEvent[];
};

export function makeEvidence(input: EvidenceInput): Evidence {
  const custody: CustodyEvent[] = [
    {
      at: input.uploadedAt,
      actorId: input.uploadedById ?? 'system',
      action: 'uploaded',
      detail: `${input.source}；SHA-256 ${input.file.sha256.slice(0, 12)}…`,
    },
  ];
  if (input.verdict.status !== 'unverified' && input.verdict.byId && input.verdict.at) {
    custody.push({ at: input.verdict.at, actorId: input.verdict.byId, action: 'verdict', verdict: input.verdict.status, detail: `${input.verdict.reason}（${input.verdict.method}）` });
  }
  custody.push(...(input.extraCustody ?? []));
  return {
    id: input.id,
    kind: input.file.kind,
    title: input.title,
    fileName: input.file.file,
    mime: input.file.mime,
    size: input.file.size,
    sha256: input.file.sha256,
    url: `/samples/${input.file.file}`,
    source: input.source,
    complaintId: input.complaintId,
    caseId: input.caseId,
    uploadedAt: input.uploadedAt,
    uploadedById: input.uploadedById,
    verdict: input.verdict,
    annotations: [],
    custody,
    perceptualHash: input.perceptualHash,
    version: 1,
  };
}

/** How each kind of forged certificate is checked, and what the check found. */
export const FORGERY_FINDINGS = {
  diagnosis: [
    { status: 'forged', reason: '致电开具医院核实：该院医务科否认出具，编号查无此件', method: '电话核实（医院医务科）' },
    { status: 'forged', reason: '医院回函确认该诊断证明非本院出具，印章与备案印模不符', method: '发函核实（医院回函）' },
    { status: 'suspected_forged', reason: '与其他借款人提交的诊断证明为同一图像，仅姓名不同', method: '图像感知哈希比对' },
    { status: 'suspected_forged', reason: '印章文字间距不匀、五角星偏移，疑似伪造印章', method: '印章比对' },
  ],
  poverty: [
    { status: 'forged', reason: '致电村委会核实：村委会否认出具，印文“柳和村”与村名不符', method: '电话核实（村委会）' },
    { status: 'suspected_forged', reason: '收入数字与另一份贫困证明完全相同，印章五角星偏小', method: '印章比对' },
  ],
} as const satisfies Record<string, readonly Omit<Verdict, 'byId' | 'at'>[]>;

export const AUTHENTIC_FINDINGS = [
  { status: 'authentic', reason: '致电开具单位核实，确认系其出具，内容属实', method: '电话核实（开具单位）' },
  { status: 'authentic', reason: '与借款人本人视频核实，并核对原件', method: '视频核实' },
] as const satisfies readonly Omit<Verdict, 'byId' | 'at'>[];
