import { expect, type Page } from '@playwright/test';

/** The cases list, its create dialog and one case page. */
export class CasesScreen {
  constructor(readonly page: Page) {}

  /** Like Workbench.open, but patient: the first load generates 5,000 complaints, slow on a busy machine. */
  async start(path: string) {
    await this.page.goto(path);
    await expect(this.page.getByTestId('current-user')).toHaveAttribute('data-role', /analyst|lead|auditor/, { timeout: 60_000 });
  }

  async openList(query = '') {
    await this.page.goto(`/cases${query}`);
    await expect(this.page.getByTestId('case-row').first()).toBeVisible();
  }

  async openFirstCase() {
    await this.page.getByTestId('case-row').first().click();
    await expect(this.page.getByTestId('case-page')).toBeVisible();
    return (await this.page.getByTestId('case-page').getAttribute('data-case-id'))!;
  }

  status() {
    return this.page.getByTestId('case-page').getByTestId('case-status').first();
  }

  /** Opens the step dialog towards `to` and submits it with the given inputs. */
  async step(to: string, input: { receipt?: string; reason?: string } = {}) {
    await this.page.getByTestId(`step-${to}`).click();
    const dialog = this.page.getByTestId('status-dialog');
    await expect(dialog).toBeVisible();
    if (input.receipt !== undefined) await dialog.getByTestId('status-receipt').fill(input.receipt);
    if (input.reason !== undefined) await dialog.getByTestId('status-reason').fill(input.reason);
    await this.page.getByTestId('status-submit').click();
  }

  async cancelStep() {
    await this.page.getByRole('dialog').getByRole('button', { name: /取消|Cancel/ }).click();
    await expect(this.page.getByTestId('status-dialog')).toBeHidden();
  }

  openTab(name: RegExp) {
    return this.page.getByRole('tab', { name }).click();
  }

  noteInput() {
    // antd Mentions puts the test id on the textarea itself.
    return this.page.locator('textarea[data-testid="case-note-input"], [data-testid="case-note-input"] textarea');
  }
}
