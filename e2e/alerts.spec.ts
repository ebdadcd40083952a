import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { Workbench } from './support/app';

const fireWave = async (page: Page, kind: 'family' | 'escalation' | 'selfHarm') => {
  await page.getByTestId('demo-wave').click();
  await page.getByTestId(`wave-${kind}`).click();
  await expect(page.getByText(/已生成 \d+ 件演示投诉/)).toBeVisible({ timeout: 30_000 });
};

test.describe('early warning (预警)', () => {
  test('a wave raises an alert that explains itself; a lead acknowledges it and turns it into a case', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/alerts');
    await app.switchRole('lead');
    const bell = page.getByTestId('alert-bell');
    await expect(bell).toHaveAttribute('data-open', /\d+/);

    await fireWave(page, 'family');
    const done = await page.getByText(/已生成 6 件演示投诉/).innerText();
    const family = /模板族 (tf-\d+)/.exec(done)![1];
    // The header announces it without a reload.
    await expect(page.locator('.ant-notification-notice').filter({ hasText: /新预警|预警更新/ }).first()).toBeVisible();

    await page.getByTestId('alert-rule-filter').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '模板家族快速增长' }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/rule=.*familyGrowth/);
    const row = page.getByTestId('alert-row').filter({ hasText: `模板家族 ${family} 在 24 小时内新增` }).filter({ has: page.locator('[data-status=open]') });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('alert-status')).toHaveText('待处理');
    const count = Number((await row.getByTestId('alert-records').innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThanOrEqual(6);

    await row.click();
    const drawer = page.getByTestId('alert-drawer');
    await expect(drawer.getByTestId('alert-drawer-explanation')).toContainText(`（阈值 5）`);
    await drawer.getByTestId('alert-acknowledge').click();
    await expect(page.getByText('已确认预警。')).toBeVisible();
    await expect(drawer.getByTestId('alert-status')).toHaveText('已确认');
    await expect(drawer.getByTestId('alert-acknowledge')).toHaveCount(0);

    await drawer.getByTestId('alert-make-case').click();
    await expect(page.getByTestId('alert-case-title')).toHaveValue(`模板家族快速增长：${family}`);
    await page.getByTestId('alert-case-confirm').click();
    await expect(page.getByTestId('alert-case-made')).toBeVisible();
    const caseId = /已建立案件 (\S+?)。/.exec(await page.getByTestId('alert-case-made').innerText())![1];
    await expect(drawer.getByTestId('alert-case-link')).toHaveText(caseId);
    await drawer.getByTestId('alert-case-link').click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}`));
    await expect(page.getByText(`模板家族快速增长：${family}`).first()).toBeVisible();
  });

  test('an alert’s records open in the queue as a filter: exactly its complaints', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/alerts?rule=multiChannel');
    const row = page.getByTestId('alert-row').first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    const count = Number((await row.getByTestId('alert-records').innerText()).replace(/\D/g, ''));
    await row.getByTestId('alert-records').click();
    await expect(page).toHaveURL(/\/queue\?.*alert=alert-/);
    await expect(page.getByTestId('filter-alert')).toContainText('涉及的投诉');
    await expect(page.getByTestId('complaint-row').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('queue-total')).toHaveText(new RegExp(`\\b${count}\\b`));
    await expect(page.getByTestId('complaint-row')).toHaveCount(count);
  });

  test('a complaint suggesting self-harm reaches a lead at once as urgent, and says so in the queue', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/alerts');
    await app.switchRole('lead');
    const urgentBefore = Number(await page.getByTestId('alert-bell').getAttribute('data-urgent'));
    await fireWave(page, 'selfHarm');
    await expect(page.locator('.ant-notification-notice').filter({ hasText: '新预警：疑似自伤风险' })).toBeVisible();
    await expect.poll(async () => Number(await page.getByTestId('alert-bell').getAttribute('data-urgent'))).toBe(urgentBefore + 1);

    // Urgent and open comes first in the inbox.
    const top = page.getByTestId('alert-row').first();
    await expect(top).toHaveAttribute('data-rule', 'selfHarm');
    await expect(top.getByTestId('alert-severity')).toHaveText('紧急');
    await top.click();
    const drawer = page.getByTestId('alert-drawer');
    await expect(drawer.getByText('当事人可能有伤害自己的风险')).toBeVisible();
    await expect(drawer.getByTestId('alert-assignee')).toHaveText('张建国');
    await drawer.getByTestId('alert-open-queue').click();
    await expect(page.getByTestId('complaint-row')).toHaveCount(1);
    await expect(page.getByTestId('complaint-row').getByTestId('complaint-mood')).toHaveText('疑似自伤风险');
  });

  test('a lead tunes a threshold with a reason; an analyst sees the rules read-only', async ({ page }) => {
    const app = new Workbench(page);
    await app.open('/alerts');
    await page.getByTestId('alert-rules-open').click();
    await expect(page.getByTestId('alert-rules')).toContainText('只有组长可以调整预警规则');
    await expect(page.getByTestId('alert-rule-familyGrowth').getByTestId('rule-threshold')).toBeDisabled();
    await page.keyboard.press('Escape');

    await app.switchRole('lead');
    await page.getByTestId('alert-rules-open').click();
    const rule = page.getByTestId('alert-rule-familyGrowth');
    await rule.getByTestId('rule-threshold').fill('8');
    await rule.getByTestId('rule-reason').fill('本周投诉潮，先看大家族');
    await rule.getByTestId('rule-save').click();
    await expect(page.getByText('已保存规则「模板家族快速增长」。')).toBeVisible();
    await expect(rule.getByTestId('rule-save')).toBeDisabled();
    await expect(page.getByTestId('alert-rule-selfHarm').getByRole('switch')).toBeDisabled();

    await page.keyboard.press('Escape');
    await app.nav('audit').click();
    await expect(page.getByText('本周投诉潮，先看大家族').first()).toBeVisible({ timeout: 30_000 });
  });
});
