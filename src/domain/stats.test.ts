import { describe, expect, it } from 'vitest';
import { dashboardStatsSchema } from '@/api/schemas';
import { DAY_MS } from './deadlines';
import { dashboardStats } from './stats';
import { emptyDb, makeComplaint, makeEntity, makeEvidence } from './testFixtures';

const now = new Date('2026-11-20T04:00:00.000Z');
const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();

describe('dashboardStats', () => {
  it('counts the queue, deadlines, grades, channels, labels, firms, families and reused documents', () => {
    const db = emptyDb();
    db.complaints.push(
      makeComplaint({ id: 'a', customerId: 'c-1', status: 'new', dueAt: at(-1), grade: 'level1', templateFamilyId: 'tf-0001', evidenceIds: ['e1'] }),
      makeComplaint({ id: 'b', customerId: 'c-2', status: 'in_progress', dueAt: at(2), assigneeId: 'u-analyst-1', channel: 'hotline', templateFamilyId: 'tf-0001', evidenceIds: ['e2'] }),
      makeComplaint({ id: 'c', customerId: 'c-3', status: 'new', dueAt: at(5), grade: 'level2', label: 'agent_proposed', evidenceIds: ['e3'] }),
      makeComplaint({ id: 'd', customerId: 'c-4', status: 'closed', dueAt: at(-9), label: 'legitimate' }),
    );
    db.evidence.push(
      makeEvidence('e1', { complaintId: 'a', perceptualHash: 'aaaa' }),
      makeEvidence('e2', { complaintId: 'b', perceptualHash: 'aaaa' }),
      makeEvidence('e3', { complaintId: 'c', perceptualHash: 'bbbb' }),
    );
    db.entities.push(makeEntity('f1', 'agent_firm'), makeEntity('f2', 'agent_firm'), makeEntity('p', 'phone'));
    const stats = dashboardStatsSchema.parse(dashboardStats(db, now));
    expect(stats).toMatchObject({ complaints: 4, open: 3, overdue: 1, dueWithin3Days: 1, unassigned: 2, agentFirms: 2, templateFamilies: 1, reusedDocuments: 1, referrals: 0 });
    expect(stats.byGrade).toEqual({ level1: 1, level2: 1, normal: 2 });
    expect(stats.byChannel['12378']).toBe(3);
    expect(stats.byChannel.hotline).toBe(1);
    expect(stats.byChannel.branch).toBe(0);
    expect(stats.byLabel).toEqual({ none: 2, legitimate: 1, agent_proposed: 1, agent_confirmed: 0 });
    expect(Object.values(stats.cases).every((n) => n === 0)).toBe(true);
  });
});
