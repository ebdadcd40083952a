import { expect, test, type Browser, type Page } from '@playwright/test';
import { QueuePage } from '../support/queue';

/**
 * Against the production server (built workbench + server on PGlite in a fresh folder): people sign in
 * through the sign-in page, with the demo password it shows while the data is demo data.
 */
async function demoPassword(page: Page): Promise<string> {
  await page.goto('/');
  await expect(page.getByTestId('login-page')).toBeVisible({ timeout: 60_000 });
  return (await page.getByTestId('demo-password').locator('code').first().textContent())!.trim();
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function signedInPage(browser: Browser, username: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, username, password);
  await expect(page.getByTestId('current-user')).toHaveAttribute('data-role', /analyst|lead|auditor|admin/);
  return page;
}

test('signs in from the sign-in page, shows who is signed in, and signs out', async ({ page }) => {
  const password = await demoPassword(page);
  await expect(page.getByTestId('demo-accounts')).toContainText('lead-1');
  await page.getByTestId('demo-account-lead').click();
  await expect(page.getByTestId('login-username')).toHaveValue('lead-1');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toContainText('张建国');
  await expect(page.getByTestId('current-user')).toHaveAttribute('data-role', 'lead');
  // No demo role switch against the server: who you are is who signed in.
  await expect(page.getByTestId('role-switch')).toHaveCount(0);
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-page')).toBeVisible();
  await page.goto('/queue');
  await expect(page.getByTestId('login-page')).toBeVisible();
});

test('a wrong password says so, and five in a row lock the account even against the right one', async ({ page }) => {
  const password = await demoPassword(page);
  await signIn(page, 'analyst-3', 'not-the-password');
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码不正确。');
  for (let i = 2; i <= 4; i++) {
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toHaveText('用户名或密码不正确。');
  }
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('锁定 15 分钟');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('锁定');
  await expect(page.getByTestId('current-user')).toHaveCount(0);
});

test('a lead at one desk assigns a complaint and the analyst at another finds it in 我的待办', async ({ browser, page }) => {
  const password = await demoPassword(page);
  const lead = await signedInPage(browser, 'lead-1', password);
  const analyst = await signedInPage(browser, 'analyst-2', password);

  const leadQueue = new QueuePage(lead);
  await lead.goto('/queue?assignee=unassigned&status=new');
  await leadQueue.ready();
  const id = await leadQueue.openRow(leadQueue.rows().first());
  await leadQueue.pick('reassign', '周子航');
  await expect(leadQueue.drawer().getByTestId('drawer-assignee')).toHaveText('周子航');

  const analystQueue = new QueuePage(analyst);
  await analyst.goto('/queue');
  await analystQueue.ready();
  await analyst.getByTestId('view-mine').click();
  await expect(analystQueue.row(id)).toBeVisible();
  await analystQueue.openRow(analystQueue.row(id));
  await expect(analystQueue.drawer().getByTestId('drawer-assignee')).toHaveText('周子航');
});

test('the auditor verifies the trail and the check itself is in the trail', async ({ browser, page }) => {
  const password = await demoPassword(page);
  const auditor = await signedInPage(browser, 'auditor-1', password);
  await auditor.getByTestId('nav-audit').click();
  await auditor.getByTestId('audit-verify').click();
  await expect(auditor.getByTestId('audit-verify-result')).toContainText('审计链完整');
  await expect(auditor.getByRole('cell', { name: '校验审计链' }).first()).toBeVisible();
});

test('a failed request says what happened and the page keeps working (page.route)', async ({ browser, page }) => {
  const password = await demoPassword(page);
  const lead = await signedInPage(browser, 'lead-1', password);
  await lead.route('**/api/stats', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'server_error', message: '服务器内部错误（测试）' }) }));
  await lead.goto('/dashboard');
  await expect(lead.getByText('服务器内部错误（测试）').first()).toBeVisible();
  await lead.unroute('**/api/stats');
  await lead.getByRole('button', { name: '重试' }).first().click();
  await expect(lead.getByText('服务器内部错误（测试）')).toHaveCount(0);
});

test('with the network down, a note says within seconds that it was not saved, keeps the text, and a retry saves it', async ({ browser, page }) => {
  const password = await demoPassword(page);
  const analyst = await signedInPage(browser, 'analyst-1', password);
  const queue = new QueuePage(analyst);
  await analyst.goto('/queue?status=new,in_progress');
  await queue.ready();
  await queue.openRow(queue.rows().first());
  const drawer = queue.drawer();
  await drawer.getByTestId('note-input').fill('断网时写下的备注');
  await analyst.context().setOffline(true);
  await drawer.getByTestId('note-submit').click();
  await expect(drawer.getByTestId('note-failed')).toContainText('无法连接服务器', { timeout: 5_000 });
  await expect(drawer.getByTestId('note-input')).toHaveValue('断网时写下的备注');
  await analyst.context().setOffline(false);
  await drawer.getByTestId('note-retry').click();
  await expect(drawer.getByTestId('note-failed')).toBeHidden();
  await expect(drawer.getByTestId('note-input')).toHaveValue('');
  await expect(drawer.getByText('断网时写下的备注').first()).toBeVisible();
});

test('on the server, a lead’s loop figures open exactly the complaints they count', async ({ browser, page }) => {
  const password = await demoPassword(page);
  const lead = await signedInPage(browser, 'lead-1', password);
  await lead.goto('/dashboard?days=90');
  const figure = lead.getByTestId('value-received');
  await expect(figure).toHaveAttribute('data-value', /\d+/, { timeout: 30_000 });
  const received = Number(await figure.getAttribute('data-value'));
  expect(received).toBeGreaterThan(0);
  await figure.getByRole('link').click();
  await expect(lead.getByTestId('filter-received')).toBeVisible();
  await expect(lead.getByTestId('queue-total')).toHaveText(new RegExp(`共 ${received} 件`));
});
