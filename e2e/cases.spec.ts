import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { Workbench } from './support/app';
import { CasesScreen } from './support/cases';

const CAPACITY = '[data-testid="board-capacity"] input, input[data-testid="board-capacity"]';

test.describe('cases and assignment', () => {
  // Long flows on a shared 2-core machine: generous budgets, no timed assertions.
  test.describe.configure({ timeout: 180_000 });

  // The queue's own "escalate selection to a case" flow is tested with the queue (issue 3); this is the cases screen's dialog.
  test('creates a case from complaints picked in the create dialog', async ({ page }) => {
    const cases = new CasesScreen(page);
    await cases.start('/cases');
    await page.getByTestId('case-create-open').click();
    const rows = page.getByTestId('case-create-complaint');
    await expect(rows.first()).toBeVisible();
    const picked = [await rows.nth(0).getAttribute('data-complaint-id'), await rows.nth(1).getAttribute('data-complaint-id')];
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByTestId('case-create-name').fill('E2E 测试团伙案');
    await page.getByTestId('case-create-submit').click();

    await expect(page.getByTestId('case-page-title')).toHaveText('E2E 测试团伙案');
    await expect(cases.status()).toHaveAttribute('data-status', 'new');
    await expect(page.getByTestId('case-complaint')).toHaveCount(2);
    for (const id of picked) await expect(page.getByTestId('case-complaints')).toContainText(id!);

    // The new case is in the list, found through a filter that lives in the URL.
    await page.goto('/cases?status=new&q=E2E');
    await expect(page.getByTestId('case-row')).toHaveCount(1);
    await expect(page.getByTestId('cases-table')).toContainText('E2E 测试团伙案');
  });

  test('walks the workflow with role switches and explains a refused step', async ({ page }) => {
    const app = new Workbench(page);
    const cases = new CasesScreen(page);
    await cases.start('/dashboard');
    await cases.openList('?status=pending_review');
    await cases.openFirstCase();
    await expect(cases.status()).toHaveAttribute('data-status', 'pending_review');

    // An analyst may not report a case: the backend refuses and says why.
    await cases.step('reported');
    await expect(page.getByTestId('status-dialog').getByTestId('api-error')).toContainText('只有组长可以将案件从待复核改为已报案');
    await cases.cancelStep();
    await expect(cases.status()).toHaveAttribute('data-status', 'pending_review');

    await app.switchRole('lead');
    await cases.step('reported');
    await expect(cases.status()).toHaveAttribute('data-status', 'reported');

    // 已受理 needs the police receipt number.
    await cases.step('accepted', { receipt: '' });
    await expect(page.getByTestId('status-dialog').getByTestId('api-error')).toContainText('接报案回执编号');
    await page.getByTestId('status-receipt').fill('沪公受案字〔2026〕0001号');
    await page.getByTestId('status-submit').click();
    await expect(cases.status()).toHaveAttribute('data-status', 'accepted');
    await expect(page.getByTestId('case-receipt')).toHaveText('沪公受案字〔2026〕0001号');

    await app.switchRole('analyst');
    await cases.step('filed');
    await expect(cases.status()).toHaveAttribute('data-status', 'filed');
    await cases.step('closed');
    await expect(cases.status()).toHaveAttribute('data-status', 'closed');

    // Reopening needs a reason.
    await cases.step('investigating');
    await expect(page.getByTestId('status-dialog').getByTestId('api-error')).toContainText('理由');
    await page.getByTestId('status-reason').fill('发现新的关联借款人');
    await page.getByTestId('status-submit').click();
    await expect(cases.status()).toHaveAttribute('data-status', 'investigating');

    // Every step is on the timeline, with who did it.
    await cases.openTab(/时间线/);
    await page.getByTestId('timeline-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '状态变更' }).click();
    await page.keyboard.press('Escape');
    const steps = page.getByTestId('timeline-event');
    await expect(steps.filter({ hasText: '案件状态由“待复核”改为“已报案”' })).toContainText('张建国');
    await expect(steps.filter({ hasText: '案件状态由“结案”改为“调查中”' })).toContainText('发现新的关联借款人');
    await expect(page.getByTestId('case-timeline')).not.toContainText(/pending_review|→|u-lead-|draft for/);
    // The reader's language, not the writer's.
    await app.switchLanguage('English');
    await expect(steps.filter({ hasText: 'Case status changed from “Pending review” to “Reported”' })).toContainText('张建国');
    await app.switchLanguage('中文');

    // An auditor cannot move a case at all.
    await app.switchRole('auditor');
    await expect(page.getByTestId('step-pending_review')).toBeDisabled();
    // ...and the page says so, as every screen does.
    await expect(page.getByTestId('read-only-notice')).toContainText('审计员为只读角色');
  });

  // Two browser contexts would each run their own in-page mock backend over their own IndexedDB, so they
  // could never conflict. Two pages of ONE context share IndexedDB, and the mock re-reads it when another
  // tab announces a write (BroadcastChannel): the second save meets a real 409 from the backend.
  test('a second editor gets the conflict dialog and can re-apply; a typed note survives a reload', async ({ context, page }) => {
    const cases = new CasesScreen(page);
    await cases.start('/dashboard');
    await cases.openList('?status=investigating');
    const caseId = await cases.openFirstCase();

    const other = await context.newPage();
    const otherCases = new CasesScreen(other);
    await otherCases.start(`/cases/${caseId}`);
    await otherCases.openTab(/备注与评论/);
    await otherCases.noteInput().fill('第二位同事：已调取收款账户流水');
    // The draft is kept locally: a reload does not lose it.
    await other.reload();
    await otherCases.openTab(/备注与评论/);
    await expect(otherCases.noteInput()).toHaveValue('第二位同事：已调取收款账户流水');

    await cases.openTab(/备注与评论/);
    await cases.noteInput().fill('第一位同事：医院回函确认证明系伪造');
    await page.getByTestId('case-note-save').click();
    await expect(page.getByTestId('case-note').last()).toContainText('第一位同事');

    await other.getByTestId('case-note-save').click();
    const dialog = other.getByTestId('conflict-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('conflict-mine')).toContainText('第二位同事：已调取收款账户流水');
    await expect(dialog.getByTestId('conflict-current')).toContainText('第一位同事：医院回函确认证明系伪造');
    await other.getByTestId('conflict-reapply').click();
    await expect(dialog).toBeHidden();
    await expect(other.getByTestId('case-note').last()).toContainText('第二位同事');
    await expect(other.getByTestId('case-comments')).toContainText('第一位同事');
    await expect(otherCases.noteInput()).toHaveValue('');
  });

  test('the lead previews auto-assign, which skips people who are away, then applies it', async ({ page }) => {
    const app = new Workbench(page);
    await new CasesScreen(page).start('/dashboard');
    await app.switchRole('lead');
    await page.getByTestId('nav-board').click();
    const total = page.getByTestId('board-unassigned-total');
    await expect(total).toBeVisible({ timeout: 45_000 });
    const before = Number(await total.innerText());
    expect(before).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="board-column"][data-away="true"]')).toContainText('孙佳怡');

    // Fresh demo data is a working team with room: the preview places work at once, and its count is the button's.
    const button = page.getByTestId('auto-assign');
    const offered = Number(/（(\d+)）/.exec(await button.innerText())![1]);
    await button.click();
    await expect(page.getByTestId('auto-preview')).toContainText(/将分配 \d+ 件/);
    const [, placed, left] = /将分配 (\d+) 件，剩余 (\d+) 件/.exec(await page.getByTestId('auto-preview').innerText())!;
    expect(Number(placed)).toBeGreaterThan(0);
    expect(Number(placed) + Number(left)).toBe(offered);
    await expect(page.getByTestId('auto-preview-none')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('auto-preview')).toBeHidden();

    // The lead raises one analyst's cap and the away analyst's too.
    const wu = page.locator('[data-testid="board-column"][data-user-id="u-analyst-7"]');
    await wu.locator(CAPACITY).fill('300');
    await wu.locator(CAPACITY).press('Enter');
    await expect(wu.getByTestId('board-load')).toContainText('/300');
    const away = page.locator('[data-testid="board-column"][data-user-id="u-analyst-5"]');
    await away.locator(CAPACITY).fill('300');
    await away.locator(CAPACITY).press('Enter');
    await expect(away.getByTestId('board-load')).toContainText('/300');

    await page.getByTestId('auto-assign').click();
    const preview = page.getByTestId('auto-preview');
    await expect(preview).toBeVisible();
    await expect(preview.locator('[data-testid="auto-preview-row"][data-user-id="u-analyst-5"]').getByTestId('auto-preview-add')).toHaveText('+0');
    await expect(preview.locator('[data-testid="auto-preview-row"][data-user-id="u-analyst-7"]').getByTestId('auto-preview-add')).not.toHaveText('+0');
    // Nothing changed yet.
    await expect(total).toHaveText(String(before));

    await page.getByTestId('auto-apply').click();
    await expect(preview).toBeHidden();
    await expect.poll(async () => Number(await total.innerText())).toBeLessThan(before);
  });

  test("the auditor's CSV export downloads the events and is itself audited", async ({ page }) => {
    const app = new Workbench(page);
    await new CasesScreen(page).start('/dashboard');
    await app.switchRole('auditor');
    await page.goto('/audit?action=session_switch');
    await expect(page.getByTestId('audit-row').first()).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
    const csv = await readFile((await file.path())!, 'utf8');
    // Headers and events read as the screen does: in Chinese, with names and sentences.
    expect(csv).toContain('时间（北京时间）,操作人,操作人账号,操作,对象类型,对象编号,内容,理由,事件编号');
    expect(csv).toMatch(/\n2026-11-23 \d{2}:\d{2}:\d{2},郑文博,u-auditor-1,切换身份,用户,u-auditor-1,切换为合规审计身份,/);
    expect(csv).not.toMatch(/^[=+\-@]/m);

    await page.goto('/audit?action=export');
    await expect(page.getByTestId('audit-row').first()).toContainText('郑文博');
    await expect(page.getByTestId('audit-row').first().getByTestId('audit-sentence')).toHaveText(/^导出审计日志 CSV，共 \d+ 条（筛选：action=session_switch）$/);
  });
});
