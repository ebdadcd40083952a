import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { Workbench } from './support/app';

/**
 * Every screen, in its first state and with its main drawer or dialog open, in both languages, passes an axe
 * scan (WCAG 2.0/2.1 A and AA) without a serious or critical violation.
 */
type Screen = { name: string; path: string; ready: (page: Page) => Promise<void>; open?: (page: Page) => Promise<void>; /** Signed in as the lead first. */ lead?: boolean };

const visible = (testId: string) => async (page: Page) => {
  await expect(page.getByTestId(testId).first()).toBeVisible();
};

const SCREENS: Screen[] = [
  {
    name: 'dashboard',
    path: '/dashboard',
    ready: async (page) => {
      await expect(page.getByTestId('loop-stages')).toBeVisible();
      await expect(page.getByTestId('loop-chart')).toBeVisible();
    },
  },
  { name: 'monthly report', path: '/dashboard/report?month=2026-11', ready: visible('monthly-figures'), lead: true },
  { name: 'queue', path: '/queue', ready: visible('complaint-row') },
  {
    name: 'queue with the complaint drawer',
    path: '/queue?complaint=cmp-000010',
    ready: async (page) => {
      await expect(page.getByTestId('complaint-drawer').getByTestId('risk-score')).toBeVisible();
      await expect(page.getByTestId('history')).toBeVisible();
    },
  },
  {
    name: 'queue with the escalate dialog',
    path: '/queue',
    ready: visible('complaint-row'),
    open: async (page) => {
      await page.getByTestId('complaint-row').first().getByTestId('row-select').click();
      await page.getByTestId('bulk-escalate').click();
      await expect(page.getByTestId('escalate-dialog')).toBeVisible();
    },
  },
  { name: 'case list', path: '/cases', ready: visible('case-row') },
  { name: 'a case', path: '/cases/case-001', ready: visible('case-page') },
  {
    name: 'a case with its workflow step dialog',
    path: '/cases/case-002',
    ready: visible('case-page'),
    open: async (page) => {
      await page.locator('[data-testid^="step-"]:not([disabled])').first().click();
      await expect(page.getByTestId('status-dialog')).toBeVisible();
    },
  },
  {
    name: 'a case with its merge dialog',
    path: '/cases/case-002',
    ready: visible('case-page'),
    open: async (page) => {
      await page.getByTestId('case-merge-open').click();
      await expect(page.getByTestId('merge-source')).toBeVisible();
    },
  },
  { name: 'the alert inbox', path: '/alerts', ready: visible('alert-row') },
  { name: 'an alert with its actions', path: '/alerts?alert=alert-000001', ready: visible('alert-drawer-explanation') },
  {
    name: "the lead's alert rules",
    path: '/alerts',
    ready: visible('alert-row'),
    lead: true,
    open: async (page) => {
      await page.getByTestId('alert-rules-open').click();
      await expect(page.getByTestId('alert-rule-familyGrowth')).toBeVisible();
    },
  },
  { name: "the lead's board", path: '/board', ready: visible('board-column'), lead: true },
  {
    name: "the board's auto-assign preview",
    path: '/board',
    ready: visible('board-column'),
    lead: true,
    open: async (page) => {
      await page.getByTestId('auto-assign').click();
      await expect(page.getByTestId('auto-preview-row').first()).toBeVisible();
    },
  },
  {
    name: 'graph',
    path: '/graph?complaint=cmp-000010',
    ready: async (page) => {
      await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-loading', 'false');
    },
  },
  { name: 'referral list', path: '/referrals', ready: visible('referral-list') },
  { name: 'a referral in the builder', path: '/referrals/ref-001', ready: visible('referral-builder'), lead: true },
  { name: 'audit log', path: '/audit', ready: visible('audit-row') },
  { name: 'evidence', path: '/evidence?complaintId=cmp-000094', ready: visible('evidence-item') },
];

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const language of ['zh-CN', 'en'] as const) {
  test.describe(`accessibility in ${language}`, () => {
    // The board and the builder first sign in as the lead (a reload that regenerates nothing but re-reads
    // everything): on the shared 2-core machine that alone can take most of a minute.
    test.describe.configure({ timeout: 120_000 });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((lng) => localStorage.setItem('jianzheng.language', lng), language);
    });
    for (const screen of SCREENS) {
      test(`${screen.name} has no serious or critical axe violation`, async ({ page }) => {
        const app = new Workbench(page);
        if (screen.lead) {
          await app.open('/dashboard');
          await app.switchRole('lead');
          await page.goto(screen.path);
        } else {
          await app.open(screen.path);
        }
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await screen.ready(page);
        await screen.open?.(page);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}
