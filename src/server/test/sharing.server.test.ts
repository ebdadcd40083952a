/**
 * Industry sharing through HTTP: this server is one institution of the alliance, the test plays the peer
 * with the same protocol code and keys of its own. Every route is tried by the roles it refuses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sharingFileSchema, type Institution, type SharingFile, type SharingSession } from '@/api/schemas';
import { checkFile, newSigningKeys, signFile, signManifest } from '@/domain/sharing/files';
import { answerRequest, finishMatch, makeRequest } from '@/domain/sharing/psi';
import { USERS, signIn, type Client } from './harness';

type Keys = { publicKey: string; secretKey: string };
let lead: Client, analyst: Client, auditor: Client, admin: Client;
let self: Institution;
const peerB = { id: 'peer-bank-b', name: '乙消费金融' };
const peerC = { id: 'peer-bank-c', name: '丙消费金融' };
let keysB: Keys, keysC: Keys;
const now = () => new Date('2026-11-23T02:00:00Z');
const institutionAs = (p: { id: string; name: string }, publicKey: string, isSelf: boolean): Institution => ({ ...p, publicKey, self: isSelf, revoked: false, addedAt: now().toISOString(), addedBy: 'x', version: 1 });

beforeAll(async () => {
  [lead, analyst, auditor, admin] = await Promise.all([signIn(USERS.lead), signIn(USERS.analyst), signIn(USERS.auditor), signIn(USERS.admin)]);
  [keysB, keysC] = await Promise.all([newSigningKeys(), newSigningKeys()]);
});

const sessionBody = (peerId: string) => ({ peerId, types: ['agent_phone', 'fee_account'], purpose: '线索对碰：代理维权团伙', legalBasis: '个人信息保护法第十三条第一款第（七）项', maxSetSize: 5000, expiresInDays: 30 });

describe('industry sharing', () => {
  it('lets only admins set up the institution and peers, only leads run sessions, and analysts see nothing', async () => {
    expect((await analyst.call('GET', '/sharing')).status).toBe(403);
    expect((await lead.call('POST', '/sharing/sessions', sessionBody(peerB.id))).status).toBe(409); // not set up yet, said plainly
    expect((await lead.call('PUT', '/sharing/institution', { id: 'jz-lender-a', name: '甲消费金融' })).status).toBe(403);
    const made = await admin.call('PUT', '/sharing/institution', { id: 'jz-lender-a', name: '甲消费金融' });
    expect(made.status).toBe(200);
    self = made.body;
    expect(self.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(made.body)).not.toMatch(/secret/i);

    expect((await lead.call('POST', '/sharing/peers', { ...peerB, publicKey: keysB.publicKey })).status).toBe(403);
    expect((await admin.call('POST', '/sharing/peers', { ...peerB, publicKey: 'not a key' })).status).toBe(422);
    expect((await admin.call('POST', '/sharing/peers', { ...peerB, publicKey: self.publicKey })).status).toBe(422);
    for (const [p, k] of [[peerB, keysB], [peerC, keysC]] as const) expect((await admin.call('POST', '/sharing/peers', { ...p, publicKey: k.publicKey })).status).toBe(200);
    expect((await admin.call('POST', '/sharing/peers', { ...peerB, publicKey: keysC.publicKey })).status).toBe(409);

    expect((await auditor.call('POST', '/sharing/sessions', sessionBody(peerB.id))).status).toBe(403);
    expect((await admin.call('POST', '/sharing/sessions', sessionBody(peerB.id))).status).toBe(403);
    expect((await analyst.call('POST', '/sharing/sessions', sessionBody(peerB.id))).status).toBe(403);
    const overview = await auditor.call('GET', '/sharing');
    expect(overview.status).toBe(200);
    expect(overview.body.peers.map((p: Institution) => p.id).sort()).toEqual([peerB.id, peerC.id]);
  });

  it('runs a session as initiator: counts first, blinded request, the peer’s response, the exact match, tags and a report', async () => {
    const offer = await lead.call('GET', '/sharing/offer?types=agent_phone,fee_account');
    expect(offer.body.agent_phone).toBeGreaterThan(3);
    let s: SharingSession = (await lead.call('POST', '/sharing/sessions', sessionBody(peerB.id))).body;
    expect(s.status).toBe('draft');
    expect((await auditor.call('POST', `/sharing/sessions/${s.id}/identifiers`, { version: s.version })).status).toBe(403);
    const ids = await lead.call('POST', `/sharing/sessions/${s.id}/identifiers`, { version: s.version });
    expect(ids.status).toBe(200);
    const ours: { entityId: string; value: string }[] = ids.body.sets.agent_phone;
    expect(ours.length).toBe(offer.body.agent_phone);
    expect(ours.every((o) => /^1[3-9]\d{9}$/.test(o.value))).toBe(true);

    // The browser's worker: hash and blind.
    const session = { sessionId: s.id, normalisation: s.manifest.normalisation };
    const values = { agent_phone: ours.map((o) => o.value), fee_account: ids.body.sets.fee_account.map((o: { value: string }) => o.value) };
    const req = await makeRequest(values, session);
    expect((await lead.call('POST', `/sharing/sessions/${s.id}/sign`, { version: s.version, sets: { device: req.sets.agent_phone } })).status).toBe(422);
    const signed = await lead.call('POST', `/sharing/sessions/${s.id}/sign`, { version: s.version, sets: req.sets });
    expect(signed.status).toBe(200);
    s = signed.body.session;
    const request: SharingFile = signed.body.file;
    expect(s.status).toBe('request_sent');
    for (const o of ours) expect(JSON.stringify(request)).not.toContain(o.value);

    // The peer checks the request against the key it pinned for us, and answers with three of our phones and two of its own.
    const atB = [institutionAs(peerB, keysB.publicKey, true), institutionAs(self, self.publicKey, false)];
    const got = await checkFile(request, { step: 'request', self: { id: peerB.id }, institutions: atB, now: now() });
    const shared = values.agent_phone.slice(0, 3);
    const answer = await answerRequest(got.sets, { agent_phone: [...shared, '13800000001', '13800000002'], fee_account: [] }, session);
    const response = await signFile({ ...got, step: 'response', sender: peerB.id, manifestSignatures: { ...got.manifestSignatures, responder: await signManifest(got.manifest, keysB.secretKey) }, ...answer, createdAt: now().toISOString() }, keysB.secretKey);

    const forged = { ...response, sets: { ...response.sets, agent_phone: [...response.sets.agent_phone!].reverse() } };
    const refused = await lead.call('POST', '/sharing/import', { file: forged });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('签名');
    const imported = await lead.call('POST', '/sharing/import', { file: response });
    expect(imported.status).toBe(200);
    s = imported.body.session;
    expect(s.status).toBe('response_received');
    expect(s.received).toEqual({ agent_phone: 5, fee_account: 0 });
    const replay = await lead.call('POST', '/sharing/import', { file: response });
    expect(replay.status).toBe(422);
    expect(replay.body.message).toContain('重放');

    const matched = await finishMatch(req.pending, { sets: response.sets, peerSets: response.peerSets! }, session);
    const entityOf = new Map(ours.map((o) => [o.value, o.entityId]));
    const matches = matched.agent_phone!.map((v) => ({ type: 'agent_phone', entityId: entityOf.get(v)! }));
    expect((await lead.call('POST', `/sharing/sessions/${s.id}/result`, { version: s.version, matches: [{ type: 'agent_phone', entityId: 'ent-nope' }] })).status).toBe(422);
    const done = await lead.call('POST', `/sharing/sessions/${s.id}/result`, { version: s.version, matches });
    expect(done.status).toBe(200);
    s = done.body;
    expect(s.status).toBe('matched');
    expect(new Set(s.matches.map((m) => m.entityId))).toEqual(new Set(shared.map((v) => entityOf.get(v))));
    // Each match leads to the complaints behind it: agent phones are on the complaints they were used in.
    expect(s.matches.every((m) => m.complaintIds.every((c) => c.startsWith('cmp-')))).toBe(true);
    expect(s.matches.some((m) => m.complaintIds.length > 0)).toBe(true);

    const tagged = await lead.call('POST', `/sharing/sessions/${s.id}/tag`, { version: s.version });
    expect(tagged.body.tagged).toBe(true);
    const graph = await lead.call('GET', `/graph/neighbourhood?entityId=${matches[0].entityId}&depth=1`);
    expect(graph.body.entities.find((e: { id: string }) => e.id === matches[0].entityId).attributes.alliance).toBe(peerB.name);

    const report = await lead.call('POST', `/sharing/sessions/${s.id}/report`);
    expect(report.status).toBe(200);
    expect(report.body.fileName).toBe(`${s.id}-report.csv`);
    expect(report.body.csv).toContain(s.id);
    for (const v of shared) expect(report.body.csv).not.toContain(v);

    const trail = await auditor.call('GET', `/audit?recordType=sharing&recordId=${s.id}&pageSize=100`);
    const kinds = trail.body.items.map((e: { detail: { kind: string } }) => e.detail.kind);
    for (const k of ['sharingCreated', 'sharingIdentifiers', 'sharingExported', 'sharingImported', 'sharingMatched', 'sharingTagged']) expect(kinds).toContain(k);
  });

  it('answers a peer’s request as responder, and refuses tampered, unknown-sender and revoked files', async () => {
    const sessionId = 'psi-00112233445566778899aabb';
    const manifest = {
      sessionId,
      initiator: peerC,
      responder: { id: self.id, name: self.name },
      types: ['agent_phone' as const],
      normalisation: 'jz-norm-1' as const,
      maxSetSize: 100,
      purpose: '联盟对碰',
      legalBasis: '联盟协议第 4 条',
      createdAt: now().toISOString(),
      expiresAt: '2099-01-01T00:00:00.000Z',
    };
    const ourPhones: string[] = (await lead.call('POST', `/sharing/sessions/${(await lead.call('POST', '/sharing/sessions', sessionBody(peerC.id))).body.id}/identifiers`, { version: 1 })).body.sets.agent_phone.map((o: { value: string }) => o.value);
    const theirs = [ourPhones[0], ourPhones[1], '13700000009'];
    const req = await makeRequest({ agent_phone: theirs }, { sessionId, normalisation: manifest.normalisation });
    const request = await signFile({ format: 'jianzheng-psi/1', step: 'request', manifest, manifestSignatures: { initiator: await signManifest(manifest, keysC.secretKey) }, sender: peerC.id, sets: req.sets, createdAt: now().toISOString() }, keysC.secretKey);

    const stranger = await newSigningKeys();
    const unknown = await signFile({ ...request, manifest: { ...manifest, initiator: { id: 'peer-unknown', name: '?' } }, sender: 'peer-unknown' }, stranger.secretKey);
    expect((await lead.call('POST', '/sharing/import', { file: unknown })).body.message).toContain('未登记');
    expect((await lead.call('POST', '/sharing/import', { file: { hello: 'world' } })).status).toBe(422);
    expect((await lead.call('POST', '/sharing/import', { file: { ...request, createdAt: '2026-01-01T00:00:00.000Z' } })).body.message).toContain('签名');

    const imported = await lead.call('POST', '/sharing/import', { file: request });
    expect(imported.status).toBe(200);
    let s: SharingSession = imported.body.session;
    expect([s.role, s.status, s.received]).toEqual(['responder', 'request_received', { agent_phone: 3 }]);
    expect((await lead.call('POST', '/sharing/import', { file: request })).body.message).toContain('重放');

    const ids = await lead.call('POST', `/sharing/sessions/${s.id}/identifiers`, { version: s.version });
    const session = { sessionId, normalisation: manifest.normalisation };
    const answer = await answerRequest(request.sets, { agent_phone: ids.body.sets.agent_phone.map((o: { value: string }) => o.value) }, session);
    expect((await lead.call('POST', `/sharing/sessions/${s.id}/sign`, { version: s.version, sets: { agent_phone: answer.sets.agent_phone!.slice(1) }, peerSets: answer.peerSets })).status).toBe(422);
    const signed = await lead.call('POST', `/sharing/sessions/${s.id}/sign`, { version: s.version, ...answer });
    expect(signed.status).toBe(200);
    s = signed.body.session;
    expect(s.status).toBe('response_sent');
    const response = sharingFileSchema.parse(signed.body.file);

    const atC = [institutionAs(peerC, keysC.publicKey, true), institutionAs(self, self.publicKey, false)];
    const back = await checkFile(response, { step: 'response', self: { id: peerC.id }, institutions: atC, now: now(), manifest, sent: { agent_phone: 3 } });
    const matched = await finishMatch(req.pending, { sets: back.sets, peerSets: back.peerSets! }, session);
    expect(new Set(matched.agent_phone)).toEqual(new Set(theirs.slice(0, 2)));

    // Revoked: the next request from that peer is refused.
    const peer = (await admin.call('GET', '/sharing')).body.peers.find((p: Institution) => p.id === peerC.id);
    expect((await lead.call('PATCH', `/sharing/peers/${peerC.id}`, { revoked: true, version: peer.version })).status).toBe(403);
    expect((await admin.call('PATCH', `/sharing/peers/${peerC.id}`, { revoked: true, version: peer.version })).status).toBe(200);
    const again = await signFile({ ...request, manifest: { ...manifest, sessionId: 'psi-ffeeddccbbaa998877665544' }, manifestSignatures: { initiator: await signManifest({ ...manifest, sessionId: 'psi-ffeeddccbbaa998877665544' }, keysC.secretKey) } }, keysC.secretKey);
    expect((await lead.call('POST', '/sharing/import', { file: again })).body.message).toContain('停用');

    // Once sessions exist our id is fixed; the name can change and the key stays.
    expect((await admin.call('PUT', '/sharing/institution', { id: 'jz-other', name: '甲' })).status).toBe(409);
    const renamed = await admin.call('PUT', '/sharing/institution', { id: self.id, name: '甲消费金融股份有限公司' });
    expect([renamed.status, renamed.body.name, renamed.body.publicKey]).toEqual([200, '甲消费金融股份有限公司', self.publicKey]);
  });
});
