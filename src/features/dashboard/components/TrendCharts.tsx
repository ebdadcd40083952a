import { Segmented, theme, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channelSchema, gradeSchema, type Channel, type LoopReport } from '@/api/schemas';
import { weekLinks, type Breakdown } from '../model/trends';
import { CHART_PALETTE as PALETTE, channelColour, EChart, type ChartOption } from '@/components/EChart';

/** Grades keep the colours the queue uses. */
const GRADE_COLOURS: Record<string, string> = { level1: '#cf1322', level2: '#d46b08', normal: '#389e0d' };

/**
 * Complaints received per week, stacked by channel, grade or team. A bar opens the queue on that week and that
 * slice; the links under the chart do the same for keyboard and screen-reader users.
 */
export function TrendCharts({ report, onOpen }: { report: LoopReport; onOpen: (href: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [by, setBy] = useState<Breakdown>('channel');
  const { keys, option } = useMemo(() => {
    const teams = [...new Set(report.weeks.flatMap((w) => Object.keys(w.byTeam)))].sort();
    const keys: string[] = by === 'channel' ? channelSchema.options.filter((c) => report.weeks.some((w) => w.byChannel[c] > 0)) : by === 'grade' ? [...gradeSchema.options] : teams;
    const name = (k: string) => (by === 'channel' ? t(`channel.${k}`) : by === 'grade' ? t(`grade.${k}`) : k === '' ? t('loop.trend.unassigned') : k);
    const count = (w: LoopReport['weeks'][number], k: string) => (by === 'channel' ? w.byChannel[k as never] : by === 'grade' ? w.byGrade[k as never] : (w.byTeam[k] ?? 0));
    const option: ChartOption = {
      aria: { enabled: true },
      textStyle: { fontFamily: token.fontFamily, fontSize: 12 },
      color: PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: report.weeks.map((w) => w.week.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map((k) => ({
        type: 'bar',
        stack: 'received',
        name: name(k),
        data: report.weeks.map((w) => count(w, k)),
        ...(by === 'grade' ? { itemStyle: { color: GRADE_COLOURS[k] } } : by === 'channel' ? { itemStyle: { color: channelColour(k as Channel) } } : {}),
        emphasis: { focus: 'series' },
        cursor: 'pointer',
      })),
    };
    return { keys, option };
  }, [report.weeks, by, t, token.fontFamily]);
  const links = useMemo(() => weekLinks(report, by, keys), [report, by, keys]);

  return (
    <section aria-labelledby="loop-trend-title" data-testid="loop-trends">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={5} id="loop-trend-title" style={{ margin: 0 }}>
          {t('loop.trend.title')}
        </Typography.Title>
        <Segmented
          className="loop-no-print"
          data-testid="loop-trend-by"
          value={by}
          onChange={(v) => setBy(v as Breakdown)}
          options={(['channel', 'grade', 'team'] as const).map((b) => ({ value: b, label: t(`loop.trend.by${b[0].toUpperCase()}${b.slice(1)}`) }))}
        />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} className="loop-no-print">
        {t('loop.trend.hint')}
      </Typography.Text>
      <EChart
        option={option}
        label={t('loop.trend.title')}
        testId="loop-chart"
        onClick={({ seriesIndex, dataIndex }) => {
          const href = links[dataIndex]?.bySeries[seriesIndex ?? -1] ?? links[dataIndex]?.href;
          if (href) onOpen(href);
        }}
      />
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', listStyle: 'none', padding: 0, margin: '8px 0 0', fontSize: 12 }} data-testid="loop-weeks">
        {links.map((l) => (
          <li key={l.week}>
            <a href={l.href}>
              {t('loop.trend.weekOf', { day: l.week })}: {l.received}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
