import { HttpResponse } from 'msw';
import type { z } from 'zod';
import type { ErrorBody, Role, User } from '@/api/schemas';
import type { MockDb } from '@/domain/world';
import { serialized, syncFromPeers } from '../store';
import { langOf, msg, type Lang, type MessageKey } from './messages';

/** Thrown inside handlers; `respond` turns it into the contract's error body. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

export const fail = (status: number, code: ErrorBody['code'], message: string, current?: unknown) => new HttpFailure(status, { code, message, current });

export type Ctx = { request: Request; lang: Lang; t: (key: MessageKey, vars?: Record<string, string>) => string };

/** Matches any origin so the same handlers serve the browser, Node and Playwright. */
export const api = (path: string) => `*/api${path}`;

export function respond(request: Request, work: (ctx: Ctx) => unknown | Promise<unknown>): Promise<Response> {
  return serialized(() => answer(request, work));
}

async function answer(request: Request, work: (ctx: Ctx) => unknown | Promise<unknown>): Promise<Response> {
  const lang = langOf(request);
  const ctx: Ctx = { request, lang, t: (key, vars) => msg(lang, key, vars) };
  try {
    await syncFromPeers();
    const result = await work(ctx);
    return jsonResponse(result);
  } catch (e) {
    if (e instanceof HttpFailure) return jsonResponse(e.body, e.status);
    const message = e instanceof Error ? e.message : String(e);
    return jsonResponse({ code: 'server_error', message } satisfies ErrorBody, 500);
  }
}

/**
 * Not HttpResponse.json: that measures Content-Length by building a Blob of the body, which in a browser
 * goes through the blob registry in another process (5–20 ms for one page of the queue, on the main thread).
 */
function jsonResponse(body: unknown, status = 200): Response {
  return new HttpResponse(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export async function parseBody<S extends z.ZodType>(ctx: Ctx, schema: S): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = await ctx.request.json();
  } catch {
    throw fail(400, 'bad_request', ctx.t('invalidBody') + 'JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(422, 'validation', ctx.t('invalidBody') + `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(ctx: Ctx, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(ctx.request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw fail(400, 'bad_request', ctx.t('invalidBody') + parsed.error.issues[0]?.message);
  return parsed.data;
}

export function currentUser(db: MockDb): User {
  const user = db.users.find((u) => u.id === db.session.userId);
  if (!user) throw fail(500, 'server_error', 'session user missing');
  return user;
}

/** Every write goes through here: auditors are read-only whatever the endpoint. */
export function requireWriter(ctx: Ctx, db: MockDb, allowed: Role[] = ['analyst', 'lead'], denial: MessageKey = 'auditorReadOnly'): User {
  const user = currentUser(db);
  if (user.role === 'auditor') throw fail(403, 'forbidden', ctx.t('auditorReadOnly'));
  if (!allowed.includes(user.role)) throw fail(403, 'forbidden', ctx.t(denial));
  return user;
}

export function findOr404<T extends { id: string }>(ctx: Ctx, items: T[], id: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw fail(404, 'not_found', ctx.t('notFound'));
  return item;
}

/** Optimistic concurrency: a stale write gets the current record back instead of overwriting it. */
export function checkVersion<T extends { version: number }>(ctx: Ctx, record: T, version: number) {
  if (record.version !== version) throw fail(409, 'conflict', ctx.t('conflict'), record);
}
