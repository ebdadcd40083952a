/**
 * `npm run bench`: prints performance figures. Figures, not pass/fail: timed assertions are flaky on
 * shared machines, so targets are compared by people reading this output.
 */
import { performance } from 'node:perf_hooks';
import { generateDemoData } from '../src/server/seed/generator';
import { queryComplaints, queryIndex } from '../src/domain/complaints';
import { withBuiltApp } from './browser';
import { benchInitialRoute } from './bundle';
import { benchReferralPackage } from './referral';
import { benchQueue } from './queue';
import { benchGraph } from './graph';
import { benchAssignment } from './cases';
import { benchEvidence } from './evidence';
import { benchServer, signIn, startHost, stopHost } from './server';
import { benchSharing } from './sharing';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOW = new Date('2026-11-23T09:00:00+08:00');

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

function benchGeneration() {
  for (const complaints of [5_000, 100_000]) {
    const t0 = performance.now();
    const db = generateDemoData({ complaints, now: NOW });
    const t = performance.now() - t0;
    console.log(`generate ${complaints.toLocaleString('en')} complaints: ${ms(t)} (${db.entities.length} entities, ${db.links.length} links, ${db.evidence.length} evidence)`);
    if (complaints === 100_000) benchQueries(db);
    if (complaints === 100_000) benchAssignment(db, NOW);
  }
}

function benchQueries(db: ReturnType<typeof generateDemoData>) {
  const ctx = { userId: db.session.userId, now: NOW };
  const cases: Record<string, Parameters<typeof queryComplaints>[1]> = {
    'default (received desc)': {},
    'sort by risk': { sort: 'riskScore', order: 'desc' },
    'grade 一级 + open': { grade: ['level1'], status: ['new', 'in_progress'] },
    'due within 3 days': { deadline: 'within3', sort: 'dueAt', order: 'asc' },
    'free text 停息挂账': { q: '停息挂账' },
    'mine': { assignee: 'me' },
  };
  // As the handler runs them, with its index kept between queries. The first query builds the sort
  // orders, the first filtered one the filter columns: what the first request after a write pays.
  const cache = { index: queryIndex(), revision: 1 };
  for (const [name, query] of Object.entries(cases)) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      queryComplaints(db, { ...query, page: 1, pageSize: 50 }, ctx, cache);
      times.push(performance.now() - t0);
    }
    console.log(`query 100k — ${name}: median ${ms(median(times))} (first ${ms(times[0])})`);
  }
}

benchGeneration();
await benchSharing();
await benchReferralPackage();
await withBuiltApp(async (ctx) => {
  await benchInitialRoute(ctx);
  // The same first screen from the Node server, signed in: what a deployment downloads.
  spawnSync('npm', ['run', 'build:server'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'jz-bench-bundle-'));
  const host = await startHost(dir, 600, 'dist-server');
  try {
    await benchInitialRoute({ baseUrl: host.base, browser: ctx.browser, host: 'server', cookie: (await signIn(host, 'lead-1')).cookie });
  } finally {
    await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  }
  await benchQueue(ctx);
  await benchGraph(ctx);
  await benchEvidence(ctx);
});

// The server: on PGlite here, then on a throwaway PostgreSQL that the test script's helper starts.
await benchServer();
spawnSync('bash', ['scripts/with-postgres.sh', 'npx', 'tsx', '--tsconfig', 'tsconfig.app.json', 'bench/server.ts'], { stdio: 'inherit' });
