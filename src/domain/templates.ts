/**
 * Near-duplicate grouping of complaint texts (模板化文本) without word segmentation.
 *
 * Each text becomes a set of character 3-grams after normalisation (punctuation and spaces removed,
 * digit runs collapsed so amounts and dates don't count as differences; callers may also blank out
 * names and product words, see scoring.templateComparableText). A MinHash signature of the
 * set is computed with one-permutation hashing (one hash per shingle, spread over K bins, keep each
 * bin's minimum, fill empty bins from a neighbour), which costs O(length) per text instead of
 * O(length × K). LSH banding over the signatures proposes candidate pairs; a candidate joins a
 * family only if its estimated Jaccard similarity reaches the threshold; union-find merges families.
 */

export type TemplateText = { id: string; text: string };
export type TemplateOptions = {
  /** Minimum estimated Jaccard similarity of 3-gram sets for two texts to count as the same template. */
  threshold?: number;
};
export type TemplateClustering = {
  /** Family id (tf-0001…) of every text in a family of two or more. */
  familyOf: Map<string, string>;
  familySize: Map<string, number>;
  /** Best estimated similarity found between the text and another member of its family. */
  bestSimilarity: Map<string, number>;
};

/** “Over ~90% similar” (识别标准: 模板化文本). */
export const DEFAULT_TEMPLATE_THRESHOLD = 0.9;

const K = 64; // signature length (bins)
/**
 * Rows per LSH band: 8 bands of 8 rows. A pair becomes a candidate with probability 1-(1-J^8)^8:
 * ≈ 0.99 at J=0.9, ≈ 0.38 at J=0.7, ≈ 0.03 at J=0.5, so unrelated texts are rarely even compared.
 */
const ROWS = 8;
const BANDS = K / ROWS;
const BIN_SHIFT = 26; // top 6 bits choose one of 64 bins
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const EMPTY = 0xffffffff;
/** Representatives kept per LSH bucket; bounds work in big buckets (a gang's 3,000 siblings). */
const MAX_REPS = 6;
/** Normalised texts shorter than this never form a family. */
const MIN_LENGTH = 20;

/** Punctuation, symbols and spaces: CJK and full-width punctuation, general punctuation, ASCII non-alphanumerics. */
function isIgnorable(code: number): boolean {
  if (code < 0x80) return !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));
  return (
    (code >= 0x2000 && code <= 0x206f) || // general punctuation (“ ” … —)
    (code >= 0x3000 && code <= 0x303f) || // CJK symbols and punctuation (、。《》【】)
    (code >= 0xff00 && code <= 0xff0f) || // full-width ！＂＃…／
    (code >= 0xff1a && code <= 0xff20) || // ：；＜＝＞？＠
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) ||
    code === 0x00a0 ||
    code === 0x00b7 // middle dot
  );
}
const isDigit = (code: number) => (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);

/**
 * Writes the normalised form of `text` into `out` as UTF-16 code units and returns its length:
 * whitespace, punctuation and symbols dropped, ASCII lower-cased, each run of digits (with its
 * decimal points and thousands separators) collapsed to a single 0 so amounts and dates don't count.
 * Working on a reusable buffer instead of strings keeps 100k texts cheap.
 */
function normalizeInto(text: string, out: Uint16Array): number {
  let n = 0;
  let inNumber = false;
  for (let i = 0; i < text.length && n < out.length; i++) {
    let code = text.charCodeAt(i);
    if (isDigit(code)) {
      if (!inNumber) out[n++] = 48;
      inNumber = true;
      continue;
    }
    // "58,000" and "5.8" stay one number.
    if (inNumber && (code === 44 || code === 46) && isDigit(text.charCodeAt(i + 1))) continue;
    inNumber = false;
    if (isIgnorable(code)) continue;
    if (code >= 65 && code <= 90) code += 32;
    out[n++] = code;
  }
  return n;
}

const MAX_CHARS = 8192; // texts are capped here for comparison; complaints are far shorter
let scratchChars = new Uint16Array(MAX_CHARS);

/** The normalised text as a string (for inspection and tests). */
export function normalizeText(text: string): string {
  if (text.length > scratchChars.length) scratchChars = new Uint16Array(text.length);
  const n = normalizeInto(text, scratchChars);
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...scratchChars.subarray(i, Math.min(n, i + 4096)));
  return out;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const shingleHash = (a: number, b: number, c: number) => fmix32(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d));

/** Hashes of the character 3-grams of normalised text (a single shingle for texts under three characters). */
export function shingleSet(text: string): Set<number> {
  const chars = new Uint16Array(Math.max(3, text.length));
  const n = normalizeInto(text, chars);
  const set = new Set<number>();
  if (n > 0 && n < 3) set.add(shingleHash(chars[0], chars[1], 0));
  for (let i = 0; i + 2 < n; i++) set.add(shingleHash(chars[i], chars[i + 1], chars[i + 2]));
  return set;
}

/** Exact Jaccard similarity of the two texts' normalised 3-gram sets (0…1). */
export function similarity(a: string, b: string): number {
  const sa = shingleSet(a);
  const sb = shingleSet(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const h of sa) if (sb.has(h)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/**
 * One-permutation MinHash signature (Li, Owen & Zhang 2012) of normalised chars[0..n): each 3-gram's
 * hash picks a bin with its top bits and competes for the bin's minimum with the rest.
 */
function signatureOfChars(chars: Uint16Array, n: number, out: Uint32Array): Uint32Array {
  out.fill(EMPTY);
  for (let i = 0; i + 2 < n; i++) {
    const h = shingleHash(chars[i], chars[i + 1], chars[i + 2]);
    const bin = h >>> BIN_SHIFT;
    const value = h & VALUE_MASK;
    if (value < out[bin]) out[bin] = value;
  }
  densify(out);
  return out;
}

export function signature(text: string, out: Uint32Array = new Uint32Array(K)): Uint32Array {
  const chars = new Uint16Array(Math.max(3, text.length));
  return signatureOfChars(chars, normalizeInto(text, chars), out);
}

/** Empty bins borrow from the next non-empty bin to the right, offset by the distance (Shrivastava & Li 2014). */
function densify(sig: Uint32Array): void {
  let filled = 0;
  for (let i = 0; i < K; i++) if (sig[i] !== EMPTY) filled++;
  if (filled === 0 || filled === K) return;
  const copy = sig.slice();
  for (let i = 0; i < K; i++) {
    if (copy[i] !== EMPTY) continue;
    let d = 1;
    while (copy[(i + d) % K] === EMPTY) d++;
    sig[i] = (copy[(i + d) % K] + d * 0x4000000) >>> 0;
  }
}

/** Fraction of equal bins, i.e. the MinHash estimate of Jaccard similarity. */
export function estimatedSimilarity(signatures: Uint32Array, a: number, b: number): number {
  const oa = a * K;
  const ob = b * K;
  let equal = 0;
  for (let i = 0; i < K; i++) if (signatures[oa + i] === signatures[ob + i]) equal++;
  return equal / K;
}

/** Like estimatedSimilarity, but gives up (returns 0) as soon as the threshold can no longer be met. */
function similarityAtLeast(signatures: Uint32Array, a: number, b: number, threshold: number): number {
  const oa = a * K;
  const ob = b * K;
  const allowed = Math.floor((1 - threshold) * K + 1e-9);
  let misses = 0;
  for (let i = 0; i < K; i++) {
    if (signatures[oa + i] !== signatures[ob + i] && ++misses > allowed) return 0;
  }
  return (K - misses) / K;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const { parent } = this;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // Keep the smaller index as root so the result doesn't depend on processing order.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

function bandKey(signatures: Uint32Array, item: number, band: number): number {
  let h = 0x811c9dc5 ^ band;
  const base = item * K + band * ROWS;
  for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ signatures[base + r], 0x01000193);
  return h >>> 0;
}

export function clusterTemplatesDetailed(texts: readonly TemplateText[], options: TemplateOptions = {}): TemplateClustering {
  const threshold = options.threshold ?? DEFAULT_TEMPLATE_THRESHOLD;
  const n = texts.length;
  const signatures = new Uint32Array(n * K);
  const scratch = new Uint32Array(K);
  let chars = new Uint16Array(MAX_CHARS);
  // Very short texts ("催收太频繁") are alike by accident, not by template: leave them out.
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const text = texts[i].text;
    if (text.length > chars.length) chars = new Uint16Array(text.length);
    const length = normalizeInto(text, chars);
    if (length < MIN_LENGTH) continue;
    eligible[i] = 1;
    signatures.set(signatureOfChars(chars, length, scratch), i * K);
  }

  const uf = new UnionFind(n);
  const best = new Float64Array(n);
  for (let band = 0; band < BANDS; band++) {
    // Bucket → representatives. A new item is compared with the representatives only, not every
    // bucket member, so a bucket holding thousands of siblings still costs O(members).
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      if (!eligible[i]) continue;
      const key = bandKey(signatures, i, band);
      const reps = buckets.get(key);
      if (!reps) {
        buckets.set(key, [i]);
        continue;
      }
      let joined = false;
      for (const rep of reps) {
        if (uf.find(rep) === uf.find(i)) {
          joined = true;
          break;
        }
        const sim = similarityAtLeast(signatures, rep, i, threshold);
        if (sim > 0 && sim >= threshold) {
          uf.union(rep, i);
          if (sim > best[i]) best[i] = sim;
          if (sim > best[rep]) best[rep] = sim;
          joined = true;
          break;
        }
      }
      if (!joined && reps.length < MAX_REPS) reps.push(i);
    }
  }
  return nameFamilies(texts, uf, best);
}

/** Families of two or more get ids in order of their first member, so ids are stable for a given input. */
function nameFamilies(texts: readonly TemplateText[], uf: UnionFind, best: Float64Array): TemplateClustering {
  const n = texts.length;
  const sizeByRoot = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    sizeByRoot.set(root, (sizeByRoot.get(root) ?? 0) + 1);
  }
  const idByRoot = new Map<number, string>();
  const familyOf = new Map<string, string>();
  const familySize = new Map<string, number>();
  const bestSimilarity = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const size = sizeByRoot.get(root) ?? 1;
    if (size < 2) continue;
    let familyId = idByRoot.get(root);
    if (!familyId) {
      familyId = `tf-${String(idByRoot.size + 1).padStart(4, '0')}`;
      idByRoot.set(root, familyId);
      familySize.set(familyId, size);
    }
    familyOf.set(texts[i].id, familyId);
    bestSimilarity.set(texts[i].id, best[i]);
  }
  return { familyOf, familySize, bestSimilarity };
}

export function clusterTemplates(texts: readonly TemplateText[], options?: TemplateOptions): Map<string, string> {
  return clusterTemplatesDetailed(texts, options).familyOf;
}
