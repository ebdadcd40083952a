/**
 * The server: a Web-standard app (`app.fetch(Request) → Response`), the same for every host. Security
 * (CSRF, sign-in, roles) is checked here, once, before any route runs; routes only parse, decide, answer.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ErrorBody, User } from '@/api/schemas';
import type { Database, Db, Tx } from './db/database';
import { DEFAULT_SESSION_POLICY, SESSION_COOKIE, lookupSession, readCookie, type SessionPolicy } from './auth/sessions';
import { answerWith, errorResponse, fail, jsonResponse, translator, type Ctx, type Route } from './http';
import type { MessageKey } from './messages';
import type { BlobStore, UploadStore } from './ports';
import { contractRoutes } from './routes/all';
import { complaintListRoutes } from './routes/complaint-list';
import { hostRoutes, type HostRoute } from './routes/host';
import { Conflict, WorldStore } from './world';

export type AppOptions = {
  database: Database;
  blobs: BlobStore;
  /**
   * Uploads in progress, over the connection the request runs on: a write holds its transaction's
   * connection, and on PGlite that is the only one, so a store on the pool would wait for it forever.
   */
  uploads: (db: Db | Tx) => UploadStore;
  /** Tests move time; everything that reads the clock on the server reads this. */
  now?: () => Date;
  sessions?: SessionPolicy;
  /** Origins allowed to write besides the request's own (a reverse proxy's public name). */
  allowedOrigins?: string[];
  /** Cookies marked Secure: on when served over https. */
  secureCookies?: boolean;
  /** Called with unexpected errors (never with request bodies or personal data). */
  logError?: (e: unknown, where: string) => void;
  /** Re-seeds after a demo reset. */
  reseed?: () => Promise<void>;
};

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_SHARING_BYTES = 200 * 1024 * 1024;
const SHARING_FILES = /^\/api\/sharing\/(import|sessions\/[^/]+\/(sign|result))$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reachable before signing in. */
const PUBLIC = new Set(['GET /api/session', 'POST /api/session', 'GET /api/demo', 'GET /api/health']);
/** Binary bodies: evidence chunks. Every other write is JSON. */
const BINARY_PATH = /^\/api\/evidence\/uploads\/[^/]+\/chunks\/\d+$/;

export type Services = AppOptions & { worlds: WorldStore; now: () => Date; sessions: SessionPolicy };

type Vars = { user: User; sessionId: string };

export function createApp(opts: AppOptions) {
  const services: Services = { ...opts, worlds: new WorldStore(opts.database.db), now: opts.now ?? (() => new Date()), sessions: opts.sessions ?? DEFAULT_SESSION_POLICY };
  const app = new Hono<{ Variables: Vars }>();
  const refuse = (c: Context, status: number, code: ErrorBody['code'], key: MessageKey) => jsonResponse({ code, message: translator(c.req.raw).t(key) } satisfies ErrorBody, status);

  app.use('*', async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    // 'wasm-unsafe-eval' lets WebAssembly compile (the sharing worker's libsodium) without allowing JS eval.
    if (!h.has('Content-Security-Policy'))
      h.set(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      );
    if (c.req.path.startsWith('/api/')) h.set('Cache-Control', h.get('Cache-Control') ?? 'no-store');
  });

  const limit = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => refuse(c, 413, 'bad_request', 'bodyTooLarge') });
  const general = limit(MAX_BODY_BYTES);
  // Sharing files carry up to a manifest's maximum set size of blinded points (44 bytes each in base64).
  const sharing = limit(MAX_SHARING_BYTES);
  app.use('/api/*', (c, next) => (SHARING_FILES.test(c.req.path) ? sharing(c, next) : general(c, next)));

  // CSRF: a write must come from this origin's page, as JSON (a form or an <img> can do neither).
  app.use('/api/*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    if (!origin || (origin !== own && !(opts.allowedOrigins ?? []).includes(origin))) return refuse(c, 403, 'forbidden', 'csrfRefused');
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    const wanted = BINARY_PATH.test(c.req.path) ? 'application/octet-stream' : 'application/json';
    // A command without a body (preview, reset) needs no type; one with a body must say it is JSON.
    if ((hasBody || type) && type !== wanted) return refuse(c, 415, 'bad_request', 'jsonRequired');
    return next();
  });

  // Who is asking. Every route but sign-in needs a live session.
  app.use('/api/*', async (c, next) => {
    const found = await lookupSession(opts.database.db, readCookie(c.req.header('cookie'), SESSION_COOKIE), services.now(), services.sessions);
    if (found.kind === 'ok') {
      c.set('user', found.user);
      c.set('sessionId', found.sessionId);
    } else {
      const route = `${c.req.method} ${c.req.path}`;
      // Asking who is signed in with an expired cookie is told so, not merely "please sign in".
      if (found.kind === 'expired' && route === 'GET /api/session') return refuse(c, 401, 'unauthorized', 'sessionExpired');
      if (!PUBLIC.has(route)) return refuse(c, 401, 'unauthorized', found.kind === 'expired' ? 'sessionExpired' : 'signInRequired');
    }
    return next();
  });

  const onError = (where: string) => (e: unknown) => opts.logError?.(e, where);

  for (const r of hostRoutes) mountHost(app, r, services, onError);
  for (const r of [...complaintListRoutes(services), ...contractRoutes]) mountContract(app, r, services, onError);

  app.all('/api/*', (c) => refuse(c, 404, 'not_found', 'routeNotFound'));
  app.onError((e, c) => errorResponse(e, onError(`${c.req.method} ${c.req.path}`)));
  return { app, services };
}

function mountHost(app: Hono<{ Variables: Vars }>, r: HostRoute, services: Services, onError: (where: string) => (e: unknown) => void) {
  app.on(r.method, `/api${r.path}`, (c) => {
    const { lang, t } = translator(c.req.raw);
    return answerWith(() => r.handle({ c, request: c.req.raw, lang, t, user: c.get('user') ?? null, sessionId: c.get('sessionId') ?? null, params: c.req.param() as Record<string, string>, services }), onError(`${r.method} ${r.path}`));
  });
}

function mountContract(app: Hono<{ Variables: Vars }>, r: Route, services: Services, onError: (where: string) => (e: unknown) => void) {
  app.on(r.method, `/api${r.path}`, (c) => {
    const { lang, t } = translator(c.req.raw);
    const base = { request: c.req.raw, lang, t, params: c.req.param() as Record<string, string>, user: c.get('user'), blobs: services.blobs, now: services.now };
    const run = (world: Ctx['db'], revision: number, db: Db | Tx = services.database.db) => r.handle({ ...base, db: world, revision, uploads: services.uploads(db) });
    return answerWith(async () => {
      try {
        if (!r.world) return await run(emptyWorld, 0);
        if (r.readOnly) return await services.worlds.read((world, revision) => run(world, revision));
        return await services.worlds.write((world, tx, revision) => run(world, revision, tx));
      } catch (e) {
        if (e instanceof Conflict) throw fail(409, 'conflict', t('conflict'));
        throw e;
      }
    }, onError(`${r.method} ${r.path}`));
  });
}

/** Routes that declare they need no records get none. */
const emptyWorld: Ctx['db'] = { seed: 0, generatedAt: '', users: [], customers: [], complaints: [], evidence: [], entities: [], links: [], cases: [], referrals: [], institutions: [], sharing: [], alerts: [], alertRules: [], audit: [], pii: {}, session: { userId: '' } };
