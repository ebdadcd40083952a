import { FileTextOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loopQuery } from '@/api/resources/loop';
import { statsQuery } from '@/api/resources/stats';
import type { DashboardStats } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { useNow } from '@/lib/use-now';
import { loopQueryOf, type DashboardSearch, type DashboardSearchPatch } from '../api/dashboard-search';
import { LoopFilters } from './LoopFilters';
import { LoopStages } from './LoopStages';

// ECharts is a chunk of its own: the figures show before it arrives, and the first screen does not wait for it.
const TrendCharts = lazy(() => import('./TrendCharts').then((m) => ({ default: m.TrendCharts })));

type Props = { search: DashboardSearch; onSearchChange: (patch: DashboardSearchPatch) => void; onOpen: (href: string) => void };

/** 看板: what needs doing right now, then the loop (预警 → 识别 → 应对 → 报案 → 行业协同) for a period. */
export function DashboardPage({ search, onSearchChange, onOpen }: Props) {
  const { t } = useTranslation();
  const stats = useQuery(statsQuery());

  if (stats.isPending) return <LoadingState />;
  if (stats.isError) return <ApiErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  if (stats.data.complaints === 0)
    return (
      <Card title={t('dashboard.title')}>
        <EmptyState description={t('dashboard.empty')} />
      </Card>
    );
  return (
    <div data-testid="dashboard">
      <NowRow s={stats.data} />
      <Loop search={search} onSearchChange={onSearchChange} onOpen={onOpen} />
    </div>
  );
}

function Figure({ title, value, color, href, testId }: { title: string; value: number; color?: string; href: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={value} styles={{ content: { color, fontVariantNumeric: 'tabular-nums' } }} />
      <a href={href} style={{ fontSize: 12 }}>
        {t('dashboard.openQueue')} →
      </a>
    </Card>
  );
}

function NowRow({ s }: { s: DashboardStats }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('loop.now')} style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('loop.now')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Figure testId="stat-open" title={t('dashboard.open')} value={s.open} href="/queue?status=new,in_progress" />
        </Col>
        <Col xs={12} md={6}>
          <Figure testId="stat-overdue" title={t('dashboard.overdue')} value={s.overdue} color={s.overdue ? '#cf1322' : undefined} href="/queue?deadline=overdue" />
        </Col>
        <Col xs={12} md={6}>
          <Figure testId="stat-due3" title={t('dashboard.dueWithin3Days')} value={s.dueWithin3Days} color={s.dueWithin3Days ? '#ad4e00' : undefined} href="/queue?deadline=within3" />
        </Col>
        <Col xs={12} md={6}>
          <Figure testId="stat-unassigned" title={t('dashboard.unassigned')} value={s.unassigned} href="/queue?assignee=unassigned" />
        </Col>
      </Row>
    </section>
  );
}

function Loop({ search, onSearchChange, onOpen }: Props) {
  const { t } = useTranslation();
  // The period's "today" moves at midnight without a reload.
  const now = useNow(60_000);
  const { query, invalid } = loopQueryOf(search, new Date(now));
  const report = useQuery({ ...loopQuery(query), placeholderData: keepPreviousData });
  // The report opens on the last month that has ended; it keeps the team and channels picked here.
  const reportParams = new URLSearchParams();
  if (query.team) reportParams.set('team', query.team);
  if (query.channel?.length) reportParams.set('channel', query.channel.join(','));
  const reportHref = `/dashboard/report${reportParams.size ? `?${reportParams}` : ''}`;

  let body: ReactNode;
  if (report.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (report.isError) body = <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  else
    body = (
      <>
        <LoopStages report={report.data} />
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} title={{ width: 120 }} aria-label={t('loop.trend.loading')} />}>
          <TrendCharts report={report.data} onOpen={onOpen} />
        </Suspense>
      </>
    );

  return (
    <Card
      title={t('loop.title')}
      data-testid="loop"
      extra={
        <a href={reportHref} data-testid="loop-monthly">
          <FileTextOutlined /> {t('loop.report')}
        </a>
      }
    >
      <LoopFilters search={search} query={query} report={report.data} onSearchChange={onSearchChange} />
      {invalid && <Alert type="warning" showIcon title={t('loop.badRange')} style={{ marginBottom: 12 }} data-testid="loop-bad-range" />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('loop.hint')}
      </Typography.Paragraph>
      <div
        aria-busy={report.isFetching}
        data-testid="loop-body"
        // Which period the figures on screen are for: while the next one loads, the last stays, dimmed.
        data-period={report.data && !report.isPlaceholderData ? `${report.data.from}..${report.data.to}` : ''}
        style={{ opacity: report.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}
      >
        {body}
      </div>
    </Card>
  );
}
