import { DownloadOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Skeleton, Space, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { auditKeys } from '@/api/resources/audit';
import { exportLoop, loopQuery } from '@/api/resources/loop';
import { sessionQuery } from '@/api/resources/session';
import type { LoopQuery, LoopReport } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { beijingDayOf } from '@/domain/time';
import { monthRange } from '@/domain/loop';
import { downloadBlob } from '@/lib/download';
import { useNow } from '@/lib/use-now';
import type { MonthlySearch, MonthlySearchPatch } from '../api/dashboard-search';
import { monthlyBlocks } from '../model/monthly';
import { Change } from './LoopStages';
import styles from './MonthlyReportPage.module.css';
import { ChannelSelect, TeamSelect } from './ScopeSelects';

const TrendCharts = lazy(() => import('./TrendCharts').then((m) => ({ default: m.TrendCharts })));

/** The month before this one: a report is of a month that has ended. */
function lastMonth(now: Date): string {
  const [y, m] = beijingDayOf(now.getTime()).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** 2026-11 → 2026年11月 / November 2026. */
const monthName = (month: string, lang: string | undefined) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en' : 'zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

type Props = { search: MonthlySearch; onSearchChange: (patch: MonthlySearchPatch) => void; onOpen: (href: string) => void };

/** 月报: one month's loop figures and weekly chart on a printable page, downloadable as CSV and PDF. */
export function MonthlyReportPage({ search, onSearchChange, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const role = useQuery(sessionQuery()).data?.user.role;
  const now = useNow(60_000);
  const today = beijingDayOf(now);
  const month = search.month ?? lastMonth(new Date(now));
  const query: LoopQuery = { ...monthRange(month), team: search.team, channel: search.channel?.length ? search.channel : undefined };
  const report = useQuery(loopQuery(query));

  const download = useMutation({
    mutationFn: async (format: 'csv' | 'pdf') => {
      // The trail records the export before any file exists.
      const done = await exportLoop({ query, format });
      if (format === 'csv') downloadBlob(new Blob([done.csv ?? ''], { type: 'text/csv;charset=utf-8' }), done.fileName);
      else {
        const [{ renderPdf }, font] = await Promise.all([import('@/lib/pdf-report'), fetch(`${import.meta.env.BASE_URL}fonts/report-cjk.ttf`).then((r) => r.arrayBuffer())]);
        const pdf = await renderPdf(monthlyBlocks(done.report, monthName(month, i18n.resolvedLanguage), t, today), new Uint8Array(font), today);
        downloadBlob(new Blob([pdf as BlobPart], { type: 'application/pdf' }), done.fileName);
      }
      return done;
    },
    onSuccess: () => {
      message.success(t('loop.monthly.exported'));
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });

  const scope = (r: LoopReport) =>
    t('loop.monthly.scope', { team: r.team ?? t('loop.allTeams'), channel: r.channel.length ? r.channel.map((c) => t(`channel.${c}`)).join('、') : t('loop.allChannels') });

  return (
    <div className={styles.page} data-testid="monthly-report">
      <Space wrap className={styles.toolbar} size={12}>
        <a href="/dashboard">← {t('loop.monthly.back')}</a>
        <Input type="month" aria-label={t('loop.monthly.month')} data-testid="monthly-month" style={{ width: 160 }} value={month} onChange={(e) => onSearchChange({ month: e.target.value || undefined })} />
        {role !== 'analyst' && <TeamSelect testId="monthly-team" teams={report.data?.teams ?? []} value={search.team} onChange={(team) => onSearchChange({ team })} />}
        <ChannelSelect value={search.channel} onChange={(channel) => onSearchChange({ channel })} />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!report.data}>
          {t('loop.monthly.print')}
        </Button>
        <Button icon={<DownloadOutlined />} data-testid="monthly-csv" disabled={!report.data} loading={download.isPending && download.variables === 'csv'} onClick={() => download.mutate('csv')}>
          {t('loop.monthly.csv')}
        </Button>
        <Button icon={<FilePdfOutlined />} data-testid="monthly-pdf" disabled={!report.data} loading={download.isPending && download.variables === 'pdf'} onClick={() => download.mutate('pdf')}>
          {t('loop.monthly.pdf')}
        </Button>
      </Space>
      {download.isError && <ApiErrorAlert compact error={download.error} />}

      <Card className={styles.sheet}>
        {report.isPending ? (
          <Skeleton active paragraph={{ rows: 12 }} />
        ) : report.isError ? (
          <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <article lang={i18n.resolvedLanguage}>
            <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="monthly-heading">
              {t('loop.monthly.heading', { month: monthName(month, i18n.resolvedLanguage) })}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              {t('loop.range', { from: report.data.from, to: report.data.to })} · {scope(report.data)} · {t('loop.monthly.generated', { at: today })}
            </Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              data-testid="monthly-figures"
              rowKey="key"
              dataSource={report.data.stages.flatMap((s) => s.figures.map((f, i) => ({ ...f, stage: s.stage, first: i === 0, span: s.figures.length })))}
              columns={[
                { title: t('loop.monthly.colStage'), dataIndex: 'stage', render: (s: string) => t(`loopStage.${s}`), onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }) },
                { title: t('loop.monthly.colFigure'), dataIndex: 'key', render: (k: string) => t(`loopFigure.${k}`) },
                { title: t('loop.monthly.colValue'), dataIndex: 'value', align: 'right', render: (v: number | null) => (v === null ? t('loop.notMeasured') : v) },
                { title: t('loop.monthly.colPrevious'), dataIndex: 'previous', align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
                { title: t('loop.monthly.colChange'), key: 'change', render: (_: unknown, f) => <Change figure={f} compact /> },
              ]}
            />
            <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
              <div className={styles.chart}>
                <TrendCharts report={report.data} onOpen={onOpen} />
              </div>
            </Suspense>
          </article>
        )}
      </Card>
    </div>
  );
}
