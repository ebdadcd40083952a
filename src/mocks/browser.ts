import { setupWorker } from 'msw/browser';
import { configureStore } from './store';
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
  configureStore({
    seed: () => generateDemoData({ now: startOfToday() }),
    persistence: indexedDbPersistence,
    initial: saved ?? null,
  });
  const worker = setupWorker(...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  window.__jianzhengMock = {
    use: (name, path) => worker.use(scenarios[name](path)),
    reset: () => worker.resetHandlers(),
  };
}
