import { useCallback, useEffect, useRef, useState } from 'react';
import { exportReferral } from '@/api/resources/referrals';
import type { Referral } from '@/api/schemas';
import type { BuildProgress } from '../package/build';
import { packageDay } from '../package/tracking';
import type { WorkerRequest, WorkerResponse } from '../package/worker';
import { downloadBlob } from '@/lib/download';
export { downloadBlob };

export type ExportResult = { zip: Blob; docx: Blob; pdf: Blob; size: number; fileCount: number; baseName: string };
export type ExportState =
  | { phase: 'idle' }
  | { phase: 'authorising' }
  | { phase: 'building'; progress: BuildProgress | null }
  | { phase: 'done'; result: ExportResult }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown; code?: string; detail?: string };

/** Audited export (clear personal data from the backend), then the package built in a worker. */
export function usePackageExport() {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  const start = useCallback(async (referral: Referral, reason: string) => {
    stop();
    setState({ phase: 'authorising' });
    let data;
    try {
      data = await exportReferral(referral.id, referral.version, reason);
    } catch (error) {
      setState({ phase: 'failed', error });
      return;
    }
    setState({ phase: 'building', progress: null });
    const w = new Worker(new URL('../package/worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const baseName = `报案材料_${referral.id}`;
    w.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const msg = e.data;
      if (msg.type === 'progress') setState({ phase: 'building', progress: msg.progress });
      else {
        stop();
        if (msg.type === 'done') {
          const result = { zip: msg.zip, docx: msg.docx, pdf: msg.pdf, size: msg.size, fileCount: msg.fileCount, baseName };
          setState({ phase: 'done', result });
          downloadBlob(msg.zip, `${baseName}.zip`);
        } else if (msg.code === 'cancelled') setState({ phase: 'cancelled' });
        else setState({ phase: 'failed', error: null, code: msg.code, detail: msg.detail });
      }
    };
    w.onerror = (e) => {
      stop();
      setState({ phase: 'failed', error: new Error(e.message) });
    };
    const files = data.files.map((f) => ({ ...f, url: new URL(f.url, location.href).href }));
    w.postMessage({
      type: 'build',
      referral,
      parties: data.parties,
      day: packageDay(referral.approvedAt),
      fontUrl: new URL(`${import.meta.env.BASE_URL}fonts/report-cjk.ttf`, location.href).href,
      files,
    } satisfies WorkerRequest);
  }, []);

  const cancel = useCallback(() => {
    // Ask politely so the worker stops between chunks, then make sure.
    worker.current?.postMessage({ type: 'cancel' } satisfies WorkerRequest);
    stop();
    setState({ phase: 'cancelled' });
  }, []);

  return { state, start, cancel, reset: () => setState({ phase: 'idle' }) };
}
