import { describe, expect, it } from 'vitest';
import type { SpreadReport } from '@/api/schemas';
import { bucketLastDay, queueHrefFor, spreadFacts, spreadHrefOf, subjectHref } from './spread-model';

const bucket = (start: string, total: number) => ({ start, byChannel: { '12378': total }, total, newBorrowers: 0, borrowersSoFar: 0 });
const report = (firstAt: string, lastAt: string, timeline: SpreadReport['timeline']) =>
  ({ first: { receivedAt: firstAt }, lastAt, timeline, bucket: 'day' }) as unknown as SpreadReport;

describe('spread model', () => {
  it('ends a week bucket on its Sunday and a day bucket on itself, across a month end', () => {
    expect(bucketLastDay('week', '2026-11-30')).toBe('2026-12-06');
    expect(bucketLastDay('day', '2026-11-30')).toBe('2026-11-30');
  });

  it('counts the days of a wave in Beijing time, both ends included, and finds its busiest bucket', () => {
    // 23:30 UTC on 1 Nov is 07:30 on 2 Nov in Beijing; 15:00 UTC on 3 Nov is 23:00 on 3 Nov there.
    const r = report('2026-11-01T23:30:00Z', '2026-11-03T15:00:00Z', [bucket('2026-11-02', 2), bucket('2026-11-03', 5)]);
    expect(spreadFacts(r)).toEqual({ days: 2, peak: { start: '2026-11-03', total: 5 } });
    // A tie keeps the earlier bucket.
    expect(spreadFacts(report('2026-11-02T01:00:00Z', '2026-11-02T02:00:00Z', [bucket('2026-11-02', 3), bucket('2026-11-03', 3)])).peak?.start).toBe('2026-11-02');
    expect(spreadFacts(report('2026-11-02T01:00:00Z', '2026-11-02T02:00:00Z', []))).toEqual({ days: 0, peak: null });
  });

  it('opens a family or an alert in the queue over every status, oldest first, narrowed to a slice', () => {
    const family = new URL(queueHrefFor({ kind: 'family', id: 'tf-0001' }, { channel: 'email', from: '2026-11-02', to: '2026-11-08' })!, 'http://x');
    expect(family.pathname).toBe('/queue');
    expect(Object.fromEntries(family.searchParams)).toEqual({ family: 'tf-0001', status: '', channel: 'email', receivedFrom: '2026-11-02', receivedTo: '2026-11-08', sort: 'receivedAt', order: 'asc' });
    expect(new URL(queueHrefFor({ kind: 'alert', id: 'alert-000001' })!, 'http://x').searchParams.get('alert')).toBe('alert-000001');
    expect(queueHrefFor({ kind: 'case', id: 'case-001' })).toBeNull();
    expect(queueHrefFor({ kind: 'entities', entityIds: ['ent-1'] })).toBeNull();
  });

  it('links back to the subject and to a trace, with ids escaped', () => {
    expect(subjectHref({ kind: 'case', id: 'case/1 ?' })).toBe('/cases/case%2F1%20%3F');
    expect(subjectHref({ kind: 'alert', id: 'alert-000001' })).toBe('/alerts?alert=alert-000001');
    expect(subjectHref({ kind: 'entities', entityIds: ['ent-1'] })).toBeNull();
    expect(spreadHrefOf('family', 'tf-0001&x=1')).toBe('/spread?family=tf-0001%26x%3D1');
  });
});
