import { expect, type Page } from '@playwright/test';

export type Role = 'analyst' | 'lead' | 'auditor';
export type Scenario = 'malformed' | 'serverError' | 'networkFailure' | 'notJson';

/** The workbench as a user sees it: navigation, header controls and the demo backend's switches. */
export class Workbench {
  constructor(readonly page: Page) {}

  async open(path = '/dashboard') {
    await this.page.goto(path);
    // The first visit generates the seeded demo data in the browser: allow for a slow, busy machine.
    await expect(this.page.getByTestId('current-user')).toHaveAttribute('data-role', /analyst|lead|auditor/, { timeout: 60_000 });
  }

  nav(key: 'queue' | 'cases' | 'board' | 'graph' | 'evidence' | 'referrals' | 'dashboard' | 'audit') {
    return this.page.getByTestId(`nav-${key}`);
  }

  async switchRole(role: Role) {
    const option = this.page.getByTestId(`role-option-${role}`);
    // A closing drawer hands focus back after its animation, which can close the dropdown under the pointer: retry.
    await expect(async () => {
      if (!(await option.isVisible())) await this.page.getByTestId('role-switch').click();
      await option.click({ timeout: 2_000 });
    }).toPass();
    await expect(this.page.getByTestId('current-user')).toHaveAttribute('data-role', role);
  }

  async switchLanguage(label: 'English' | '中文') {
    await this.page.getByTestId('lang-switch').getByText(label, { exact: true }).click();
  }

  /** Makes the in-browser mock answer `path` badly until `healBackend`. */
  async breakBackend(scenario: Scenario, path: string) {
    await this.page.evaluate(([s, p]) => window.__jianzhengMock!.use(s as never, p), [scenario, path] as const);
  }

  async healBackend() {
    await this.page.evaluate(() => window.__jianzhengMock!.reset());
  }

  apiError() {
    return this.page.getByTestId('api-error');
  }
}

declare global {
  interface Window {
    __jianzhengMock?: { use: (name: Scenario, path: string) => void; reset: () => void };
  }
}
