/** pdf.js configured once: worker from the bundle (`?url`), CJK cMaps, standard fonts and wasm decoders copied by the build. */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const base = `${import.meta.env.BASE_URL ?? '/'}pdfjs/`;

export function openPdf(data: Uint8Array) {
  // One worker for every document: by default each document starts its own (and parses pdf.js again),
  // which was most of the wait for page 1 when switching between files.
  if (!pdfjs.GlobalWorkerOptions.workerPort && typeof Worker !== 'undefined') pdfjs.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module' });
  return pdfjs.getDocument({
    data,
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    // Evidence is hostile input: no script, no eval-based font paths.
    isEvalSupported: false,
    enableXfa: false,
  }).promise;
}

export { pdfjs };
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
