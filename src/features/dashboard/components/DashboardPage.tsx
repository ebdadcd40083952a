import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { statsQuery } from '@/api/resources/stats';
import { caseStatusSchema, channelSchema, complaintLabelSchema, gradeSchema, type DashboardStats } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { BarList } from './BarList';

const GRADE_COLORS = { level1: '#cf1322', level2: '#d46b08', normal: '#389e0d' } as const;
const LABEL_COLORS = { none: '#bfbfbf', legitimate: '#389e0d', agent_proposed: '#d46b08', agent_confirmed: '#cf1322' } as const;

/** 看板: the loop's figures (预警 → 识别 → 应对 → 报案) straight from the server's counts. */
export function DashboardPage() {
  const { t } = useTranslation();
  const stats = useQuery(statsQuery());

  if (stats.isPending) return <LoadingState />;
  if (stats.isError) return <ApiErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  if (stats.data.complaints === 0) return <Card title={t('dashboard.title')}><EmptyState description={t('dashboard.empty')} /></Card>;
  return <DashboardBody s={stats.data} />;
}

function Figure({ title, value, color, to, testId }: { title: string; value: number; color?: string; to?: ReactNode; testId: string }) {
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={value} styles={{ content: { color, fontVariantNumeric: 'tabular-nums' } }} />
      {to}
    </Card>
  );
}

function DashboardBody({ s }: { s: DashboardStats }) {
  const { t } = useTranslation();
  const totalCases = caseStatusSchema.options.reduce((sum, k) => sum + (s.cases[k] ?? 0), 0);
  const queueLink = (label: string, search: Record<string, unknown>) => (
    <Link to="/queue" search={search} style={{ fontSize: 12 }}>
      {label} →
    </Link>
  );

  return (
    <div data-testid="dashboard">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Figure testId="stat-complaints" title={t('dashboard.complaints')} value={s.complaints} to={queueLink(t('dashboard.openQueue'), { status: [] })} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure testId="stat-open" title={t('dashboard.open')} value={s.open} to={queueLink(t('dashboard.openQueue'), { status: ['new', 'in_progress'] })} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure testId="stat-overdue" title={t('dashboard.overdue')} value={s.overdue} color={s.overdue ? '#cf1322' : undefined} to={queueLink(t('dashboard.openQueue'), { deadline: 'overdue' })} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure testId="stat-due3" title={t('dashboard.dueWithin3Days')} value={s.dueWithin3Days} color={s.dueWithin3Days ? '#ad4e00' : undefined} to={queueLink(t('dashboard.openQueue'), { deadline: 'within3' })} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure testId="stat-unassigned" title={t('dashboard.unassigned')} value={s.unassigned} to={queueLink(t('dashboard.openQueue'), { assignee: 'unassigned' })} />
        </Col>

        <Col xs={12} md={8} xl={4}>
          <Figure testId="stat-agent-firms" title={t('dashboard.agentFirms')} value={s.agentFirms} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure testId="stat-families" title={t('dashboard.templateFamilies')} value={s.templateFamilies} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure testId="stat-reused" title={t('dashboard.reusedDocuments')} value={s.reusedDocuments} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure testId="stat-cases" title={t('dashboard.cases')} value={totalCases} />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure testId="stat-referrals" title={t('dashboard.referrals')} value={s.referrals} />
        </Col>

        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byGrade')} style={{ height: '100%' }}>
            <BarList
              testId="by-grade"
              items={gradeSchema.options.map((g) => ({ key: g, label: t(`grade.${g}`), value: s.byGrade[g] ?? 0, color: GRADE_COLORS[g] }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byLabel')} style={{ height: '100%' }}>
            <BarList
              testId="by-label"
              items={complaintLabelSchema.options.map((l) => ({ key: l, label: t(`label.${l}`), value: s.byLabel[l] ?? 0, color: LABEL_COLORS[l] }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byChannel')} style={{ height: '100%' }}>
            <BarList
              testId="by-channel"
              items={channelSchema.options
                .map((c) => ({ key: c, label: t(`channel.${c}`), value: s.byChannel[c] ?? 0 }))
                .sort((a, b) => b.value - a.value)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.casesByStatus')} style={{ height: '100%' }}>
            <BarList
              testId="cases-by-status"
              items={caseStatusSchema.options.map((c) => ({ key: c, label: t(`caseStatus.${c}`), value: s.cases[c] ?? 0, color: '#4e5969' }))}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
