import { describe, expect, it } from 'vitest';
import { DAY_MS, deadlineState, deadlineWindowPredicate, dueAtIso, dueDate, levelFor } from './deadlines';

const now = new Date('2026-11-20T04:00:00.000Z');
const dueIn = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('dueDate', () => {
  it('is the end of the 15th / 30th / 60th Beijing day after the day of receipt', () => {
    // Received 1 Nov 10:00 Beijing time.
    expect(dueAtIso('2026-11-01T02:00:00.000Z', 'standard')).toBe('2026-11-16T15:59:59.999Z');
    expect(dueAtIso('2026-11-01T02:00:00.000Z', 'complex')).toBe('2026-12-01T15:59:59.999Z');
    expect(dueAtIso('2026-11-01T02:00:00.000Z', 'extended')).toBe('2026-12-31T15:59:59.999Z');
  });

  it('counts days in Beijing time, not UTC', () => {
    // 17:00 UTC on 1 Nov is 01:00 on 2 Nov in Beijing: the day of receipt is 2 Nov.
    expect(dueAtIso('2026-11-01T17:00:00.000Z', 'standard')).toBe('2026-11-17T15:59:59.999Z');
    // 15:59 UTC is still 1 Nov in Beijing.
    expect(dueAtIso('2026-11-01T15:59:00.000Z', 'standard')).toBe('2026-11-16T15:59:59.999Z');
  });

  it('accepts a Date as well as an ISO string', () => {
    expect(dueDate(new Date('2026-11-01T02:00:00.000Z'), 'standard').toISOString()).toBe('2026-11-16T15:59:59.999Z');
  });
});

describe('deadlineState', () => {
  const open = (ms: number) => deadlineState({ dueAt: dueIn(ms), status: 'in_progress' }, now);

  it('is ok with more than three days left', () => {
    expect(open(3 * DAY_MS + 1)).toMatchObject({ level: 'ok', daysLeft: 3, active: true });
    expect(open(10 * DAY_MS).level).toBe('ok');
  });

  it('turns amber at three days and red at one day', () => {
    expect(open(3 * DAY_MS).level).toBe('amber');
    expect(open(1 * DAY_MS + 1).level).toBe('amber');
    expect(open(1 * DAY_MS).level).toBe('red');
    expect(open(0).level).toBe('red');
  });

  it('is overdue once the due time has passed, with negative days', () => {
    expect(open(-1)).toMatchObject({ level: 'overdue', daysLeft: -1 });
    expect(open(-2.5 * DAY_MS)).toMatchObject({ level: 'overdue', daysLeft: -3 });
  });

  it('never flags answered or closed complaints', () => {
    for (const status of ['answered', 'closed'] as const) {
      const state = deadlineState({ dueAt: dueIn(-5 * DAY_MS), status }, now);
      expect(state).toMatchObject({ level: 'ok', active: false });
    }
  });

  it('levelFor matches the documented thresholds', () => {
    expect([levelFor(-1), levelFor(0), levelFor(DAY_MS), levelFor(3 * DAY_MS), levelFor(3 * DAY_MS + 1)]).toEqual(['overdue', 'red', 'red', 'amber', 'ok']);
  });
});

describe('deadlineWindowPredicate', () => {
  const t = now.getTime();
  it('separates overdue from the within-N windows and ignores handled complaints', () => {
    const overdue = deadlineWindowPredicate('overdue', now);
    const within1 = deadlineWindowPredicate('within1', now);
    const within3 = deadlineWindowPredicate('within3', now);
    const within7 = deadlineWindowPredicate('within7', now);
    expect(overdue('new', t - 1)).toBe(true);
    expect(overdue('closed', t - 1)).toBe(false);
    expect(within1('new', t - 1)).toBe(false);
    expect(within1('in_progress', t + DAY_MS)).toBe(true);
    expect(within1('in_progress', t + DAY_MS + 1)).toBe(false);
    expect(within3('new', t + 3 * DAY_MS)).toBe(true);
    expect(within3('answered', t + DAY_MS)).toBe(false);
    expect(within7('new', t + 7 * DAY_MS)).toBe(true);
    expect(within7('new', t + 8 * DAY_MS)).toBe(false);
  });
});

describe('isoToMs', () => {
  it('parses canonical timestamps exactly like Date.parse, and other forms by falling back to it', async () => {
    const { isoToMs } = await import('./time');
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(1999, 0, 1) + Math.floor(i * 987_654_321.123);
      const s = new Date(ms).toISOString();
      expect(isoToMs(s)).toBe(Date.parse(s));
    }
    expect(isoToMs('2026-11-16T23:59:59.999+08:00')).toBe(Date.parse('2026-11-16T15:59:59.999Z'));
  });
});
