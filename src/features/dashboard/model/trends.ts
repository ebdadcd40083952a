import type { LoopReport } from '@/api/schemas';
import { beijingDayOf, beijingDayStart } from '@/domain/time';
import { DAY_MS } from '@/domain/deadlines';
import { hrefOf } from '../api/dashboard-search';

export type Breakdown = 'channel' | 'grade' | 'team';
export type WeekLink = { week: string; received: number; href: string; bySeries: string[] };

/** The last day of the week starting `week` (weeks start on Monday; the first may start later), within the period. */
function weekEnd(week: string, periodEnd: string): string {
  const weekday = new Date(beijingDayStart(week) + 8 * 3_600_000).getUTCDay(); // 0 = Sunday
  const sunday = beijingDayOf(beijingDayStart(week) + ((7 - weekday) % 7) * DAY_MS);
  return sunday < periodEnd ? sunday : periodEnd;
}

/** For each week: the queue filter of its complaints, and of each series' slice (a channel, a grade, a team). */
export function weekLinks(report: LoopReport, by: Breakdown, keys: readonly string[]): WeekLink[] {
  return report.weeks.map((w) => {
    const base: Record<string, string> = { receivedFrom: w.week, receivedTo: weekEnd(w.week, report.to), status: '' };
    if (report.team !== null) base.team = report.team;
    if (report.channel.length) base.channel = report.channel.join(',');
    const slice = (k: string): Record<string, string> => {
      if (by === 'channel') return { channel: k };
      if (by === 'grade') return { grade: k };
      // Work nobody holds yet belongs to no team.
      if (k === '') {
        const { team: _team, ...rest } = base;
        return { ...rest, team: '', assignee: 'unassigned' };
      }
      return { team: k };
    };
    const hrefFor = (k: string) => {
      const params = { ...base, ...slice(k) };
      if (params.team === '') delete params.team;
      return hrefOf({ screen: 'queue', params });
    };
    return { week: w.week, received: w.received, href: hrefOf({ screen: 'queue', params: base }), bySeries: keys.map(hrefFor) };
  });
}
