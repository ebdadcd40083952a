import { expect, test } from './support/test';
import { Workbench } from './support/app';
import { QueuePage } from './support/queue';

/** A marker on `window` survives in-app navigation and disappears with a page reload. */
const mark = (page: import('@playwright/test').Page) => page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
const marked = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

test.describe('moving between screens', () => {
  test('a complaint leads to the relationship graph and to its case, without reloading the app', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue');
    await queue.ready();
    const cases = await queue.api<{ items: { id: string; complaintIds: string[] }[] }>('/cases?pageSize=5');
    const withCase = cases.items.find((c) => c.complaintIds.length > 0)!;
    const complaintId = withCase.complaintIds[0];

    await page.goto(`/queue?complaint=${complaintId}`);
    await expect(queue.drawer()).toHaveAttribute('data-id', complaintId);
    await mark(page);
    await queue.drawer().getByTestId('complaint-graph-link').click();
    await expect(page).toHaveURL(new RegExp(`/graph\\?complaint=${complaintId}`));
    await expect(page.getByTestId('graph-canvas')).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.__jianzhengGraph?.nodes().map((n) => n.id) ?? [])).toContain(`ent-${complaintId}`);
    expect(await marked(page)).toBe(true);

    await page.goBack();
    await expect(queue.drawer()).toHaveAttribute('data-id', complaintId);
    await queue.drawer().getByTestId('drawer-case-link').click();
    await expect(page).toHaveURL(new RegExp(`/cases/${withCase.id}$`));
    await expect(page.getByTestId('case-page')).toBeVisible();
    expect(await marked(page)).toBe(true);
  });

  test('the evidence viewer has its own menu entry', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/dashboard');
    await mark(page);
    await expect(app.nav('evidence')).toHaveText('证据');
    await app.nav('evidence').click();
    await expect(page).toHaveURL(/\/evidence$/);
    await expect(page.getByTestId('evidence-item').first()).toBeVisible();
    expect(await marked(page)).toBe(true);
    await app.switchLanguage('English');
    await expect(app.nav('evidence')).toHaveText('Evidence');
  });
});
