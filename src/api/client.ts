import type { z } from 'zod';
import { ApiError } from './errors';
import { errorBodySchema } from './schemas';

type Config = { baseUrl: string; language: string };

/** In demo mode the base is this origin's /api, which the mock service worker answers. */
const config: Config = {
  baseUrl:
    (import.meta.env?.VITE_API_BASE_URL as string | undefined) ??
    (typeof location !== 'undefined' ? `${location.origin}/api` : 'http://localhost/api'),
  // The server answers error messages in the UI's language.
  language: 'zh-CN',
};

export function configureApi(next: Partial<Config>) {
  Object.assign(config, next);
}
export const apiBaseUrl = () => config.baseUrl;

type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export function buildUrl(path: string, query?: Query): string {
  // A relative base ('/api': the server that also serves this page) resolves against the page's origin.
  const origin = typeof location !== 'undefined' ? location.origin : 'http://localhost';
  const url = new URL(config.baseUrl.replace(/\/$/, '') + path, origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) url.searchParams.set(key, value.join(','));
    } else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** A write that has had no answer by then is reported as not reaching the server; the screen keeps the work. */
export const WRITE_TIMEOUT_MS = 30_000;

export type RequestOptions<S extends z.ZodType> = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  schema: S;
  signal?: AbortSignal;
  /** Writes only; WRITE_TIMEOUT_MS unless given. */
  timeoutMs?: number;
};

/** Fetches, then validates the body against the contract; anything else becomes a typed ApiError. */
export async function request<S extends z.ZodType>(path: string, opts: RequestOptions<S>): Promise<z.infer<S>> {
  const url = buildUrl(path, opts.query);
  // Binary bodies (upload chunks) travel as they are; everything else is JSON.
  const binary = opts.body instanceof Blob || opts.body instanceof ArrayBuffer || ArrayBuffer.isView(opts.body);
  const method = opts.method ?? 'GET';
  // Reads may be long (an export, a large list); a write with no answer must not spin forever.
  const timeout = method === 'GET' ? undefined : AbortSignal.timeout(opts.timeoutMs ?? WRITE_TIMEOUT_MS);
  const signal = timeout && opts.signal ? AbortSignal.any([opts.signal, timeout]) : (timeout ?? opts.signal);
  let response: Response;
  try {
    // Looked up at call time, not module load, so MSW in Node can patch it.
    response = await globalThis.fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        'accept-language': config.language,
        ...(opts.body === undefined ? {} : { 'content-type': binary ? 'application/octet-stream' : 'application/json' }),
      },
      body: opts.body === undefined ? undefined : binary ? (opts.body as BodyInit) : JSON.stringify(opts.body),
      credentials: 'include',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'TimeoutError') throw new ApiError({ kind: 'network', path, message: 'timeout', cause });
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ kind: 'network', path, message: 'network', cause });
  }

  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch (cause) {
    if (!response.ok) throw new ApiError({ kind: 'http', status: response.status, path, message: text.slice(0, 200) || response.statusText, cause });
    throw new ApiError({ kind: 'malformed', status: response.status, path, message: 'response is not JSON', cause });
  }

  if (!response.ok) {
    const body = errorBodySchema.safeParse(json);
    if (body.success) throw ApiError.fromErrorBody(path, response.status, body.data);
    throw new ApiError({ kind: 'http', status: response.status, path, message: response.statusText || `HTTP ${response.status}` });
  }

  const parsed = opts.schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown';
    throw new ApiError({ kind: 'malformed', status: response.status, path, message: where, cause: parsed.error });
  }
  return parsed.data;
}
