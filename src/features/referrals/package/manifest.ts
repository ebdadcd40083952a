/**
 * `manifest.json` and the evidence index (证据清单.csv): what is in the package, with each file's
 * SHA-256 and size, so the police (or a court) can check that nothing changed after export.
 */
import type { Referral } from '@/api/schemas';
import { VERDICT_LEGAL_NAMES } from './charges';
import { chineseNumber } from './report';

export const MANIFEST_FORMAT = 'jianzheng/referral-package@1';

export type PackedFile = {
  path: string;
  role: 'report' | 'index' | 'evidence';
  sha256: string;
  size: number;
  evidenceId?: string;
};

export type ManifestFile = PackedFile & {
  mime?: string;
  description?: string;
  source?: string;
  pages?: number;
  verdict?: string;
  factsSupported?: { id: string; label: string }[];
};

export type Manifest = {
  format: string;
  referralId: string;
  caseId: string;
  date: string;
  addressee: string;
  reportingInstitution: string;
  approvedById: string | null;
  approvedAt: string | null;
  files: ManifestFile[];
};

export function buildManifest(referral: Referral, day: string, files: readonly PackedFile[], mimes: Readonly<Record<string, string>> = {}): Manifest {
  const items = new Map(referral.evidence.map((e) => [e.evidenceId, e]));
  const factNo = new Map(referral.facts.map((f, i) => [f.id, i + 1]));
  return {
    format: MANIFEST_FORMAT,
    referralId: referral.id,
    caseId: referral.caseId,
    date: day,
    addressee: referral.addressee,
    reportingInstitution: referral.reportingInstitution,
    approvedById: referral.approvedById,
    approvedAt: referral.approvedAt,
    files: files.map((f) => {
      const item = f.evidenceId ? items.get(f.evidenceId) : undefined;
      if (!item) return { ...f };
      return {
        ...f,
        mime: mimes[item.evidenceId],
        description: item.description,
        source: item.source,
        pages: item.pages,
        verdict: item.verdict,
        factsSupported: item.factIds.filter((id) => factNo.has(id)).map((id) => ({ id, label: `事实${chineseNumber(factNo.get(id)!)}` })),
      };
    }),
  };
}

export const manifestBytes = (m: Manifest) => new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);

/** Spreadsheet apps run cells that start with = + - @ as formulas: an agent-supplied file name must not. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function evidenceIndexCsv(manifest: Manifest): Uint8Array {
  const rows = [['序号', '文件', '描述', '来源', '页数', '核实情况', '证明事实', '大小（字节）', 'SHA-256']];
  manifest.files
    .filter((f) => f.role === 'evidence')
    .forEach((f, i) =>
      rows.push([
        String(i + 1),
        f.path,
        f.description ?? '',
        f.source ?? '',
        String(f.pages ?? ''),
        f.verdict ? VERDICT_LEGAL_NAMES[f.verdict as keyof typeof VERDICT_LEGAL_NAMES] : '',
        (f.factsSupported ?? []).map((x) => x.label).join('、'),
        String(f.size),
        f.sha256,
      ]),
    );
  // BOM so Excel opens the UTF-8 Chinese text correctly.
  return new TextEncoder().encode(`\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
}
