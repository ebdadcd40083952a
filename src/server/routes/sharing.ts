/**
 * Industry sharing (行业协同): the server keeps the alliance's institutions, the sessions, and our signing
 * key, signs what leaves and checks what arrives. Identifiers are hashed and blinded in the lead's browser
 * worker, never here: the server sees our own clear identifiers (it holds them anyway) and blinded points.
 */
import {
  NORMALISATION_VERSION,
  SHARING_FORMAT,
  institutionSelfSchema,
  peerCreateSchema,
  peerPatchSchema,
  sharedTypeSchema,
  sharingCreateSchema,
  sharingImportSchema,
  sharingResultSchema,
  sharingSessionCommandSchema,
  sharingSignRequestSchema,
  type AuditDetail,
  type Institution,
  type PointSets,
  type SharedType,
  type SharingFile,
  type SharingSession,
  type User,
} from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { checkFile, newSigningKeys, RefusedFile, signFile, signManifest } from '@/domain/sharing/files';
import { ALLIANCE_ATTR, offeredIdentifiers } from '@/domain/sharing/identifiers';
import { piiKey, type World } from '@/domain/world';
import { toCsv } from '@/domain/csv';
import { z } from 'zod';
import { checkVersion, fail, findOr404, get, parseBody, parseQuery, patch, post, put, randomHex, requireWriter, type Ctx, type Route } from '../http';

const requireReader = (ctx: Ctx): User => {
  if (!['lead', 'auditor', 'admin'].includes(ctx.user.role)) throw fail(403, 'forbidden', ctx.t('sharingReadRoles'));
  return ctx.user;
};
const requireLead = (ctx: Ctx) => requireWriter(ctx, ['lead'], 'sharingLeadOnly');
const requireAdmin = (ctx: Ctx): User => {
  if (ctx.user.role !== 'admin') throw fail(403, 'forbidden', ctx.t('sharingAdminOnly'));
  return ctx.user;
};

const selfOf = (db: World) => db.institutions.find((i) => i.self) ?? null;
const secretKeyOf = (db: World, self: Institution) => db.pii[piiKey('institution', self.id, 'signingKey')];
function requireSelf(ctx: Ctx): { self: Institution; secretKey: string } {
  const self = selfOf(ctx.db);
  const secretKey = self && secretKeyOf(ctx.db, self);
  if (!self || !secretKey) throw fail(409, 'conflict', ctx.t('sharingNotSetUp'));
  return { self, secretKey };
}
const usablePeer = (ctx: Ctx, id: string) => {
  const peer = ctx.db.institutions.find((i) => i.id === id && !i.self && !i.revoked);
  if (!peer) throw fail(422, 'validation', ctx.t('sharingPeerUnusable'));
  return peer;
};
const inState = (ctx: Ctx, s: SharingSession, ...allowed: SharingSession['status'][]) => {
  if (!allowed.includes(s.status)) throw fail(409, 'conflict', ctx.t('sharingWrongState', { status: s.status }), s);
};
/** A lead's step on one session: the right role, the version the lead saw, a state the step starts from. */
async function leadStep<S extends z.ZodType<{ version: number }>>(ctx: Ctx, schema: S, ...states: SharingSession['status'][]): Promise<{ s: SharingSession; body: z.infer<S> }> {
  requireLead(ctx);
  const body = await parseBody(ctx, schema);
  const s = findOr404(ctx, ctx.db.sharing, String(ctx.params.id));
  checkVersion(ctx, s, body.version);
  inState(ctx, s, ...states);
  return { s, body };
}
const countsOf = (sets: PointSets) => Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v?.length ?? 0])) as SharingSession['sent'];
const total = (counts: SharingSession['sent']) => Object.values(counts).reduce<number>((n, v) => n + (v ?? 0), 0);

function audit(ctx: Ctx, s: SharingSession | Institution, kind: AuditDetail['kind'], detail: Omit<AuditDetail, 'kind'>, summary: string) {
  const isSession = 'manifest' in s;
  recordAudit(ctx.db, {
    actorId: ctx.user.id,
    action: isSession ? 'sharing' : 'institution_update',
    recordType: isSession ? 'sharing' : 'institution',
    recordId: s.id,
    summary,
    reason: isSession ? `${s.manifest.purpose} · ${s.manifest.legalBasis}` : null,
    detail: { kind, ...detail },
  });
}
const peerName = (s: SharingSession) => (s.role === 'initiator' ? s.manifest.responder.name : s.manifest.initiator.name);

function touch(s: SharingSession, changes: Partial<SharingSession>) {
  Object.assign(s, changes, { version: s.version + 1, updatedAt: new Date().toISOString() });
}

/** The file a received step must be, with the refusal in the reader's words. */
async function receive(ctx: Ctx, raw: unknown, want: Omit<Parameters<typeof checkFile>[1], 'institutions' | 'now' | 'self'>, self: Institution): Promise<SharingFile> {
  try {
    return await checkFile(raw, { ...want, self, institutions: ctx.db.institutions, now: new Date() });
  } catch (e) {
    if (e instanceof RefusedFile) throw fail(422, 'validation', ctx.t(`sharingRefused_${e.refusal}`));
    throw e;
  }
}

const typesQuery = z.object({ types: z.preprocess((v) => (typeof v === 'string' && v ? v.split(',') : []), z.array(sharedTypeSchema)) });

export const sharingRoutes: Route[] = [
  get('/sharing', (ctx) => {
    requireReader(ctx);
    return { self: selfOf(ctx.db), peers: ctx.db.institutions.filter((i) => !i.self), sessions: [...ctx.db.sharing].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
  }),

  get('/sharing/sessions/:id', (ctx) => {
    requireReader(ctx);
    return findOr404(ctx, ctx.db.sharing, String(ctx.params.id));
  }),

  /** How many identifiers of each type we would offer: seen before anything leaves. */
  get('/sharing/offer', (ctx) => {
    requireReader(ctx);
    const { types } = parseQuery(ctx, typesQuery);
    const sets = offeredIdentifiers(ctx.db, types.length ? types : sharedTypeSchema.options);
    return Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v?.length ?? 0]));
  }),

  put('/sharing/institution', async (ctx) => {
    const user = requireAdmin(ctx);
    const body = await parseBody(ctx, institutionSelfSchema);
    const db = ctx.db;
    const self = selfOf(db);
    if (db.institutions.some((i) => !i.self && i.id === body.id)) throw fail(422, 'validation', ctx.t('sharingPeerExists'));
    if (self?.id === body.id) {
      Object.assign(self, { name: body.name, version: self.version + 1 });
      audit(ctx, self, 'institutionSaved', { text: `${body.name} (${body.id})`, to: 'renamed' }, 'institution renamed');
      return self;
    }
    // A new id is a new identity with a new key, so nothing signed under the old one speaks for it.
    if (self && db.sharing.length > 0) throw fail(409, 'conflict', ctx.t('sharingSelfLocked'));
    if (self) db.institutions.splice(db.institutions.indexOf(self), 1);
    const keys = await newSigningKeys();
    const created: Institution = { id: body.id, name: body.name, publicKey: keys.publicKey, self: true, revoked: false, addedAt: new Date().toISOString(), addedBy: user.id, version: 1 };
    db.institutions.push(created);
    db.pii[piiKey('institution', created.id, 'signingKey')] = keys.secretKey;
    audit(ctx, created, 'institutionSaved', { text: `${body.name} (${body.id})` }, 'institution key created');
    return created;
  }),

  post('/sharing/peers', async (ctx) => {
    const user = requireAdmin(ctx);
    const body = await parseBody(ctx, peerCreateSchema);
    const db = ctx.db;
    const self = selfOf(db);
    if (self && (self.id === body.id || self.publicKey === body.publicKey)) throw fail(422, 'validation', ctx.t('sharingPeerIsSelf'));
    if (db.institutions.some((i) => i.id === body.id)) throw fail(409, 'conflict', ctx.t('sharingPeerExists'));
    const peer: Institution = { ...body, self: false, revoked: false, addedAt: new Date().toISOString(), addedBy: user.id, version: 1 };
    db.institutions.push(peer);
    audit(ctx, peer, 'peerAdded', { text: `${peer.name} (${peer.id})` }, 'peer added');
    return peer;
  }),

  patch('/sharing/peers/:id', async (ctx) => {
    requireAdmin(ctx);
    const body = await parseBody(ctx, peerPatchSchema);
    const peer = findOr404(ctx, ctx.db.institutions.filter((i) => !i.self), String(ctx.params.id));
    checkVersion(ctx, peer, body.version);
    if (peer.revoked === body.revoked) return peer;
    Object.assign(peer, { revoked: body.revoked, version: peer.version + 1 });
    audit(ctx, peer, 'peerRevoked', { text: `${peer.name} (${peer.id})`, to: body.revoked ? 'revoked' : 'restored' }, body.revoked ? 'peer revoked' : 'peer restored');
    return peer;
  }),

  post('/sharing/sessions', async (ctx) => {
    const user = requireLead(ctx);
    const body = await parseBody(ctx, sharingCreateSchema);
    const { self } = requireSelf(ctx);
    const peer = usablePeer(ctx, body.peerId);
    const now = new Date();
    const types = [...new Set(body.types)];
    const session: SharingSession = {
      id: `psi-${randomHex(12)}`,
      role: 'initiator',
      peerId: peer.id,
      manifest: {
        sessionId: '',
        initiator: { id: self.id, name: self.name },
        responder: { id: peer.id, name: peer.name },
        types,
        normalisation: NORMALISATION_VERSION,
        maxSetSize: body.maxSetSize,
        purpose: body.purpose,
        legalBasis: body.legalBasis,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString(),
      },
      manifestSignatures: {},
      status: 'draft',
      sent: {},
      received: {},
      matches: [],
      tagged: false,
      createdBy: user.id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    };
    session.manifest.sessionId = session.id;
    ctx.db.sharing.push(session);
    audit(ctx, session, 'sharingCreated', { text: peer.name, ids: types, to: body.purpose }, 'sharing session created');
    return session;
  }),

  /**
   * Our identifiers of the session's types, for the lead's worker to blind. Clear values leave the
   * database only here, so this is audited like a reveal: who, for which session, how many.
   */
  post('/sharing/sessions/:id/identifiers', async (ctx) => {
    const { s } = await leadStep(ctx, sharingSessionCommandSchema, 'draft', 'request_received');
    const sets = offeredIdentifiers(ctx.db, s.manifest.types);
    const count = Object.values(sets).reduce((n, v) => n + (v?.length ?? 0), 0);
    for (const [type, list] of Object.entries(sets)) if ((list?.length ?? 0) > s.manifest.maxSetSize) throw fail(422, 'validation', ctx.t('sharingCounts', { detail: `${type} ${list!.length} > ${s.manifest.maxSetSize}` }));
    audit(ctx, s, 'sharingIdentifiers', { text: peerName(s), count }, 'identifiers read for blinding');
    return { sets: Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, (v ?? []).map(({ entityId, value }) => ({ entityId, value }))])) };
  }),

  /** Signs the blinded sets as the session's next file: the request (initiator) or the response (responder). */
  post('/sharing/sessions/:id/sign', async (ctx) => {
    const { s, body } = await leadStep(ctx, sharingSignRequestSchema, 'draft', 'request_received');
    const { self, secretKey } = requireSelf(ctx);
    usablePeer(ctx, s.peerId);
    const m = s.manifest;
    if (Date.parse(m.expiresAt) <= Date.now()) throw fail(422, 'validation', ctx.t('sharingRefused_expired'));
    const declared = new Set<string>(m.types);
    const problems: string[] = [];
    for (const sets of [body.sets, body.peerSets ?? {}])
      for (const [type, points] of Object.entries(sets)) {
        if (!declared.has(type)) problems.push(`${type} ∉ manifest`);
        else if ((points?.length ?? 0) > m.maxSetSize) problems.push(`${type} ${points!.length} > ${m.maxSetSize}`);
      }
    const responding = s.status === 'request_received';
    if (responding) {
      if (!body.peerSets) problems.push('peerSets missing');
      for (const [type, n] of Object.entries(s.received)) if ((body.sets[type as SharedType]?.length ?? 0) !== n) problems.push(`${type} ${body.sets[type as SharedType]?.length ?? 0} ≠ ${n}`);
    } else if (body.peerSets) problems.push('peerSets only in a response');
    if (problems.length) throw fail(422, 'validation', ctx.t('sharingCounts', { detail: problems.join('; ') }));

    const signature = await signManifest(m, secretKey);
    const signatures = responding ? { initiator: s.manifestSignatures.initiator!, responder: signature } : { initiator: signature };
    const file = await signFile(
      { format: SHARING_FORMAT, step: responding ? 'response' : 'request', manifest: m, manifestSignatures: signatures, sender: self.id, sets: body.sets, ...(responding ? { peerSets: body.peerSets } : {}), createdAt: new Date().toISOString() },
      secretKey,
    );
    const sent = countsOf(responding ? body.peerSets! : body.sets);
    touch(s, { status: responding ? 'response_sent' : 'request_sent', manifestSignatures: signatures, sent });
    audit(ctx, s, 'sharingExported', { text: peerName(s), to: file.step, count: total(countsOf(body.sets)) + total(countsOf(body.peerSets ?? {})) }, `${file.step} file signed`);
    return { session: s, file };
  }),

  /** A file from a peer: a request opens a session on our side; a response completes ours. */
  post('/sharing/import', async (ctx) => {
    const user = requireLead(ctx);
    const { file: raw } = await parseBody(ctx, sharingImportSchema);
    const { self } = requireSelf(ctx);
    const step = (raw as { step?: unknown } | null)?.step;
    const sessionId = (raw as { manifest?: { sessionId?: unknown } } | null)?.manifest?.sessionId;
    const existing = typeof sessionId === 'string' ? ctx.db.sharing.find((s) => s.id === sessionId) : undefined;
    if (step === 'response') {
      if (!existing || existing.role !== 'initiator') throw fail(422, 'validation', ctx.t('sharingRefused_wrongSession'));
      if (existing.status !== 'request_sent') throw fail(422, 'validation', ctx.t(existing.status === 'draft' || existing.status === 'cancelled' ? 'sharingRefused_wrongSession' : 'sharingRefused_replayed'));
      const file = await receive(ctx, raw, { step: 'response', manifest: existing.manifest, sent: existing.sent }, self);
      const received = countsOf(file.peerSets ?? {});
      touch(existing, { status: 'response_received', received, manifestSignatures: file.manifestSignatures });
      audit(ctx, existing, 'sharingImported', { text: peerName(existing), to: 'response', count: total(received) }, 'response imported');
      return { session: existing, file };
    }
    if (existing) throw fail(422, 'validation', ctx.t('sharingRefused_replayed'));
    const file = await receive(ctx, raw, { step: 'request' }, self);
    const now = new Date().toISOString();
    const received = countsOf(file.sets);
    const session: SharingSession = {
      id: file.manifest.sessionId,
      role: 'responder',
      peerId: file.manifest.initiator.id,
      manifest: file.manifest,
      manifestSignatures: file.manifestSignatures,
      status: 'request_received',
      sent: {},
      received,
      matches: [],
      tagged: false,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    ctx.db.sharing.push(session);
    audit(ctx, session, 'sharingImported', { text: peerName(session), to: 'request', count: total(received) }, 'request imported');
    return { session, file };
  }),

  /** The worker's answer: which of our offered entities the peer also holds. */
  post('/sharing/sessions/:id/result', async (ctx) => {
    const { s, body } = await leadStep(ctx, sharingResultSchema, 'response_received');
    const offered = offeredIdentifiers(ctx.db, s.manifest.types);
    const labels = new Map<string, string>(Object.entries(offered).flatMap(([type, list]) => (list ?? []).map((o) => [`${type}|${o.entityId}`, o.label] as const)));
    const seen = new Set<string>();
    const wanted = new Set(body.matches.map((m) => m.entityId));
    const complaintsOf = new Map<string, Set<string>>();
    for (const l of ctx.db.links)
      for (const end of [l.source, l.target])
        if (wanted.has(end)) for (const c of l.complaintIds) complaintsOf.set(end, (complaintsOf.get(end) ?? new Set()).add(c));
    const matches = body.matches.flatMap((m) => {
      const key = `${m.type}|${m.entityId}`;
      if (!labels.has(key)) throw fail(422, 'validation', ctx.t('sharingUnknownEntity'));
      if (seen.has(key)) return [];
      seen.add(key);
      const caseIds = ctx.db.cases.filter((c) => c.entityIds.includes(m.entityId) || c.target.entityIds.includes(m.entityId)).map((c) => c.id);
      return [{ ...m, label: labels.get(key)!, complaintIds: [...(complaintsOf.get(m.entityId) ?? [])].sort(), caseIds }];
    });
    touch(s, { status: 'matched', matches });
    audit(ctx, s, 'sharingMatched', { text: peerName(s), count: matches.length, ids: [...new Set(matches.map((m) => m.type))] }, 'match completed');
    return s;
  }),

  /** Marks the matched entities as also reported by the peer, where the graph and the scores can see it. */
  post('/sharing/sessions/:id/tag', async (ctx) => {
    const { s } = await leadStep(ctx, sharingSessionCommandSchema, 'matched');
    if (s.tagged) return s;
    const peer = peerName(s);
    const ids = new Set(s.matches.map((m) => m.entityId));
    for (const e of ctx.db.entities.filter((x) => ids.has(x.id))) {
      const names = new Set((e.attributes[ALLIANCE_ATTR] ?? '').split('、').filter(Boolean));
      names.add(peer);
      e.attributes = { ...e.attributes, [ALLIANCE_ATTR]: [...names].join('、') };
    }
    touch(s, { tagged: true });
    audit(ctx, s, 'sharingTagged', { text: peer, count: ids.size }, 'matched entities tagged');
    return s;
  }),

  post('/sharing/sessions/:id/cancel', async (ctx) => {
    const { s } = await leadStep(ctx, sharingSessionCommandSchema, 'draft', 'request_sent', 'response_received', 'request_received');
    touch(s, { status: 'cancelled' });
    audit(ctx, s, 'sharingCancelled', { text: peerName(s) }, 'session cancelled');
    return s;
  }),

  /** The match report for the alliance: counts by type and our matched leads as masked labels, never identifiers. */
  post('/sharing/sessions/:id/report', async (ctx) => {
    requireLead(ctx);
    const s = findOr404(ctx, ctx.db.sharing, String(ctx.params.id));
    inState(ctx, s, 'matched');
    const en = ctx.lang === 'en';
    const m = s.manifest;
    const rows: string[][] = [
      [en ? 'Session' : '会话', s.id],
      [en ? 'Initiator' : '发起方', `${m.initiator.name} (${m.initiator.id})`],
      [en ? 'Responder' : '应答方', `${m.responder.name} (${m.responder.id})`],
      [en ? 'Purpose' : '用途', m.purpose],
      [en ? 'Legal basis' : '法律依据', m.legalBasis],
      [en ? 'Normalisation' : '规范化规则', m.normalisation],
      [],
      [en ? 'Type' : '类型', en ? 'Sent' : '我方提供', en ? 'Peer held' : '对方集合', en ? 'Matched' : '命中'],
      ...m.types.map((t) => [t, String(s.sent[t] ?? 0), String(s.received[t] ?? 0), String(s.matches.filter((x) => x.type === t).length)]),
      [],
      [en ? 'Type' : '类型', en ? 'Entity' : '实体', en ? 'Label (masked)' : '标签（已脱敏）'],
      ...s.matches.map((x) => [x.type, x.entityId, x.label]),
    ];
    audit(ctx, s, 'sharingExported', { text: peerName(s), to: 'report', count: s.matches.length }, 'match report exported');
    return { fileName: `${s.id}-report.csv`, csv: toCsv(rows[0], rows.slice(1)) };
  }),
];
