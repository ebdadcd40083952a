/**
 * The page's handle on the PSI worker. One worker for the whole tab, so a session's secret survives moving
 * between screens; if the worker dies, what it held is gone and the screen says so.
 */
import type { PointSets } from '@/api/schemas';
import type { SharingIdentifierSets } from '@/api/resources/sharing';
import type { PsiAnswer, PsiCall, PsiMatch } from './psi-protocol';

export class PsiCancelled extends Error {}
/** The tab no longer holds the session's secret (reloaded, closed, or the worker failed). */
export class PsiSecretLost extends Error {}

type Job = { resolve: (r: unknown) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number) => void };
let worker: Worker | null = null;
let nextId = 1;
const jobs = new Map<number, Job>();

function get(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../workers/psi.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PsiAnswer>) => {
      const m = event.data;
      const job = jobs.get(m.id);
      if (!job) return;
      if (m.kind === 'progress') return job.onProgress?.(m.done, m.total);
      jobs.delete(m.id);
      if (m.kind === 'done') job.resolve(m.result);
      else job.reject(m.error === 'cancelled' ? new PsiCancelled('cancelled') : m.error === 'lost' ? new PsiSecretLost('lost') : new Error(m.error));
    };
    worker.onerror = (event) => {
      for (const job of jobs.values()) job.reject(new Error(event.message || 'PSI worker failed'));
      jobs.clear();
      worker = null;
    };
  }
  return worker;
}

type Options = { onProgress?: (done: number, total: number) => void; signal?: AbortSignal };
type Body = PsiCall extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;
function call<R>(body: Body, opts: Options = {}): Promise<R> {
  const id = nextId++;
  return new Promise<R>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new PsiCancelled('cancelled'));
    jobs.set(id, { resolve: resolve as (r: unknown) => void, reject, onProgress: opts.onProgress });
    opts.signal?.addEventListener('abort', () => worker?.postMessage({ id: nextId++, op: 'cancel', target: id } satisfies PsiCall), { once: true });
    get().postMessage({ ...body, id } as PsiCall);
  });
}

type Session = { sessionId: string; normalisation: string };
export const psi = {
  /** Initiator: hash and blind our identifiers; the worker keeps the secret for the answer. */
  request: (s: Session, sets: SharingIdentifierSets, opts?: Options) => call<PointSets>({ op: 'request', ...s, sets }, opts),
  /** Responder: blind the peer's points again and our own set; nothing is kept. */
  answer: (s: Session, request: PointSets, own: SharingIdentifierSets, opts?: Options) => call<{ sets: PointSets; peerSets: PointSets }>({ op: 'answer', ...s, request, own }, opts),
  /** Initiator: our entities the peer also holds. */
  finish: (s: Session, response: { sets: PointSets; peerSets?: PointSets }, opts?: Options) => call<PsiMatch[]>({ op: 'finish', ...s, response }, opts),
  holds: (sessionId: string) => (worker ? call<boolean>({ op: 'holds', sessionId }) : Promise.resolve(false)),
};
