/**
 * The role matrix: every write route, tried by every role. A role the rules refuse gets the contract's 403
 * with a message and writes nothing (no audit event); a role they allow succeeds. Each attempt builds its
 * own fresh target, so an allowed write never makes the next attempt fail for another reason.
 */
import { describe, expect, it } from 'vitest';
import type { Case, ComplaintRow, Evidence, Referral, Role } from '@/api/schemas';
import { USERS, auditCount, readyReferral, signIn, type Client } from './harness';

type Attempt = { method: string; path: string; body?: unknown };
type Write = { name: string; allowed: Role[]; build: (as: Client, setup: Client) => Promise<Attempt> };

const ROLES: Record<Role, string> = { analyst: USERS.analyst, lead: USERS.lead, auditor: USERS.auditor, admin: USERS.admin };
const WRITERS: Role[] = ['analyst', 'lead'];
const EVERYONE: Role[] = ['analyst', 'lead', 'auditor', 'admin'];

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n += 1)}`;

async function complaint(c: Client, query = 'status=new,in_progress'): Promise<ComplaintRow> {
  // Deep pages spread the attempts over different records.
  const r = await c.call('GET', `/complaints?${query}&pageSize=1&page=${1 + (n % 40)}`);
  n += 1;
  return r.body.items[0] ?? (await c.call('GET', `/complaints?${query}&pageSize=1`)).body.items[0];
}
const openCase = async (setup: Client): Promise<Case> => {
  const c = await complaint(setup, 'status=new,in_progress');
  const r = await setup.call('POST', '/cases', { title: `矩阵 ${unique()}`, priority: 'medium', complaintIds: [c.id], assigneeId: 'u-lead-1' });
  expect(r.status).toBe(200);
  return r.body;
};
const draftReferral = async (setup: Client): Promise<Referral> => {
  const kase = await openCase(setup);
  return (await setup.call('POST', '/referrals', { caseId: kase.id })).body;
};
const approvedReferral = async (setup: Client): Promise<Referral> => {
  const draft = await readyReferral(setup, (await openCase(setup)).id);
  return (await setup.call('PUT', `/referrals/${draft.id}/approval`, { version: draft.version })).body;
};
/** A fresh open alert: a self-harm wave of one raises one alert per complaint. */
const openAlert = async (setup: Client): Promise<{ id: string; version: number }> => {
  const wave = (await setup.call('POST', '/demo/wave', { size: 1, mood: 'self_harm' })).body;
  const items: { id: string; version: number; complaintIds: string[] }[] = (await setup.call('GET', '/alerts?rule=selfHarm&status=open&pageSize=200')).body.items;
  return items.find((a) => a.complaintIds.includes(wave.complaintIds[0]))!;
};
const evidence = async (setup: Client): Promise<Evidence> => {
  const all: Evidence[] = (await setup.call('GET', '/evidence')).body;
  return all[n++ % all.length];
};

const WRITES: Write[] = [
  {
    name: 'note on a complaint',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const c = await complaint(setup);
      return { method: 'PATCH', path: `/complaints/${c.id}`, body: { version: c.version, note: '矩阵' } };
    },
  },
  {
    name: 'propose agent-driven',
    allowed: WRITERS,
    build: async (as) => {
      const c = await complaint(as, 'label=none&status=new,in_progress');
      return { method: 'PATCH', path: `/complaints/${c.id}`, body: { version: c.version, label: 'agent_proposed', labelReason: '模板化投诉' } };
    },
  },
  {
    name: 'confirm agent-driven',
    allowed: ['lead'],
    build: async (_as, setup) => {
      const c = await complaint(setup, 'label=none&status=new,in_progress');
      const proposed = (await setup.call('PATCH', `/complaints/${c.id}`, { version: c.version, label: 'agent_proposed', labelReason: '模板化投诉' })).body;
      return { method: 'PATCH', path: `/complaints/${c.id}`, body: { version: proposed.version, label: 'agent_confirmed', labelReason: '复核确认' } };
    },
  },
  { name: 'change a capacity', allowed: ['lead'], build: async () => ({ method: 'PATCH', path: '/users/u-analyst-3/capacity', body: { capacity: 40 + (n++ % 20) } }) },
  {
    name: 'bulk-assign',
    allowed: ['lead'],
    build: async (_as, setup) => {
      const c = await complaint(setup, 'status=new,in_progress');
      return { method: 'POST', path: '/assign/bulk', body: { items: [{ type: 'complaint', id: c.id, version: c.version }], assigneeId: 'u-analyst-2' } };
    },
  },
  { name: 'preview auto-assignment', allowed: ['lead'], build: async () => ({ method: 'POST', path: '/assign/auto/preview' }) },
  { name: 'apply an auto-assignment plan', allowed: ['lead'], build: async () => ({ method: 'POST', path: '/assign/auto/apply', body: { assignments: [], leftOver: 0 } }) },
  {
    name: 'create a case',
    allowed: WRITERS,
    build: async (_as, setup) => ({ method: 'POST', path: '/cases', body: { title: `矩阵 ${unique()}`, priority: 'low', complaintIds: [(await complaint(setup, 'status=new,in_progress')).id] } }),
  },
  {
    name: 'note on a case',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const kase = await openCase(setup);
      return { method: 'PATCH', path: `/cases/${kase.id}`, body: { version: kase.version, note: '矩阵备注' } };
    },
  },
  {
    name: 'move a case to 已报案',
    allowed: ['lead'],
    build: async (_as, setup) => {
      const kase = await openCase(setup);
      const investigating = (await setup.call('PATCH', `/cases/${kase.id}`, { version: kase.version, status: 'investigating' })).body;
      const review = (await setup.call('PATCH', `/cases/${kase.id}`, { version: investigating.version, status: 'pending_review' })).body;
      await setup.call('POST', '/referrals', { caseId: kase.id });
      const current = (await setup.call('GET', `/cases/${kase.id}`)).body;
      expect(current.status).toBe(review.status);
      return { method: 'PATCH', path: `/cases/${kase.id}`, body: { version: current.version, status: 'reported' } };
    },
  },
  {
    name: 'merge two cases',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const [a, b] = [await openCase(setup), await openCase(setup)];
      return { method: 'POST', path: `/cases/${a.id}/merge`, body: { version: a.version, sourceId: b.id, sourceVersion: b.version } };
    },
  },
  {
    name: 'reveal personal data',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const c = (await setup.call('GET', `/complaints/${(await complaint(setup)).id}`)).body;
      return { method: 'POST', path: '/pii/reveal', body: { recordType: 'customer', recordId: c.customerId, field: 'phone', reason: '核实身份' } };
    },
  },
  {
    name: 'start an upload',
    allowed: WRITERS,
    build: async (_as, setup) => ({ method: 'POST', path: '/evidence/uploads', body: { fileName: 'a.txt', size: 10, complaintId: (await complaint(setup)).id, caseId: null } }),
  },
  {
    name: 'annotate evidence',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const e = await evidence(setup);
      return { method: 'POST', path: `/evidence/${e.id}/annotations`, body: { version: e.version, note: '矩阵批注', page: null, rect: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 }, signalCode: null } };
    },
  },
  { name: 'record viewing evidence', allowed: EVERYONE, build: async (_as, setup) => ({ method: 'POST', path: `/evidence/${(await evidence(setup)).id}/custody`, body: { action: 'viewed', detail: '' } }) },
  {
    name: 'give a verdict',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const e = await evidence(setup);
      return { method: 'PUT', path: `/evidence/${e.id}/verdict`, body: { version: e.version, status: 'authentic', reason: '核实无误', method: '电话核实' } };
    },
  },
  {
    name: 'save a graph layout',
    allowed: WRITERS,
    build: async (_as, setup) => ({ method: 'PUT', path: `/graph/layouts/${(await openCase(setup)).id}`, body: { version: 0, entityIds: [], positions: {} } }),
  },
  { name: 'draft a referral', allowed: WRITERS, build: async (_as, setup) => ({ method: 'POST', path: '/referrals', body: { caseId: (await openCase(setup)).id } }) },
  {
    name: 'edit a referral',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const r = await draftReferral(setup);
      return { method: 'PATCH', path: `/referrals/${r.id}`, body: { version: r.version, cause: '涉嫌诈骗' } };
    },
  },
  {
    name: 'approve a referral',
    allowed: ['lead'],
    build: async (_as, setup) => {
      const r = await readyReferral(setup, (await openCase(setup)).id);
      return { method: 'PUT', path: `/referrals/${r.id}/approval`, body: { version: r.version } };
    },
  },
  {
    name: 'export a referral package',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const r = await approvedReferral(setup);
      expect(r.status).toBe('approved');
      return { method: 'POST', path: `/referrals/${r.id}/export`, body: { version: r.version, reason: '报送公安' } };
    },
  },
  {
    // Submitting moves the case from 待复核 to 已报案, which is a lead's step.
    name: 'record a referral submission',
    allowed: ['lead'],
    build: async (_as, setup) => {
      const r = await approvedReferral(setup);
      return { method: 'PUT', path: `/referrals/${r.id}/tracking`, body: { action: 'submit', version: r.version, date: '2026-11-23T03:00:00.000Z', policeUnit: '江州市公安局', officer: '李警官', receiptNo: null } };
    },
  },
  {
    name: 'acknowledge an alert',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const a = await openAlert(setup);
      return { method: 'PATCH', path: `/alerts/${a.id}`, body: { action: 'acknowledge', version: a.version } };
    },
  },
  {
    name: 'open a case from an alert',
    allowed: WRITERS,
    build: async (_as, setup) => {
      const a = await openAlert(setup);
      return { method: 'POST', path: `/alerts/${a.id}/case`, body: { version: a.version, title: `预警 ${unique()}`, priority: 'high' } };
    },
  },
  { name: 'run the alert rules', allowed: WRITERS, build: async () => ({ method: 'POST', path: '/alerts/evaluate' }) },
  {
    name: 'tune an alert rule',
    allowed: ['lead'],
    build: async (_as, setup) => {
      const rule = ((await setup.call('GET', '/alert-rules')).body as { id: string; version: number; windowHours: number }[]).find((r) => r.id === 'multiChannel')!;
      return { method: 'PATCH', path: '/alert-rules/multiChannel', body: { version: rule.version, windowHours: rule.windowHours === 168 ? 169 : 168 } };
    },
  },
  { name: 'generate a demo wave', allowed: ['lead', 'admin'], build: async () => ({ method: 'POST', path: '/demo/wave', body: { size: 1, channel: 'branch' } }) },
  { name: 'export the audit trail', allowed: EVERYONE, build: async () => ({ method: 'POST', path: '/audit/export?action=login' }) },
  { name: 'verify the audit trail', allowed: ['auditor', 'admin'], build: async () => ({ method: 'POST', path: '/audit/verify' }) },
  {
    name: 'create an account',
    allowed: ['admin'],
    build: async () => ({ method: 'POST', path: '/admin/users', body: { username: `m.${unique()}`, name: '矩阵', role: 'analyst', team: '一组', capacity: 30, password: 'a long enough password' } }),
  },
  {
    name: 'edit an account',
    allowed: ['admin'],
    build: async () => {
      const admin = await signIn(USERS.admin);
      const created = (await admin.call('POST', '/admin/users', { username: `m.${unique()}`, name: '矩阵', role: 'analyst', password: 'a long enough password' })).body;
      return { method: 'PATCH', path: `/admin/users/${created.id}`, body: { version: created.version, away: true } };
    },
  },
  {
    name: 'reset a password',
    allowed: ['admin'],
    build: async () => {
      const admin = await signIn(USERS.admin);
      const created = (await admin.call('POST', '/admin/users', { username: `m.${unique()}`, name: '矩阵', role: 'analyst', password: 'a long enough password' })).body;
      return { method: 'POST', path: `/admin/users/${created.id}/password`, body: { version: created.version, password: 'another long password' } };
    },
  },
];

describe('the role matrix: every write × every role', () => {
  for (const write of WRITES) {
    it(write.name, async () => {
      const setup = await signIn(USERS.lead);
      for (const role of Object.keys(ROLES) as Role[]) {
        const as = await signIn(ROLES[role]);
        const attempt = await write.build(as, setup);
        const before = await auditCount();
        const r = await as.call(attempt.method, attempt.path, attempt.body);
        if (write.allowed.includes(role)) {
          expect(r.status, `${role} may ${write.name}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200);
        } else {
          expect(r.status, `${role} may not ${write.name}`).toBe(403);
          expect(r.body.code).toBe('forbidden');
          expect(r.body.message.length).toBeGreaterThan(4);
          expect(await auditCount(), `${role}'s refused ${write.name} wrote nothing`).toBe(before);
        }
      }
    });
  }

  it('a signed-out caller gets 401 on every write', async () => {
    const setup = await signIn(USERS.lead);
    const anon = (await import('./harness')).client();
    for (const write of WRITES) {
      const attempt = await write.build(setup, setup);
      const r = await anon.call(attempt.method, attempt.path, attempt.body);
      expect(r.status, write.name).toBe(401);
      expect(r.body.code).toBe('unauthorized');
    }
  });
});
