/** Perceptual hashes and metadata computed in the browser, for uploads and for showing what a file really says. */
import exifr from 'exifr';
import { dHash, rgbaToGrey } from '@/lib/perceptual-hash';
import type { PDFDocumentProxy } from '@/lib/pdfjs';
import { parsePdfDate, type DocumentMeta } from './metadata';

function canvasOf(w: number, h: number) {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d canvas');
  return { canvas, ctx };
}

/** Hash over a downscaled copy: dHash only needs 9×8, and 512 px keeps the box filter meaningful. */
function hashDrawable(source: CanvasImageSource, width: number, height: number): string {
  const scale = Math.min(1, 512 / Math.max(width, height));
  const w = Math.max(9, Math.round(width * scale));
  const h = Math.max(8, Math.round(height * scale));
  const { ctx } = canvasOf(w, h);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(source, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h).data;
  return dHash(rgbaToGrey(data, w, h));
}

export async function perceptualHashOfImage(blob: Blob): Promise<string> {
  // SVG cannot go through createImageBitmap everywhere; an <img> draws it without running anything.
  if (blob.type === 'image/svg+xml') {
    const url = URL.createObjectURL(blob);
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      return hashDrawable(img, img.naturalWidth || 512, img.naturalHeight || 512);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  const bitmap = await createImageBitmap(blob);
  try {
    return hashDrawable(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

export async function perceptualHashOfPdf(doc: PDFDocumentProxy): Promise<string> {
  const page = await doc.getPage(1);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: 512 / Math.max(base.width, base.height) });
  const { canvas, ctx } = canvasOf(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas, canvasContext: ctx, viewport }).promise;
  return hashDrawable(canvas, canvas.width, canvas.height);
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString() : typeof v === 'number' ? String(v) : null);

export async function imageMetadata(blob: Blob): Promise<DocumentMeta> {
  let raw: Record<string, unknown> = {};
  try {
    raw = ((await exifr.parse(blob, { tiff: true, exif: true, xmp: true, ihdr: true, iptc: true, mergeOutput: true, translateValues: true })) as Record<string, unknown> | undefined) ?? {};
  } catch {
    raw = {};
  }
  const date = (v: unknown) => (v instanceof Date ? v : typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
  const fields = Object.entries(raw)
    .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object' || v instanceof Date)
    .map(([key, v]) => ({ key, value: str(v) ?? String(v) }))
    .slice(0, 60);
  const software = str(raw.Software) ?? str(raw.ProcessingSoftware) ?? str(raw.CreatorTool) ?? null;
  return {
    software,
    producer: null,
    creator: str(raw.Artist) ?? str(raw.Make) ?? null,
    created: date(raw.DateTimeOriginal) ?? date(raw.CreateDate) ?? null,
    modified: date(raw.ModifyDate) ?? null,
    fields,
  };
}

export async function pdfMetadata(doc: PDFDocumentProxy): Promise<DocumentMeta> {
  const info = (await doc.getMetadata()).info as unknown as Record<string, unknown> | null;
  const fields = Object.entries(info ?? {})
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([key, v]) => ({ key, value: String(v) }));
  fields.push({ key: 'Pages', value: String(doc.numPages) });
  return {
    software: null,
    producer: str(info?.Producer),
    creator: str(info?.Creator),
    created: parsePdfDate(info?.CreationDate),
    modified: parsePdfDate(info?.ModDate),
    fields,
  };
}
