import type { Channel, SpreadReport, SpreadSubject } from '@/api/schemas';

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last day a timeline bucket covers (a day, or the Sunday of its week). */
export const bucketLastDay = (bucket: SpreadReport['bucket'], start: string) => (bucket === 'day' ? start : dayOf(dayMs(start) + 6 * DAY_MS));

/** What the summary sentence says: how long the wave ran, in calendar days counted both ends, and its busiest bucket. */
export function spreadFacts(r: SpreadReport): { days: number; peak: { start: string; total: number } | null } {
  const first = r.timeline[0]?.start;
  const last = r.timeline.at(-1);
  if (!first || !last || !r.first || !r.lastAt) return { days: 0, peak: null };
  const beijingDay = (iso: string) => dayOf(Date.parse(iso) + 8 * 3_600_000);
  const days = Math.round((dayMs(beijingDay(r.lastAt)) - dayMs(beijingDay(r.first.receivedAt))) / DAY_MS) + 1;
  let peak = r.timeline[0];
  for (const b of r.timeline) if (b.total > peak.total) peak = b;
  return { days, peak: { start: peak.start, total: peak.total } };
}

/**
 * The queue on the same records, narrowed to a channel or a bucket when given. Only a family and an alert
 * are queue filters; a case lists its complaints on its own screen, and a community has no filter.
 */
export function queueHrefFor(subject: SpreadSubject, slice: { channel?: Channel; from?: string; to?: string } = {}): string | null {
  if (subject.kind !== 'family' && subject.kind !== 'alert') return null;
  const params = new URLSearchParams({ [subject.kind]: subject.id, status: '' });
  if (slice.channel) params.set('channel', slice.channel);
  if (slice.from) params.set('receivedFrom', slice.from);
  if (slice.to) params.set('receivedTo', slice.to);
  params.set('sort', 'receivedAt');
  params.set('order', 'asc');
  return `/queue?${params.toString()}`;
}

/** Where a subject's own screen is: what a trace links back to. */
export function subjectHref(subject: SpreadSubject): string | null {
  if (subject.kind === 'case') return `/cases/${encodeURIComponent(subject.id)}`;
  if (subject.kind === 'alert') return `/alerts?alert=${encodeURIComponent(subject.id)}`;
  return queueHrefFor(subject);
}

/** The trace of a family, an alert or a case as a link (a community's lives only on the graph screen). */
export const spreadHrefOf = (kind: 'family' | 'alert' | 'case', id: string) => `/spread?${new URLSearchParams({ [kind]: id }).toString()}`;
