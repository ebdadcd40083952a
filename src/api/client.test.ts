import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { server } from '@/mocks/node';
import { scenarios } from '@/mocks/scenarios';
import { buildUrl, request } from './client';
import { expectApiError as failure } from './expect-api-error';

const pingSchema = z.object({ ok: z.boolean() });

describe('typed fetch client', () => {
  it('returns the parsed body when it matches the contract', async () => {
    server.use(http.get('*/api/ping', () => HttpResponse.json({ ok: true })));
    await expect(request('/ping', { schema: pingSchema })).resolves.toEqual({ ok: true });
  });

  it('turns a body of the wrong shape into a malformed ApiError naming the field', async () => {
    server.use(scenarios.malformed('/ping'));
    const error = await failure(request('/ping', { schema: z.object({ items: z.array(z.string()) }) }));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('items');
  });

  it('reports a write that gets no answer as a network failure instead of waiting forever', async () => {
    server.use(
      http.patch('*/api/ping', async () => {
        await delay('infinite');
        return HttpResponse.json({ ok: true });
      }),
    );
    const error = await failure(request('/ping', { method: 'PATCH', body: { a: 1 }, schema: pingSchema, timeoutMs: 50 }));
    expect(error.kind).toBe('network');
    expect(error.message).toBe('timeout');
  });

  it('turns a non-JSON success into a malformed ApiError', async () => {
    server.use(http.get('*/api/ping', () => new HttpResponse('<html></html>', { status: 200 })));
    expect((await failure(request('/ping', { schema: pingSchema }))).kind).toBe('malformed');
  });

  it('carries the server message of an HTTP error', async () => {
    server.use(scenarios.serverError('/ping'));
    const error = await failure(request('/ping', { schema: pingSchema }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.message).toContain('Internal server error');
  });

  it('reports an HTML error page as an HTTP error, not a crash', async () => {
    server.use(scenarios.notJson('/ping'));
    const error = await failure(request('/ping', { schema: pingSchema }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
  });

  it('reports a network failure', async () => {
    server.use(scenarios.networkFailure('/ping'));
    expect((await failure(request('/ping', { schema: pingSchema }))).kind).toBe('network');
  });

  it('maps 403 and 409 to forbidden and conflict, keeping the current record', async () => {
    server.use(
      http.patch('*/api/thing', () => HttpResponse.json({ code: 'conflict', message: 'stale', current: { version: 7 } }, { status: 409 })),
      http.delete('*/api/thing', () => HttpResponse.json({ code: 'forbidden', message: 'no' }, { status: 403 })),
    );
    const conflict = await failure(request('/thing', { method: 'PATCH', body: { version: 1 }, schema: pingSchema }));
    expect(conflict.kind).toBe('conflict');
    expect(conflict.current).toEqual({ version: 7 });
    expect((await failure(request('/thing', { method: 'DELETE', schema: pingSchema }))).kind).toBe('forbidden');
  });

  it('sends the UI language so server messages come back in it', async () => {
    let seen: string | null = null;
    server.use(
      http.get('*/api/ping', ({ request: r }) => {
        seen = r.headers.get('accept-language');
        return HttpResponse.json({ ok: true });
      }),
    );
    await request('/ping', { schema: pingSchema });
    expect(seen).toBe('zh-CN');
  });

  it('encodes list filters as comma-separated params and drops empty ones', () => {
    const url = new URL(buildUrl('/complaints', { status: ['new', 'in_progress'], q: '', page: 2, assignee: undefined }));
    expect(url.searchParams.get('status')).toBe('new,in_progress');
    expect(url.searchParams.has('q')).toBe(false);
    expect(url.searchParams.get('page')).toBe('2');
  });
});
