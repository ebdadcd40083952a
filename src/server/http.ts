import type { z } from 'zod';
import type { ErrorBody, Role, User } from '@/api/schemas';
import type { World } from '@/domain/world';
import { langOf, msg, type Lang, type MessageKey } from './messages';
import type { BlobStore, UploadStore } from './ports';

/** Thrown inside routes; the host turns it into the contract's error body. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

export const fail = (status: number, code: ErrorBody['code'], message: string, current?: unknown) => new HttpFailure(status, { code, message, current });

/** A random id part in hex, from the platform's CSPRNG (Web Crypto: the same in Node and in the browser host). */
export const randomHex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string;

/** What a route sees: the request, the signed-in user, the records, and messages in the caller's language. */
export type Ctx = {
  request: Request;
  lang: Lang;
  t: Translate;
  db: World;
  params: Record<string, string>;
  user: User;
  blobs: BlobStore;
  uploads: UploadStore;
  /** Changes whenever the records change, so a route may keep what it derived from them (sort orders). */
  revision: number;
  /** The host's clock: the server's may be set (tests), the demo's is the browser's. */
  now: () => Date;
};

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A route of the contract, the same for every host: the Node server, and the in-browser demo. */
export type Route = {
  method: Method;
  path: string;
  handle: (ctx: Ctx) => unknown;
  /** False for routes that only use the host's stores (upload chunks): they need no records and no transaction. */
  world: boolean;
  /** Reads without writing: every GET, and a POST whose question is too long for a URL. It takes no write lock. */
  readOnly: boolean;
};

const route =
  (method: Method) =>
  (path: string, handle: (ctx: Ctx) => unknown, options: { world?: boolean; readOnly?: boolean } = {}): Route => ({ method, path, handle, world: options.world ?? true, readOnly: options.readOnly ?? method === 'GET' });
export const get = route('GET');
export const post = route('POST');
export const put = route('PUT');
export const patch = route('PATCH');
export const del = route('DELETE');

export function translator(request: Request): { lang: Lang; t: Translate } {
  const lang = langOf(request);
  return { lang, t: (key, vars) => msg(lang, key, vars) };
}

/**
 * Built by hand, not with a helper that sizes the body through a Blob: in a browser that goes through the
 * blob registry in another process, which costs more than the query on a page of the queue.
 */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A route's result as a response: errors in the contract's body; a route may answer a Response itself (files). */
export async function answerWith(work: () => unknown, onUnexpected?: (e: unknown) => void): Promise<Response> {
  try {
    const result = await work();
    return result instanceof Response ? result : jsonResponse(result);
  } catch (e) {
    return errorResponse(e, onUnexpected);
  }
}

export function errorResponse(e: unknown, onUnexpected?: (e: unknown) => void): Response {
  if (e instanceof HttpFailure) return jsonResponse(e.body, e.status);
  onUnexpected?.(e);
  // The cause stays in the server log: a message to the user never carries internals or personal data.
  return jsonResponse({ code: 'server_error', message: '服务器内部错误，请稍后重试。/ Internal server error, please try again.' } satisfies ErrorBody, 500);
}

export async function parseBody<S extends z.ZodType>(ctx: Pick<Ctx, 'request' | 't'>, schema: S): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(await ctx.request.text());
  } catch {
    throw fail(400, 'bad_request', ctx.t('invalidBody') + 'JSON');
  }
  // PostgreSQL text cannot hold U+0000; refused here with a message rather than failing in the database.
  if (hasNul(json)) throw fail(422, 'validation', ctx.t('textHasNul'));
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(422, 'validation', ctx.t('invalidBody') + `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

const hasNul = (v: unknown): boolean =>
  typeof v === 'string' ? v.includes('\u0000') : Array.isArray(v) ? v.some(hasNul) : v !== null && typeof v === 'object' ? Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x)) : false;

export function parseQuery<S extends z.ZodType>(ctx: Pick<Ctx, 'request' | 't'>, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(ctx.request.url).searchParams);
  if (hasNul(params)) throw fail(400, 'bad_request', ctx.t('textHasNul'));
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw fail(400, 'bad_request', ctx.t('invalidBody') + parsed.error.issues[0]?.message);
  return parsed.data;
}

/** Every write goes through here: auditors are read-only and admins manage accounts, not casework. */
export function requireWriter(ctx: Ctx, allowed: Role[] = ['analyst', 'lead'], denial: MessageKey = 'auditorReadOnly'): User {
  const user = ctx.user;
  if (user.role === 'auditor') throw fail(403, 'forbidden', ctx.t('auditorReadOnly'));
  if (user.role === 'admin') throw fail(403, 'forbidden', ctx.t('adminNoCasework'));
  if (!allowed.includes(user.role)) throw fail(403, 'forbidden', ctx.t(denial));
  return user;
}

export function findOr404<T extends { id: string }>(ctx: Pick<Ctx, 't'>, items: T[], id: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw fail(404, 'not_found', ctx.t('notFound'));
  return item;
}

/** Optimistic concurrency: a stale write gets the current record back instead of overwriting it. */
export function checkVersion<T extends { version: number }>(ctx: Pick<Ctx, 't'>, record: T, version: number) {
  if (record.version !== version) throw fail(409, 'conflict', ctx.t('conflict'), record);
}
