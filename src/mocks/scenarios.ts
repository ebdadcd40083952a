import { http, HttpResponse, type RequestHandler } from 'msw';
import { api } from './handlers/all';

/**
 * Failure scenarios as intent-named overrides (after Grafana's scenario helpers),
 * used by unit tests via `server.use(...)` and by Playwright via `window.__jianzhengMock.use(...)`.
 */
export const scenarios = {
  /** 200 with a body that does not match the contract. */
  malformed: (path: string) => http.all(api(path), () => HttpResponse.json({ unexpected: true, items: 'not-a-list' })),
  serverError: (path: string) =>
    http.all(api(path), () => HttpResponse.json({ code: 'server_error', message: '服务器内部错误（模拟）/ Internal server error (simulated)' }, { status: 500 })),
  networkFailure: (path: string) => http.all(api(path), () => HttpResponse.error()),
  notJson: (path: string) => http.all(api(path), () => new HttpResponse('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })),
} satisfies Record<string, (path: string) => RequestHandler>;

export type ScenarioName = keyof typeof scenarios;
