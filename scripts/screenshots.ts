/**
 * Screenshots of every screen on the demo backend, for reviews and the README.
 * Usage: npm run build && (npx vite preview &) && npx tsx scripts/screenshots.ts [outDir] [lang]
 */
import { chromium } from '@playwright/test';

const outDir = process.argv[2] ?? 'docs';
const lang = process.argv[3] ?? 'zh-CN';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const screens: [string, string, string][] = [
  ['dashboard', '/dashboard', 'dashboard'],
  ['queue', '/queue', 'complaint-row'],
  ['cases', '/cases', 'cases-page'],
  ['graph', '/graph', 'graph-page'],
  ['referrals', '/referrals', 'referrals-page'],
  ['audit', '/audit', 'audit-page'],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: lang, timezoneId: 'Asia/Shanghai' });
for (const [name, path, testId] of screens) {
  await page.goto(base + path);
  await page.getByTestId(testId).first().waitFor({ timeout: 20_000 }).catch(() => console.warn(`${name}: ${testId} not found`));
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${outDir}/screenshot-${name}.png` });
  console.log(`${outDir}/screenshot-${name}.png`);
}
await browser.close();
