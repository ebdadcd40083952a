import { describe, expect, it, vi } from 'vitest';
import { memoizeTranslate } from './translate';

describe('memoizeTranslate', () => {
  it('asks the translator once per key and options, and keeps different options apart', () => {
    const t = vi.fn((key: string, options?: Record<string, string | number>) => `${key}:${options ? JSON.stringify(options) : ''}`);
    const cached = memoizeTranslate(t);
    expect(cached('grade.level1')).toBe('grade.level1:');
    expect(cached('grade.level1')).toBe('grade.level1:');
    expect(cached('deadline.daysHours', { days: 2, hours: 3 })).toBe('deadline.daysHours:{"days":2,"hours":3}');
    expect(cached('deadline.daysHours', { days: 2, hours: 4 })).toBe('deadline.daysHours:{"days":2,"hours":4}');
    expect(cached('deadline.daysHours', { days: 2, hours: 3 })).toBe('deadline.daysHours:{"days":2,"hours":3}');
    expect(t).toHaveBeenCalledTimes(3);
  });
});
