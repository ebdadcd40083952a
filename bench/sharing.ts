/**
 * One full private-set-intersection session with 100,000 identifiers on each side, in this process: the
 * same protocol code the lead's browser worker will run (libsodium's WebAssembly in both). Per-step times
 * and the sizes of the two files that travel.
 */
import { performance } from 'node:perf_hooks';
import type { Institution } from '../src/api/schemas';
import { checkFile, newSigningKeys, signFile, signManifest } from '../src/domain/sharing/files';
import { answerRequest, finishMatch, makeRequest } from '../src/domain/sharing/psi';

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (s: string) => `${(Buffer.byteLength(s) / 1024 / 1024).toFixed(1)} MiB`;

export async function benchSharing(size = 100_000, overlap = 0.2) {
  const phones = (from: number, n: number) => Array.from({ length: n }, (_, i) => `13${String(from + i).padStart(9, '0')}`);
  const ours = phones(0, size);
  const theirs = phones(Math.round(size * (1 - overlap)), size);
  const [a, b] = await Promise.all([newSigningKeys(), newSigningKeys()]);
  const now = new Date('2026-11-23T02:00:00Z');
  const inst = (id: string, publicKey: string, self: boolean): Institution => ({ id, name: id, publicKey, self, revoked: false, addedAt: now.toISOString(), addedBy: 'bench', version: 1 });
  const manifest = {
    sessionId: 'psi-0123456789abcdef01234567',
    initiator: { id: 'lender-a', name: 'A' },
    responder: { id: 'lender-b', name: 'B' },
    types: ['agent_phone' as const],
    normalisation: 'jz-norm-1' as const,
    maxSetSize: size,
    purpose: 'bench',
    legalBasis: 'bench',
    createdAt: now.toISOString(),
    expiresAt: '2099-01-01T00:00:00.000Z',
  };
  const session = { sessionId: manifest.sessionId, normalisation: manifest.normalisation };
  const steps: [string, number][] = [];
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await work();
    steps.push([name, performance.now() - t0]);
    return out;
  };
  const req = await step('A hash+blind', () => makeRequest({ agent_phone: ours }, session));
  const request = await step('A sign request', async () => signFile({ format: 'jianzheng-psi/1', step: 'request', manifest, manifestSignatures: { initiator: await signManifest(manifest, a.secretKey) }, sender: 'lender-a', sets: req.sets, createdAt: now.toISOString() }, a.secretKey));
  const requestText = JSON.stringify(request);
  const got = await step('B check request', () => checkFile(JSON.parse(requestText), { step: 'request', self: { id: 'lender-b' }, institutions: [inst('lender-b', b.publicKey, true), inst('lender-a', a.publicKey, false)], now }));
  const answer = await step('B reblind + hash+blind own', () => answerRequest(got.sets, { agent_phone: theirs }, session));
  const response = await step('B sign response', async () => signFile({ ...got, step: 'response', sender: 'lender-b', manifestSignatures: { ...got.manifestSignatures, responder: await signManifest(manifest, b.secretKey) }, ...answer, createdAt: now.toISOString() }, b.secretKey));
  const responseText = JSON.stringify(response);
  const back = await step('A check response', () => checkFile(JSON.parse(responseText), { step: 'response', self: { id: 'lender-a' }, institutions: [inst('lender-a', a.publicKey, true), inst('lender-b', b.publicKey, false)], now, manifest, sent: { agent_phone: size } }));
  const matched = await step('A blind peer + intersect', () => finishMatch(req.pending, { sets: back.sets, peerSets: back.peerSets! }, session));
  const totalMs = steps.reduce((n, [, t]) => n + t, 0);
  console.log(`sharing PSI ${size.toLocaleString('en')} × ${size.toLocaleString('en')} identifiers (${matched.agent_phone!.length.toLocaleString('en')} in common, expected ${Math.round(size * overlap).toLocaleString('en')}): total ${ms(totalMs)}`);
  console.log(`  steps: ${steps.map(([n, t]) => `${n} ${ms(t)}`).join(' · ')}`);
  console.log(`  files: request ${mb(requestText)}, response ${mb(responseText)}`);
}

if (process.argv[1]?.endsWith('sharing.ts')) await benchSharing(Number(process.env.BENCH_SHARING_SIZE ?? 100_000));
