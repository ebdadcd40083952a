/**
 * The Node host: one port serves the built workbench and /api. Configured by the environment (README):
 * DATABASE_URL, JIANZHENG_DATA_DIR, JIANZHENG_DEMO_SCALE, JIANZHENG_DEMO, PORT, HOST, JIANZHENG_ORIGINS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { ALERT_PASS_MS, runAlertRules } from '@/domain/alerts';
import { defaultDataDir, startServer } from './start';
import { plainWorld } from './tracker';

const env = process.env;
const dataDir = defaultDataDir();
const port = Number(env.PORT ?? 5173);
const host = env.HOST ?? '127.0.0.1';
const staticDir = env.JIANZHENG_STATIC_DIR ?? 'dist-server';
const started = performance.now();

const server = await startServer({
  databaseUrl: env.DATABASE_URL,
  pgliteDir: join(dataDir, 'pg'),
  blobDir: env.JIANZHENG_BLOB_DIR ?? join(dataDir, 'blobs'),
  demo: env.JIANZHENG_DEMO !== 'false',
  demoScale: env.JIANZHENG_DEMO_SCALE ? Number(env.JIANZHENG_DEMO_SCALE) : undefined,
  allowedOrigins: env.JIANZHENG_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean),
  secureCookies: env.JIANZHENG_SECURE_COOKIES === 'true',
  warm: true,
  // The message and stack only: request bodies and records (which may hold personal data) are never logged.
  logError: (e, where) => console.error(`[jianzheng] ${where}:`, e instanceof Error ? (e.stack ?? e.message) : String(e)),
});

const { app } = server;
if (existsSync(staticDir)) {
  app.use('/assets/*', serveStatic({ root: staticDir, onFound: (_path, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root: staticDir }));
  // The SPA's own routes (/queue, /cases/…) all answer its page.
  const index = readFileSync(join(staticDir, 'index.html'), 'utf8');
  app.get('*', (c) => c.html(index));
} else {
  console.warn(`[jianzheng] ${staticDir}/ not found: serving /api only (build the workbench with npm run build:server)`);
}

const http = serve({ fetch: app.fetch, port, hostname: host }, () => {
  const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL (PGlite) in ${join(dataDir, 'pg')}`;
  console.log(`[jianzheng] database: ${where}`);
  if (server.seeded) console.log('[jianzheng] empty database: seeded demo data');
  if (server.demoPassword)
    console.log(`[jianzheng] demo accounts analyst-1 / lead-1 / auditor-1 / admin-1, password: ${server.demoPassword} (also shown on the sign-in page while the data is demo data)`);
  console.log(`[jianzheng] ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://${host}:${port}/`);
});

// 预警 on a schedule, besides each arrival of complaints: rules about time (a spike, deadlines) fire with no
// new complaint. Every process may run it; a pass with nothing new writes nothing, and writes are serialised.
const alertPass = setInterval(() => {
  server.services.worlds
    .write((world) => {
      runAlertRules(world, server.services.now(), plainWorld(world));
    })
    .catch((e: unknown) => server.services.logError?.(e, 'alert rules'));
}, ALERT_PASS_MS);
alertPass.unref();

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[jianzheng] ${signal}: closing`);
  http.close();
  // Closing the embedded engine flushes it to its folder.
  await server.database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
