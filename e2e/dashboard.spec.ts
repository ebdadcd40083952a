import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { Workbench } from './support/app';

const number = async (page: Page, testId: string) => Number((await page.getByTestId(testId).getAttribute('data-value')) ?? NaN);
const queueTotal = async (page: Page) => {
  await expect(page.getByTestId('complaint-row').first().or(page.getByText('没有符合筛选条件的投诉'))).toBeVisible({ timeout: 30_000 });
  return Number((await page.getByTestId('queue-total').innerText()).replace(/\D/g, ''));
};

test.describe('the loop dashboard', () => {
  test('each stage shows its figures for the period; a figure opens exactly the complaints it counts', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/dashboard');
    const loop = page.getByTestId('loop');
    await expect(loop.getByTestId('loop-range')).toHaveText('2026-10-25 至 2026-11-23');
    for (const stage of ['warning', 'identify', 'respond', 'report', 'share']) await expect(page.getByTestId(`stage-${stage}`)).toBeVisible();
    // Alerts belong to the institution, not to the analyst's own team: the stage says so instead of showing zeros.
    await expect(page.getByTestId('value-alertsRaised')).toHaveText('未统计');

    await page.getByTestId('loop-period').getByText('近 90 天').click();
    await expect(page).toHaveURL(/days=90/);
    await expect(loop.getByTestId('loop-range')).toHaveText('2026-08-26 至 2026-11-23');
    await expect(page.getByTestId('loop-body')).toHaveAttribute('data-period', '2026-08-26..2026-11-23');
    const confirmed = await number(page, 'value-agentConfirmed');
    expect(confirmed).toBeGreaterThan(0);
    await page.getByTestId('value-agentConfirmed').getByRole('link').click();
    await expect(page).toHaveURL(/\/queue\?.*receivedFrom=2026-08-26/);
    await expect(page.getByTestId('filter-received')).toContainText('2026-08-26');
    expect(await queueTotal(page)).toBe(confirmed);

    await page.goBack();
    const submitted = await number(page, 'value-referralsSubmitted');
    expect(submitted).toBeGreaterThan(0);
    await page.getByTestId('value-referralsSubmitted').getByRole('link').click();
    await expect(page.getByTestId('referrals-filter')).toContainText(`已提交 · 2026-08-26 至 2026-11-23 · 消保一组 · 共 ${submitted} 件`);
    await expect(page.getByTestId('referral-list').locator('tbody tr.ant-table-row')).toHaveCount(submitted);

    await page.goBack();
    const onTime = await number(page, 'value-answeredOnTime');
    await page.getByTestId('value-answeredOnTime').getByRole('link').click();
    await expect(page.getByTestId('filter-deadline')).toContainText('期限内已答复');
    expect(await queueTotal(page)).toBe(onTime);
  });

  test('a picked period lives in the URL; one that runs backwards is refused with a message', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/dashboard');
    await page.getByTestId('loop-period').getByText('自定义').click();
    await page.getByTestId('loop-from').fill('2026-11-01');
    await page.getByTestId('loop-to').fill('2026-11-15');
    await expect(page).toHaveURL(/from=2026-11-01.*to=2026-11-15|to=2026-11-15.*from=2026-11-01/);
    await expect(page.getByTestId('loop-body')).toHaveAttribute('data-period', '2026-11-01..2026-11-15');
    const received = await number(page, 'value-received');
    await page.reload();
    await expect(page.getByTestId('loop-from')).toHaveValue('2026-11-01');
    await expect.poll(() => number(page, 'value-received')).toBe(received);
    // The two weeks before are the comparison.
    await expect(page.getByTestId('change-received')).toContainText('上期');

    await page.getByTestId('loop-from').fill('2026-11-20');
    await expect(page.getByTestId('loop-bad-range')).toContainText('开始日期不能晚于结束日期');
    await expect(page.getByTestId('stage-identify')).toBeVisible();
  });

  test('a lead picks a team, an analyst sees their own; a week of the chart opens its complaints', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/dashboard');
    await expect(page.getByTestId('loop-own-team')).toContainText('消保一组');
    const own = await number(page, 'value-received');
    await app.switchRole('lead');
    // The lead's figures replace the analyst's once they arrive: every team's complaints, and unassigned ones.
    await expect.poll(() => number(page, 'value-received')).toBeGreaterThan(own);
    const all = await number(page, 'value-received');
    // For every team the 预警 stage is measured: the alerts the rules raised in the period, which its link lists.
    const raised = await number(page, 'value-alertsRaised');
    expect(raised).toBeGreaterThan(0);
    await page.getByTestId('value-alertsRaised').getByRole('link').click();
    await expect(page).toHaveURL(/\/alerts\?.*from=2026-10-25/);
    await expect(page.getByTestId('alert-period')).toContainText('2026-10-25 至 2026-11-23');
    await expect(page.getByTestId('alert-total')).toHaveText(`共 ${raised} 条`);
    await page.goBack();
    await expect.poll(() => number(page, 'value-received')).toBe(all);
    await page.getByTestId('loop-team').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '消保二组' }).click();
    await expect(page).toHaveURL(/team=/);
    await expect.poll(() => number(page, 'value-received')).toBeLessThan(all);
    // Sharing belongs to the institution, not to a team.
    await expect(page.getByTestId('value-sharingSessions')).toHaveText('未统计');

    await expect(page.getByTestId('loop-chart').locator('canvas')).toBeVisible();
    const week = page.getByTestId('loop-weeks').getByRole('link').nth(1);
    const count = Number((await week.innerText()).split(/[:：]/).pop());
    await week.click();
    await expect(page).toHaveURL(/\/queue\?.*team=/);
    expect(await queueTotal(page)).toBe(count);
  });

  test('the monthly report prints its figures, and its CSV and PDF download after the export is in the trail', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/dashboard');
    await app.switchRole('lead');
    await page.getByTestId('loop-monthly').click();
    // 23 November: the report is of October, the last month that has ended.
    await expect(page.getByTestId('monthly-heading')).toHaveText('2026年10月反代理维权工作月报');
    await page.getByTestId('monthly-month').fill('2026-11');
    await expect(page.getByTestId('monthly-heading')).toHaveText('2026年11月反代理维权工作月报');
    const row = page.getByTestId('monthly-figures').getByRole('row').filter({ hasText: '收到投诉' });
    const [, , value, previous] = (await row.getByRole('cell').allInnerTexts()).map((s) => s.trim());

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('monthly-csv').click()]);
    expect(csv.suggestedFilename()).toBe('loop-2026-11-01-2026-11-30.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text).toContain(`识别,收到投诉,${value},${previous}`);
    await expect(page.getByRole('alert').filter({ hasText: '已导出并记入审计日志' })).toBeVisible();

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('monthly-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe('loop-2026-11-01-2026-11-30.pdf');
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');

    await app.switchRole('auditor');
    await app.nav('audit').click();
    await expect(page.getByText('导出工作闭环报表（2026-11-01 – 2026-11-30 · PDF）').first()).toBeVisible();
    await expect(page.getByText('导出工作闭环报表（2026-11-01 – 2026-11-30 · CSV）').first()).toBeVisible();
  });
});
