/**
 * The server's figures, against the real Node host started as a child process (as `npm run serve` does):
 * first start and restart, the queue's list query at 100k, a load of 50 signed-in sessions, and what a
 * SIGKILL in the middle of a load does to acknowledged writes. Runs on PGlite, or on the PostgreSQL that
 * DATABASE_URL names (bench/run.ts starts a throwaway one). Figures only; targets are read by people.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lastDays } from '../src/domain/loop';

const pg = !!process.env.DATABASE_URL;
const engine = pg ? 'PostgreSQL' : 'PGlite';
const SCALE = Number(process.env.BENCH_SERVER_SCALE ?? 100_000);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

type Host = { child: ChildProcess; base: string; password: string; readyMs: number; log: string[] };

/** Starts the Node host on a data folder and waits for its "ready" line. */
/** `staticDir`: the built app to serve as well (the bench opens it in a browser); none by default. */
export async function startHost(dataDir: string, scale?: number, staticDir = join(dataDir, 'no-static')): Promise<Host> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npx', ['tsx', '--tsconfig', 'tsconfig.app.json', 'src/server/node.ts'], {
    env: { ...process.env, PORT: String(port), JIANZHENG_DATA_DIR: dataDir, JIANZHENG_STATIC_DIR: staticDir, ...(scale ? { JIANZHENG_DEMO_SCALE: String(scale) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log: string[] = [];
  let password = '';
  await new Promise<void>((resolve, reject) => {
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        log.push(line);
        const m = /password: (\S+)/.exec(line);
        if (m) password = m[1];
        if (line.includes('ready in')) resolve();
      }
    };
    child.stdout!.on('data', onLine);
    child.stderr!.on('data', onLine);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log.join('\n')}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, password, readyMs: performance.now() - t0, log };
}

export async function stopHost(h: Host, signal: NodeJS.Signals = 'SIGINT') {
  const exited = new Promise((r) => h.child.once('exit', r));
  // The whole group: npx, tsx and node.
  process.kill(-h.child.pid!, signal);
  await exited;
  await new Promise((r) => setTimeout(r, 300));
}

type Session = {
  cookie: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads answers loosely
  call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
};

export async function signIn(h: Host, username: string): Promise<Session> {
  const res = await fetch(`${h.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: h.base }, body: JSON.stringify({ username, password: h.password }) });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return {
    cookie,
    async call(method, path, body) {
      const r = await fetch(`${h.base}/api${path}`, {
        method,
        headers: { cookie, origin: h.base, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
  };
}

const SHAPES: Record<string, string> = {
  'default (received desc)': '',
  'sort by risk': 'sort=riskScore&order=desc',
  'grade 一级 + open': 'grade=level1&status=new,in_progress',
  'due within 3 days': 'deadline=within3&sort=dueAt&order=asc',
  'free text 停息挂账': `q=${encodeURIComponent('停息挂账')}`,
  mine: 'assignee=me',
  'two-character name 张伟': `q=${encodeURIComponent('张伟')}`,
};

async function benchList(s: Session, label: string) {
  for (const [name, query] of Object.entries(SHAPES)) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      const r = await s.call('GET', `/complaints?${query}&page=1&pageSize=50`);
      times.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`${name}: ${r.status}`);
      total = r.body.total;
    }
    console.log(`server ${engine} ${label} list — ${name}: p50 ${ms(pct(times.slice(3), 50))}, p95 ${ms(pct(times.slice(3), 95))} (first ${ms(times[0])}, ${total} matches)`);
  }
}

/** The loop dashboard's figures, as the dashboard asks for them: the last 90 days, all teams and one team. */
async function benchLoop(s: Session, label: string) {
  const period = lastDays(90, new Date());
  for (const [name, extra] of [['90 days, all teams', ''], ['90 days, one team', `&team=${encodeURIComponent('消保一组')}`]] as const) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const r = await s.call('GET', `/loop?from=${period.from}&to=${period.to}${extra}`);
      times.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`loop ${name}: ${r.status}`);
    }
    console.log(`server ${engine} ${label} loop dashboard — ${name}: p50 ${ms(pct(times.slice(3), 50))}, p95 ${ms(pct(times.slice(3), 95))} (first ${ms(times[0])}; target ≤ 300 ms)`);
  }
}

/**
 * 预警: a batch of 500 templated complaints arriving (written, re-scored, then every rule over all the
 * records, in one transaction), and a scheduled pass of every rule with nothing new.
 */
async function benchAlerts(s: Session, label: string) {
  const waves: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await s.call('POST', '/demo/wave', { size: 500, channel: 'heimao' });
    waves.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`wave: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }
  const passes: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const r = await s.call('POST', '/alerts/evaluate');
    passes.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`evaluate: ${r.status}`);
  }
  console.log(
    `server ${engine} ${label} 预警 — batch of 500 new complaints, stored and every rule run: ${waves.map(ms).join(', ')}; scheduled pass of every rule: p50 ${ms(pct(passes.slice(2), 50))} (target ≤ 1 s)`,
  );
}

type Ack = { id: string; version: number; note: string };

/** 50 sessions, each a loop of list / detail / patch on its own complaints, for `seconds`. */
export async function load(h: Host, sessions: Session[], seconds: number, stopAt?: number) {
  const ids: string[] = (await sessions[0].call('GET', `/complaints?status=new,in_progress&pageSize=500`)).body.items.map((c: { id: string }) => c.id);
  const acks: Ack[] = [];
  const lat: number[] = [];
  const byKind: Record<'list' | 'detail' | 'patch', number[]> = { list: [], detail: [], patch: [] };
  let errors = 0;
  let requests = 0;
  const end = performance.now() + seconds * 1000;
  let killed = false;
  const worker = async (s: Session, w: number) => {
    const mine = ids.filter((_, i) => i % sessions.length === w);
    const versions = new Map<string, number>();
    let k = 0;
    while (performance.now() < end && !killed) {
      const id = mine[k % mine.length];
      const kind = k % 10;
      k += 1;
      const t0 = performance.now();
      try {
        if (kind < 6) {
          const r = await s.call('GET', `/complaints?${Object.values(SHAPES)[kind]}&pageSize=50`);
          if (r.status !== 200) errors += 1;
        } else if (kind < 9) {
          const r = await s.call('GET', `/complaints/${id}`);
          if (r.status === 200) versions.set(id, r.body.version);
          else errors += 1;
        } else {
          const version = versions.get(id) ?? (await s.call('GET', `/complaints/${id}`)).body.version;
          const note = `负载 ${w}-${k}`;
          const r = await s.call('PATCH', `/complaints/${id}`, { version, note });
          if (r.status === 200) {
            acks.push({ id, version: r.body.version, note });
            versions.set(id, r.body.version);
          } else errors += 1;
        }
        requests += 1;
        const took = performance.now() - t0;
        lat.push(took);
        byKind[kind < 6 ? 'list' : kind < 9 ? 'detail' : 'patch'].push(took);
      } catch {
        // A refused connection after the kill is expected; before it, an error.
        if (!killed) errors += 1;
      }
    }
  };
  const started = performance.now();
  const run = Promise.all(sessions.map((s, w) => worker(s, w)));
  if (stopAt !== undefined) {
    await new Promise((r) => setTimeout(r, stopAt * 1000));
    killed = true;
    await stopHost(h, 'SIGKILL');
  }
  await run;
  const elapsed = (performance.now() - started) / 1000;
  return { acks, lat, byKind, errors, requests, elapsed };
}

/** Every acknowledged write is there, with at least its version. */
export async function checkAcks(s: Session, acks: Ack[]) {
  const last = new Map<string, Ack[]>();
  for (const a of acks) last.set(a.id, [...(last.get(a.id) ?? []), a]);
  let missing = 0;
  for (const [id, list] of last) {
    const r = await s.call('GET', `/complaints/${id}`);
    const notes = new Set((r.body.notes as { text: string }[]).map((n) => n.text));
    const top = Math.max(...list.map((a) => a.version));
    if (r.body.version < top) missing += 1;
    missing += list.filter((a) => !notes.has(a.note)).length;
  }
  return missing;
}

export async function signInMany(h: Host, lead: Session, n: number) {
  const analysts = ((await lead.call('GET', '/users')).body as { id: string; role: string }[]).filter((u) => u.role === 'analyst');
  const names = ['lead-1', ...analysts.map((u) => u.id.replace(/^u-/, ''))];
  const out: Session[] = [];
  // Sign-in hashes a password (scrypt, deliberately slow): a few at a time.
  for (let i = 0; i < n; i += 5) out.push(...(await Promise.all(Array.from({ length: Math.min(5, n - i) }, (_, j) => signIn(h, names[(i + j) % names.length])))));
  return out;
}

export async function benchServer() {
  const dir = mkdtempSync(join(tmpdir(), 'jz-bench-'));
  try {
    if (!pg) {
      const small = join(dir, 'small');
      const first = await startHost(small);
      console.log(`server ${engine} first start with demo data (default scale): ${(first.readyMs / 1000).toFixed(1)} s`);
      await stopHost(first);
      const again = await startHost(small);
      console.log(`server ${engine} restart on existing data: ${(again.readyMs / 1000).toFixed(1)} s (including npx/tsx start-up)`);
      await stopHost(again);
    }
    const big = join(dir, 'big');
    let host = await startHost(big, SCALE);
    console.log(`server ${engine} first start seeding ${SCALE.toLocaleString('en')} complaints: ${(host.readyMs / 1000).toFixed(1)} s`);
    const lead = await signIn(host, 'lead-1');
    await benchList(lead, `${SCALE / 1000}k`);
    await benchLoop(lead, `${SCALE / 1000}k`);
    await benchAlerts(lead, `${SCALE / 1000}k`);

    const sessions = await signInMany(host, lead, 50);
    const run = await load(host, sessions, 30);
    const missing = await checkAcks(lead, run.acks);
    console.log(
      `server ${engine} load, 50 sessions × 30 s (list 60% / detail 30% / patch 10%): ${(run.requests / run.elapsed).toFixed(0)} req/s, p50 ${ms(pct(run.lat, 50))}, p99 ${ms(pct(run.lat, 99))}, errors ${run.errors}; ${run.acks.length} acknowledged writes, ${missing} missing afterwards`,
    );
    console.log(`server ${engine} load by kind: ${Object.entries(run.byKind).map(([kind, xs]) => `${kind} p50 ${ms(pct(xs, 50))} / p99 ${ms(pct(xs, 99))}`).join(', ')}`);

    if (!pg) {
      const killed = await load(host, sessions, 30, 8);
      const restarted = await startHost(big);
      const s = await signIn(restarted, 'lead-1');
      const lost = await checkAcks(s, killed.acks);
      console.log(
        `server ${engine} SIGKILL 8 s into a load: ${killed.acks.length} writes acknowledged before the kill, ${lost} lost; restart on that folder ${(restarted.readyMs / 1000).toFixed(1)} s`,
      );
      host = restarted;
    }
    await stopHost(host);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchServer();
