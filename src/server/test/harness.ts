/**
 * One server for the whole server suite (the files share a worker): PGlite in memory, or the PostgreSQL
 * that DATABASE_URL names (scripts/test-postgres.sh starts a throwaway one). Requests go through app.fetch,
 * as a browser's would, with the page's origin and a session cookie. The clock is fixed and moved by tests.
 */
import { sql } from 'kysely';
import { startServer, type Started } from '../start';

export const ORIGIN = 'http://jianzheng.test';
export const PASSWORD = 'correct horse battery';
/** A fixed morning: nothing in the suite depends on today's date. */
export const START = new Date('2026-11-23T02:00:00Z');
export const clock = { now: START };

let started: Promise<Started> | null = null;

export function server(): Promise<Started> {
  return (started ??= startServer({
    databaseUrl: process.env.DATABASE_URL,
    pgliteDir: 'memory://',
    fresh: true,
    demo: true,
    demoScale: 600,
    demoPassword: PASSWORD,
    now: () => clock.now,
    // Cheap hashes for the seeded accounts; accounts made through the API get the real cost.
    passwordCost: { N: 1024, r: 8, p: 1 },
  }));
}

export const dbKind = () => (process.env.DATABASE_URL ? 'postgres' : 'pglite');

export type Reply<T = unknown> = { status: number; body: T; headers: Headers };

export type Client = {
  cookie: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely and parse them with the contract where it matters
  call<T = any>(method: string, path: string, body?: unknown, init?: { headers?: Record<string, string>; raw?: BodyInit }): Promise<Reply<T>>;
};

/** A browser tab: keeps its cookie, sends JSON with this origin. */
export function client(cookie: string | null = null): Client {
  const c: Client = {
    cookie,
    async call(method, path, body, init = {}) {
      const { app } = await server();
      const headers: Record<string, string> = { origin: ORIGIN, 'accept-language': 'zh-CN', ...(c.cookie ? { cookie: c.cookie } : {}) };
      let payload: BodyInit | undefined = init.raw;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
      if (payload !== undefined && typeof payload === 'string') headers['content-length'] = String(new TextEncoder().encode(payload).length);
      if (payload instanceof Uint8Array) headers['content-length'] = String(payload.length);
      Object.assign(headers, init.headers);
      const res = await app.fetch(new Request(ORIGIN + '/api' + path, { method, headers, body: payload }));
      const text = await res.text();
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) c.cookie = setCookie.split(';')[0].endsWith('=') ? null : setCookie.split(';')[0];
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON: the test sees the text */
      }
      return { status: res.status, body: parsed as never, headers: res.headers };
    },
  };
  return c;
}

export const USERS = { analyst: 'analyst-1', analyst2: 'analyst-2', lead: 'lead-1', auditor: 'auditor-1', admin: 'admin-1' } as const;

export async function signIn(username: string, password = PASSWORD): Promise<Client> {
  const c = client();
  const r = await c.call('POST', '/session', { username, password });
  if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

export async function auditCount(): Promise<number> {
  const { database } = await server();
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events`.execute(database.db);
  return r.rows[0].n;
}

/**
 * A draft referral for the case, filled in until the builder's checks pass (the server runs the same
 * checks before an approval): an addressee, the handler's power of attorney, a party, a charge, a fact
 * citing each piece of evidence, and evidence described (forgeries as such) with its source.
 */
export async function readyReferral(c: Client, caseId: string) {
  const draft = (await c.call('POST', '/referrals', { caseId })).body;
  let parties = (await c.call('GET', `/referrals/${draft.id}/parties`)).body as unknown[];
  if (!parties.length) {
    // A case whose graph holds no person or firm yet: report an agent firm found elsewhere in the graph.
    const firm = ((await c.call('GET', `/graph/entities?q=${encodeURIComponent('公司')}`)).body as { id: string; label: string; type: string }[])[0];
    parties = [{ entityId: firm.id, kind: 'firm', name: firm.label, idNumber: null, phone: null, address: null }];
  }
  type Item = { evidenceId: string; description: string; source: string; pages: number; verdict: string; sha256: string; factIds: string[] };
  let evidence: Item[] = draft.evidence;
  if (!evidence.length) {
    const all = ((await c.call('GET', '/evidence')).body as { id: string; sha256: string; verdict: { status: string } }[]).filter((e) => e.verdict.status !== 'forged');
    evidence = all.slice(0, 1).map((e) => ({ evidenceId: e.id, description: '通话录音', source: '本机构客服系统', pages: 1, verdict: e.verdict.status, sha256: e.sha256, factIds: [] }));
  }
  const factId = 'f-ready';
  evidence = evidence.map((e) => ({ ...e, description: `${e.description || '证据'}（经核查系伪造或存疑）`, source: e.source || '本机构调取', factIds: [factId] }));
  const fact = { id: factId, time: '2026年8月', place: '江州市', means: '冒用借款人名义投诉并收取代理费', consequence: '造成借款人损失', evidenceIds: evidence.map((e) => e.evidenceId) };
  const r = await c.call('PATCH', `/referrals/${draft.id}`, {
    version: draft.version,
    addressee: draft.addressee || '江州市公安局',
    reportingInstitution: draft.reportingInstitution || '示例消费金融有限公司',
    handler: { name: draft.handler.name || '张建国', title: draft.handler.title || '组长', powerOfAttorneyEvidenceId: evidence[0].evidenceId },
    reportedParties: draft.reportedParties.length ? draft.reportedParties : parties.slice(0, 1),
    cause: draft.cause || '涉嫌诈骗',
    charges: draft.charges.length ? draft.charges : ['fraud'],
    facts: [fact],
    evidence,
  });
  if (r.status !== 200) throw new Error(`referral not filled in: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
