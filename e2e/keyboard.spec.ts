import { expect, test } from './support/test';
import { Workbench } from './support/app';
import { CasesScreen } from './support/cases';
import { QueuePage } from './support/queue';
import { ReferralBuilder } from './support/referrals';

/** Whether keyboard focus is inside an element matching this selector. */
const focusWithin = (page: import('@playwright/test').Page, selector: string) =>
  expect.poll(() => page.evaluate((sel) => !!document.activeElement?.closest(sel), selector));

test.describe('keyboard only', () => {
  test.describe.configure({ timeout: 150_000 });

  test('queue: the list is one tab stop whose cursor a screen reader follows; the drawer takes focus and gives it back; headers sort', async ({ page }) => {
    const queue = new QueuePage(page);
    await new Workbench(page).open('/queue?sort=receivedAt&order=desc');
    await queue.ready();
    const ids = await queue.rowIds();
    const grid = page.getByRole('grid');

    // Tab order: the first sort button is inside the grid, so the grid itself comes just before it.
    await page.getByTestId('sort-receivedAt').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(grid).toBeFocused();
    await expect(grid).toHaveAttribute('aria-activedescendant', `queue-row-${ids[0]}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(grid).toHaveAttribute('aria-activedescendant', `queue-row-${ids[1]}`);
    await expect(page.locator(`#queue-row-${ids[1]}`)).toHaveAttribute('data-active', 'true');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('bulk-count')).toContainText('1');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('bulk-count')).toHaveCount(0);

    await page.keyboard.press('Enter');
    await expect(queue.drawer()).toHaveAttribute('data-id', ids[1]);
    await focusWithin(page, '.ant-drawer').toBe(true);
    await page.keyboard.press('Escape');
    await expect(queue.drawer()).toBeHidden();
    await expect(grid).toBeFocused();

    // The arrow keys are the grid's only while it has focus: on a button they do nothing to the cursor.
    await page.getByTestId('shortcuts-button').focus();
    await page.keyboard.press('ArrowDown');
    await expect(grid).toHaveAttribute('aria-activedescendant', `queue-row-${ids[1]}`);

    await page.getByTestId('sort-riskScore').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/sort=.*riskScore/);
    await expect(page.getByTestId('col-riskScore')).toHaveAttribute('aria-sort', /ascending|descending/);
    await expect(page.getByTestId('col-receivedAt')).not.toHaveAttribute('aria-sort', /./);

    // Column widths: the header's splitter moves with the arrow keys and Home restores it.
    const splitter = page.getByTestId('resize-borrowerName');
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 32));
    await expect.poll(async () => Math.round((await page.getByTestId('col-borrowerName').boundingBox())!.width)).toBe(before + 32);
    await page.keyboard.press('Home');
    await expect(splitter).toHaveAttribute('aria-valuenow', String(before));
  });

  test('board: a lead carries a card to an analyst with Space and the arrow keys, and hears where it is', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/dashboard');
    await app.switchRole('lead');
    await page.getByTestId('nav-board').click();
    const unassigned = page.locator('[data-testid="board-column"][data-user-id="unassigned"]');
    await expect(unassigned.getByTestId('board-card').first()).toBeVisible({ timeout: 45_000 });
    const card = unassigned.getByTestId('board-card').first();
    const itemId = (await card.getAttribute('data-item-id'))!;
    const title = await card.getByTestId('board-card-open').innerText();
    // The first column to the right that takes work (people away are skipped).
    const target = page.locator('[data-testid="board-column"][data-away="false"]').nth(1);
    const targetId = (await target.getAttribute('data-user-id'))!;
    const targetName = await target.getByTestId('board-column-name').innerText();

    await card.getByTestId('board-card-handle').focus();
    await page.keyboard.press('Space');
    const live = page.locator('[id^="DndLiveRegion"]');
    await expect(live).toContainText(`已拿起“${title}”`);
    await page.keyboard.press('ArrowRight');
    await expect(live).toContainText(`在${targetName}的列上`);
    await page.keyboard.press('Space');
    await expect(target.locator(`[data-testid="board-card"][data-item-id="${itemId}"]`)).toBeVisible({ timeout: 20_000 });
    await expect(unassigned.locator(`[data-testid="board-card"][data-item-id="${itemId}"]`)).toHaveCount(0);
    expect(targetId).not.toBe('unassigned');
  });

  test('case: open from the list, step through the workflow dialog and add a note without a mouse', async ({ page }) => {
    const cases = new CasesScreen(page);
    await cases.start('/dashboard');
    await cases.openList('?status=investigating');
    await page.getByTestId('case-title').first().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-page')).toBeVisible();
    // A link through the router: the app did not reload.
    await expect(page).toHaveURL(/\/cases\/case-/);

    const step = page.locator('[data-testid^="step-"]:not([disabled])').first();
    await step.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('status-dialog')).toBeVisible();
    await focusWithin(page, '.ant-modal').toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('status-dialog')).toBeHidden();
    await expect(step).toBeFocused();

    await page.getByRole('tab', { name: /备注与评论/ }).focus();
    await page.keyboard.press('Enter');
    await cases.noteInput().focus();
    await page.keyboard.type('键盘录入的备注');
    await page.getByTestId('case-note-save').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-note').last()).toContainText('键盘录入的备注');
  });

  test('referral builder: evidence is reordered with the keyboard and the move is spoken by position', async ({ page }) => {
    const builder = new ReferralBuilder(page);
    await builder.createFromCase('case-002');
    const rows = builder.evidenceRows();
    await expect(rows.nth(1)).toBeVisible();
    const first = await rows.nth(0).getAttribute('data-evidence-id');
    const second = await rows.nth(1).getAttribute('data-evidence-id');

    await rows.nth(0).getByTestId('drag-handle').focus();
    await page.keyboard.press('Space');
    const live = page.locator('[id^="DndLiveRegion"]');
    await expect(live).toContainText('已拿起第 1 份证据');
    await page.keyboard.press('ArrowDown');
    await expect(live).toContainText('第 1 份证据将移到第 2 位');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('evidence-row-1')).toHaveAttribute('data-evidence-id', second!);
    await expect(page.getByTestId('evidence-row-2')).toHaveAttribute('data-evidence-id', first!);
    await builder.waitSaved();
  });
});
