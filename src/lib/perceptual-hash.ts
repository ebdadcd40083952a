/**
 * dHash ("difference hash"): shrink to 9×8 grey, then one bit per pixel for "brighter than its right
 * neighbour". Re-encoding, rescaling and mild colour changes keep the gradients, so copies of one
 * document land within a few bits; a different document differs in about half of them.
 * Pure over pixel arrays so the browser (canvas), Node scripts (ImageMagick raw grey) and tests share it.
 */

/** Copies of one document stay within this many differing bits of 64; unrelated documents sit near 32. */
export const REUSE_THRESHOLD = 10;

export type GreyImage = { width: number; height: number; /** one byte per pixel, row-major */ grey: Uint8Array | Uint8ClampedArray };

/** RGBA (canvas ImageData) to grey with the Rec. 601 luma weights ImageMagick also uses. */
export function rgbaToGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const grey = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < grey.length; i += 4, p++) {
    // Transparent pixels count as white paper, not black.
    const a = rgba[i + 3] / 255;
    const y = 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
    grey[p] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, grey };
}

/** Box-filter (area average) downscale: every source pixel counts, so the result does not alias. */
export function shrink(img: GreyImage, w: number, h: number): Float64Array {
  const out = new Float64Array(w * h);
  const weight = new Float64Array(w * h);
  const sx = w / img.width;
  const sy = h / img.height;
  for (let y = 0; y < img.height; y++) {
    const ty = Math.min(h - 1, Math.floor(y * sy));
    for (let x = 0; x < img.width; x++) {
      const t = ty * w + Math.min(w - 1, Math.floor(x * sx));
      out[t] += img.grey[y * img.width + x];
      weight[t] += 1;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = weight[i] ? out[i] / weight[i] : 0;
  return out;
}

/** 64-bit dHash as 16 hex digits. */
export function dHash(img: GreyImage): string {
  if (img.width < 1 || img.height < 1) throw new Error('empty image');
  const px = shrink(img, 9, 8);
  let hex = '';
  for (let row = 0; row < 8; row++) {
    let byte = 0;
    for (let col = 0; col < 8; col++) byte = (byte << 1) | (px[row * 9 + col] > px[row * 9 + col + 1] ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

const POPCOUNT = Array.from({ length: 16 }, (_, n) => (n & 1) + ((n >> 1) & 1) + ((n >> 2) & 1) + ((n >> 3) & 1));

/** Number of differing bits between two equal-length hex hashes; null when they cannot be compared. */
export function hammingDistance(a: string, b: string): number | null {
  if (a.length !== b.length || !/^[0-9a-f]+$/i.test(a) || !/^[0-9a-f]+$/i.test(b)) return null;
  let d = 0;
  for (let i = 0; i < a.length; i++) d += POPCOUNT[parseInt(a[i], 16) ^ parseInt(b[i], 16)];
  return d;
}
