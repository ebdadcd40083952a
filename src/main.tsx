import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// Reuse the root across dev hot updates of this module instead of mounting React twice on one container.
const root: Root = import.meta.hot?.data.root ?? createRoot(document.getElementById('root')!);
if (import.meta.hot) import.meta.hot.data.root = root;

/**
 * Demo mode (no VITE_API_BASE_URL): the mock backend must be answering before the first request.
 * The import is dynamic so a build for a real backend does not load the mock code up front.
 */
async function startDemoBackend() {
  if (import.meta.env.VITE_API_BASE_URL) return;
  const { startMockWorker } = await import('./mocks/browser');
  await startMockWorker();
}

/** Shown without i18n or antd, which may be what failed: plain text in both languages, never a blank page. */
function StartupError({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" data-testid="startup-error" style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '80px auto', padding: 24, lineHeight: 1.6 }}>
      <h1 style={{ fontSize: 20, color: '#a8272d' }}>鉴证无法启动 / Jianzheng could not start</h1>
      <p>演示数据服务未能启动。请刷新页面重试；若仍失败，请换用最新版 Chrome、Edge 或 Firefox（需支持 Service Worker），或联系技术支持。</p>
      <p>The demo data service did not start. Reload the page to try again; if it still fails, use a current Chrome, Edge or Firefox (Service Workers are required) or contact support.</p>
      <pre style={{ whiteSpace: 'pre-wrap', background: '#f5f5f5', padding: 12, fontSize: 12 }}>{detail}</pre>
      <button type="button" onClick={() => location.reload()}>
        重新加载 / Reload
      </button>
    </div>
  );
}

// Load the app code while the mock starts; render only once both are ready.
const app = import('./app/app');
Promise.all([app, startDemoBackend()])
  .then(async ([{ JianzhengApp, i18nReady }]) => {
    await i18nReady;
    root.render(
      <StrictMode>
        <JianzhengApp />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    console.error('Startup failed', error);
    root.render(<StartupError error={error} />);
  });
