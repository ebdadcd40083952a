import { expect, test } from './support/test';
import { Workbench } from './support/app';

test.describe('app shell on the demo backend', () => {
  test('loads in Chinese with demo data and switches to English', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/');
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(app.nav('queue')).toHaveText('投诉队列');
    await expect(page.getByTestId('dashboard')).toBeVisible();

    await app.nav('queue').click();
    await expect(page.getByTestId('complaint-row').first()).toBeVisible();
    const total = Number((await page.getByTestId('queue-total').innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(100);
    await expect(page.getByTestId('complaint-table')).toContainText(/[\u4e00-\u9fa5]{2,}/);

    await app.switchLanguage('English');
    await expect(app.nav('queue')).toHaveText('Queue');
    await expect(app.nav('graph')).toHaveText('Graph');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await app.switchLanguage('中文');
    await expect(app.nav('graph')).toHaveText('关系图谱');
  });

  test('dialogs zoom in by default and appear at once for people who ask their system for less motion', async ({ browser }) => {
    for (const [reducedMotion, animation] of [['no-preference', /Zoom/], ['reduce', /^none$/]] as const) {
      const context = await browser.newContext({ reducedMotion, locale: 'zh-CN' });
      const page = await context.newPage();
      const app = new Workbench(page);
      await app.open('/queue');
      await expect(page.getByTestId('complaint-row').first()).toBeVisible({ timeout: 45_000 });
      await page.keyboard.press('Shift+?');
      const dialog = page.locator('.ant-modal').first();
      await expect(dialog).toBeVisible();
      expect(await dialog.evaluate((el) => getComputedStyle(el).animationName)).toMatch(animation);
      await context.close();
    }
  });

  test('a role switch changes what the backend allows, and a refusal is explained', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/queue');
    await app.switchRole('auditor');
    await page.getByTestId('complaint-row').first().click();
    const drawer = page.getByTestId('complaint-drawer');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByTestId('assign-to-me')).toBeDisabled();
    await drawer.locator('[data-testid^="reveal-"]').first().click();
    await page.getByTestId('reveal-reason').fill('抽查审计');
    await page.getByTestId('reveal-submit').click();
    await expect(page.getByRole('dialog').filter({ has: page.getByTestId('reveal-reason') })).toContainText('审计员不能查看明文个人信息');

    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-close').click();
    await expect(drawer).toBeHidden();
    await app.switchRole('analyst');
    await page.getByTestId('complaint-row').first().click();
    await drawer.locator('[data-testid^="reveal-"]').first().click();
    await page.getByTestId('reveal-reason').fill('核实借款人身份');
    await page.getByTestId('reveal-submit').click();
    await expect(drawer.locator('[data-testid^="revealed-"]').first()).toHaveText(/\d{6,}/);
  });

  for (const [scenario, expected] of [
    ['malformed', /格式|不符合/],
    ['serverError', /服务器内部错误/],
    ['networkFailure', /网络|连接/],
  ] as const) {
    test(`a ${scenario} response shows a clear message and a retry that recovers`, async ({ page }) => {
      const app = new Workbench(page);
      await app.open('/dashboard');
      await app.breakBackend(scenario, '/complaints');
      await app.nav('queue').click();

      const error = app.apiError();
      await expect(error).toBeVisible();
      await expect(error).toContainText(expected);
      await expect(page.getByTestId('queue-page')).toBeVisible();

      await app.healBackend();
      await error.getByTestId('retry').click();
      await expect(page.getByTestId('complaint-row').first()).toBeVisible();
      await expect(error).toHaveCount(0);
    });
  }

  test('demo work survives a reload and "reset demo data" restores the seed', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/queue');
    await page.getByTestId('complaint-row').first().click();
    const drawer = page.getByTestId('complaint-drawer');
    const note = `复核意见 ${Date.now()}`;
    await drawer.getByTestId('note-input').fill(note);
    await drawer.getByTestId('note-submit').click();
    await expect(drawer.getByTestId('notes')).toContainText(note);

    const withDrawer = page.url();
    await page.reload();
    await expect(page.getByTestId('complaint-drawer').getByTestId('notes')).toContainText(note);

    await page.locator('.ant-drawer-close').click();
    await expect(page.getByTestId('complaint-drawer')).toBeHidden();
    await page.getByTestId('reset-demo').click();
    await page.getByTestId('reset-demo-confirm').click();
    // Reset regenerates the seed in the browser, which can take a while on a busy machine.
    await expect(page.getByText('演示数据已重置')).toBeVisible({ timeout: 60_000 });
    await page.goto(withDrawer);
    await expect(page.getByTestId('complaint-drawer').getByTestId('complaint-text')).toBeVisible();
    await expect(page.getByTestId('complaint-drawer')).not.toContainText(note);
  });
});
