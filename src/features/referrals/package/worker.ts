/// <reference lib="webworker" />
/**
 * Builds the referral package off the main thread: the UI stays responsive, shows progress and can
 * cancel. Fetches the evidence files itself so their bytes never pass through the page.
 */
import { buildPackage, PackageError, streamChunks, type BuildProgress } from './build';
import type { ClearParty } from './report';
import type { Referral } from '@/api/schemas';

export type WorkerRequest =
  | {
      type: 'build';
      referral: Referral;
      parties: ClearParty[];
      day: string;
      fontUrl: string;
      files: { evidenceId: string; fileName: string; mime: string; size: number; url: string }[];
    }
  | { type: 'cancel' };

export type WorkerResponse =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'done'; zip: Blob; docx: Blob; pdf: Blob; size: number; fileCount: number }
  | { type: 'error'; code: string; detail: string };

declare const self: DedicatedWorkerGlobalScope;
let controller: AbortController | null = null;

async function fetchOk(url: string, signal: AbortSignal): Promise<Response> {
  const res = await fetch(url, { signal });
  if (!res.ok || !res.body) throw new PackageError('missingFile', url);
  return res;
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === 'cancel') {
    controller?.abort();
    return;
  }
  controller = new AbortController();
  const { signal } = controller;
  void (async () => {
    try {
      const fontBytes = new Uint8Array(await (await fetchOk(msg.fontUrl, signal)).arrayBuffer());
      const result = await buildPackage(
        {
          referral: msg.referral,
          parties: msg.parties,
          day: msg.day,
          fontBytes,
          evidence: msg.files.map((f) => ({
            ...f,
            open: async function* () {
              yield* streamChunks((await fetchOk(f.url, signal)).body!);
            },
          })),
        },
        { signal, onProgress: (progress) => self.postMessage({ type: 'progress', progress } satisfies WorkerResponse) },
      );
      const blob = (parts: readonly Uint8Array[], type: string) => new Blob(parts as unknown as BlobPart[], { type });
      self.postMessage({
        type: 'done',
        zip: blob(result.chunks, 'application/zip'),
        docx: blob([result.docx], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
        pdf: blob([result.pdf], 'application/pdf'),
        size: result.size,
        fileCount: result.manifest.files.length + 1,
      } satisfies WorkerResponse);
    } catch (e) {
      const code = e instanceof PackageError ? e.code : signal.aborted ? 'cancelled' : 'failed';
      self.postMessage({ type: 'error', code, detail: e instanceof PackageError ? e.detail : e instanceof Error ? e.message : String(e) } satisfies WorkerResponse);
    }
  })();
};
