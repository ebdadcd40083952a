import { test as base } from '@playwright/test';

/**
 * Every e2e test runs on the demo day the flows were written against. The demo data is generated
 * relative to "today" (Asia/Shanghai), and which complaint carries which evidence, or which template
 * family holds confirmed members, changes with the day: unpinned, the suite would pass or fail by the
 * date. The clock starts at this moment and then runs normally.
 */
export const DEMO_DAY = new Date('2026-11-23T10:00:00+08:00');

export const test = base.extend<{ demoDay: void }>({
  demoDay: [
    async ({ context }, use) => {
      await context.clock.install({ time: DEMO_DAY });
      await use();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
