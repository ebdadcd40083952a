import { createHash } from 'node:crypto';
import { expect, test } from './support/test';
import { EvidenceScreen } from './support/evidence';

// Seeded demo data: complaint cmp-000708 carries a forged diagnosis certificate, a call recording, its
// transcript and a WeChat export; cmp-000094 carries the templated complaint letter (PDF).
const RICH = 'cmp-000708';
const WITH_PDF = 'cmp-000094';

test('opens each kind of evidence with its viewer and a passing hash check', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: RICH });

  await ev.openKind('image');
  await expect(ev.integrity()).toHaveAttribute('data-status', 'match');
  const image = page.getByTestId('image-viewer');
  await page.getByTestId('zoom-in').click();
  await expect(image).toHaveAttribute('data-zoom', '1.250');
  await page.getByTestId('rotate').click();
  await expect(image).toHaveAttribute('data-rotation', '90');
  await page.getByTestId('fit').click();
  await expect(image).toHaveAttribute('data-zoom', '1.000');

  await ev.openKind('audio');
  await expect(page.getByTestId('waveform').locator('div').first()).toBeAttached();
  await expect(page.getByTestId('voiceprint-row').first()).toBeVisible();
  const line = page.getByTestId('transcript-line').nth(3);
  const start = Number(await line.getAttribute('data-start'));
  await line.click();
  await expect.poll(async () => Number(await page.getByTestId('audio-viewer').getAttribute('data-time'))).toBeGreaterThanOrEqual(start - 0.05);
  await expect(line).toHaveAttribute('data-active', 'true');

  await ev.openKind('chat');
  await expect(page.getByTestId('chat-message').first()).toContainText('陈先生您好');
  await expect(page.getByTestId('chat-sender').first()).toHaveText('张经理(优信商务咨询)');
  await expect(page.getByTestId('chat-hash').first()).toContainText(/SHA-256 [0-9a-f]{16}/);

  await ev.openKind('text');
  await expect(page.getByTestId('text-content')).toContainText('"speaker"');
  await expect(ev.integrity()).toHaveAttribute('data-status', 'match');
});

test('opens a PDF with pages and thumbnails, finds Chinese text and highlights the hits', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: WITH_PDF });
  await ev.openKind('pdf');
  await expect(page.locator('[data-testid=pdf-page][data-page="1"]')).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('pdf-thumb')).toHaveCount(2);
  await expect(ev.integrity()).toHaveAttribute('data-status', 'match');
  await ev.tab('meta');
  // The sample "hospital" letter was printed from a browser: that is an anomaly to look at.
  await expect(page.locator('[data-testid=meta-anomaly][data-code=browser_generated]')).toBeVisible();
  await page.getByTestId('pdf-search').locator('input').fill('停息挂账');
  await page.getByTestId('pdf-search').locator('input').press('Enter');
  await expect(page.getByTestId('pdf-hit-count')).toContainText(/第 1 \/ \d+ 处/);
  await expect(page.getByTestId('pdf-hit').first()).toBeVisible();
  await page.getByTestId('pdf-search').locator('input').fill('不存在的词语');
  await page.getByTestId('pdf-search').locator('input').press('Enter');
  await expect(page.getByTestId('pdf-hit-count')).toContainText('未找到');
});

test('text in a PDF can be selected and copied, as investigators copy it into a referral', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: WITH_PDF });
  await ev.openKind('pdf');
  const line = page.locator('[data-testid=pdf-page][data-page="1"] [data-testid=pdf-text-layer] span').filter({ hasText: 'AH-XF-2024-03-1178652' }).first();
  await expect(line).toBeAttached();
  const box = (await line.boundingBox())!;
  expect(box.width).toBeGreaterThan(40);
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('1178652');
  await page.keyboard.press('Control+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('AH-XF-2024-03-1178652');
});

test('an annotation survives a reload and shows in the custody trail', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: RICH });
  await ev.openKind('image');
  await ev.drawRectangle();
  await page.getByTestId('annotation-note').fill('印章五角星偏移，印文间距不匀');
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('annotation-rect')).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId('annotation-rect')).toHaveCount(1);
  await ev.tab('annotations');
  await expect(page.getByTestId('annotation-item')).toContainText('印章五角星偏移');
  await ev.tab('custody');
  await expect(page.locator('[data-testid=custody-event][data-action=annotated]')).toContainText('印章五角星偏移');
});

test('a verdict is saved, shown on the item and recorded in the audit trail', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: RICH });
  await ev.openKind('chat');
  await page.getByTestId('verdict-status').click();
  await page.getByTitle('确认伪造').click();
  await page.getByTestId('verdict-reason').fill('群内自认代办医院证明');
  await page.getByTestId('verdict-method').fill('与原始手机导出核对');
  await page.getByTestId('verdict-save').click();
  await expect(ev.viewer().getByTestId('verdict-tag').first()).toHaveAttribute('data-status', 'forged');
  await expect(page.locator('[data-testid=evidence-item][data-kind=chat] [data-testid=verdict-tag]')).toHaveAttribute('data-status', 'forged');
  await ev.tab('custody');
  await expect(page.locator('[data-testid=custody-event][data-action=verdict]').first()).toContainText('群内自认代办医院证明');

  await ev.app.nav('audit').click();
  await expect(page.getByTestId('audit-row').filter({ hasText: '群内自认代办医院证明' }).first()).toBeVisible();
});

test('follows a reuse match of a forged certificate to another complaint', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: RICH });
  await ev.openKind('image');
  await ev.tab('reuse');
  const link = page.getByTestId('reuse-link').first();
  await expect(link).toBeVisible();
  const other = (await link.textContent())!.trim();
  expect(other).not.toBe(RICH);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/queue\\?.*complaint=${other}`));
});

test('refuses a dropped file of the wrong type with a message and keeps nothing', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: RICH });
  const before = await page.getByTestId('evidence-item').count();
  // A Windows executable named like a certificate scan.
  await ev.drop('诊断证明.png', [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
  await expect(page.getByTestId('upload-refused')).toContainText('不支持的文件类型');
  await expect(page.getByTestId('upload-refused')).toContainText('EXE');
  await page.reload();
  await expect(page.getByTestId('evidence-item')).toHaveCount(before);
});

test('a file changed after it was recorded is flagged loudly', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: RICH });
  const memo = Buffer.from('2026-08-14 代理人来电，要求停息挂账。\n');
  await ev.upload('通话备忘.txt', memo);
  await expect(ev.viewer()).toHaveAttribute('data-kind', 'text');
  await expect(ev.integrity()).toHaveAttribute('data-status', 'match');
  // The blob store keys bytes by their SHA-256, the hash the custody record holds.
  const key = createHash('sha256').update(memo).digest('hex');

  // Someone swaps the stored bytes behind the application's back.
  await page.evaluate(
    (key) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('jianzheng-evidence-blobs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('blobs', 'readwrite');
          const store = tx.objectStore('blobs');
          const get = store.get(key);
          get.onsuccess = () => {
            const value = get.result as { bytes: Uint8Array; mime: string } | undefined;
            if (!value) {
              tx.abort();
              return;
            }
            const bytes = new Uint8Array(value.bytes);
            bytes[0] ^= 0x01;
            store.put({ ...value, bytes }, key);
          };
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(new Error(`no stored bytes under ${key}`));
        };
      }),
    key,
  );
  await page.reload();
  await expect(ev.integrity()).toHaveAttribute('data-status', 'mismatch');
  await expect(ev.integrity()).toContainText('完整性校验失败');
});

test('HTML and script in a complaint text or a file name are shown as text and run nothing', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: RICH });
  // Opening an item records a custody event, so the demo backend has written to IndexedDB.
  await ev.openKind('chat');
  await ev.tab('custody');
  await expect(page.locator('[data-testid=custody-event][data-action=viewed]').first()).toBeVisible();
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  // The complaint text as a hostile agent firm would file it, written into the demo backend's store
  // (the saved collection, with a record laid over it, as a write leaves it).
  await page.evaluate(
    ([cid, p]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('jianzheng-demo-records-v1');
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          const store = tx.objectStore('records');
          const get = store.get('base/complaints');
          get.onsuccess = () => {
            const complaints = get.result as { id: string; text: string }[] | undefined;
            if (!complaints) return reject(new Error('demo store not saved yet'));
            const key = `rec/complaints/${cid}`;
            const own = store.get(key);
            own.onsuccess = () => {
              const complaint = (own.result as { id: string; text: string } | undefined) ?? complaints.find((c) => c.id === cid)!;
              store.put({ ...complaint, text: `${p}本人申请停息挂账` }, key);
            };
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [RICH, payload] as const,
  );
  await page.reload();
  await expect(page.getByTestId('complaint-text')).toContainText('<script>window.__pwned=1</script>');

  await ev.upload(`${payload}.txt`, Buffer.from(`${payload}\n<svg onload="window.__pwned=1"></svg>`));
  await expect(page.getByTestId('evidence-filename')).toHaveText(`${payload}.txt`);
  await expect(page.getByTestId('text-content')).toContainText('<script>window.__pwned=1</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('two images side by side zoom and pan together', async ({ page }) => {
  const ev = new EvidenceScreen(page);
  await ev.open({ complaintId: RICH });
  await ev.openKind('image');
  await ev.tab('reuse');
  await page.getByTestId('reuse-compare').first().click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await page.getByTestId('compare-left').getByTestId('zoom-in').click();
  await expect(page.getByTestId('compare-right')).toHaveAttribute('data-zoom', '1.250');
  const frame = page.getByTestId('compare-right').locator('img');
  const box = (await frame.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('compare-left')).toHaveAttribute('data-pan', '60,30');
});
