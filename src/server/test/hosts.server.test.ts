/**
 * The demo host (the routes over in-memory records, behind MSW) and the Node host (the same routes over
 * PostgreSQL, with the queue's lists in SQL) must answer the same requests the same way for the same seed.
 * Where they differ on purpose (how evidence files are served, the administrator only the server has, the
 * session), this file says so and compares the rest.
 */
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '@/mocks/handlers/all';
import { configureStore } from '@/mocks/store';
import { generateDemoData } from '../seed/generator';
import { DEMO_ADMIN, demoMorning } from '../seed/seed-db';
import { startServer, type Started } from '../start';

const ORIGIN = 'http://jianzheng.test';
const NOW = new Date('2026-11-23T02:00:00Z');
const SCALE = 400;
const PASSWORD = 'same answers';

let node: Started;
let cookie = '';

type Answer = { status: number; body: unknown };

async function fromNode(method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { origin: ORIGIN, cookie, 'accept-language': 'zh-CN' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await node.app.fetch(new Request(`${ORIGIN}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  return { status: res.status, body: await res.json() };
}

async function fromDemo(method: string, path: string, body?: unknown): Promise<Answer> {
  const request = new Request(`${ORIGIN}/api${path}`, {
    method,
    headers: { 'accept-language': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await getResponse(handlers, request);
  if (!res) throw new Error(`the demo host has no route for ${method} ${path}`);
  return { status: res.status, body: await res.json() };
}

/** Evidence is served from the blob store on the server and from the static samples in the demo. */
const withoutFileUrls = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (k === 'url' ? undefined : x)));
/** The clocks differ by the moment each host wrote. */
const stamped = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (k === 'updatedAt' || k === 'at' ? undefined : x)));
const withoutAdmin = (v: unknown): unknown => (Array.isArray(v) ? v.filter((u: { id?: string }) => u.id !== DEMO_ADMIN.id) : v);

beforeAll(async () => {
  node = await startServer({ pgliteDir: 'memory://', fresh: true, demo: true, demoScale: SCALE, demoPassword: PASSWORD, now: () => NOW, passwordCost: { N: 1024, r: 8, p: 1 } });
  const signedIn = await node.app.fetch(
    new Request(`${ORIGIN}/api/session`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lead-1', password: PASSWORD }) }),
  );
  cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
  configureStore({
    seed: () => {
      const world = generateDemoData({ complaints: SCALE, now: demoMorning(NOW) });
      world.session.userId = 'u-lead-1';
      return world;
    },
  });
});

afterAll(async () => {
  await node?.database.close();
});

describe('the demo host and the Node host', () => {
  const reads = [
    '/complaints?pageSize=50',
    '/complaints?sort=riskScore&order=desc&pageSize=50',
    '/complaints?grade=level1&status=new,in_progress&pageSize=50',
    '/complaints?q=停息挂账&pageSize=50',
    '/complaints?label=agent_confirmed&sort=templateFamilySize&order=desc&pageSize=50',
    '/complaints?channel=12378&page=2&pageSize=20',
    '/complaints?receivedFrom=2026-11-01&receivedTo=2026-11-10&status=&pageSize=50',
    `/complaints?team=${encodeURIComponent('消保一组')}&deadline=met&status=&sort=receivedAt&pageSize=50`,
    '/complaints?deadline=late&status=&pageSize=50',
    '/complaints/cmp-000010',
    '/complaints/cmp-000010/related',
    '/cases?pageSize=50',
    '/cases/case-001',
    '/referrals/ref-001',
    '/stats',
    '/board',
    '/graph/neighbourhood?entityId=ent-agent-person-000001',
    '/graph/entities?q=张',
    '/evidence?complaintId=cmp-000094',
  ];

  for (const path of reads)
    it(`answer GET ${path} alike`, async () => {
      const [n, d] = await Promise.all([fromNode('GET', path), fromDemo('GET', path)]);
      expect(n.status).toBe(200);
      expect(withoutFileUrls(d)).toEqual(withoutFileUrls(n));
    });

  for (const subject of [{ kind: 'family', id: 'tf-0001' }, { kind: 'case', id: 'case-001' }])
    it(`trace the same ${subject.kind} alike`, async () => {
      const [n, d] = await Promise.all([fromNode('POST', '/spread', subject), fromDemo('POST', '/spread', subject)]);
      expect(n.status).toBe(200);
      expect((n.body as { complaints: number }).complaints).toBeGreaterThan(0);
      expect(d).toEqual(n);
    });

  it('list the same people, the server adding its administrator', async () => {
    const [n, d] = await Promise.all([fromNode('GET', '/users'), fromDemo('GET', '/users')]);
    expect(withoutAdmin(n.body)).toEqual(d.body);
  });

  it('refuse the same bad request with the same answer', async () => {
    const bad = { version: 1, label: 'no-such-label' };
    const [n, d] = await Promise.all([fromNode('PATCH', '/complaints/cmp-000010', bad), fromDemo('PATCH', '/complaints/cmp-000010', bad)]);
    expect(n.status).toBe(422);
    expect(d).toEqual(n);
  });

  it('apply the same write to the same record, and meet the same conflict on a stale version', async () => {
    const current = (await fromNode('GET', '/complaints/cmp-000010')).body as { version: number };
    const change = { version: current.version, note: '两个主机同一条备注' };
    const [n, d] = await Promise.all([fromNode('PATCH', '/complaints/cmp-000010', change), fromDemo('PATCH', '/complaints/cmp-000010', change)]);
    expect(n.status).toBe(200);
    expect(stamped(d)).toEqual(stamped(n));
    const [n2, d2] = await Promise.all([fromNode('PATCH', '/complaints/cmp-000010', change), fromDemo('PATCH', '/complaints/cmp-000010', change)]);
    expect(n2.status).toBe(409);
    expect(stamped(d2)).toEqual(stamped(n2));
  });
});
