/**
 * A small seeded PRNG and the sampling helpers the demo-data generator needs.
 * Everything random in the demo flows through one `Rng`, so a seed fully determines the data.
 */

import { mulberry32 } from '@/lib/mulberry32';

/** A weighted choice prepared once (cumulative weights + binary search), for choices made thousands of times. */
export type WeightedPicker<T> = { items: readonly T[]; cumulative: Float64Array; total: number };

export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    total += weight;
    cumulative[i] = total;
  });
  return { items: entries.map(([item]) => item), cumulative, total };
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  pickWeighted<T>(picker: WeightedPicker<T>): T {
    const r = this.next() * picker.total;
    const { cumulative } = picker;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return picker.items[lo];
  }

  /** k distinct items (or all of them when k >= length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A string of random decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += Math.floor(this.next() * 10);
    return out;
  }

  /** Skewed towards small values: x^power of a uniform, scaled to [min, max]. */
  skewed(min: number, max: number, power: number): number {
    return min + (max - min) * Math.pow(this.next(), power);
  }
}
