/**
 * Evidence viewer figures, measured in Chromium against the production build:
 * - a 50-page Chinese PDF (built here from the sample report's pages with pdf-lib): time from opening
 *   the item in the viewer to page 1 drawn;
 * - SHA-256 of 100 MB in the browser: hash-wasm streaming in 8 MiB slices (what the viewer runs) and WebCrypto one-shot.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';

async function fiftyPageChinesePdf(): Promise<Buffer> {
  const source = await PDFDocument.load(readFileSync('public/samples/report-diagnosis.pdf'));
  const out = await PDFDocument.create();
  out.setTitle('基准测试：五十页中文病历');
  while (out.getPageCount() < 50) {
    const pages = await out.copyPages(source, source.getPageIndices());
    for (const p of pages) if (out.getPageCount() < 50) out.addPage(p);
  }
  return Buffer.from(await out.save());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchEvidence({ baseUrl, browser }: { baseUrl: string; browser: Browser }) {
  const pdf = await fiftyPageChinesePdf();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${baseUrl}/evidence?complaintId=cmp-000094`);
  await page.getByTestId('upload-input').setInputFiles({ name: 'bench-50-pages.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('[data-testid=evidence-viewer][data-kind=pdf]').waitFor({ timeout: 120_000 });
  const id = await page.getByTestId('evidence-viewer').getAttribute('data-evidence-id');
  // A second item to switch away to and back from.
  await page.getByTestId('upload-input').setInputFiles({ name: 'bench-note.txt', mimeType: 'text/plain', buffer: Buffer.from('基准测试备注\n') });
  await page.locator('[data-testid=evidence-viewer][data-kind=text]').waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    // Away to another item, then back: measures opening, parsing and drawing page 1 (bytes are cached, as after a first view).
    await page.locator(`[data-testid=evidence-item]:not([data-evidence-id="${id}"])`).first().click();
    await page.locator(`[data-testid=evidence-viewer]:not([data-evidence-id="${id}"])`).waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await page.locator(`[data-testid=evidence-item][data-evidence-id="${id}"]`).click();
    await page.locator('[data-testid=pdf-page][data-page="1"][data-rendered=true]').waitFor({ timeout: 60_000 });
    times.push((await page.evaluate(() => performance.now())) - t0);
  }
  const pages = await page.getByTestId('pdf-viewer').getAttribute('data-pages');
  console.log(`evidence: 50-page Chinese PDF (${(pdf.length / 1024).toFixed(0)} KiB, ${pages} pages) → page 1 drawn: median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);

  await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('hash-wasm/dist/sha256.umd.min.js'), 'utf8') });
  const hashing = await page.evaluate(async () => {
    const size = 100 * 1024 * 1024;
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) data[i] = i & 0xff;
    const blob = new Blob([data]);
    const w = window as unknown as { hashwasm: { createSHA256: () => Promise<{ init: () => void; update: (b: Uint8Array) => void; digest: (f: 'hex') => string }> } };
    const t0 = performance.now();
    const h = await w.hashwasm.createSHA256();
    h.init();
    for (let at = 0; at < blob.size; at += 8 * 1024 * 1024) h.update(new Uint8Array(await blob.slice(at, at + 8 * 1024 * 1024).arrayBuffer()));
    const streamed = h.digest('hex');
    const t1 = performance.now();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    const t2 = performance.now();
    const webcrypto = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    return { wasm: t1 - t0, webcrypto: t2 - t1, same: streamed === webcrypto };
  });
  console.log(`evidence: SHA-256 of 100 MB in Chromium — hash-wasm streaming: ${hashing.wasm.toFixed(0)} ms; WebCrypto one-shot: ${hashing.webcrypto.toFixed(0)} ms; digests agree: ${hashing.same}`);
  await page.close();
}
