import { setupWorker } from 'msw/browser';
import { ALERT_PASS_MS, runAlertRules } from '@/domain/alerts';
import { plainWorld } from '@/server/tracker';
import { configureStore, ensureStored, markStale, serialized, write } from './store';
import { generateDemoData } from '@/server/seed/generator';
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

/**
 * Demo data at another size, for load tests and the bench: `?demoScale=100000` on the first URL, or the
 * localStorage key `jianzheng.demoScale` (kept across reloads until removed). Such data lives in memory
 * only: saving 100k complaints to IndexedDB after every write would dwarf what is being measured, and the
 * normal demo data saved there stays untouched.
 */
function demoScale(): number | null {
  const raw = new URLSearchParams(location.search).get('demoScale') ?? safeLocalStorage('jianzheng.demoScale');
  const n = Number(raw);
  return Number.isInteger(n) && n >= 100 && n <= 500_000 ? n : null;
}
function safeLocalStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export async function startMockWorker(): Promise<void> {
  const scale = demoScale();
  // Tabs of one browser share the demo backend: a write in one makes the others re-read IndexedDB,
  // so two people (or two tabs) editing the same record meet a real version conflict.
  const channel = scale || typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('jianzheng-demo-db');
  if (channel) channel.onmessage = () => markStale();
  if (scale) configureStore({ seed: () => generateDemoData({ complaints: scale, now: startOfToday() }) });
  else {
    const saved = await indexedDbPersistence.load().catch(() => undefined);
    configureStore({
      seed: () => generateDemoData({ now: startOfToday() }),
      persistence: { ...indexedDbPersistence, announce: () => channel?.postMessage('saved') },
      initial: saved ?? null,
    });
    if (!saved) await serialized(ensureStored);
  }
  // The demo's schedule for the early-warning rules, as the server's: every tab runs it, and a pass finds
  // an alert that is still open and updates it rather than raising it twice.
  setInterval(() => {
    void serialized(() =>
      write(async (db) => {
        const { raised, updated } = runAlertRules(db, new Date(), plainWorld(db));
        // A pass that changed nothing answers "not modified", which the store takes as nothing to save.
        return new Response(null, { status: raised.length || updated.length ? 204 : 304 });
      }),
    ).catch(() => undefined);
  }, ALERT_PASS_MS);
  const worker = setupWorker(...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  window.__jianzhengMock = {
    use: (name, path) => worker.use(scenarios[name](path)),
    reset: () => worker.resetHandlers(),
  };
}
