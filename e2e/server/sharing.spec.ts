import { expect, test, type Browser, type Page } from '@playwright/test';

/**
 * Two institutions, two server processes with databases of their own (same demo seed, so every lead we
 * offer is one the peer holds too): the admins exchange cards, a lead at each runs one session through
 * files in the UI, and the auditor finds it in the trail.
 */
const A = `http://127.0.0.1:${process.env.E2E_SERVER_PORT ?? 4174}`;
const B = `http://127.0.0.1:${process.env.E2E_PEER_PORT ?? 4175}`;

async function signedIn(browser: Browser, base: string, username: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  page.on('pageerror', (e) => console.log(`[${username}] page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.log(`[${username}] console: ${m.text()}`));
  await page.goto(`${base}/`);
  await expect(page.getByTestId('login-page')).toBeVisible({ timeout: 60_000 });
  const password = (await page.getByTestId('demo-password').locator('code').first().textContent())!.trim();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toHaveAttribute('data-role', /lead|auditor|admin/);
  return page;
}

async function setUp(page: Page, base: string, id: string, name: string): Promise<string> {
  await page.goto(`${base}/sharing`);
  const form = page.getByTestId('sharing-self-form');
  await form.getByLabel('本机构标识').fill(id);
  await form.getByLabel('本机构名称').fill(name);
  await form.getByRole('button', { name: '设置并生成密钥' }).click();
  const key = (await page.getByTestId('sharing-our-card').textContent())!.trim();
  expect(key).toMatch(/^[A-Za-z0-9+/]{43}=/);
  return JSON.stringify({ id, name, publicKey: key.slice(0, 44) });
}

async function addPeer(page: Page, card: string, name: string) {
  await page.getByTestId('sharing-add-peer').click();
  await page.getByTestId('sharing-peer-card').fill(card);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/sharing/peers') && r.request().method() === 'POST');
  await page.getByTestId('sharing-peer-form').getByRole('button', { name: '添加对端机构' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByTestId('sharing-peers')).toContainText(name);
}

async function approveAndDownload(page: Page): Promise<string> {
  await page.getByTestId('sharing-approve').click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  // A failure shows as a message: fail with its words rather than wait out the download.
  const failed = page.locator('.ant-message-error').waitFor({ timeout: 60_000 }).then(async () => {
    throw new Error(`export failed: ${await page.locator('.ant-message-error').textContent()}`);
  });
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '批准' }).click();
  return (await (await Promise.race([download, failed])).path())!;
}

test('two institutions match their leads through files, and see the same counts', async ({ browser }) => {
  test.setTimeout(180_000);
  const adminA = await signedIn(browser, A, 'admin-1');
  const adminB = await signedIn(browser, B, 'admin-1');
  const cardA = await setUp(adminA, A, 'jz-lender-a', '甲消费金融');
  const cardB = await setUp(adminB, B, 'jz-lender-b', '乙消费金融');
  await addPeer(adminA, cardB, '乙消费金融');
  await addPeer(adminB, cardA, '甲消费金融');

  // A's lead drafts a session; the counts are there before anything leaves.
  const leadA = await signedIn(browser, A, 'lead-1');
  await leadA.goto(`${A}/sharing`);
  await leadA.getByTestId('sharing-create').click();
  await expect(leadA.getByTestId('sharing-offer-agent_phone')).toHaveText(/^\d+$/);
  const offered = Number(await leadA.getByTestId('sharing-offer-agent_phone').textContent());
  expect(offered).toBeGreaterThan(0);
  await leadA.getByTestId('sharing-create-submit').click();
  const session = leadA.getByTestId('sharing-session');
  await expect(session.getByTestId('sharing-session-status')).toHaveText('草稿（未外发）');
  const request = await approveAndDownload(leadA);
  await expect(session.getByTestId('sharing-session-status')).toHaveText('请求已导出，等待应答');
  const sent = await session.getByTestId('sharing-counts').locator('tbody tr').allTextContents();

  // B's lead imports it, sees what was received, and answers.
  const leadB = await signedIn(browser, B, 'lead-1');
  await leadB.goto(`${B}/sharing`);
  await leadB.getByTestId('sharing-import-request').setInputFiles(request);
  const atB = leadB.getByTestId('sharing-session');
  await expect(atB.getByTestId('sharing-session-status')).toHaveText('收到请求，待应答');
  await expect(atB).toContainText('甲消费金融 (jz-lender-a)');
  const response = await approveAndDownload(leadB);
  await expect(atB.getByTestId('sharing-session-status')).toHaveText('应答已导出');

  // A picks a file that is not the response: refused in words, nothing changes.
  await session.getByTestId('sharing-session-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(leadA.getByText('这不是协同文件：缺少格式标识。')).toBeVisible();
  await session.getByTestId('sharing-session-file').setInputFiles(response);
  await expect(session.getByTestId('sharing-session-status')).toHaveText('对碰完成', { timeout: 60_000 });

  // Same data on both sides: every phone we offered is one B holds, and both sides count the same.
  const rows = session.getByTestId('sharing-counts').locator('tbody tr');
  const phoneRow = rows.filter({ hasText: '代理人电话' });
  await expect(phoneRow.getByTestId('sharing-matched')).toHaveText(String(offered));
  // Columns: type, we hold, we sent, peer sent, matched.
  await expect(phoneRow.locator('td').nth(2)).toHaveText(String(offered));
  await expect(phoneRow.locator('td').nth(3)).toHaveText(String(offered));
  expect(sent.length).toBe(await rows.count());
  const receivedAtB = await atB.getByTestId('sharing-counts').locator('tbody tr').filter({ hasText: '代理人电话' }).textContent();
  expect(receivedAtB).toContain(String(offered));
  await expect(session.getByTestId('sharing-matches').locator('tbody tr').first()).toBeVisible();

  await session.getByTestId('sharing-tag').click();
  await expect(session.getByTestId('sharing-tag')).toHaveText('已标记');
  const report = leadA.waitForEvent('download');
  await session.getByTestId('sharing-report').click();
  expect((await report).suggestedFilename()).toMatch(/^psi-[0-9a-f]{24}-report\.csv$/);

  // The auditor reads the session and its trail, and cannot act on it.
  const auditor = await signedIn(browser, A, 'auditor-1');
  await auditor.goto(`${A}/audit?recordType=sharing`);
  await expect(auditor.getByText('对碰完成：命中').first()).toBeVisible();
  await auditor.goto(`${A}/sharing`);
  await expect(auditor.getByTestId('sharing-sessions').getByTestId('sharing-status').first()).toHaveText('对碰完成');
  await expect(auditor.getByTestId('sharing-create')).toHaveCount(0);
});
