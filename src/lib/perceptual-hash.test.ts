import { describe, expect, it } from 'vitest';
import manifest from '../../public/samples/manifest.json';
import { dHash, hammingDistance, REUSE_THRESHOLD, rgbaToGrey, type GreyImage } from './perceptual-hash';

/** A synthetic "certificate": paper, a title bar, text lines and a seal, parameterised by layout. */
function certificate(width: number, height: number, layout: { lines: number[]; seal: [number, number]; title: number }): GreyImage {
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      // Scans are never flat: paper shading gives every region a gradient, which dHash relies on.
      let g = Math.round(170 + 60 * u + 20 * v);
      if (v > 0.06 && v < 0.12 && u > 0.5 - layout.title && u < 0.5 + layout.title) g = 30;
      for (const line of layout.lines) if (Math.abs(v - line) < 0.012 && u > 0.1 && u < 0.85) g = 60;
      const [sx, sy] = layout.seal;
      if ((u - sx) ** 2 + ((v - sy) * (height / width)) ** 2 < 0.012) g = 120;
      grey[y * width + x] = g;
    }
  return { width, height, grey };
}

/** Nearest-neighbour resize plus JPEG-like quantisation noise: what a re-scan or re-encode does. */
function reencode(img: GreyImage, scale: number, seed = 7): GreyImage {
  const w = Math.round(img.width * scale);
  const h = Math.round(img.height * scale);
  const grey = new Uint8Array(w * h);
  let s = seed;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const src = img.grey[Math.min(img.height - 1, Math.floor(y / scale)) * img.width + Math.min(img.width - 1, Math.floor(x / scale))];
      grey[y * w + x] = Math.max(0, Math.min(255, Math.round(src / 8) * 8 + ((s % 13) - 6)));
    }
  return { width: w, height: h, grey };
}

const diagnosis = { lines: [0.2, 0.26, 0.32, 0.45, 0.5, 0.55, 0.6], seal: [0.72, 0.82] as [number, number], title: 0.2 };
const poverty = { lines: [0.3, 0.36, 0.7, 0.76], seal: [0.3, 0.55] as [number, number], title: 0.12 };

describe('dHash', () => {
  it('matches the same image after resizing and re-encoding', () => {
    const original = certificate(600, 840, diagnosis);
    for (const scale of [0.85, 0.5, 1.3]) {
      const d = hammingDistance(dHash(original), dHash(reencode(original, scale)));
      expect(d).not.toBeNull();
      expect(d!).toBeLessThanOrEqual(REUSE_THRESHOLD);
    }
  });

  it('does not match a different certificate', () => {
    const d = hammingDistance(dHash(certificate(600, 840, diagnosis)), dHash(certificate(600, 840, poverty)));
    expect(d!).toBeGreaterThan(REUSE_THRESHOLD);
  });

  it('treats transparent pixels as white paper', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 0, 0, 0, 0, 255]);
    expect(Array.from(rgbaToGrey(rgba, 2, 1).grey)).toEqual([255, 0]);
  });

  it('refuses to compare hashes of different lengths or junk', () => {
    expect(hammingDistance('ff', 'ffff')).toBeNull();
    expect(hammingDistance('zz', 'ff')).toBeNull();
    expect(hammingDistance('f0', '0f')).toBe(8);
  });

  // The real sample files, hashed by scripts/samples/phash.ts with this same code.
  const phash = (file: string) => manifest.find((m) => m.file === file)!.phash!;
  it('finds the re-scanned JPEG of the sample diagnosis certificate (85% size, quality 80)', () => {
    expect(hammingDistance(phash('cert-diagnosis-a.png'), phash('cert-diagnosis-a-rescan.jpg'))!).toBeLessThanOrEqual(REUSE_THRESHOLD);
  });

  it('keeps different sample certificates apart', () => {
    const different = ['cert-diagnosis-a.png', 'cert-poverty-a.png', 'cert-income-genuine.png', 'power-of-attorney.png', 'report-diagnosis.pdf', 'complaint-letter.pdf'];
    for (const a of different) for (const b of different) if (a !== b) expect(hammingDistance(phash(a), phash(b))!, `${a} vs ${b}`).toBeGreaterThan(REUSE_THRESHOLD);
  });
});
