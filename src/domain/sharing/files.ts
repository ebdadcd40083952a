/**
 * The signed files of a session: the manifest both institutions sign, and the request and response that
 * carry blinded points. Every check a received file must pass lives here, so the server refuses the same
 * files whichever host runs it.
 */
import { SHARING_FORMAT, sharingFileSchema, type Institution, type SharingFile, type SharingManifest } from '@/api/schemas';
import { fromB64, sodium, toB64 } from './psi';

/** JSON with keys sorted at every depth: the bytes a signature covers must not depend on who serialised them. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const MANIFEST_CONTEXT = `${SHARING_FORMAT}|manifest|`;
const FILE_CONTEXT = `${SHARING_FORMAT}|file|`;

export async function newSigningKeys(): Promise<{ publicKey: string; secretKey: string }> {
  const s = await sodium();
  const pair = s.crypto_sign_keypair();
  const keys = { publicKey: toB64(s, pair.publicKey), secretKey: toB64(s, pair.privateKey) };
  s.memzero(pair.privateKey);
  return keys;
}

async function sign(message: string, secretKey: string): Promise<string> {
  const s = await sodium();
  const key = fromB64(s, secretKey);
  try {
    return toB64(s, s.crypto_sign_detached(s.from_string(message), key));
  } finally {
    s.memzero(key);
  }
}

async function verify(message: string, signature: string, publicKey: string): Promise<boolean> {
  const s = await sodium();
  try {
    return s.crypto_sign_verify_detached(fromB64(s, signature), s.from_string(message), fromB64(s, publicKey));
  } catch {
    return false;
  }
}

export const signManifest = (m: SharingManifest, secretKey: string) => sign(MANIFEST_CONTEXT + canonicalJson(m), secretKey);
export const verifyManifest = (m: SharingManifest, signature: string, publicKey: string) => verify(MANIFEST_CONTEXT + canonicalJson(m), signature, publicKey);

export async function signFile(file: Omit<SharingFile, 'signature'> & { signature?: string }, secretKey: string): Promise<SharingFile> {
  const { signature: _old, ...body } = file;
  return { ...body, signature: await sign(FILE_CONTEXT + canonicalJson(body), secretKey) };
}

/** Why a received file is refused; each has a message in the locale files (`sharing.refused.<code>`). */
export type Refusal =
  | 'format'
  | 'unknownSender'
  | 'revokedSender'
  | 'badSignature'
  | 'badManifestSignature'
  | 'wrongSession'
  | 'wrongStep'
  | 'notForUs'
  | 'expired'
  | 'tooLarge'
  | 'wrongTypes'
  | 'countMismatch'
  | 'replayed';
export class RefusedFile extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal);
  }
}

export type Expectation = {
  step: SharingFile['step'];
  self: Pick<Institution, 'id'>;
  institutions: readonly Institution[];
  now: Date;
  /** A response must answer this manifest exactly (the one we signed). */
  manifest?: SharingManifest;
  /** A response must return as many points per type as we sent, in our order. */
  sent?: Partial<Record<string, number>>;
};

/**
 * Parses and checks a received file: format, a pinned and unrevoked sender, its signature and the
 * manifest's, the session, the step, the expiry, the declared types and the maximum set size.
 */
export async function checkFile(raw: unknown, want: Expectation): Promise<SharingFile> {
  const parsed = sharingFileSchema.safeParse(raw);
  if (!parsed.success) throw new RefusedFile('format');
  const file = parsed.data;
  const m = file.manifest;
  const initiator = file.step === 'request';
  const senderId = initiator ? m.initiator.id : m.responder.id;
  const receiverId = initiator ? m.responder.id : m.initiator.id;
  if (file.step !== want.step) throw new RefusedFile('wrongStep');
  if (receiverId !== want.self.id) throw new RefusedFile('notForUs');
  if (file.sender !== senderId) throw new RefusedFile('badSignature');
  const sender = want.institutions.find((i) => i.id === senderId && !i.self);
  if (!sender) throw new RefusedFile('unknownSender');
  if (sender.revoked) throw new RefusedFile('revokedSender');
  const { signature, ...body } = file;
  if (!(await verify(FILE_CONTEXT + canonicalJson(body), signature, sender.publicKey))) throw new RefusedFile('badSignature');
  if (want.manifest && canonicalJson(want.manifest) !== canonicalJson(m)) throw new RefusedFile('wrongSession');
  const initiatorKey = initiator ? sender.publicKey : want.institutions.find((i) => i.self)?.publicKey;
  if (!initiatorKey || !(await verifyManifest(m, file.manifestSignatures.initiator, initiatorKey))) throw new RefusedFile('badManifestSignature');
  if (!initiator && !(file.manifestSignatures.responder && (await verifyManifest(m, file.manifestSignatures.responder, sender.publicKey)))) throw new RefusedFile('badManifestSignature');
  if (Date.parse(m.expiresAt) <= want.now.getTime()) throw new RefusedFile('expired');
  const declared = new Set<string>(m.types);
  for (const sets of [file.sets, file.peerSets ?? {}]) {
    for (const [type, points] of Object.entries(sets)) {
      if (!declared.has(type)) throw new RefusedFile('wrongTypes');
      if ((points?.length ?? 0) > m.maxSetSize) throw new RefusedFile('tooLarge');
    }
  }
  if (!initiator) {
    if (!file.peerSets) throw new RefusedFile('format');
    for (const [type, n] of Object.entries(want.sent ?? {})) if ((file.sets[type as keyof typeof file.sets]?.length ?? 0) !== n) throw new RefusedFile('countMismatch');
  }
  return file;
}
