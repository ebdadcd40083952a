import { SettingOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertKeys, alertQueries, evaluateAlerts } from '@/api/resources/alerts';
import { sessionQuery } from '@/api/resources/session';
import { alertRuleIdSchema, alertSeveritySchema, alertStatusSchema, type Alert, type AlertStatus } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { ReadOnlyNotice, isReadOnlyRole } from '@/components/ReadOnlyNotice';
import { UserName } from '@/components/UserName';
import { errorText } from '@/lib/error-text';
import { formatDateTime } from '@/lib/format';
import { ALERT_PAGE_SIZE, queueHrefOf, toAlertQuery, type AlertsSearch, type AlertsSearchPatch } from '../api/alerts-search';
import { explainAlert } from '../model/explain';
import { AlertDrawer } from './AlertDrawer';
import { RulesDrawer } from './RulesDrawer';
import { SeverityTag, StatusTag } from './AlertTags';

type Props = { search: AlertsSearch; onSearchChange: (patch: AlertsSearchPatch) => void; onOpen: (href: string) => void };

/** 预警 inbox: what the early-warning rules raised, open and urgent first, each explained in its figures. */
export function AlertsPage({ search, onSearchChange, onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const session = useQuery(sessionQuery());
  const role = session.data?.user.role;
  const query = useMemo(() => toAlertQuery(search), [search]);
  const list = useQuery({ ...alertQueries.list(query), placeholderData: (prev) => prev });
  const [rulesOpen, setRulesOpen] = useState(false);
  const set = (patch: AlertsSearchPatch) => onSearchChange({ page: undefined, ...patch });

  const evaluate = useMutation({
    mutationFn: evaluateAlerts,
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: alertKeys.all });
      message.success(t('alerts.evaluated', { raised: r.raised, updated: r.updated }));
    },
    onError: (e) => message.error(errorText(e, t)),
  });

  let body;
  if (list.isPending) body = <Table loading columns={[]} />;
  else if (list.isError) body = <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0) body = <EmptyState description={t('alerts.empty')} />;
  else
    body = (
      <Table<Alert>
        data-testid="alert-list"
        rowKey="id"
        size="small"
        loading={list.isFetching && list.isPlaceholderData}
        dataSource={list.data.items}
        rowClassName={(a) => (a.severity === 'urgent' && a.status === 'open' ? 'alert-urgent' : '')}
        onRow={(a) => ({ onClick: () => onSearchChange({ alert: a.id }), style: { cursor: 'pointer' }, 'data-testid': 'alert-row', 'data-rule': a.rule, 'data-id': a.id } as React.HTMLAttributes<HTMLElement>)}
        pagination={{
          current: list.data.page,
          pageSize: ALERT_PAGE_SIZE,
          total: list.data.total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (page) => onSearchChange({ page }),
        }}
        columns={[
          { title: t('alerts.col.severity'), dataIndex: 'severity', width: 72, render: (s: Alert['severity']) => <SeverityTag severity={s} /> },
          { title: t('alerts.col.rule'), dataIndex: 'rule', width: 170, render: (r: Alert['rule']) => t(`alertRule.${r}`) },
          {
            title: t('alerts.col.explanation'),
            render: (_, a) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: explainAlert(a, t) }} style={{ marginBottom: 0 }} data-testid="alert-explanation">
                {explainAlert(a, t)}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('alerts.col.records'),
            width: 90,
            render: (_, a) => (
              <Button
                size="small"
                type="link"
                data-testid="alert-records"
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(queueHrefOf(a.id));
                }}
              >
                {t('alerts.records', { count: a.complaintIds.length })}
              </Button>
            ),
          },
          { title: t('alerts.col.status'), dataIndex: 'status', width: 90, render: (s: AlertStatus) => <StatusTag status={s} /> },
          { title: t('alerts.col.assignee'), dataIndex: 'assigneeId', width: 100, render: (id: string | null) => <UserName id={id} emptyText="—" /> },
          { title: t('alerts.col.updated'), dataIndex: 'updatedAt', width: 150, render: (v: string, a) => <span title={t('alerts.raisedAt', { at: formatDateTime(a.raisedAt) })}>{formatDateTime(v)}</span> },
        ]}
      />
    );

  return (
    <Card
      title={t('alerts.title')}
      extra={
        <Space>
          {!isReadOnlyRole(role) && (
            <Button icon={<SyncOutlined />} loading={evaluate.isPending} onClick={() => evaluate.mutate()} data-testid="alerts-evaluate">
              {t('alerts.evaluate')}
            </Button>
          )}
          <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} data-testid="alert-rules-open">
            {t('alerts.rules.open')}
          </Button>
        </Space>
      }
    >
      <ReadOnlyNotice role={role} />
      <Typography.Paragraph type="secondary">{t('alerts.subtitle')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<AlertStatus | 'all'>
          data-testid="alert-status-filter"
          value={search.status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: t('alerts.allStatuses') }, ...alertStatusSchema.options.map((s) => ({ value: s, label: t(`alertStatus.${s}`) }))]}
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 150 }}
          placeholder={t('alerts.col.severity')}
          aria-label={t('alerts.col.severity')}
          data-testid="alert-severity-filter"
          value={search.severity ?? []}
          onChange={(v) => set({ severity: v.length ? v : undefined })}
          options={alertSeveritySchema.options.map((s) => ({ value: s, label: t(`alertSeverity.${s}`) }))}
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('alerts.col.rule')}
          aria-label={t('alerts.col.rule')}
          data-testid="alert-rule-filter"
          value={search.rule ?? []}
          onChange={(v) => set({ rule: v.length ? v : undefined })}
          options={alertRuleIdSchema.options.map((r) => ({ value: r, label: t(`alertRule.${r}`) }))}
        />
        <Checkbox checked={!!search.mine} onChange={(e) => set({ mine: e.target.checked || undefined })} data-testid="alert-mine">
          {t('alerts.mine')}
        </Checkbox>
        {(search.from || search.to) && (
          <Tag closable color="blue" data-testid="alert-period" onClose={() => set({ from: undefined, to: undefined })} style={{ paddingBlock: 4 }}>
            {t('alerts.period', { from: search.from ?? '…', to: search.to ?? '…' })}
          </Tag>
        )}
        {list.data && (
          <Typography.Text type="secondary" data-testid="alert-total">
            {t('alerts.total', { count: list.data.total })}
          </Typography.Text>
        )}
      </Space>
      {body}
      {search.alert && <AlertDrawer id={search.alert} onClose={() => onSearchChange({ alert: undefined })} onOpen={onOpen} />}
      <RulesDrawer open={rulesOpen} onClose={() => setRulesOpen(false)} canEdit={role === 'lead'} />
    </Card>
  );
}
