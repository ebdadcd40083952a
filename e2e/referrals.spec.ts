import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { strFromU8, unzipSync } from 'fflate';
import { Workbench } from './support/app';
import { ReferralBuilder } from './support/referrals';

type Manifest = { files: { path: string; sha256: string; size: number; role: string; factsSupported?: { label: string }[] }[] };

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join('');
  }
  return text;
}

test('build a referral from a case, pass the lead approval gate, export and verify the package', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new Workbench(page);
  const builder = new ReferralBuilder(page);
  await builder.createFromCase('case-002');

  // Pre-filled from the case: reported parties, facts from the timeline, the evidence with hashes checked in the browser.
  await expect(builder.fact(1).getByTestId('fact-time')).toHaveValue(/\d{4}-\d{2}-\d{2}至/);
  await expect(builder.evidenceRows().first().getByTestId('hash-state')).toHaveAttribute('data-state', 'ok');
  await expect(page.locator('[data-testid="validation-issue"][data-code="addresseeMissing"]')).toBeVisible();
  await builder.completeRequiredFields();
  const means = await builder.fact(1).getByTestId('fact-means').inputValue();

  // An analyst cannot approve, and nothing can be exported before approval.
  await expect(page.getByTestId('approve')).toBeDisabled();
  await expect(page.getByTestId('approve-blocked')).toContainText('组长');
  await expect(page.getByTestId('export-start')).toBeDisabled();

  await app.switchRole('lead');
  await page.getByTestId('approve').click();
  await expect(builder.approvalState()).toHaveAttribute('data-approved', 'true', { timeout: 30_000 });

  // A change after approval voids it.
  await page.getByTestId('field-amount').fill('36900');
  await builder.waitSaved();
  await expect(builder.approvalState()).toHaveAttribute('data-approved', 'false');
  await expect(page.getByTestId('export-start')).toBeDisabled();
  await page.getByTestId('approve').click();
  await expect(builder.approvalState()).toHaveAttribute('data-approved', 'true', { timeout: 30_000 });

  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-reason')).toHaveValue('提交公安机关报案');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-confirm').click();
  const zipPath = await (await download).path();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 30_000 });

  const entries = unzipSync(new Uint8Array(await readFile(zipPath)));
  const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as Manifest;
  expect(manifest.files.filter((f) => f.role === 'evidence').length).toBeGreaterThan(0);
  for (const f of manifest.files) {
    expect(entries[f.path], f.path).toBeDefined();
    expect(entries[f.path].length).toBe(f.size);
    expect(createHash('sha256').update(entries[f.path]).digest('hex'), f.path).toBe(f.sha256);
  }
  for (const name of Object.keys(entries)) expect(name).not.toMatch(/(^\/|\.\.|\\)/);
  expect(Object.keys(entries)).toEqual(expect.arrayContaining(['报案书.docx', '报案书.pdf', '证据清单.csv', 'manifest.json']));

  const text = await pdfText(entries['报案书.pdf']);
  expect(text).toContain('报案书');
  expect(text.replace(/\s/g, '')).toContain('江州市公安局经济犯罪侦查支队');
  const documentXml = strFromU8(unzipSync(entries['报案书.docx'])['word/document.xml']);
  expect(documentXml).toContain(means);
  // The police get the reported persons' ID numbers in clear.
  expect(documentXml).toMatch(/公民身份号码：\d{17}[\dX]/);

  // The export is in the audit trail.
  await app.nav('audit').click();
  await expect(page.getByText('报案材料包').first()).toBeVisible();
});

test('autosave keeps edits across a reload and a failed request', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new Workbench(page);
  const builder = new ReferralBuilder(page);
  const id = await builder.createFromCase('case-007');
  const means = () => builder.fact(1).getByTestId('fact-means');
  const place = () => builder.fact(1).getByTestId('fact-place');

  // The backend fails: the edit stays on screen and on the device.
  await app.breakBackend('networkFailure', `/referrals/${id}`);
  await means().fill('修改一：自称律师代接回访电话');
  await expect(builder.saveState()).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  await expect(means()).toHaveValue('修改一：自称律师代接回访电话');

  // A reload before it was ever saved: the local copy brings the edit back and saves it.
  await app.healBackend();
  await page.reload();
  await expect(means()).toHaveValue('修改一：自称律师代接回访电话', { timeout: 45_000 });
  await builder.waitSaved();

  // Another failure, then retry once the backend is back.
  await app.breakBackend('networkFailure', `/referrals/${id}`);
  await place().fill('江州市人民路88号3楼');
  await expect(builder.saveState()).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  await app.healBackend();
  await page.getByTestId('save-retry').first().click();
  await builder.waitSaved();

  // Both edits are now on the server.
  await page.reload();
  await expect(means()).toHaveValue('修改一：自称律师代接回访电话', { timeout: 45_000 });
  await expect(place()).toHaveValue('江州市人民路88号3楼');
  await builder.waitSaved();
});

test('record submission, 受理 and 立案, and the case follows', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new Workbench(page);
  const builder = new ReferralBuilder(page);
  await builder.open('/referrals');
  await app.switchRole('lead');
  // The demo data has one approved referral waiting to be filed with the police.
  const row = page.getByTestId('referral-list').locator('tr', { has: page.locator('[data-status="approved"]') }).first();
  await row.getByRole('button').click();
  await expect(builder.root()).toBeVisible({ timeout: 45_000 });
  await expect(builder.caseStatus()).toHaveAttribute('data-status', 'pending_review');

  await page.getByTestId('track-officer').fill('陈警官');
  await page.getByTestId('track-submit').click();
  await expect(page.getByTestId('referral-status')).toHaveAttribute('data-status', 'submitted');
  await expect(builder.caseStatus()).toHaveAttribute('data-status', 'reported');

  await page.getByTestId('track-receipt').fill('江公受案字〔2026〕0188号');
  await page.getByTestId('track-submit').click();
  await expect(page.getByTestId('referral-status')).toHaveAttribute('data-status', 'accepted');
  await expect(builder.caseStatus()).toHaveAttribute('data-status', 'accepted');
  await expect(page.locator('[data-testid="follow-up"][data-key="filing3"]')).toBeVisible();

  await page.getByTestId('track-submit').click();
  await expect(page.getByTestId('referral-status')).toHaveAttribute('data-status', 'filed');
  await expect(builder.caseStatus()).toHaveAttribute('data-status', 'filed');
  await expect(page.getByTestId('tracking')).toContainText('江公受案字〔2026〕0188号');
});
