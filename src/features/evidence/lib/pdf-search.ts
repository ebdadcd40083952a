/**
 * Text search over pdf.js text content. Chinese PDFs split text into items arbitrarily (often per
 * character or per run) and put no spaces between them, so the page text is the items joined as they
 * are; a hit spanning several items gets one rectangle per item, in fractions of the page.
 */
export type TextItem = { str: string; transform: number[]; width: number; height: number };
export type PageText = { page: number; width: number; height: number; /** viewport transform at scale 1 */ transform: number[]; items: TextItem[] };
export type FracRect = { x: number; y: number; w: number; h: number };
export type TextHit = { page: number; index: number; rects: FracRect[] };

/** Whitespace and case are ignored: "诊断 证明" finds "诊断证明". */
const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

function apply(m: number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function rectOf(page: PageText, item: TextItem, from: number, to: number, len: number): FracRect {
  const [, , c, d, e, f] = item.transform;
  const h = item.height || Math.hypot(c, d) || 10;
  const x0 = e + (item.width * from) / len;
  const x1 = e + (item.width * to) / len;
  // PDF space has y up from the baseline; a glyph box reaches a little below it.
  const [ax, ay] = apply(page.transform, x0, f - h * 0.2);
  const [bx, by] = apply(page.transform, x1, f + h * 0.9);
  const left = Math.min(ax, bx);
  const top = Math.min(ay, by);
  return { x: left / page.width, y: top / page.height, w: Math.abs(bx - ax) / page.width, h: Math.abs(by - ay) / page.height };
}

export function findInPages(pages: PageText[], query: string): TextHit[] {
  const q = norm(query);
  const out: TextHit[] = [];
  if (!q) return out;
  for (const page of pages) {
    // Normalised characters, each remembering its item and position inside the item.
    const chars: { ch: string; item: number; pos: number; len: number }[] = [];
    page.items.forEach((it, i) => {
      const nonSpace = [...it.str];
      nonSpace.forEach((ch, pos) => {
        if (!/\s/.test(ch)) chars.push({ ch: ch.toLowerCase(), item: i, pos, len: nonSpace.length });
      });
    });
    const text = chars.map((c) => c.ch).join('');
    const qChars = [...q];
    let from = 0;
    for (;;) {
      const at = text.indexOf(q, from);
      if (at < 0) break;
      // indexOf works in UTF-16 units; map back to code-point indices for astral characters.
      const start = [...text.slice(0, at)].length;
      const span = chars.slice(start, start + qChars.length);
      const byItem = new Map<number, { min: number; max: number; len: number }>();
      for (const c of span) {
        const cur = byItem.get(c.item);
        byItem.set(c.item, cur ? { ...cur, min: Math.min(cur.min, c.pos), max: Math.max(cur.max, c.pos) } : { min: c.pos, max: c.pos, len: c.len });
      }
      out.push({ page: page.page, index: out.length, rects: [...byItem.entries()].map(([i, r]) => rectOf(page, page.items[i], r.min, r.max + 1, r.len)) });
      from = at + q.length;
    }
  }
  return out;
}
