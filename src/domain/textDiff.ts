/**
 * Character-level diff for showing how one templated complaint differs from a sibling. Chinese text has
 * no word boundaries, so characters are the unit; complaints are short (a few hundred characters), so a
 * plain LCS table is cheap and gives the minimal diff. Longer texts are compared on their first
 * MAX_CHARS characters and the rest is reported as changed, which keeps the table bounded.
 */
import type { DiffSegment } from '@/api/schemas';

const MAX_CHARS = 1500;

function push(out: DiffSegment[], op: DiffSegment['op'], text: string) {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Segments that turn `a` into `b`: equal runs, deletions from `a` and insertions from `b`, in reading order. */
export function diffChars(a: string, b: string): DiffSegment[] {
  const headA = [...a.slice(0, MAX_CHARS)];
  const headB = [...b.slice(0, MAX_CHARS)];
  const n = headA.length;
  const m = headB.length;
  // lcs[i][j] = LCS length of headA[i..] and headB[j..], row-major in one typed array.
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = headA[i] === headB[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (headA[i] === headB[j]) {
      push(out, 'equal', headA[i]);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
      push(out, 'delete', headA[i++]);
    } else {
      push(out, 'insert', headB[j++]);
    }
  }
  push(out, 'delete', headA.slice(i).join('') + a.slice(MAX_CHARS));
  push(out, 'insert', headB.slice(j).join('') + b.slice(MAX_CHARS));
  return mergeNoise(out);
}

/**
 * A single equal character between two changes ("张三" → "李四" sharing nothing but a stray 的) makes
 * the highlight flicker; folding such one-character islands into the surrounding change reads better.
 */
function mergeNoise(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    const prev = segments[k - 1];
    const next = segments[k + 1];
    if (s.op === 'equal' && [...s.text].length === 1 && prev && next && prev.op !== 'equal' && next.op !== 'equal') {
      push(out, 'delete', s.text);
      out.push({ op: 'insert', text: s.text });
      continue;
    }
    push(out, s.op, s.text);
  }
  // Re-group so each change reads as "deleted then inserted" rather than alternating fragments.
  const grouped: DiffSegment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    push(grouped, 'delete', del);
    push(grouped, 'insert', ins);
    del = '';
    ins = '';
  };
  for (const s of out) {
    if (s.op === 'equal') {
      flush();
      push(grouped, 'equal', s.text);
    } else if (s.op === 'delete') del += s.text;
    else ins += s.text;
  }
  flush();
  return grouped;
}

/** The two texts back from the segments: a cheap consistency check for tests and callers. */
export function applyDiff(segments: readonly DiffSegment[]): { a: string; b: string } {
  let a = '';
  let b = '';
  for (const s of segments) {
    if (s.op !== 'insert') a += s.text;
    if (s.op !== 'delete') b += s.text;
  }
  return { a, b };
}
