import { setupWorker } from 'msw/browser';
import { configureStore, markStale } from './store';
import { generateDemoData } from './data/generator';
import { handlers } from './handlers/all';
import { indexedDbPersistence } from './persistence';
import { scenarios, type ScenarioName } from './scenarios';

declare global {
  interface Window {
    /** Demo mode only: lets people and Playwright simulate a failing backend. */
    __jianzhengMock?: { use: (name: ScenarioName, path: string) => void; reset: () => void };
  }
}

function startOfToday(): Date {
  const d = new Date();
  d.setHours(9, 0, 0, 0);
  return d;
}

export async function startMockWorker(): Promise<void> {
  const saved = await indexedDbPersistence.load().catch(() => undefined);
  // Tabs of one browser share the demo backend: a write in one makes the others re-read IndexedDB,
  // so two people (or two tabs) editing the same record meet a real version conflict.
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('jianzheng-demo-db');
  if (channel) channel.onmessage = () => markStale();
  configureStore({
    seed: () => generateDemoData({ now: startOfToday() }),
    persistence: { ...indexedDbPersistence, announce: () => channel?.postMessage('saved') },
    initial: saved ?? null,
  });
  const worker = setupWorker(...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  window.__jianzhengMock = {
    use: (name, path) => worker.use(scenarios[name](path)),
    reset: () => worker.resetHandlers(),
  };
}
