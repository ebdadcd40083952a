import * as fontkit from 'fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** A document as a list of blocks: the 报案书 and the 月报 both print this way. */
export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'signature'; text: string };

type Listener = (arg?: unknown) => void;
/**
 * pdf-lib was written against @pdf-lib/fontkit, whose subsets have `encodeStream()`; upstream fontkit 2
 * (which subsets CJK correctly) has `encode()`. This adapter gives pdf-lib the stream it expects.
 */
const fontkitForPdfLib = {
  create(data: Uint8Array) {
    const font = fontkit.create(data as Buffer) as fontkit.Font & { createSubset: () => { encode: () => Uint8Array } };
    return new Proxy(font, {
      get(target, prop, receiver) {
        if (prop !== 'createSubset') return Reflect.get(target, prop, receiver) as unknown;
        return () => {
          const subset = target.createSubset();
          return Object.assign(subset, {
            encodeStream() {
              const handlers: Record<string, Listener> = {};
              const stream = {
                on(event: string, fn: Listener) {
                  handlers[event] = fn;
                  return stream;
                },
              };
              queueMicrotask(() => {
                try {
                  handlers.data?.(subset.encode());
                  handlers.end?.();
                } catch (e) {
                  handlers.error?.(e);
                }
              });
              return stream;
            },
          });
        };
      },
    });
  },
};

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 64;
const STYLE: Record<ReportBlock['kind'], { size: number; gap: number; align: 'left' | 'center' | 'right' }> = {
  title: { size: 22, gap: 18, align: 'center' },
  heading: { size: 14, gap: 10, align: 'left' },
  para: { size: 11.5, gap: 6, align: 'left' },
  signature: { size: 11.5, gap: 8, align: 'right' },
};

/** Breaks text into lines no wider than `width`: CJK can break between any two characters. */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line && measure(line + ch) > width) {
      lines.push(line);
      line = ch.trim() ? ch : '';
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * A report as PDF with the CJK font embedded (subset: only the glyphs used). Upstream fontkit, not
 * @pdf-lib/fontkit, whose subsetting corrupts CJK glyphs. Dates are fixed for reproducible output.
 */
export async function renderPdf(blocks: readonly ReportBlock[], fontBytes: Uint8Array, day: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib as never);
  const font: PDFFont = await doc.embedFont(fontBytes, { subset: true, customName: 'JianzhengReportCJK' });
  const fixed = new Date(`${day}T00:00:00Z`);
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  doc.setTitle(title);
  doc.setCreator('Jianzheng');
  doc.setProducer('Jianzheng (pdf-lib)');
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  doc.setLanguage('zh-CN');

  const width = A4.w - 2 * MARGIN;
  let page: PDFPage = doc.addPage([A4.w, A4.h]);
  let y = A4.h - MARGIN;
  const pages: PDFPage[] = [page];
  for (const b of blocks) {
    const { size, gap, align } = STYLE[b.kind];
    const lineHeight = size * 1.6;
    const lines = wrapLines(b.text, width, (s) => font.widthOfTextAtSize(s, size));
    for (const line of lines) {
      if (y - lineHeight < MARGIN) {
        page = doc.addPage([A4.w, A4.h]);
        pages.push(page);
        y = A4.h - MARGIN;
      }
      const w = font.widthOfTextAtSize(line, size);
      const x = align === 'center' ? (A4.w - w) / 2 : align === 'right' ? A4.w - MARGIN - w : MARGIN;
      page.drawText(line, { x, y: y - size, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= lineHeight;
    }
    y -= gap;
  }
  pages.forEach((p, i) => {
    const label = `第 ${i + 1} 页 / 共 ${pages.length} 页`;
    p.drawText(label, { x: (A4.w - font.widthOfTextAtSize(label, 9)) / 2, y: MARGIN / 2, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
  });
  return doc.save({ useObjectStreams: false });
}
