import { defineConfig, devices } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Several checkouts can run their suites side by side on one machine with E2E_PORT.
const port = Number(process.env.E2E_PORT ?? 4173);
const serverPort = Number(process.env.E2E_SERVER_PORT ?? 4174);
// A second institution for industry sharing: the same server on a database of its own.
const peerPort = Number(process.env.E2E_PEER_PORT ?? 4175); // e2e/server/sharing.spec.ts reads the same variable
const launchOptions = {
  executablePath: chromium,
  // Debian's Chromium on a closed network: skip the background calls it would make at start.
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // One test at a time: each runs a whole browser, and demo tests run their backend in the page too. On
  // two cores two such tests starve each other into timeouts, and take about as long in total as one after
  // the other.
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Dialogs and drawers appear at once, as for people who ask their system for less motion: a click
    // aimed at a dialog still zooming in on a starved machine can land beside its target. One test in
    // shell.spec.ts checks both settings.
    reducedMotion: 'reduce',
  },
  projects: [
    {
      // The browser-only demo: the production bundle with the mock service worker.
      name: 'chromium',
      testIgnore: 'server/**',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, launchOptions },
    },
    {
      // The production server: built workbench and /api on one port, on PGlite in a fresh folder.
      name: 'server',
      testMatch: 'server/**/*.spec.ts',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, launchOptions, baseURL: `http://127.0.0.1:${serverPort}` },
    },
  ],
  // The production build in demo mode: the same bundle a user gets, with the mock service worker.
  webServer: [
    { command: `npx vite preview --port ${port} --strictPort`, url: `http://127.0.0.1:${port}`, reuseExistingServer: false, timeout: 60_000 },
    // First start seeds the demo data; /api/health answers once the server listens.
    { command: 'bash scripts/e2e-server.sh', url: `http://127.0.0.1:${serverPort}/api/health`, env: { E2E_SERVER_PORT: String(serverPort) }, reuseExistingServer: false, timeout: 180_000 },
    { command: 'bash scripts/e2e-server.sh', url: `http://127.0.0.1:${peerPort}/api/health`, env: { E2E_SERVER_PORT: String(peerPort) }, reuseExistingServer: false, timeout: 180_000 },
  ],
});
