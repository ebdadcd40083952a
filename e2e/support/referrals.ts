import { expect, type Locator, type Page } from '@playwright/test';

/** The referral builder as a user sees it. */
export class ReferralBuilder {
  constructor(readonly page: Page) {}

  /** Like Workbench.open, with room for the first load (demo data generated in the browser) on a busy machine. */
  async open(path: string) {
    await this.page.goto(path);
    await expect(this.page.getByTestId('current-user')).toHaveAttribute('data-role', /analyst|lead|auditor/, { timeout: 60_000 });
  }

  root() {
    return this.page.getByTestId('referral-builder');
  }

  async createFromCase(caseId: string) {
    await this.open(`/referrals/new?caseId=${caseId}`);
    // Drafting writes the whole demo store to IndexedDB: slow on a busy CI machine.
    await expect(this.root()).toBeVisible({ timeout: 45_000 });
    await expect(this.page).toHaveURL(/\/referrals\/ref-/);
    return this.page.url().split('/').pop()!;
  }

  saveState() {
    return this.page.getByTestId('save-state');
  }

  async waitSaved() {
    await expect(this.saveState()).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  }

  validation() {
    return this.page.getByTestId('validation');
  }

  fact(n: number): Locator {
    return this.page.getByTestId(`fact-${n}`);
  }

  evidenceRows() {
    return this.page.locator('[data-testid^="evidence-row-"]');
  }

  async chooseFirstOption(select: Locator) {
    await select.click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  }

  /** Fills the sections the case cannot pre-fill and describes forged evidence as such. */
  async completeRequiredFields() {
    await this.page.getByTestId('field-addressee').fill('江州市公安局经济犯罪侦查支队');
    await this.chooseFirstOption(this.page.getByTestId('field-poa'));
    await this.page.getByTestId('charge-extortion').click();
    await this.page.getByTestId('field-amount').fill('36800');
    const rows = this.evidenceRows();
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const verdict = await row.getAttribute('data-verdict');
      if (verdict === 'forged' || verdict === 'suspected_forged') {
        const description = row.getByTestId('evidence-description');
        await description.fill(`${await description.inputValue()}（经核实系伪造）`);
      }
    }
    await this.waitSaved();
    await expect(this.validation()).toHaveAttribute('data-errors', '0');
  }

  approvalState() {
    return this.page.getByTestId('approval-state');
  }

  caseStatus() {
    return this.page.getByTestId('case-status');
  }
}
