import { describe, expect, it } from 'vitest';
import { NORMALISATION_VERSION, type Institution, type SharingFile, type SharingManifest } from '@/api/schemas';
import { checkFile, canonicalJson, newSigningKeys, RefusedFile, signFile, signManifest } from './files';
import { normaliseIdentifier, validIdNumber } from './normalise';
import { answerRequest, Blinder, Cancelled, finishMatch, makeRequest, sodium, toB64 } from './psi';

const session = { sessionId: 'psi-0123456789abcdef01234567', normalisation: NORMALISATION_VERSION };
const phones = (from: number, n: number) => Array.from({ length: n }, (_, i) => `139${String(from + i).padStart(8, '0')}`);

async function run(a: Record<string, string[]>, b: Record<string, string[]>) {
  const req = await makeRequest(a, session);
  const res = await answerRequest(req.sets, b, session);
  return finishMatch(req.pending, res, session);
}

describe('private set intersection', () => {
  it('finds exactly the identifiers both sides hold, per type', async () => {
    const a = { agent_phone: phones(0, 300), fee_account: ['6222020200112233445', '6228480402564890018'] };
    const b = { agent_phone: [...phones(250, 100), ...phones(5000, 40)], fee_account: ['6228480402564890018'] };
    const matched = await run(a, b);
    expect(new Set(matched.agent_phone)).toEqual(new Set(phones(250, 50)));
    expect(matched.fee_account).toEqual(['6228480402564890018']);
  });

  it('matches nothing across types or sessions: the same value under another tag is another point', async () => {
    const req = await makeRequest({ agent_phone: phones(0, 5) }, session);
    const res = await answerRequest(req.sets, { agent_phone: phones(0, 5) }, { ...session, sessionId: 'psi-ffffffffffffffffffffffff' });
    expect((await finishMatch(req.pending, res, session)).agent_phone).toEqual([]);
  });

  it('finds none between disjoint sets and all between equal ones', async () => {
    expect((await run({ device: ['A', 'B'] }, { device: ['C'] })).device).toEqual([]);
    expect(new Set((await run({ device: ['A', 'B'] }, { device: ['B', 'A'] })).device)).toEqual(new Set(['A', 'B']));
  });

  it('wipes the scalar after the match and refuses invalid points', async () => {
    const req = await makeRequest({ device: ['A'] }, session);
    const res = await answerRequest(req.sets, { device: ['A'] }, session);
    await finishMatch(req.pending, res, session);
    expect(() => req.pending.blinder.hashAndBlind('t', 'A')).toThrow(/wiped/);
    const blinder = await Blinder.create();
    expect(() => blinder.reblind(new Uint8Array(32).fill(255))).toThrow(/valid point/);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(makeRequest({ agent_phone: phones(0, 5000) }, { ...session, signal: controller.signal })).rejects.toBeInstanceOf(Cancelled);
  });

  it('keeps the secret through a cancelled match, so running it again gives the same answer', async () => {
    const req = await makeRequest({ agent_phone: phones(0, 3000) }, session);
    const res = await answerRequest(req.sets, { agent_phone: phones(2500, 5000) }, session);
    const controller = new AbortController();
    controller.abort();
    await expect(finishMatch(req.pending, res, { ...session, signal: controller.signal })).rejects.toBeInstanceOf(Cancelled);
    expect(new Set((await finishMatch(req.pending, res, session)).agent_phone)).toEqual(new Set(phones(2500, 500)));
    expect(() => req.pending.blinder.hashAndBlind('t', 'A')).toThrow(/wiped/);
  });
});

describe('normalisation', () => {
  it('writes variants of one identifier the same way', () => {
    expect(normaliseIdentifier('agent_phone', '+86 139-1234-5678')).toBe('13912345678');
    expect(normaliseIdentifier('agent_phone', '0086 13912345678')).toBe('13912345678');
    expect(normaliseIdentifier('agent_phone', '139 1234 5678')).toBe('13912345678');
    expect(normaliseIdentifier('agent_phone', '021-12345678')).toBeNull();
    expect(normaliseIdentifier('agent_person', '11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseIdentifier('agent_person', '110105194912310021')).toBeNull();
    expect(normaliseIdentifier('agent_firm', '91350100m000100y43')).toBe('91350100M000100Y43');
    expect(normaliseIdentifier('fee_account', '6222 0202 0011 2233 445')).toBe('6222020200112233445');
    expect(normaliseIdentifier('fee_account', '6222-abc')).toBeNull();
    expect(normaliseIdentifier('document', 'AB'.repeat(32))).toBe('ab'.repeat(32));
    expect(validIdNumber('11010519491231002X')).toBe(true);
  });

  it('lets variants match across institutions', async () => {
    const norm = (vs: string[]) => vs.map((v) => normaliseIdentifier('agent_phone', v)!);
    const matched = await run({ agent_phone: norm(['+86 139 1234 5678']) }, { agent_phone: norm(['13912345678']) });
    expect(matched.agent_phone).toEqual(['13912345678']);
  });
});

describe('signed files', () => {
  const manifest = (over: Partial<SharingManifest> = {}): SharingManifest => ({
    ...session,
    initiator: { id: 'lender-a', name: 'A 消费金融' },
    responder: { id: 'lender-b', name: 'B 消费金融' },
    types: ['agent_phone'],
    maxSetSize: 100,
    purpose: '线索对碰',
    legalBasis: '个人信息保护法第十三条',
    createdAt: '2026-11-01T00:00:00.000Z',
    expiresAt: '2026-12-01T00:00:00.000Z',
    ...over,
  });
  const inst = (id: string, publicKey: string, self: boolean): Institution => ({ id, name: id, publicKey, self, revoked: false, addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'u', version: 1 });
  const now = new Date('2026-11-10T00:00:00.000Z');

  async function setup(m = manifest(), points = 3) {
    const a = await newSigningKeys();
    const b = await newSigningKeys();
    const values = phones(0, points);
    const req = await makeRequest({ agent_phone: values }, session);
    const file = await signFile({ format: 'jianzheng-psi/1', step: 'request', manifest: m, manifestSignatures: { initiator: await signManifest(m, a.secretKey) }, sender: 'lender-a', sets: req.sets, createdAt: now.toISOString() }, a.secretKey);
    const atB = [inst('lender-b', b.publicKey, true), inst('lender-a', a.publicKey, false)];
    const atA = [inst('lender-a', a.publicKey, true), inst('lender-b', b.publicKey, false)];
    return { a, b, file, atA, atB, values, req };
  }

  it('accepts a well-formed request and response, and the response carries no identifier or hash of one', async () => {
    const { b, file, atA, atB, values, req } = await setup();
    const got = await checkFile(JSON.parse(JSON.stringify(file)), { step: 'request', self: { id: 'lender-b' }, institutions: atB, now });
    const answer = await answerRequest(got.sets, { agent_phone: values.slice(1) }, session);
    const response = await signFile({ ...got, step: 'response', sender: 'lender-b', manifestSignatures: { ...got.manifestSignatures, responder: await signManifest(got.manifest, b.secretKey) }, ...answer, createdAt: now.toISOString() }, b.secretKey);
    const back = await checkFile(response, { step: 'response', self: { id: 'lender-a' }, institutions: atA, now, manifest: file.manifest, sent: { agent_phone: 3 } });
    const matched = await finishMatch(req.pending, { sets: back.sets, peerSets: back.peerSets! }, session);
    expect(new Set(matched.agent_phone)).toEqual(new Set(values.slice(1)));

    const s = await sodium();
    const text = JSON.stringify(file) + JSON.stringify(response);
    for (const v of values) {
      const forms = [v, `+86${v}`, toB64(s, s.crypto_hash_sha256(s.from_string(v))), s.to_hex(s.crypto_hash_sha256(s.from_string(v))), toB64(s, s.crypto_generichash(64, s.from_string(v), null)), s.to_hex(s.crypto_generichash(32, s.from_string(v), s.from_string(session.sessionId)))];
      for (const f of forms) expect(text).not.toContain(f);
    }
  });

  it('refuses a tampered, unknown, replayed-as-response, wrong-session, expired or oversized file', async () => {
    const { a, file, atB, atA } = await setup(manifest({ maxSetSize: 2 }), 2);
    const want = { step: 'request' as const, self: { id: 'lender-b' }, institutions: atB, now };
    const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof RefusedFile ? e.refusal : String(e)));
    const tampered: SharingFile = { ...file, sets: { agent_phone: [...file.sets.agent_phone!].reverse() } };
    expect(await refusal(checkFile(tampered, want))).toBe('badSignature');
    expect(await refusal(checkFile({ ...file, format: 'other' }, want))).toBe('format');
    expect(await refusal(checkFile(file, { ...want, institutions: atB.filter((i) => i.self) }))).toBe('unknownSender');
    expect(await refusal(checkFile(file, { ...want, institutions: atB.map((i) => ({ ...i, revoked: !i.self })) }))).toBe('revokedSender');
    expect(await refusal(checkFile(file, { ...want, now: new Date('2027-01-01T00:00:00.000Z') }))).toBe('expired');
    expect(await refusal(checkFile(file, { ...want, step: 'response' }))).toBe('wrongStep');
    expect(await refusal(checkFile(file, { ...want, self: { id: 'lender-c' } }))).toBe('notForUs');
    // A manifest changed after signing, even when the file is signed again.
    const forged = await signFile({ ...file, manifest: { ...file.manifest, maxSetSize: 50 } }, a.secretKey);
    expect(await refusal(checkFile(forged, want))).toBe('badManifestSignature');
    const big = await makeRequest({ agent_phone: phones(0, 3) }, session);
    const oversized = await signFile({ ...file, sets: big.sets }, a.secretKey);
    expect(await refusal(checkFile(oversized, want))).toBe('tooLarge');
    const otherType = await signFile({ ...file, sets: { device: file.sets.agent_phone } }, a.secretKey);
    expect(await refusal(checkFile(otherType, want))).toBe('wrongTypes');
    // A's own request sent back to A as if it were B's response.
    expect(await refusal(checkFile({ ...file, step: 'response' }, { step: 'response', self: { id: 'lender-a' }, institutions: atA, now, manifest: file.manifest }))).toBe('badSignature');
    const otherSession = { ...file.manifest, sessionId: 'psi-999999999999999999999999' };
    expect(await refusal(checkFile(file, { ...want, step: 'request', manifest: otherSession }))).toBe('wrongSession');
  });

  it('signs canonical JSON: key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });
});
