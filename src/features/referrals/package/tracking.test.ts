import { describe, expect, it } from 'vitest';
import { followUpDeadlines, packageDay } from './tracking';

const submission = { date: '2026-11-20T02:00:00.000Z', policeUnit: 'x', officer: 'y', receiptNo: null };

describe('follow-up deadlines', () => {
  it('gives the criminal filing review periods after 受理: 3, 7 and 30 days', () => {
    const list = followUpDeadlines({ status: 'accepted', charges: ['extortion'], submission, outcome: { acceptedAt: '2026-11-21T02:00:00.000Z', filedAt: null, rejectedAt: null, rejectionReason: null, reviewRequested: false } });
    expect(list.map((d) => [d.key, d.dueAt, d.done])).toEqual([
      ['filing3', '2026-11-24T02:00:00.000Z', false],
      ['filing7', '2026-11-28T02:00:00.000Z', false],
      ['filing30', '2026-12-21T02:00:00.000Z', false],
    ]);
  });

  it('gives the administrative acceptance review (24 hours, 3 days max) for 扰乱单位秩序 only', () => {
    const list = followUpDeadlines({ status: 'submitted', charges: ['disturbing_order'], submission, outcome: null });
    expect(list.map((d) => d.key)).toEqual(['adminAcceptance', 'adminAcceptanceMax']);
    expect(list[0].dueAt).toBe('2026-11-21T02:00:00.000Z');
  });

  it('gives the 复议 window after 不予立案, done once requested', () => {
    const outcome = { acceptedAt: '2026-11-21T02:00:00.000Z', filedAt: null, rejectedAt: '2026-11-25T02:00:00.000Z', rejectionReason: '证据不足', reviewRequested: true };
    const review = followUpDeadlines({ status: 'rejected', charges: ['fraud'], submission, outcome }).find((d) => d.key === 'review');
    expect(review).toEqual({ key: 'review', dueAt: '2026-12-02T02:00:00.000Z', done: true });
  });

  it('dates the package by the approval day in Beijing time', () => {
    expect(packageDay('2026-11-20T17:30:00.000Z')).toBe('2026-11-21');
    expect(packageDay('2026-11-20T15:59:00.000Z')).toBe('2026-11-20');
  });
});
