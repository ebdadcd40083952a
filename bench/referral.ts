/**
 * Referral package build: 50 evidence files totalling 100 MB, through the same modules the browser's
 * worker runs (report, hashing, manifest, streaming ZIP). Measured in Node: files are streamed from
 * disk as the worker streams them from fetch. Prints build time and peak memory above the baseline.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPackage, sha256Hex, type PackageEvidence } from '../src/features/referrals/package/build';
import { sampleReferral } from '../src/features/referrals/package/fixtures';

const FILES = 50;
const TOTAL = 100 * 1024 * 1024;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function benchReferralPackage() {
  const dir = await mkdtemp(join(tmpdir(), 'jz-referral-bench-'));
  try {
    const size = Math.floor(TOTAL / FILES);
    const files: { path: string; id: string; sha256: string }[] = [];
    for (let i = 0; i < FILES; i++) {
      // Random bytes: evidence is mostly already-compressed images and PDFs, so nothing to gain from deflate.
      const bytes = randomBytes(size);
      const path = join(dir, `evidence-${i}.jpg`);
      await writeFile(path, bytes);
      files.push({ path, id: `ev-${i + 1}`, sha256: await sha256Hex(bytes) });
    }
    const fontBytes = new Uint8Array(await readFile('public/fonts/report-cjk.ttf'));
    const referral = sampleReferral(files.map((f) => ({ id: f.id, sha256: f.sha256 })));
    const evidence: PackageEvidence[] = files.map((f, i) => ({
      evidenceId: f.id,
      fileName: `诊断证明-${i + 1}.jpg`,
      mime: 'image/jpeg',
      size,
      open: () => createReadStream(f.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
    }));

    global.gc?.();
    const mem = () => {
      const m = process.memoryUsage();
      return m.rss;
    };
    const baseline = mem();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, mem())), 20);
    const t0 = performance.now();
    let reportMs = 0;
    const result = await buildPackage(
      { referral, parties: [], day: '2026-11-23', fontBytes, evidence },
      { onProgress: (p) => void (p.stage === 'evidence' && !reportMs && (reportMs = performance.now() - t0)) },
    );
    const ms = performance.now() - t0;
    peak = Math.max(peak, mem());
    clearInterval(sampler);
    const over = peak - baseline;
    console.log(
      `referral package (${FILES} files, ${mb(TOTAL)}): build ${(ms / 1000).toFixed(2)} s (target ≤ 10 s); ` +
        `(report DOCX+PDF ${(reportMs / 1000).toFixed(2)} s, evidence ${((ms - reportMs) / 1000).toFixed(2)} s); zip ${mb(result.size)}; peak RSS +${mb(over)} over baseline = ${(over / TOTAL).toFixed(2)}× package size (target ≤ 3×) [Node, same modules as the worker]`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
