/**
 * ECDH private set intersection over ristretto255 (libsodium). Each side raises the hashed identifiers to
 * a secret scalar of its own; a value blinded by both sides is the same point whoever blinded first, so
 * equal identifiers meet and nothing else can be compared. Neither the points nor the files built from
 * them let a peer test a guess: that needs the other side's scalar, which never leaves this module's caller.
 */
import type { PointSets, SharedType } from '@/api/schemas';

type Sodium = typeof import('libsodium-wrappers-sumo');
let loading: Promise<Sodium> | null = null;

/** Loaded on first use: the library is large and only sharing needs it. */
export function sodium(): Promise<Sodium> {
  loading ??= import('libsodium-wrappers-sumo').then(async (m) => {
    const s = (m as unknown as { default?: Sodium }).default ?? m;
    await s.ready;
    return s;
  });
  return loading;
}

export type Progress = (done: number, total: number) => void;
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Separates sessions and types: the same phone number hashes to unrelated points in two sessions. */
export const domainTag = (sessionId: string, type: SharedType, normalisation: string) => `jianzheng-psi|${normalisation}|${sessionId}|${type}`;

const YIELD_EVERY = 2000;
/** Gives the worker's message loop a turn so a cancel is heard. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function each<T, R>(items: readonly T[], work: (item: T) => R, step: { done: number; total: number; onProgress?: Progress; signal?: AbortSignal }): Promise<R[]> {
  const out: R[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = work(items[i]);
    step.done++;
    if (step.done % YIELD_EVERY === 0) {
      step.onProgress?.(step.done, step.total);
      await tick();
      if (step.signal?.aborted) throw new Cancelled();
    }
  }
  return out;
}

/** A secret scalar held for one session; `wipe` zeroes it. */
export class Blinder {
  private constructor(
    private readonly s: Sodium,
    private scalar: Uint8Array,
  ) {}

  static async create(): Promise<Blinder> {
    const s = await sodium();
    return new Blinder(s, s.crypto_core_ristretto255_scalar_random());
  }

  /** Hash to the curve, then blind: H(x)^k. */
  hashAndBlind(tag: string, value: string): Uint8Array {
    const s = this.s;
    const h = s.crypto_generichash(64, s.from_string(`${tag}\u0000${value}`), null);
    return s.crypto_scalarmult_ristretto255(this.live(), s.crypto_core_ristretto255_from_hash(h));
  }

  /** Blinds a point someone else blinded; a value that is not a valid point is refused, not computed on. */
  reblind(point: Uint8Array): Uint8Array {
    if (point.length !== 32 || !this.s.crypto_core_ristretto255_is_valid_point(point)) throw new Error('not a valid point');
    return this.s.crypto_scalarmult_ristretto255(this.live(), point);
  }

  wipe() {
    this.s.memzero(this.scalar);
    this.scalar = new Uint8Array(0);
  }

  private live(): Uint8Array {
    if (this.scalar.length === 0) throw new Error('this session’s secret has been wiped');
    return this.scalar;
  }
}

export const toB64 = (s: Sodium, bytes: Uint8Array) => s.to_base64(bytes, s.base64_variants.ORIGINAL);
export const fromB64 = (s: Sodium, text: string) => s.from_base64(text, s.base64_variants.ORIGINAL);

/** Fisher–Yates with the library's uniform random numbers, so the order says nothing about the input. */
function shuffled<T>(s: Sodium, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = s.randombytes_uniform(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

type Values = Partial<Record<SharedType, string[]>>;
type Session = { sessionId: string; normalisation: string; onProgress?: Progress; signal?: AbortSignal };
const total = (sets: Partial<Record<string, unknown[]>>) => Object.values(sets).reduce((n, v) => n + (v?.length ?? 0), 0);

/** What the initiator keeps in memory between its request and the peer's response. */
export type Pending = { blinder: Blinder; order: Values };

/** Initiator, step 1: every value hashed and blinded, in a shuffled order that only the initiator knows. */
export async function makeRequest(values: Values, session: Session): Promise<{ pending: Pending; sets: PointSets }> {
  const s = await sodium();
  const blinder = await Blinder.create();
  const step = { done: 0, total: total(values), ...session };
  const order: Values = {};
  const sets: PointSets = {};
  try {
    for (const [type, list] of Object.entries(values) as [SharedType, string[]][]) {
      const tag = domainTag(session.sessionId, type, session.normalisation);
      order[type] = shuffled(s, [...new Set(list)]);
      sets[type] = await each(order[type], (v) => toB64(s, blinder.hashAndBlind(tag, v)), step);
    }
  } catch (e) {
    blinder.wipe();
    throw e;
  }
  return { pending: { blinder, order }, sets };
}

/**
 * Responder: the initiator's points blinded again in the order received (so the initiator can tell which
 * of its own matched), and the responder's own values blinded and shuffled. The scalar is wiped at once.
 */
export async function answerRequest(request: PointSets, own: Values, session: Session): Promise<{ sets: PointSets; peerSets: PointSets }> {
  const s = await sodium();
  const blinder = await Blinder.create();
  const step = { done: 0, total: total(request) + total(own), ...session };
  const sets: PointSets = {};
  const peerSets: PointSets = {};
  try {
    for (const [type, points] of Object.entries(request) as [SharedType, string[]][]) sets[type] = await each(points, (p) => toB64(s, blinder.reblind(fromB64(s, p))), step);
    for (const type of Object.keys(request) as SharedType[]) {
      const tag = domainTag(session.sessionId, type, session.normalisation);
      peerSets[type] = await each(shuffled(s, [...new Set(own[type] ?? [])]), (v) => toB64(s, blinder.hashAndBlind(tag, v)), step);
    }
  } finally {
    blinder.wipe();
  }
  return { sets, peerSets };
}

/**
 * Initiator, last step: blinds the peer's points and answers which of its own values the peer also holds.
 * The scalar is wiped once the match is known or has failed; a cancelled match keeps it, so the lead can run it again.
 */
export async function finishMatch(pending: Pending, response: { sets: PointSets; peerSets: PointSets }, session: Session): Promise<Values> {
  const s = await sodium();
  const step = { done: 0, total: total(response.peerSets), ...session };
  const matched: Values = {};
  try {
    for (const [type, mine] of Object.entries(pending.order) as [SharedType, string[]][]) {
      const doubled = response.sets[type] ?? [];
      if (doubled.length !== mine.length) throw new Error(`the response holds ${doubled.length} points for ${type}, we sent ${mine.length}`);
      const theirs = new Set(await each(response.peerSets[type] ?? [], (p) => toB64(s, pending.blinder.reblind(fromB64(s, p))), step));
      matched[type] = mine.filter((_, i) => theirs.has(doubled[i]));
    }
  } catch (e) {
    if (!(e instanceof Cancelled)) pending.blinder.wipe();
    throw e;
  }
  pending.blinder.wipe();
  return matched;
}
