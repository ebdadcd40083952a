import { useQuery } from '@tanstack/react-query';
import { Descriptions, Space, Statistic, Table, Tag, theme, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { spreadQueries } from '@/api/resources/spread';
import type { Channel, SpreadBorrower, SpreadLinker, SpreadReport, SpreadSubject } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { channelColour, EChart, type ChartOption } from '@/components/EChart';
import { EmptyState } from '@/components/EmptyState';
import { LinkButton } from '@/components/LinkButton';
import { LoadingState } from '@/components/LoadingState';
import { formatDateTime } from '@/lib/format';
import { bucketLastDay, queueHrefFor, spreadFacts } from './spread-model';

type Props = {
  subject: SpreadSubject;
  /** Opens what a chart's bar or point stands for (links elsewhere are plain hrefs). */
  onOpen: (href: string) => void;
  /** On the graph screen, an entity is selected where it is drawn; elsewhere the graph opens on it. */
  onEntity?: (entityId: string) => void;
};

/**
 * 溯源: where a wave started and how it spread. The first complaint, a sentence with the figures, the
 * complaints per day or week by channel with the borrowers reached so far, each complaint against the
 * order its borrower joined, what ties the borrowers together, and the borrowers in that order.
 */
export function SpreadView({ subject, onOpen, onEntity }: Props) {
  const { t } = useTranslation();
  const report = useQuery(spreadQueries.report(subject));
  if (report.isPending) return <LoadingState minHeight={200} />;
  if (report.isError) return <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  if (r.complaints === 0) return <EmptyState description={t('spread.empty')} />;
  const openEntity = onEntity ?? ((id: string) => onOpen(`/graph?entity=${encodeURIComponent(id)}`));
  return (
    <div data-testid="spread" data-complaints={r.complaints} data-borrowers={r.borrowers} style={{ display: 'grid', gap: 16 }}>
      <Origin report={r} onEntity={openEntity} />
      <Timeline report={r} subject={subject} onOpen={onOpen} />
      <JoinOrder report={r} onOpen={onOpen} />
      <Linkers report={r} onEntity={openEntity} />
      <Borrowers report={r} />
    </div>
  );
}

function Origin({ report: r, onEntity }: { report: SpreadReport; onEntity: (id: string) => void }) {
  const { t } = useTranslation();
  const first = r.first!;
  const { days, peak } = spreadFacts(r);
  const firstLinkers = r.borrowerList[0]?.via ?? [];
  const label = (id: string) => r.linkers.find((l) => l.entity.id === id)?.entity.label ?? id;
  const who = first.complainantKind === 'agent' && first.agentFirm ? t('spread.filedByFirm', { firm: first.agentFirm }) : t(`complainantKind.${first.complainantKind}`);
  return (
    <section aria-labelledby="spread-origin" data-testid="spread-first" data-complaint={first.id}>
      <Typography.Title level={5} id="spread-origin" style={{ marginTop: 0 }}>
        {t('spread.origin')}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('spread.firstAt')}>{formatDateTime(first.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('spread.firstChannel')}>{t(`channel.${first.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('spread.firstBorrower')}>{first.borrowerName}</Descriptions.Item>
        <Descriptions.Item label={t('spread.filedBy')}>{who}</Descriptions.Item>
        <Descriptions.Item label={t('spread.firstComplaint')}>
          <Space size={12} wrap>
            <a href={`/queue?complaint=${encodeURIComponent(first.id)}`} data-testid="spread-first-complaint">
              {first.id}
            </a>
            <a href={`/graph?complaint=${encodeURIComponent(first.id)}`} data-testid="spread-first-graph">
              {t('spread.inGraph')}
            </a>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('spread.firstLinkers')}>
          {firstLinkers.length === 0
            ? '—'
            : firstLinkers.map((id) => (
                <LinkButton key={id} onClick={() => onEntity(id)} style={{ marginInlineEnd: 8 }}>
                  {label(id)}
                </LinkButton>
              ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph data-testid="spread-summary" style={{ margin: '12px 0 0' }}>
        {t('spread.summary', {
          days: t('spread.nDays', { count: days }),
          borrowers: t('spread.nBorrowers', { count: r.borrowers }),
          complaints: t('spread.nComplaints', { count: r.complaints }),
          channels: t('spread.nChannels', { count: r.channels.length }),
        })}
        {peak && peak.total > 0 ? t(r.bucket === 'day' ? 'spread.peakDay' : 'spread.peakWeek', { start: peak.start, total: peak.total }) : null}
      </Typography.Paragraph>
      <Space size={32} wrap style={{ marginTop: 8 }}>
        <Statistic title={t('spread.complaints')} value={r.complaints} />
        <Statistic title={t('spread.borrowers')} value={r.borrowers} />
        <Statistic title={t('spread.channels')} value={r.channels.length} />
        <Statistic title={t('spread.days')} value={days} />
      </Space>
    </section>
  );
}

function Timeline({ report: r, subject, onOpen }: { report: SpreadReport; subject: SpreadSubject; onOpen: (href: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      textStyle: { fontFamily: token.fontFamily, fontSize: 12 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 48, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: r.timeline.map((b) => b.start.slice(5)) },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('spread.complaints') },
        { type: 'value', minInterval: 1, name: t('spread.borrowersSoFar'), splitLine: { show: false } },
      ],
      series: [
        ...r.channels.map((c) => ({
          type: 'bar',
          stack: 'complaints',
          name: t(`channel.${c}`),
          data: r.timeline.map((b) => b.byChannel[c] ?? 0),
          itemStyle: { color: channelColour(c) },
          emphasis: { focus: 'series' },
          // One or two buckets would otherwise fill the whole width with one slab.
          barMaxWidth: 48,
          cursor: queueHrefFor(subject) ? 'pointer' : 'default',
        })),
        { type: 'line', name: t('spread.borrowersSoFar'), yAxisIndex: 1, data: r.timeline.map((b) => b.borrowersSoFar), symbol: 'none', lineStyle: { color: token.colorTextSecondary, width: 2 }, itemStyle: { color: token.colorTextSecondary } },
      ],
    }),
    [r, subject, t, token.fontFamily, token.colorTextSecondary],
  );
  const open = (channel: Channel | undefined, index: number) => {
    const b = r.timeline[index];
    const href = b && queueHrefFor(subject, { channel, from: b.start, to: bucketLastDay(r.bucket, b.start) });
    if (href) onOpen(href);
  };
  return (
    <section aria-labelledby="spread-timeline" data-testid="spread-timeline" data-bucket={r.bucket} data-buckets={r.timeline.length}>
      <Typography.Title level={5} id="spread-timeline">
        {t(r.bucket === 'day' ? 'spread.timelineDay' : 'spread.timelineWeek')}
      </Typography.Title>
      <EChart option={option} label={t('spread.timelineLabel', { count: r.complaints, buckets: r.timeline.length })} onClick={(e) => open(e.seriesIndex !== undefined ? r.channels[e.seriesIndex] : undefined, e.dataIndex)} />
      {/* The same slices as links, for the keyboard and screen readers. */}
      {queueHrefFor(subject) && (
        <Space size={[12, 4]} wrap data-testid="spread-channel-links">
          <Typography.Text type="secondary">{t('spread.inQueue')}</Typography.Text>
          {r.channels.map((c) => (
            <a key={c} href={queueHrefFor(subject, { channel: c })!} data-testid="spread-channel-link" data-channel={c}>
              {t(`channel.${c}`)} {r.timeline.reduce((n, b) => n + (b.byChannel[c] ?? 0), 0)}
            </a>
          ))}
        </Space>
      )}
    </section>
  );
}

function JoinOrder({ report: r, onOpen }: { report: SpreadReport; onOpen: (href: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      textStyle: { fontFamily: token.fontFamily, fontSize: 12 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; value: [string, number, string] }) => `${formatDateTime(p.value[0])}<br/>${p.seriesName} · ${t('spread.orderN', { n: p.value[1] })} · ${p.value[2]}`,
      },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 48, right: 24, top: 24, bottom: 48 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', inverse: true, minInterval: 1, min: 1, max: Math.max(r.borrowers, 2), name: t('spread.order'), nameLocation: 'start' },
      series: r.channels.map((c) => ({
        type: 'scatter',
        name: t(`channel.${c}`),
        symbolSize: 7,
        itemStyle: { color: channelColour(c), opacity: 0.8 },
        data: r.points.filter((p) => p.channel === c).map((p) => [p.at, p.order, p.complaintId]),
        cursor: 'pointer',
      })),
    }),
    [r, t, token.fontFamily],
  );
  const byChannel = useMemo(() => r.channels.map((c) => r.points.filter((p) => p.channel === c)), [r]);
  return (
    <section aria-labelledby="spread-join" data-testid="spread-join">
      <Typography.Title level={5} id="spread-join">
        {t('spread.joinTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('spread.joinHint')}
        {r.points.length < r.complaints ? ` ${t('spread.pointsCapped', { shown: r.points.length, total: r.complaints })}` : ''}
      </Typography.Paragraph>
      <EChart
        option={option}
        height={Math.min(420, 160 + Math.min(r.borrowers, 500) * 2)}
        label={t('spread.joinLabel', { borrowers: r.borrowers, count: r.complaints })}
        onClick={(e) => {
          const p = e.seriesIndex !== undefined ? byChannel[e.seriesIndex]?.[e.dataIndex] : undefined;
          if (p) onOpen(`/queue?complaint=${encodeURIComponent(p.complaintId)}`);
        }}
      />
    </section>
  );
}

function Linkers({ report: r, onEntity }: { report: SpreadReport; onEntity: (id: string) => void }) {
  const { t } = useTranslation();
  const columns: ColumnsType<SpreadLinker> = [
    { key: 'type', title: t('spread.linkerType'), width: 110, render: (_, l) => <Tag>{t(`graph.entityType.${l.entity.type}`)}</Tag> },
    {
      key: 'label',
      title: t('spread.linker'),
      render: (_, l) => (
        <LinkButton onClick={() => onEntity(l.entity.id)} data-testid="spread-linker-open">
          {l.entity.label}
        </LinkButton>
      ),
    },
    { key: 'borrowers', title: t('spread.borrowers'), dataIndex: 'borrowers', width: 90, align: 'right' },
    { key: 'complaints', title: t('spread.complaints'), dataIndex: 'complaints', width: 90, align: 'right' },
    { key: 'firstAt', title: t('spread.linkerFirst'), width: 150, render: (_, l) => formatDateTime(l.firstAt) },
  ];
  return (
    <section aria-labelledby="spread-linkers" data-testid="spread-linkers">
      <Typography.Title level={5} id="spread-linkers">
        {t(r.borrowers === 1 ? 'spread.linkersTitleOne' : 'spread.linkersTitle')}
      </Typography.Title>
      <Table<SpreadLinker>
        size="small"
        rowKey={(l) => l.entity.id}
        columns={columns}
        dataSource={r.linkers}
        pagination={false}
        locale={{ emptyText: t('spread.noLinkers') }}
        onRow={(l) => ({ 'data-testid': 'spread-linker', 'data-entity': l.entity.id, 'data-borrowers': l.borrowers }) as React.HTMLAttributes<HTMLElement>}
      />
    </section>
  );
}

function Borrowers({ report: r }: { report: SpreadReport }) {
  const { t } = useTranslation();
  const labels = useMemo(() => new Map(r.linkers.map((l) => [l.entity.id, l.entity.label])), [r.linkers]);
  const columns: ColumnsType<SpreadBorrower> = [
    { key: 'order', title: t('spread.order'), dataIndex: 'order', width: 60, align: 'right' },
    { key: 'name', title: t('spread.borrower'), dataIndex: 'borrowerName', width: 110 },
    { key: 'firstAt', title: t('spread.joinedAt'), width: 150, render: (_, b) => formatDateTime(b.firstAt) },
    {
      key: 'first',
      title: t('spread.firstComplaint'),
      width: 130,
      render: (_, b) => <a href={`/queue?complaint=${encodeURIComponent(b.firstComplaintId)}`}>{b.firstComplaintId}</a>,
    },
    { key: 'complaints', title: t('spread.complaints'), dataIndex: 'complaints', width: 80, align: 'right' },
    {
      key: 'channels',
      title: t('spread.channels'),
      render: (_, b) =>
        b.channels.map((c) => (
          <Tag key={c} color={channelColour(c)} style={{ marginBlock: 2 }}>
            {t(`channel.${c}`)}
          </Tag>
        )),
    },
    { key: 'via', title: t('spread.via'), render: (_, b) => (b.via.length ? b.via.map((id) => labels.get(id) ?? id).join('、') : '—') },
  ];
  return (
    <section aria-labelledby="spread-borrowers" data-testid="spread-borrowers">
      <Typography.Title level={5} id="spread-borrowers">
        {t('spread.borrowersTitle')}
      </Typography.Title>
      {r.borrowerList.length < r.borrowers && <Typography.Paragraph type="secondary">{t('spread.borrowersCapped', { shown: r.borrowerList.length, total: r.borrowers })}</Typography.Paragraph>}
      <Table<SpreadBorrower>
        size="small"
        rowKey="customerId"
        columns={columns}
        dataSource={r.borrowerList}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(b) => ({ 'data-testid': 'spread-borrower', 'data-order': b.order, 'data-customer': b.customerId }) as React.HTMLAttributes<HTMLElement>}
        scroll={{ x: 760 }}
      />
    </section>
  );
}
