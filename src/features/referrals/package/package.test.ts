import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackage, concatChunks, PackageError, sha256Hex, type PackageEvidence } from './build';
import { sampleReferral } from './fixtures';
import { buildManifest, csvCell, type Manifest } from './manifest';
import { evidenceEntryName, isSafeEntryPath, sanitizeFileName } from './names';

const font = new Uint8Array(readFileSync('public/fonts/report-cjk.ttf'));

async function fixture(names = ['委托书.png', '../../etc/passwd', 'C:\\Users\\x\\诊断证明.jpg']) {
  const files = names.map((name, i) => ({ name, bytes: new TextEncoder().encode(`evidence ${i} `.repeat(1000 * (i + 1))) }));
  const ids = await Promise.all(files.map(async (f, i) => ({ id: `ev-${i + 1}`, sha256: await sha256Hex(f.bytes) })));
  const evidence: PackageEvidence[] = files.map((f, i) => ({
    evidenceId: ids[i].id,
    fileName: f.name,
    mime: 'application/octet-stream',
    size: f.bytes.length,
    open: async function* () {
      for (let at = 0; at < f.bytes.length; at += 4096) yield f.bytes.subarray(at, at + 4096);
    },
  }));
  return { referral: sampleReferral(ids), evidence, files };
}

describe('file-name sanitising', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['/etc/shadow', 'shadow'],
    ['C:\\Windows\\system32\\evil.exe', 'evil.exe'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['a\u0000b\u0007c\u001b.png', 'abc.png'],
    ['name\u202egnp.exe', 'namegnp.exe'],
    ['..', 'file'],
    ['...', 'file'],
    ['', 'file'],
    ['CON.txt', '_CON.txt'],
    ['a:b*c?.pdf', 'a_b_c_.pdf'],
    ['诊断证明（复印件）.png', '诊断证明（复印件）.png'],
    ['evil..pdf', 'evil.pdf'],
  ])('%j → %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = sanitizeFileName(`${'长'.repeat(200)}.pdf`);
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('numbers evidence entries and they are always safe paths', () => {
    expect(evidenceEntryName(7, '../x/..\\诊断.png', 50)).toBe('evidence/007_诊断.png');
    expect(evidenceEntryName(12, 'a.png', 1200)).toBe('evidence/0012_a.png');
    for (const raw of ['../../a', '/abs', 'c:\\x', '\u0000', '..', 'a/../b']) expect(isSafeEntryPath(evidenceEntryName(1, raw, 1))).toBe(true);
  });

  it('rejects unsafe entry paths', () => {
    for (const bad of ['../a', 'a/../b', '/a', 'C:/a', 'a\\b', 'a\u0001', '', 'a//b', './a']) expect(isSafeEntryPath(bad)).toBe(false);
  });
});

describe('manifest', () => {
  it('lists each file with hash, size, source and the facts it supports', () => {
    const referral = sampleReferral([
      { id: 'ev-1', sha256: 'a'.repeat(64) },
      { id: 'ev-2', sha256: 'b'.repeat(64) },
    ]);
    const m = buildManifest(referral, '2026-11-23', [
      { path: '报案书.pdf', role: 'report', sha256: 'c'.repeat(64), size: 10 },
      { path: 'evidence/001_a.png', role: 'evidence', sha256: 'a'.repeat(64), size: 5, evidenceId: 'ev-1' },
    ]);
    expect(m.files[0]).toEqual({ path: '报案书.pdf', role: 'report', sha256: 'c'.repeat(64), size: 10 });
    expect(m.files[1]).toMatchObject({ evidenceId: 'ev-1', source: '借款人提交', description: '授权委托书', verdict: 'authentic', factsSupported: [{ id: 'f1', label: '事实一' }] });
    expect(m).toMatchObject({ referralId: 'ref-test', caseId: 'case-test', date: '2026-11-23' });
  });

  it('neutralises spreadsheet formulas in the index', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('普通')).toBe('普通');
  });
});

describe('package', () => {
  it('holds the report, numbered evidence, index and a manifest whose hashes match every file', async () => {
    const { referral, evidence, files } = await fixture();
    const result = await buildPackage({ referral, parties: [{ entityId: 'ent-p1', idNumber: '330102199001011234', phone: '13912345678' }], day: '2026-11-23', fontBytes: font, evidence });
    const entries = unzipSync(concatChunks(result.chunks));
    expect(Object.keys(entries)).toEqual(['报案书.docx', '报案书.pdf', 'evidence/001_委托书.png', 'evidence/002_passwd', 'evidence/003_诊断证明.jpg', '证据清单.csv', 'manifest.json']);
    const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as Manifest;
    for (const f of manifest.files) {
      expect(entries[f.path].length).toBe(f.size);
      expect(await sha256Hex(entries[f.path])).toBe(f.sha256);
    }
    expect(entries['evidence/002_passwd']).toEqual(files[1].bytes);
    // Clear personal data goes to the police; the document XML carries it.
    const xml = strFromU8(unzipSync(entries['报案书.docx'])['word/document.xml']);
    expect(xml).toContain('330102199001011234');
    expect(xml).toContain('以借款人名义批量提交模板化投诉');
    expect(strFromU8(entries['证据清单.csv'])).toContain('伪造的诊断证明书 1');
  });

  it('gives byte-identical archives for the same inputs', async () => {
    const a = await fixture();
    const first = concatChunks((await buildPackage({ referral: a.referral, parties: [], day: '2026-11-23', fontBytes: font, evidence: a.evidence })).chunks);
    await new Promise((r) => setTimeout(r, 1100)); // a different wall-clock second must not matter
    const second = concatChunks((await buildPackage({ referral: a.referral, parties: [], day: '2026-11-23', fontBytes: font, evidence: a.evidence })).chunks);
    expect(await sha256Hex(second)).toBe(await sha256Hex(first));
  });

  it('refuses a file whose hash differs from the recorded one', async () => {
    const { referral, evidence } = await fixture();
    referral.evidence[1].sha256 = '0'.repeat(64);
    await expect(buildPackage({ referral, parties: [], day: '2026-11-23', fontBytes: font, evidence })).rejects.toMatchObject({ code: 'hashMismatch', detail: 'ev-2' });
  });

  it('stops when cancelled', async () => {
    const { referral, evidence } = await fixture();
    const controller = new AbortController();
    const run = buildPackage({ referral, parties: [], day: '2026-11-23', fontBytes: font, evidence }, { signal: controller.signal, onProgress: (p) => p.stage === 'evidence' && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(PackageError);
  });
});
