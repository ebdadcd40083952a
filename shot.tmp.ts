import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4313';
const shots: [string, string, string][] = JSON.parse(process.argv[2]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
for (const [name, path, wait] of shots) {
  await page.goto(base + path);
  await page.locator(wait).first().waitFor({ timeout: 30_000 }).catch(() => console.warn(`${name}: ${wait} not found`));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/ev-shots/${name}.png`, fullPage: true });
  console.log(name);
}
await browser.close();
