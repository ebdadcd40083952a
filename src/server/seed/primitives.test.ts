import { describe, expect, it } from 'vitest';
import { IdentityFactory, idCheckDigit, isValidCardNumber, isValidIdNumber, luhnCheckDigit, maskDevice, maskHandle, maskIp } from './identity';
import { mulberry32 } from '@/lib/mulberry32';
import { Rng, weighted } from './random';
import { iso } from './time';
import { amountPhrase, fill } from './texts';

describe('random', () => {
  it('mulberry32 is deterministic per seed and uniform-ish in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it('pickWeighted follows the weights and sample returns distinct items', () => {
    const rng = new Rng(1);
    const picker = weighted([['a', 9], ['b', 1]] as const);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.pickWeighted(picker)]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.87);
    expect(counts.a / 10_000).toBeLessThan(0.93);
    const sample = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });
});

describe('identity', () => {
  it('computes the GB 11643 check character and the Luhn digit', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X'); // the standard's worked example
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isValidCardNumber('79927398713')).toBe(false); // too short for a bank card
  });

  it('generates unique, valid identifiers with plausible shapes', () => {
    const f = new IdentityFactory(new Rng(9), 2026);
    const ids = Array.from({ length: 2000 }, (_, i) => f.idNumber('440305', i % 2 ? 'male' : 'female'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      expect(isValidIdNumber(id)).toBe(true);
      expect(id.startsWith('440305')).toBe(true);
      const age = 2026 - Number(id.slice(6, 10));
      expect(age).toBeGreaterThanOrEqual(20);
      expect(age).toBeLessThanOrEqual(55);
      expect(Number(id[16]) % 2).toBe(i % 2); // odd sequence digit = male
    }
    const phones = Array.from({ length: 2000 }, () => f.mobile());
    for (const p of phones) expect(p).toMatch(/^1[3-9]\d{9}$/);
    const cards = Array.from({ length: 500 }, () => f.bankCard().number);
    for (const c of cards) {
      expect(c).toMatch(/^62\d{14,17}$/);
      expect(isValidCardNumber(c)).toBe(true);
    }
  });

  it('masks handles, devices and IPs', () => {
    expect(maskHandle('wxid_12345678')).toBe('wx****78');
    expect(maskDevice('861234567890123')).toBe('8612*******0123');
    expect(maskIp('113.45.67.89')).toBe('113.45.*.**');
  });
});

describe('time.iso', () => {
  it('formats exactly like Date#toISOString', () => {
    const rng = new Rng(2);
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2025, 0, 1) + rng.float() * 2 * 365 * 86_400_000;
      expect(iso(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('texts', () => {
  it('fills slots from a record or a resolver and leaves unknown slots visible', () => {
    expect(fill('本人{name}借款{amount}', { name: '王芳', amount: '5万元' })).toBe('本人王芳借款5万元');
    expect(fill('{a}-{b}', (k) => (k === 'a' ? 'A' : undefined))).toBe('A-{b}');
    expect(fill('没有占位符', {})).toBe('没有占位符');
  });

  it('writes amounts the ways people do', () => {
    const rng = new Rng(4);
    const seen = new Set(Array.from({ length: 50 }, () => amountPhrase(rng, 58000)));
    expect([...seen].sort()).toEqual(['5.8万元', '58,000元', '58000元']);
  });
});
