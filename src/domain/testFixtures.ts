/**
 * Small hand-made records for the domain tests: every field valid by the contract, overridable per test,
 * so each test states only what it is about.
 */
import type { Complaint, Customer, Entity, Evidence, Link } from '@/api/schemas';
import { piiKey, type World } from './world';
import { dueAtIso } from './deadlines';

export const T0 = '2026-11-01T02:00:00.000Z';

export function emptyDb(): World {
  return {
    seed: 1,
    generatedAt: '2026-11-23T01:00:00.000Z',
    users: [{ id: 'u-analyst-1', name: '林晓雯', role: 'analyst', team: '消保一组', away: false, capacity: 40 }],
    customers: [],
    complaints: [],
    evidence: [],
    entities: [],
    links: [],
    cases: [],
    referrals: [],
    institutions: [],
    sharing: [],
    alerts: [],
    alertRules: [],
    audit: [],
    pii: {},
    session: { userId: 'u-analyst-1' },
  };
}

export function makeCustomer(id: string, phone: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    name: `借款人${id}`,
    idNumber: '110***********1234',
    phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    bankAccount: '6222 **** **** 1234',
    city: '北京市朝阳区',
    loans: [{ loanId: `L-${id}`, product: '信用贷', principal: 50000, outstanding: 30000, overdueDays: 40, disbursedAt: '2025-06-01T00:00:00.000Z' }],
    ...overrides,
  };
}

let seq = 0;
export function makeComplaint(overrides: Partial<Complaint> = {}): Complaint {
  seq += 1;
  const receivedAt = overrides.receivedAt ?? T0;
  const deadlineKind = overrides.deadlineKind ?? 'standard';
  return {
    id: `cmp-t${String(seq).padStart(4, '0')}`,
    channel: '12378',
    regulatorRef: null,
    customerId: 'c-1',
    borrowerName: '张三',
    complainant: { kind: 'self', name: '张三', phone: '138****0001', idNumber: '110***********1234', agentFirm: null, powerOfAttorneyEvidenceId: null },
    demands: ['stop_collection'],
    text: '催收电话太多了，请处理。',
    receivedAt,
    deadlineKind,
    dueAt: dueAtIso(receivedAt, deadlineKind),
    status: 'new',
    label: 'none',
    riskScore: 0,
    grade: 'normal',
    signals: [],
    assigneeId: null,
    caseId: null,
    templateFamilyId: null,
    templateFamilySize: 0,
    evidenceIds: [],
    notes: [],
    version: 1,
    updatedAt: receivedAt,
    ...overrides,
  };
}

export function makeEntity(id: string, type: Entity['type'], overrides: Partial<Entity> = {}): Entity {
  return { id, type, label: id, attributes: {}, isHub: false, firstSeen: T0, lastSeen: T0, ...overrides };
}

let linkSeq = 0;
export function makeLink(type: Link['type'], source: string, target: string, overrides: Partial<Link> = {}): Link {
  linkSeq += 1;
  return { id: `lnk-t${linkSeq}`, type, source, target, firstSeen: T0, lastSeen: T0, complaintIds: [], evidenceIds: [], ...overrides };
}

export function makeEvidence(id: string, overrides: Partial<Evidence> = {}): Evidence {
  return {
    id,
    kind: 'image',
    title: '诊断证明书',
    fileName: 'cert-diagnosis-a.png',
    mime: 'image/png',
    size: 100,
    sha256: 'a'.repeat(64),
    url: '/samples/cert-diagnosis-a.png',
    source: '投诉人经12378提交',
    complaintId: null,
    caseId: null,
    uploadedAt: T0,
    uploadedById: null,
    verdict: { status: 'unverified', reason: '', method: '', byId: null, at: null },
    annotations: [],
    custody: [{ at: T0, actorId: 'system', action: 'uploaded', detail: 'test' }],
    perceptualHash: null,
    version: 1,
    ...overrides,
  };
}

/** Adds a customer with a registered phone (clear value in pii). */
export function addCustomer(db: World, id: string, phone: string): Customer {
  const customer = makeCustomer(id, phone);
  db.customers.push(customer);
  db.pii[piiKey('customer', id, 'phone')] = phone;
  return customer;
}

/** Adds a complaint, recording the clear phone the complainant left. */
export function addComplaint(db: World, phone: string, overrides: Partial<Complaint> = {}): Complaint {
  const complaint = makeComplaint(overrides);
  db.complaints.push(complaint);
  db.pii[piiKey('complaint', complaint.id, 'complainantPhone')] = phone;
  return complaint;
}
