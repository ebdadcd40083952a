import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';

/** A production build served on a free port, and Debian's Chromium: what browser benchmarks measure against. */
export async function withBuiltApp<T>(work: (ctx: { baseUrl: string; browser: Browser }) => Promise<T>): Promise<T | undefined> {
  if (!existsSync('dist/index.html')) {
    console.log('(browser benchmarks skipped: run `npm run build` first)');
    return undefined;
  }
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`(browser benchmarks skipped: no Chromium at ${executablePath})`);
    return undefined;
  }
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const baseUrl = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    return await work({ baseUrl, browser });
  } finally {
    await browser.close();
    await server.close();
  }
}
