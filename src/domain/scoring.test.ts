import { describe, expect, it } from 'vitest';
import type { Complaint, Signal } from '@/api/schemas';
import { signalSchema } from '@/api/schemas';
import { piiKey, type World } from './world';
import { ATTR, CONTACT, VOICEPRINT } from './conventions';
import {
  agentAccompanies,
  agentInName,
  buildScoringContext,
  contactAnomaly,
  documentReuse,
  falseEvidenceRefusesContact,
  gradeFor,
  repeatedComplaints,
  scoreAll,
  scoreComplaint,
  SIGNAL_WEIGHTS,
  templateText,
  voiceprintMatch,
  wordingLevel1,
  wordingLevel2,
} from './scoring';
import { addComplaint, addCustomer, emptyDb, makeEntity, makeEvidence, makeLink } from './testFixtures';

const AGENT_PHONE = '13900000009';
const FIRM = '深圳市鼎盛商务咨询有限公司';

/** A firm with one agent (enrolled voiceprint) and one phone, as the graph knows them. */
function withAgent(db: World) {
  db.entities.push(
    makeEntity('firm', 'agent_firm', { label: FIRM }),
    makeEntity('agent', 'agent_person', { label: '赵经理', attributes: { [ATTR.voiceprint]: VOICEPRINT.enrolled } }),
    makeEntity('agent-2', 'agent_person', { label: '钱助理' }),
    makeEntity('agent-phone', 'phone', { label: '139****0009' }),
  );
  db.pii[piiKey('entity', 'agent-phone', 'label')] = AGENT_PHONE;
  db.links.push(makeLink('employed_by', 'agent', 'firm'), makeLink('employed_by', 'agent-2', 'firm'), makeLink('uses_phone', 'agent', 'agent-phone'));
}

function borrowerEntity(db: World, customerId: string, contact: string = CONTACT.reachable) {
  db.entities.push(makeEntity(`ent-${customerId}`, 'borrower', { attributes: { [ATTR.customerId]: customerId, [ATTR.contact]: contact } }));
}

const codes = (signals: Signal[]) => signals.map((s) => s.code).sort();

describe('agent_in_name', () => {
  it('fires when a third party files with a power of attorney, naming the firm', () => {
    const db = emptyDb();
    withAgent(db);
    addCustomer(db, 'c-1', '13800000001');
    db.evidence.push(makeEvidence('poa', { title: '授权委托书' }));
    const c = addComplaint(db, AGENT_PHONE, {
      complainant: { kind: 'agent', name: '赵经理', phone: '139****0009', idNumber: '440***********1234', agentFirm: FIRM, powerOfAttorneyEvidenceId: 'poa' },
      evidenceIds: ['poa'],
    });
    const s = agentInName(c, buildScoringContext(db));
    expect(s?.weight).toBe(SIGNAL_WEIGHTS.agent_in_name);
    expect(s?.explanation).toBe(`投诉人为第三方（${FIRM}）并持授权委托书代为投诉，非借款人本人`);
    expect(s?.evidenceRefs.map((r) => r.id)).toEqual(['poa', 'firm']);
  });

  it('does not fire for the borrower or a relative', () => {
    const db = emptyDb();
    addCustomer(db, 'c-1', '13800000001');
    const self = addComplaint(db, '13800000001');
    const relative = addComplaint(db, '13700000002', { complainant: { ...self.complainant, kind: 'relative', name: '张母' } });
    const ctx = buildScoringContext(db);
    expect(agentInName(self, ctx)).toBeNull();
    expect(agentInName(relative, ctx)).toBeNull();
  });
});

describe('agent_accompanies', () => {
  it('fires when an agent represented the borrower on this complaint although the borrower filed', () => {
    const db = emptyDb();
    withAgent(db);
    addCustomer(db, 'c-1', '13800000001');
    const c = addComplaint(db, '13800000001', { channel: 'branch' });
    db.links.push(makeLink('represents', 'agent', 'ent-c-1', { complaintIds: [c.id] }));
    const s = agentAccompanies(c, buildScoringContext(db));
    expect(s?.explanation).toContain('到访时由代理人赵经理');
    expect(s?.explanation).toContain(FIRM);
  });

  it('does not fire without such a link, or when the agent filed openly (that is agent_in_name)', () => {
    const db = emptyDb();
    withAgent(db);
    addCustomer(db, 'c-1', '13800000001');
    const alone = addComplaint(db, '13800000001');
    const filedByAgent = addComplaint(db, AGENT_PHONE, { complainant: { ...alone.complainant, kind: 'agent', agentFirm: FIRM } });
    db.links.push(makeLink('represents', 'agent', 'ent-c-1', { complaintIds: [filedByAgent.id] }));
    const ctx = buildScoringContext(db);
    expect(agentAccompanies(alone, ctx)).toBeNull();
    expect(agentAccompanies(filedByAgent, ctx)).toBeNull();
  });
});

describe('repeated_complaints', () => {
  it('fires for the same borrower on two outside channels and lists the other complaints', () => {
    const db = emptyDb();
    addCustomer(db, 'c-1', '13800000001');
    const a = addComplaint(db, '13800000001', { channel: '12378' });
    const b = addComplaint(db, '13800000001', { channel: '12363' });
    const s = repeatedComplaints(a, buildScoringContext(db));
    expect(s?.explanation).toContain('投诉2次');
    expect(s?.explanation).toContain('12363热线');
    expect(s?.evidenceRefs).toEqual([{ type: 'complaint', id: b.id, label: `${b.id}（12363热线）` }]);
  });

  it('does not fire for a single complaint or a hotline call escalated once to the regulator', () => {
    const db = emptyDb();
    addCustomer(db, 'c-1', '13800000001');
    addCustomer(db, 'c-2', '13800000002');
    const single = addComplaint(db, '13800000001', { customerId: 'c-1' });
    const hotline = addComplaint(db, '13800000002', { customerId: 'c-2', channel: 'hotline' });
    addComplaint(db, '13800000002', { customerId: 'c-2', channel: '12378' });
    const ctx = buildScoringContext(db);
    expect(repeatedComplaints(single, ctx)).toBeNull();
    expect(repeatedComplaints(hotline, ctx)).toBeNull();
  });
});

describe('false_evidence_refuses_contact', () => {
  const forged = { status: 'forged' as const, reason: '医院否认出具', method: '电话核实', byId: 'u-analyst-1', at: '2026-11-02T00:00:00.000Z' };

  it('fires at full weight for forged evidence from a borrower who refuses contact', () => {
    const db = emptyDb();
    addCustomer(db, 'c-1', '13800000001');
    borrowerEntity(db, 'c-1', CONTACT.refused);
    db.evidence.push(makeEvidence('e1', { verdict: forged }));
    const c = addComplaint(db, '13800000001', { evidenceIds: ['e1'] });
    const s = falseEvidenceRefusesContact(c, buildScoringContext(db));
    expect(s?.weight).toBe(SIGNAL_WEIGHTS.false_evidence_refuses_contact);
    expect(s?.explanation).toBe('提交的《诊断证明书》经核实为伪造（医院否认出具），且借款人本人拒绝与机构直接沟通');
  });

  it('fires weaker without the refusal, and not at all for unverified evidence', () => {
    const db = emptyDb();
    addCustomer(db, 'c-1', '13800000001');
    borrowerEntity(db, 'c-1');
    db.evidence.push(makeEvidence('e1', { verdict: forged }), makeEvidence('e2'));
    const forgedOnly = addComplaint(db, '13800000001', { evidenceIds: ['e1'] });
    const unverified = addComplaint(db, '13800000001', { evidenceIds: ['e2'] });
    const ctx = buildScoringContext(db);
    expect(falseEvidenceRefusesContact(forgedOnly, ctx)?.weight).toBeLessThan(SIGNAL_WEIGHTS.false_evidence_refuses_contact);
    expect(falseEvidenceRefusesContact(unverified, ctx)).toBeNull();
  });
});

describe('template_text', () => {
  const text = (name: string) =>
    `本人${name}在贵司借款，因失业无力偿还。贵司催收人员多次电话轰炸，骚扰家人同事，已构成暴力催收；借款利率远超法定上限，涉嫌违规放贷。` +
    '要求立即停止催收、减免全部利息罚息、暂停计息，否则将向监管部门、人民银行反复投诉并向媒体曝光，由此产生的一切后果由贵司承担。';

  it('fires when the text is a near-copy of three or more borrowers’ complaints', () => {
    const db = emptyDb();
    const names = ['王芳', '李强', '张伟'];
    const complaints = names.map((name, i) => {
      addCustomer(db, `c-${i}`, `1380000000${i}`);
      return addComplaint(db, `1380000000${i}`, { customerId: `c-${i}`, borrowerName: name, text: text(name) });
    });
    const s = templateText(complaints[0], buildScoringContext(db));
    expect(s?.explanation).toMatch(/^文本与模板族 tf-0001 中另外2名借款人的投诉高度雷同（字符相似度约\d+%），仅姓名、产品、金额不同$/);
    expect(s?.evidenceRefs).toHaveLength(2);
  });

  it('does not fire for an original text, nor for one borrower resending their own letter', () => {
    const db = emptyDb();
    addCustomer(db, 'c-1', '13800000001');
    addCustomer(db, 'c-2', '13800000002');
    const own1 = addComplaint(db, '13800000001', { customerId: 'c-1', text: text('王芳') });
    addComplaint(db, '13800000001', { customerId: 'c-1', channel: '12363', text: text('王芳') });
    const original = addComplaint(db, '13800000002', { customerId: 'c-2', text: '上个月的还款我已经按时还了，银行卡也扣了钱，但是系统显示我逾期了，还产生了罚息，请核实后更正。' });
    const ctx = buildScoringContext(db);
    expect(templateText(own1, ctx)).toBeNull();
    expect(templateText(original, ctx)).toBeNull();
  });
});

describe('contact_anomaly', () => {
  it('fires when the number left belongs to a known agent', () => {
    const db = emptyDb();
    withAgent(db);
    addCustomer(db, 'c-1', '13800000001');
    const c = addComplaint(db, AGENT_PHONE);
    const s = contactAnomaly(c, buildScoringContext(db));
    expect(s?.weight).toBe(SIGNAL_WEIGHTS.contact_anomaly);
    expect(s?.explanation).toBe('投诉留存电话139****0009为已知代理人员（赵经理）使用的号码');
    expect(s?.explanation).not.toContain(AGENT_PHONE);
  });

  it('fires when one number is left by three unrelated borrowers', () => {
    const db = emptyDb();
    const shared = '13600000006';
    const complaints = [1, 2, 3].map((i) => {
      addCustomer(db, `c-${i}`, `1380000000${i}`);
      return addComplaint(db, shared, { customerId: `c-${i}` });
    });
    expect(contactAnomaly(complaints[0], buildScoringContext(db))?.explanation).toContain('3名不同借款人');
  });

  it('fires weakly for a self-complaint from an unregistered number, and not for the registered one', () => {
    const db = emptyDb();
    addCustomer(db, 'c-1', '13800000001');
    const registered = addComplaint(db, '13800000001');
    const other = addComplaint(db, '15000000005');
    const ctx = buildScoringContext(db);
    expect(contactAnomaly(registered, ctx)).toBeNull();
    expect(contactAnomaly(other, ctx)?.weight).toBeLessThan(SIGNAL_WEIGHTS.contact_anomaly);
  });
});

describe('voiceprint_match', () => {
  it('fires when a recording attached to the complaint carries an enrolled agent’s voice', () => {
    const db = emptyDb();
    withAgent(db);
    addCustomer(db, 'c-1', '13800000001');
    db.evidence.push(makeEvidence('rec', { kind: 'audio', title: '客服回访录音', fileName: 'call-recording.wav', mime: 'audio/wav' }));
    db.links.push(makeLink('called', 'agent', 'ent-c-1', { evidenceIds: ['rec'] }));
    const c = addComplaint(db, '13800000001', { evidenceIds: ['rec'] });
    const s = voiceprintMatch(c, buildScoringContext(db));
    expect(s?.explanation).toBe(`录音《客服回访录音》中的说话人与已建档代理人赵经理（${FIRM}）声纹比对一致`);
    expect(s?.evidenceRefs.map((r) => r.id)).toEqual(['rec', 'agent']);
  });

  it('does not fire when the speaker has no enrolled voiceprint', () => {
    const db = emptyDb();
    withAgent(db);
    addCustomer(db, 'c-1', '13800000001');
    db.evidence.push(makeEvidence('rec', { kind: 'audio' }));
    db.links.push(makeLink('called', 'agent-2', 'ent-c-1', { evidenceIds: ['rec'] }));
    const c = addComplaint(db, '13800000001', { evidenceIds: ['rec'] });
    expect(voiceprintMatch(c, buildScoringContext(db))).toBeNull();
  });
});

describe('document_reuse', () => {
  function dbWithDocument(borrowers: number, options: { asPowerOfAttorney?: boolean } = {}) {
    const db = emptyDb();
    const complaints: Complaint[] = [];
    for (let i = 1; i <= borrowers; i++) {
      addCustomer(db, `c-${i}`, `1380000000${i}`);
      db.evidence.push(makeEvidence(`doc-${i}`, { perceptualHash: 'ffee00112233aabb', sha256: String(i).repeat(64).slice(0, 64) }));
      const complainant = { kind: 'agent' as const, name: '赵经理', phone: '139****0009', idNumber: '440***********1234', agentFirm: FIRM, powerOfAttorneyEvidenceId: options.asPowerOfAttorney ? `doc-${i}` : null };
      complaints.push(addComplaint(db, `1380000000${i}`, { customerId: `c-${i}`, evidenceIds: [`doc-${i}`], complainant }));
    }
    return { db, complaints };
  }

  it('fires when the same image (by perceptual hash, even re-encoded) comes from three borrowers', () => {
    const { db, complaints } = dbWithDocument(3);
    const s = documentReuse(complaints[0], buildScoringContext(db));
    expect(s?.explanation).toBe('《诊断证明书》与另外2名借款人提交的材料为同一文件（图像感知哈希一致）');
    expect(s?.evidenceRefs.map((r) => r.id)).toEqual(['doc-1']);
  });

  it('does not fire for two borrowers, or for powers of attorney (one form per client)', () => {
    expect(documentReuse(dbWithDocument(2).complaints[0], buildScoringContext(dbWithDocument(2).db))).toBeNull();
    const poa = dbWithDocument(3, { asPowerOfAttorney: true });
    expect(documentReuse(poa.complaints[0], buildScoringContext(poa.db))).toBeNull();
  });
});

describe('wording and grade', () => {
  const complaint = (text: string, agentFirm: string | null = null) =>
    addComplaint(emptyDb(), '13800000001', { text, complainant: { kind: agentFirm ? 'agent' : 'self', name: 'x', phone: '138****0001', idNumber: '110***********1234', agentFirm, powerOfAttorneyEvidenceId: null } });

  it('level 1: 一级话术 and impersonating a lawyer', () => {
    const wording = wordingLevel1(complaint('本人已委托专业反催收团队全权处理，请配合征信修复。'));
    expect(wording?.explanation).toBe('投诉含一级异常维权话术“专业反催收”“征信修复”');
    expect(wordingLevel1(complaint('本律师受借款人委托依法代为处理本案。'))?.explanation).toContain('疑似冒充律师或公职人员（“本律师”）');
    expect(wordingLevel1(complaint('请处理。', '长沙市恒信律师事务所'))?.explanation).toContain('长沙市恒信律师事务所');
  });

  it('level 2: 二级话术 and unverifiable statistics', () => {
    expect(wordingLevel2(complaint('请为本人办理停息挂账和个性化分期。'))?.explanation).toBe('投诉含二级异常维权话术“停息挂账”“个性化分期”');
    expect(wordingLevel2(complaint('同类情况成功率98%以上。'))?.explanation).toContain('成功率98%');
  });

  it('neither fires on an ordinary complaint', () => {
    const c = complaint('催收电话太频繁，请规范催收，希望协商分期还款。');
    expect(wordingLevel1(c)).toBeNull();
    expect(wordingLevel2(c)).toBeNull();
  });

  it('grades level1 over level2 over normal', () => {
    const s = (code: Signal['code']): Signal => ({ code, weight: 1, explanation: 'x', evidenceRefs: [] });
    expect(gradeFor([s('wording_level2'), s('wording_level1')])).toBe('level1');
    expect(gradeFor([s('wording_level2'), s('template_text')])).toBe('level2');
    expect(gradeFor([s('agent_in_name'), s('template_text')])).toBe('normal');
  });
});

describe('scoreComplaint / scoreAll', () => {
  it('sums weights, caps at 100, and explains every point', () => {
    const db = emptyDb();
    withAgent(db);
    addCustomer(db, 'c-1', '13800000001');
    borrowerEntity(db, 'c-1', CONTACT.refused);
    db.evidence.push(makeEvidence('poa'), makeEvidence('forged', { verdict: { status: 'forged', reason: '医院否认', method: '电话核实', byId: 'u-analyst-1', at: '2026-11-02T00:00:00.000Z' } }));
    const complainant = { kind: 'agent' as const, name: '赵经理', phone: '139****0009', idNumber: '440***********1234', agentFirm: FIRM, powerOfAttorneyEvidenceId: 'poa' };
    const c = addComplaint(db, AGENT_PHONE, { complainant, evidenceIds: ['poa', 'forged'], text: '本人已委托专业反催收团队处理，要求停息挂账。' });
    addComplaint(db, AGENT_PHONE, { complainant, channel: '12363' });
    const result = scoreComplaint(c, buildScoringContext(db));
    expect(codes(result.signals)).toEqual(['agent_in_name', 'contact_anomaly', 'false_evidence_refuses_contact', 'repeated_complaints', 'wording_level1', 'wording_level2']);
    const sum = result.signals.reduce((n, s) => n + s.weight, 0);
    expect(sum).toBeGreaterThan(100);
    expect(result.riskScore).toBe(100);
    expect(result.grade).toBe('level1');
    for (const s of result.signals) expect(signalSchema.parse(s).explanation.length).toBeGreaterThan(5);
  });

  it('scores a plain genuine complaint zero and writes results onto the records', () => {
    const db = emptyDb();
    addCustomer(db, 'c-1', '13800000001');
    const c = addComplaint(db, '13800000001', { riskScore: 55, grade: 'level2' });
    scoreAll(db);
    expect(c).toMatchObject({ riskScore: 0, grade: 'normal', signals: [], templateFamilyId: null, templateFamilySize: 0 });
  });
});
