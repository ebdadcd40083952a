import { expect, type Locator, type Page } from '@playwright/test';

/** The complaint queue as a user sees it: filters, views, rows, the detail drawer and bulk bar. */
export class QueuePage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByTestId('complaint-row');
  }
  row(id: string) {
    return this.page.locator(`[data-testid="complaint-row"][data-id="${id}"]`);
  }
  drawer() {
    return this.page.getByTestId('complaint-drawer');
  }
  bulkBar() {
    return this.page.getByTestId('bulk-bar');
  }

  /** The first open generates the demo data in the browser, which takes a while on a busy machine. */
  async ready() {
    await expect(this.rows().first()).toBeVisible({ timeout: 45_000 });
  }

  /** Chooses `option` in the antd select with this test id (multi-selects stay open, so close them). */
  async pick(testId: string, option: string | RegExp) {
    const select = this.page.getByTestId(testId);
    const dropdown = this.page.locator('.ant-select-dropdown:visible');
    const multiple = await select.evaluate((el) => !!el.closest('.ant-select-multiple') || !!el.querySelector('.ant-select-multiple') || el.classList.contains('ant-select-multiple'));
    if (multiple) {
      await select.click();
      await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
      // A multi-select stays open and needs closing (a second click on an option would unpick it).
      await this.page.keyboard.press('Escape');
      return;
    }
    // A single select closes itself once it takes the option. Options that arrive while the list opens
    // are drawn again, and a click on the old one is lost: try again until the select has closed.
    // (No Escape here: it would close the drawer behind the select.)
    // A long list draws only the options in view: typing into a searchable select brings the one wanted into view.
    // Once an option has been taken it may leave the list (a reassigned person is no longer offered): then done.
    const search = select.locator('input[type="search"]');
    const wanted = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
    let clicked = false;
    await expect(async () => {
      if (clicked && ((await dropdown.count()) === 0 || (await wanted.count()) === 0)) return;
      if ((await dropdown.count()) === 0) await select.click();
      if (typeof option === 'string' && (await search.count()) > 0 && (await search.inputValue()) !== option) await search.fill(option);
      await wanted.click({ timeout: 5_000 });
      clicked = true;
      await expect(dropdown).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }

  async rowIds(): Promise<string[]> {
    return this.rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  }

  /** Opens the row in the detail drawer and returns the id the drawer shows. */
  async openRow(locator: Locator) {
    await locator.click();
    await expect(this.drawer().getByTestId('risk-score')).toBeVisible();
    const id = (await this.drawer().getAttribute('data-id'))!;
    await expect(this.page.locator(`[data-testid="complaint-row"][data-id="${id}"]`)).toHaveAttribute('aria-selected', /true|false/);
    return id;
  }

  async closeDrawer() {
    await this.page.locator('.ant-drawer-close').click();
    await expect(this.drawer()).toBeHidden();
  }

  /** Talks to the demo backend directly, as another person's session would (bypassing this screen's cache). */
  async api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
    return this.page.evaluate(
      async ([p, i]) => {
        const res = await fetch(`/api${p}`, {
          method: i?.method ?? 'GET',
          headers: { 'content-type': 'application/json' },
          body: i?.body === undefined ? undefined : JSON.stringify(i.body),
        });
        return res.json();
      },
      [path, init] as const,
    ) as Promise<T>;
  }
}

export type ApiComplaint = { id: string; version: number; label: string; templateFamilyId: string | null; templateFamilySize: number; caseId: string | null; riskScore: number; status: string };
