import { describe, expect, it } from 'vitest';
import type { LoopReport } from '@/api/schemas';
import { weekLinks } from './trends';

const week = (day: string, received: number): LoopReport['weeks'][number] => ({ week: day, received, byChannel: {} as never, byGrade: {} as never, byTeam: { 消保一组: received - 1, '': 1 } });
const report = (over: Partial<LoopReport> = {}): LoopReport => ({
  from: '2026-11-14',
  to: '2026-11-25',
  previousFrom: '2026-11-02',
  previousTo: '2026-11-13',
  team: null,
  teams: ['消保一组'],
  channel: [],
  stages: [],
  weeks: [week('2026-11-14', 3), week('2026-11-16', 5), week('2026-11-23', 2)],
  ...over,
});
const params = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);

describe('weekLinks', () => {
  it('each week opens the queue on its own days, the first and last clipped to the period, every status', () => {
    const links = weekLinks(report(), 'channel', ['12378']);
    expect(links.map((l) => [params(l.href).receivedFrom, params(l.href).receivedTo])).toEqual([
      ['2026-11-14', '2026-11-15'],
      ['2026-11-16', '2026-11-22'],
      ['2026-11-23', '2026-11-25'],
    ]);
    expect(params(links[0].href).status).toBe('');
    expect(new URL(links[0].href, 'http://x').pathname).toBe('/queue');
  });

  it('a bar adds its slice to the week: a channel, a grade, a team, or unassigned work', () => {
    expect(params(weekLinks(report(), 'channel', ['hotline'])[1].bySeries[0]).channel).toBe('hotline');
    expect(params(weekLinks(report(), 'grade', ['level1'])[1].bySeries[0]).grade).toBe('level1');
    const [team, nobody] = weekLinks(report(), 'team', ['消保一组', ''])[1].bySeries.map(params);
    expect(team.team).toBe('消保一组');
    expect(nobody.assignee).toBe('unassigned');
    expect(nobody.team).toBeUndefined();
  });

  it('keeps the report’s own team and channels on every link', () => {
    const [l] = weekLinks(report({ team: '消保一组', channel: ['12378', 'hotline'] }), 'grade', ['normal']);
    expect(params(l.href)).toMatchObject({ team: '消保一组', channel: '12378,hotline' });
    expect(params(l.bySeries[0])).toMatchObject({ team: '消保一组', channel: '12378,hotline', grade: 'normal' });
  });
});
