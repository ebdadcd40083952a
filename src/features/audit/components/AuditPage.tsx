import type { HTMLAttributes } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditQueries } from '@/api/resources/audit';
import { usersQuery } from '@/api/resources/session';
import { auditActionSchema, type AuditAction, type AuditEvent } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import { toAuditQuery, type AuditSearch, type AuditSearchPatch } from '../api/audit-search';

type Props = { search: AuditSearch; onSearchChange: (patch: AuditSearchPatch) => void };

/** Personal-data reveals and exports are what an auditor looks for first. */
const SENSITIVE: ReadonlySet<AuditAction> = new Set(['reveal_pii', 'export']);

/** 审计: who did what to which record, and why (the reason given when personal data was revealed). */
export function AuditPage({ search, onSearchChange }: Props) {
  const { t } = useTranslation();
  const users = useQuery(usersQuery());
  const events = useQuery({ ...auditQueries.list(toAuditQuery(search)), placeholderData: keepPreviousData });

  let body;
  if (events.isPending) body = <LoadingState />;
  else if (events.isError) body = <ApiErrorAlert error={events.error} onRetry={() => void events.refetch()} />;
  else if (events.data.items.length === 0) body = <EmptyState description={t('audit.empty')} />;
  else
    body = (
      <Table<AuditEvent>
        data-testid="audit-table"
        size="small"
        rowKey="id"
        loading={events.isPlaceholderData}
        dataSource={events.data.items}
        onRow={() => ({ 'data-testid': 'audit-row' }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: events.data.page,
          pageSize: events.data.pageSize,
          total: events.data.total,
          showSizeChanger: false,
          showTotal: (total) => t('audit.total', { count: total }),
          onChange: (page) => onSearchChange({ page: page === 1 ? undefined : page }),
        }}
        columns={[
          { title: t('audit.col.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('audit.col.actor'), dataIndex: 'actorId', width: 100, render: (v: string) => <UserName id={v} /> },
          {
            title: t('audit.col.action'),
            dataIndex: 'action',
            width: 130,
            render: (v: AuditAction) => <Tag color={SENSITIVE.has(v) ? 'red' : undefined}>{t(`auditAction.${v}`)}</Tag>,
          },
          {
            title: t('audit.col.record'),
            key: 'record',
            width: 180,
            render: (_: unknown, e: AuditEvent) => (
              <Space size={4}>
                <Typography.Text type="secondary">{t(`recordType.${e.recordType}`)}</Typography.Text>
                <Typography.Text code>{e.recordId}</Typography.Text>
              </Space>
            ),
          },
          { title: t('audit.col.summary'), dataIndex: 'summary' },
          { title: t('audit.col.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
        ]}
      />
    );

  return (
    <Card title={t('audit.title')} data-testid="audit-page">
      <Space wrap size={8} style={{ marginBottom: 12 }}>
        <Select
          data-testid="filter-actor"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          placeholder={t('audit.filter.actor')}
          loading={users.isLoading}
          value={search.actor}
          onChange={(v?: string) => onSearchChange({ actor: v, page: undefined })}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name}（${t(`role.${u.role}`)}）` }))}
        />
        <Select
          data-testid="filter-action"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ minWidth: 240 }}
          placeholder={t('audit.filter.action')}
          value={search.action ?? []}
          onChange={(v: AuditAction[]) => onSearchChange({ action: v.length ? v : undefined, page: undefined })}
          options={auditActionSchema.options.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))}
        />
      </Space>
      {body}
    </Card>
  );
}
