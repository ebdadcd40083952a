/**
 * The lead's steps of a session, each one: read from the server, compute in the worker, send back. What a
 * step is doing and how far it got is shown; a cancel stops the worker, and the server keeps the last state.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { importFile, readIdentifiers, reportResult, sharingKeys, signStep } from '@/api/resources/sharing';
import { sharingFileSchema, type SharingFile, type SharingSession } from '@/api/schemas';
import { downloadBlob } from '@/lib/download';
import { psi, PsiCancelled, PsiSecretLost } from './psi-client';

/** The largest file a lead may pick: the server's body limit for sharing files. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Files received in this tab, by session: the responder answers the request it imported, the initiator
 * matches against the response. The server keeps only their counts; a reload asks for the file again.
 */
const received = new Map<string, SharingFile>();
export const heldFile = (sessionId: string) => received.get(sessionId);

export class BadFile extends Error {
  constructor(readonly reason: 'tooLarge' | 'notJson' | 'notSharing' | 'otherSession') {
    super(reason);
  }
}

/** Reads a picked file as a sharing file, refusing what is plainly not one before anything is sent. */
export async function readSharingFile(file: File): Promise<unknown> {
  if (file.size > MAX_FILE_BYTES) throw new BadFile('tooLarge');
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new BadFile('notJson');
  }
  if (!json || typeof json !== 'object' || !('format' in json)) throw new BadFile('notSharing');
  return json;
}

export const downloadFile = (file: SharingFile) =>
  downloadBlob(new Blob([JSON.stringify(file)], { type: 'application/json' }), `${file.manifest.sessionId}-${file.step}.json`);

export type Phase = 'reading' | 'blinding' | 'signing' | 'importing' | 'matching' | 'saving';
export type StepState = { phase: Phase; done: number; total: number } | null;

export function useSessionSteps() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StepState>(null);
  const controller = useRef<AbortController | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: sharingKeys.all });
  const progress = (phase: Phase) => (done: number, total: number) => setState({ phase, done, total });

  async function run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | 'cancelled'> {
    controller.current = new AbortController();
    try {
      return await work(controller.current.signal);
    } catch (e) {
      if (e instanceof PsiCancelled) return 'cancelled';
      throw e;
    } finally {
      controller.current = null;
      setState(null);
      await refresh();
    }
  }

  const tag = (s: SharingSession) => ({ sessionId: s.id, normalisation: s.manifest.normalisation });

  /** Our identifiers blinded and signed as the next file (request or response), downloaded for the peer. */
  const exportStep = (s: SharingSession) =>
    run(async (signal) => {
      setState({ phase: 'reading', done: 0, total: 0 });
      const { sets: ours } = await readIdentifiers(s.id, s.version);
      const total = Object.values(ours).reduce((n, v) => n + (v?.length ?? 0), 0);
      setState({ phase: 'blinding', done: 0, total });
      let body: { sets: SharingFile['sets']; peerSets?: SharingFile['sets'] };
      if (s.role === 'initiator') body = { sets: await psi.request(tag(s), ours, { signal, onProgress: progress('blinding') }) };
      else {
        const request = received.get(s.id);
        if (!request) throw new BadFile('otherSession');
        body = await psi.answer(tag(s), request.sets, ours, { signal, onProgress: progress('blinding') });
      }
      setState({ phase: 'signing', done: 0, total: 0 });
      const signed = await signStep(s.id, { version: s.version, ...body });
      downloadFile(signed.file);
      received.delete(s.id);
      return signed;
    });

  /** The peer's file: a request opens a session here, a response is matched at once. */
  const importStep = (raw: unknown, expectSession?: SharingSession) =>
    run(async (signal) => {
      setState({ phase: 'importing', done: 0, total: 0 });
      const sessionId = sharingFileSchema.shape.manifest.shape.sessionId.safeParse((raw as { manifest?: { sessionId?: unknown } }).manifest?.sessionId);
      if (expectSession && (!sessionId.success || sessionId.data !== expectSession.id)) throw new BadFile('otherSession');
      // Without our secret the response cannot be matched: refuse it here rather than spend it on the server.
      if (expectSession?.role === 'initiator' && !(await psi.holds(expectSession.id))) throw new PsiSecretLost('lost');
      const { session, file } = await importFile(raw);
      received.set(session.id, file);
      if (file.step === 'response') return matchStep(session, signal);
      return session;
    });

  async function matchStep(s: SharingSession, signal: AbortSignal): Promise<SharingSession> {
    const file = received.get(s.id);
    if (!file) throw new BadFile('otherSession');
    setState({ phase: 'matching', done: 0, total: 0 });
    const matches = await psi.finish(tag(s), { sets: file.sets, peerSets: file.peerSets }, { signal, onProgress: progress('matching') });
    setState({ phase: 'saving', done: 0, total: 0 });
    const done = await reportResult(s.id, { version: s.version, matches });
    received.delete(s.id);
    return done;
  }

  /** Runs the match again after a cancel, from the response this tab holds (or the file picked again). */
  const rematch = (s: SharingSession, raw?: unknown) =>
    run(async (signal) => {
      if (raw !== undefined) {
        const parsed = sharingFileSchema.safeParse(raw);
        if (!parsed.success || parsed.data.manifest.sessionId !== s.id || parsed.data.step !== 'response') throw new BadFile('otherSession');
        received.set(s.id, parsed.data);
      }
      return matchStep(s, signal);
    });

  /** The responder picks the peer's request again after a reload: read here only, it was imported already. */
  const holdRequest = (s: SharingSession, raw: unknown) => {
    const parsed = sharingFileSchema.safeParse(raw);
    if (!parsed.success || parsed.data.manifest.sessionId !== s.id || parsed.data.step !== 'request') throw new BadFile('otherSession');
    received.set(s.id, parsed.data);
  };

  return { state, busy: state !== null, cancel: () => controller.current?.abort(), exportStep, importStep, rematch, holdRequest };
}
