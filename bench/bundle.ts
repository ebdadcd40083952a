import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/**
 * The JS a browser actually downloads to show the first screen (the dashboard), measured by loading it,
 * so dynamic imports count. The demo backend's code is reported apart: a real deployment does not load it.
 * On the server host the page is opened signed in, as people see it every day.
 */
export async function benchInitialRoute({ baseUrl, browser, host = 'demo', cookie }: { baseUrl: string; browser: Browser; host?: 'demo' | 'server'; cookie?: string }) {
  const context = await browser.newContext();
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
  }
  const page = await context.newPage();
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script' || !response.ok()) return;
    scripts.set(new URL(response.url()).pathname, await response.body());
  });
  await page.goto(`${baseUrl}/dashboard`);
  await page.getByTestId('dashboard').waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();

  const sum = (files: [string, Buffer][]) => {
    const raw = files.reduce((n, [, b]) => n + b.length, 0);
    const gz = files.reduce((n, [, b]) => n + gzipSync(b, { level: 9 }).length, 0);
    return `${files.length} files, ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzip`;
  };
  const all = [...scripts.entries()].filter(([path]) => !path.endsWith('mockServiceWorker.js'));
  const mock = all.filter(([path]) => /\/browser-[^/]+\.js$/.test(path));
  const app = all.filter((entry) => !mock.includes(entry));
  console.log(`initial route (/dashboard) JS on the ${host} host, app code: ${sum(app)}`);
  if (host === 'demo') console.log(`initial route (/dashboard) JS, demo mock backend (demo mode only): ${sum(mock)}`);
  else if (mock.length) console.log(`initial route (/dashboard) JS on the server host loaded demo backend code: ${sum(mock)}`);
}
