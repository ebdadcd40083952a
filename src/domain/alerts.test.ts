import { describe, expect, it } from 'vitest';
import { channelSchema, type AlertRuleId, type Complaint } from '@/api/schemas';
import { alertRulesOf, applyFindings, effectiveStatus, evaluateRules, moodOf, runAlertRules } from './alerts';
import { emptyDb, makeComplaint, makeEntity, makeLink } from './testFixtures';
import type { World } from './world';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const only = (world: World, rule: AlertRuleId) => evaluateRules(world, NOW).filter((f) => f.rule === rule);

const CHANNELS = channelSchema.options;
/** One member per channel, so no channel spikes beside the family. */
function familyWorld(members: number, hoursBack = 1): World {
  const db = emptyDb();
  for (let i = 0; i < members; i++) db.complaints.push(makeComplaint({ customerId: `c-${i}`, channel: CHANNELS[i], templateFamilyId: 'tf-1', templateFamilySize: members, receivedAt: hoursAgo(hoursBack + i * 0.1) }));
  return db;
}

describe('template family growing fast', () => {
  it('fires at five new members within 24 hours, not at four', () => {
    expect(only(familyWorld(5), 'familyGrowth')).toHaveLength(1);
    expect(only(familyWorld(4), 'familyGrowth')).toHaveLength(0);
    expect(only(familyWorld(5), 'familyGrowth')[0]).toMatchObject({ key: 'familyGrowth:tf-1', figures: { count: 5, threshold: 5, hours: 24 } });
  });

  it('counts only members inside the window', () => {
    expect(only(familyWorld(6, 25), 'familyGrowth')).toHaveLength(0);
  });

  it('follows a lead’s threshold', () => {
    const db = familyWorld(5);
    db.alertRules = [{ ...alertRulesOf(db).find((r) => r.id === 'familyGrowth')!, threshold: 6, version: 1 }];
    expect(only(db, 'familyGrowth')).toHaveLength(0);
  });
});

describe('a duplicate updates the open alert', () => {
  it('adds the new complaint to the alert instead of raising a second one', () => {
    const db = familyWorld(5);
    expect(runAlertRules(db, NOW).raised).toHaveLength(1);
    db.complaints.push(makeComplaint({ customerId: 'c-new', channel: CHANNELS[7], templateFamilyId: 'tf-1', receivedAt: hoursAgo(0.5) }));
    const second = runAlertRules(db, NOW);
    expect(second.raised).toHaveLength(0);
    const family = db.alerts.filter((a) => a.rule === 'familyGrowth');
    expect(family).toHaveLength(1);
    expect(family[0]).toMatchObject({ fired: 2, version: 2, figures: { count: 6 } });
    expect(family[0].complaintIds).toHaveLength(6);
    expect(db.audit.map((e) => e.detail?.kind)).toEqual(['alertRaised', 'alertGrew']);
  });

  it('does not touch the alert when nothing changed', () => {
    const db = familyWorld(5);
    runAlertRules(db, NOW);
    expect(runAlertRules(db, NOW)).toEqual({ raised: [], updated: [] });
    expect(db.alerts[0].version).toBe(1);
  });

  it('does not raise a closed alert again for the same complaints, but does for new ones', () => {
    const db = familyWorld(5);
    runAlertRules(db, NOW);
    db.alerts[0].status = 'closed';
    expect(runAlertRules(db, NOW).raised).toHaveLength(0);
    db.complaints.push(makeComplaint({ customerId: 'c-new', channel: CHANNELS[8], templateFamilyId: 'tf-1', receivedAt: hoursAgo(0.2) }));
    const again = runAlertRules(db, NOW).raised;
    expect(again).toHaveLength(1);
    expect(again[0].id).not.toBe(db.alerts[0].id);
  });
});

function sharedPhoneWorld(borrowers: number, lastHoursAgo: number): World {
  const db = emptyDb();
  db.entities.push(makeEntity('ent-phone-1', 'phone', { label: '138****0009' }));
  for (let i = 0; i < borrowers; i++) {
    const c = makeComplaint({ customerId: `c-${i}` });
    db.complaints.push(c);
    db.entities.push(makeEntity(`ent-c-${i}`, 'borrower', { attributes: { customerId: `c-${i}` } }));
    const at = i === borrowers - 1 ? hoursAgo(lastHoursAgo) : hoursAgo(24 * 30);
    db.links.push(makeLink('uses_phone', `ent-c-${i}`, 'ent-phone-1', { id: `l-${i}`, firstSeen: at, lastSeen: at, complaintIds: [c.id] }));
  }
  return db;
}

describe('a number newly shared by several borrowers', () => {
  it('fires when the third borrower arrives within the window', () => {
    const [f] = only(sharedPhoneWorld(3, 10), 'sharedEntity');
    expect(f).toMatchObject({ key: 'sharedEntity:ent-phone-1', figures: { count: 3, threshold: 3, kind: 'phone' } });
    expect(f.complaintIds).toHaveLength(3);
  });
  it('does not fire for two borrowers, nor when the third came long ago', () => {
    expect(only(sharedPhoneWorld(2, 10), 'sharedEntity')).toHaveLength(0);
    expect(only(sharedPhoneWorld(3, 24 * 8), 'sharedEntity')).toHaveLength(0);
  });
  it('ignores hub numbers such as the lender’s own hotline', () => {
    const db = sharedPhoneWorld(4, 1);
    db.entities[0].isHub = true;
    expect(only(db, 'sharedEntity')).toHaveLength(0);
  });
});

describe('一级 wording in a new complaint', () => {
  it('fires for a level-1 complaint received within a day, not an older one', () => {
    const db = emptyDb();
    db.complaints.push(makeComplaint({ grade: 'level1', receivedAt: hoursAgo(2) }), makeComplaint({ grade: 'level1', receivedAt: hoursAgo(30) }), makeComplaint({ grade: 'level2', receivedAt: hoursAgo(1) }));
    expect(only(db, 'level1Wording').map((f) => f.complaintIds[0])).toEqual([db.complaints[0].id]);
  });

  it('a templated batch is one alert for its family, not one per complaint', () => {
    const db = emptyDb();
    db.complaints.push(
      makeComplaint({ grade: 'level1', templateFamilyId: 'tf-9', riskScore: 80, receivedAt: hoursAgo(2) }),
      makeComplaint({ grade: 'level1', templateFamilyId: 'tf-9', riskScore: 95, receivedAt: hoursAgo(1) }),
      makeComplaint({ grade: 'level1', receivedAt: hoursAgo(1) }),
    );
    const found = only(db, 'level1Wording');
    expect(found.map((f) => f.key).sort()).toEqual([`level1Wording:${db.complaints[2].id}`, 'level1Wording:tf-9']);
    expect(found.find((f) => f.key === 'level1Wording:tf-9')).toMatchObject({ subject: { type: 'family', id: 'tf-9' }, figures: { count: 2, score: 95 } });
  });
});

describe('one borrower on several channels', () => {
  it('fires at two channels within seven days, not for two complaints on one channel', () => {
    const db = emptyDb();
    db.complaints.push(makeComplaint({ customerId: 'c-a', channel: '12378', receivedAt: hoursAgo(100) }), makeComplaint({ customerId: 'c-a', channel: 'heimao', receivedAt: hoursAgo(2) }));
    db.complaints.push(makeComplaint({ customerId: 'c-b', channel: 'app', receivedAt: hoursAgo(50) }), makeComplaint({ customerId: 'c-b', channel: 'app', receivedAt: hoursAgo(1) }));
    const found = only(db, 'multiChannel');
    expect(found.map((f) => f.subject.id)).toEqual(['c-a']);
    expect(found[0].figures).toMatchObject({ count: 2, channels: '12378,heimao' });
  });
  it('does not count a complaint older than the window', () => {
    const db = emptyDb();
    db.complaints.push(makeComplaint({ customerId: 'c-a', channel: '12378', receivedAt: hoursAgo(24 * 8) }), makeComplaint({ customerId: 'c-a', channel: 'heimao', receivedAt: hoursAgo(2) }));
    expect(only(db, 'multiChannel')).toHaveLength(0);
  });
});

describe('a channel above its own baseline', () => {
  // 2026-11-23 10:00 Beijing: today began 10 hours ago.
  function channelWorld(today: number, perDay = (d: number) => 2 + (d % 2)): World {
    const db = emptyDb();
    for (let d = 1; d <= 28; d++) for (let i = 0; i < perDay(d); i++) db.complaints.push(makeComplaint({ channel: 'heimao', receivedAt: hoursAgo(10 + 24 * (d - 1) + 1 + i) }));
    for (let i = 0; i < today; i++) db.complaints.push(makeComplaint({ channel: 'heimao', receivedAt: hoursAgo(9 - i * 0.1) }));
    return db;
  }
  it('fires when today is more than 3σ over the previous 28 days', () => {
    const [f] = only(channelWorld(8), 'channelSpike');
    expect(f).toMatchObject({ key: 'channelSpike:heimao:2026-11-23', figures: { count: 8, mean: 2.5, sd: 0.5, days: 28 } });
  });
  it('does not fire at an ordinary day’s count', () => {
    expect(only(channelWorld(4), 'channelSpike')).toHaveLength(0);
  });
  it('asks more than a few extra complaints of a channel that is nearly silent', () => {
    expect(only(channelWorld(2, () => 0), 'channelSpike')).toHaveLength(0);
    expect(only(channelWorld(3, () => 0), 'channelSpike')).toHaveLength(1);
  });
});

describe('deadlines at risk', () => {
  const due = (h: number) => ({ status: 'new' as const, dueAt: new Date(NOW.getTime() + h * 3_600_000).toISOString() });
  it('fires when work due within three days exceeds the free places under the caps', () => {
    const db = emptyDb();
    db.users[0].capacity = 3;
    db.complaints.push(makeComplaint({ ...due(5), assigneeId: 'u-analyst-1' }), ...[1, 2, 3].map(() => makeComplaint({ ...due(30) })));
    // One held within the cap leaves two free places for three unassigned.
    const [f] = only(db, 'deadlineRisk');
    expect(f.figures).toMatchObject({ dueSoon: 4, uncovered: 3, free: 2 });
    expect(f.complaintIds).toHaveLength(3);
  });
  it('does not fire while the free places cover it', () => {
    const db = emptyDb();
    db.users[0].capacity = 10;
    db.complaints.push(...[1, 2, 3].map(() => makeComplaint({ ...due(30) })), makeComplaint({ ...due(24 * 5) }));
    expect(only(db, 'deadlineRisk')).toHaveLength(0);
  });
  it('counts the work of someone away as uncovered', () => {
    const db = emptyDb();
    db.users.push({ id: 'u-analyst-2', name: '周', role: 'analyst', team: '消保一组', away: true, capacity: 40 });
    db.users[0].capacity = 1;
    db.complaints.push(makeComplaint({ ...due(5), assigneeId: 'u-analyst-2' }), makeComplaint({ ...due(6), assigneeId: 'u-analyst-2' }));
    expect(only(db, 'deadlineRisk')[0].figures).toMatchObject({ uncovered: 2, free: 1 });
  });
});

describe('mood of the wording', () => {
  it('reads escalation and self-harm, self-harm first', () => {
    expect(moodOf('如不解决将集体投诉并向媒体曝光')).toBe('escalation');
    expect(moodOf('我真的不想活了，还要向媒体曝光')).toBe('self_harm');
    expect(moodOf('催收员说要起诉我')).toBeNull();
  });

  it('raises a wave of escalation at its threshold, not below', () => {
    const wave = (n: number) => {
      const db = emptyDb();
      for (let i = 0; i < n; i++) db.complaints.push(makeComplaint({ text: '我们将组织集体投诉', receivedAt: hoursAgo(1) }));
      return only(db, 'escalationWave');
    };
    expect(wave(24)).toHaveLength(0);
    expect(wave(25)[0].figures).toMatchObject({ count: 25, threshold: 25 });
  });

  it('sends a complaint suggesting self-harm to a lead as urgent, even with the rule switched off', () => {
    const db = emptyDb();
    db.users.push({ id: 'u-lead-1', name: '组长', role: 'lead', team: '消保一组', away: false, capacity: 30 });
    const c: Complaint = makeComplaint({ text: '逼得我活不下去了', receivedAt: hoursAgo(3), assigneeId: 'u-analyst-1', label: 'agent_confirmed' });
    db.complaints.push(c);
    db.alertRules = [{ ...alertRulesOf(db).find((r) => r.id === 'selfHarm')!, enabled: false, version: 1 }];
    const { raised } = runAlertRules(db, NOW);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ rule: 'selfHarm', severity: 'urgent', assigneeId: 'u-lead-1', complaintIds: [c.id], figures: { phrase: '活不下去' } });
  });

  it('leaves answered complaints out', () => {
    const db = emptyDb();
    db.complaints.push(makeComplaint({ text: '不想活了', status: 'answered', receivedAt: hoursAgo(3) }));
    expect(only(db, 'selfHarm')).toHaveLength(0);
  });
});

describe('snooze', () => {
  it('reads as open once it runs out', () => {
    expect(effectiveStatus({ status: 'snoozed', snoozedUntil: hoursAgo(-1) }, NOW)).toBe('snoozed');
    expect(effectiveStatus({ status: 'snoozed', snoozedUntil: hoursAgo(0) }, NOW)).toBe('open');
  });
});

describe('applyFindings', () => {
  it('numbers alerts after the highest id kept', () => {
    const db = emptyDb();
    applyFindings(db, [{ rule: 'level1Wording', key: 'a', severity: 'high', subject: { type: 'complaint', id: 'x', label: 'x' }, figures: {}, complaintIds: ['x'] }], NOW);
    applyFindings(db, [{ rule: 'level1Wording', key: 'b', severity: 'high', subject: { type: 'complaint', id: 'y', label: 'y' }, figures: {}, complaintIds: ['y'] }], NOW);
    expect(db.alerts.map((a) => a.id)).toEqual(['alert-000001', 'alert-000002']);
  });
});
