/// <reference lib="webworker" />
/**
 * The lead's side of private set intersection, off the main thread. The initiator's secret scalar and the
 * order of what it sent live only here, keyed by session, until the match is known; a reload loses them.
 */
import type { PointSets, SharedType } from '@/api/schemas';
import { answerRequest, Cancelled, finishMatch, makeRequest, type Pending } from '@/domain/sharing/psi';
import type { PsiAnswer, PsiCall } from '../api/psi-protocol';

const held = new Map<string, { pending: Pending; entityOf: Map<string, string> }>();
const running = new Map<number, AbortController>();

const post = (m: PsiAnswer) => self.postMessage(m);

self.onmessage = async (event: MessageEvent<PsiCall>) => {
  const call = event.data;
  if (call.op === 'cancel') return running.get(call.target)?.abort();
  if (call.op === 'holds') return post({ id: call.id, kind: 'done', result: held.has(call.sessionId) });
  const controller = new AbortController();
  running.set(call.id, controller);
  const session = { sessionId: call.sessionId, normalisation: call.normalisation, signal: controller.signal, onProgress: (done: number, total: number) => post({ id: call.id, kind: 'progress', done, total }) };
  try {
    if (call.op === 'request') {
      const values = Object.fromEntries(Object.entries(call.sets).map(([t, list]) => [t, (list ?? []).map((o) => o.value)]));
      const { pending, sets } = await makeRequest(values, session);
      held.get(call.sessionId)?.pending.blinder.wipe();
      const entityOf = new Map(Object.entries(call.sets).flatMap(([t, list]) => (list ?? []).map((o) => [`${t}|${o.value}`, o.entityId] as const)));
      held.set(call.sessionId, { pending, entityOf });
      post({ id: call.id, kind: 'done', result: sets });
    } else if (call.op === 'answer') {
      const own = Object.fromEntries(Object.entries(call.own).map(([t, list]) => [t, (list ?? []).map((o) => o.value)]));
      post({ id: call.id, kind: 'done', result: await answerRequest(call.request, own, session) });
    } else {
      const h = held.get(call.sessionId);
      if (!h) return post({ id: call.id, kind: 'error', error: 'lost' });
      const matched = await finishMatch(h.pending, call.response as { sets: PointSets; peerSets: PointSets }, session);
      held.delete(call.sessionId);
      const matches = Object.entries(matched).flatMap(([t, values]) => (values ?? []).map((v) => ({ type: t as SharedType, entityId: h.entityOf.get(`${t}|${v}`)! })));
      post({ id: call.id, kind: 'done', result: matches });
    }
  } catch (e) {
    if (!(e instanceof Cancelled) && call.op === 'finish') held.delete(call.sessionId);
    post({ id: call.id, kind: 'error', error: e instanceof Cancelled ? 'cancelled' : e instanceof Error ? e.message : String(e) });
  } finally {
    running.delete(call.id);
  }
};
