import { useState, type HTMLAttributes } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { auditKeys, auditQueries, exportAuditCsv, verifyTrail } from '@/api/resources/audit';
import { sessionQuery, usersQuery } from '@/api/resources/session';
import { auditActionSchema, recordTypeSchema, type AuditAction, type AuditEvent, type RecordType, type TrailCheckResult } from '@/api/schemas';
import { dayjs } from '@/lib/dayjs';
import { errorText } from '@/lib/error-text';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import { toAuditQuery, type AuditSearch, type AuditSearchPatch } from '../api/audit-search';
import { useAuditSentence } from '@/components/useAuditSentence';

type Props = { search: AuditSearch; onSearchChange: (patch: AuditSearchPatch) => void };

/** Personal-data reveals and exports are what an auditor looks for first. */
const SENSITIVE: ReadonlySet<AuditAction> = new Set(['reveal_pii', 'export']);

/** 审计: who did what to which record, and why (the reason given when personal data was revealed). */
export function AuditPage({ search, onSearchChange }: Props) {
  const { t } = useTranslation();
  const sentence = useAuditSentence();
  const users = useQuery(usersQuery());
  const events = useQuery({ ...auditQueries.list(toAuditQuery(search)), placeholderData: keepPreviousData });
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [record, setRecord] = useState(search.record ?? '');
  const session = useQuery(sessionQuery());
  // The server keeps a hash chain; the in-browser demo has none to check.
  const canVerify = !!session.data && !session.data.demo && (session.data.user.role === 'auditor' || session.data.user.role === 'admin');
  const [check, setCheck] = useState<TrailCheckResult | null>(null);
  const verifier = useMutation({
    mutationFn: verifyTrail,
    onSuccess: async (result) => {
      setCheck(result);
      await queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
    onError: (e) => message.error(e.message),
  });
  const exporter = useMutation({
    mutationFn: () => exportAuditCsv(toAuditQuery(search)),
    onSuccess: async (out) => {
      const url = URL.createObjectURL(new Blob([out.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = out.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      message.success(t('audit.exportDone', { count: out.rows }));
      // The export is an event too: show it.
      await queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
    onError: (e) => message.error(errorText(e, t)),
  });

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
          { title: t('audit.col.summary'), key: 'summary', render: (_: unknown, e: AuditEvent) => <span data-testid="audit-sentence">{sentence(e)}</span> },
          { title: t('audit.col.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
        ]}
      />
    );

  return (
    <Card
      title={t('audit.title')}
      data-testid="audit-page"
      extra={
        <Space size={8}>
          {canVerify && (
            <Tooltip title={t('audit.verifyHint')}>
              <Button icon={<SafetyCertificateOutlined />} loading={verifier.isPending} onClick={() => verifier.mutate()} data-testid="audit-verify">
                {t('audit.verify')}
              </Button>
            </Tooltip>
          )}
          <Tooltip title={t('audit.exportHint')}>
            <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate()} data-testid="audit-export">
              {t('audit.export')}
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {check && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          closable
          onClose={() => setCheck(null)}
          type={check.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          message={check.ok ? t('audit.verifyOk', { count: check.checked }) : t('audit.verifyBroken', { seq: check.firstBroken?.seq, id: check.firstBroken?.id, at: check.firstBroken ? dayjs(check.firstBroken.at).format('YYYY-MM-DD HH:mm:ss') : '' })}
          description={check.ok ? t('audit.verifyOkBody') : t('audit.verifyBrokenBody')}
        />
      )}
      <Space wrap size={8} style={{ marginBottom: 12 }}>
        <Select
          data-testid="filter-actor"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          aria-label={t('audit.filter.actor')}
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
          style={{ width: 270 }}
          aria-label={t('audit.filter.action')}
          placeholder={t('audit.filter.action')}
          value={search.action ?? []}
          onChange={(v: AuditAction[]) => onSearchChange({ action: v.length ? v : undefined, page: undefined })}
          options={auditActionSchema.options.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))}
        />
        <Select
          data-testid="filter-record-type"
          allowClear
          style={{ width: 130 }}
          aria-label={t('audit.filter.recordType')}
          placeholder={t('audit.filter.recordType')}
          value={search.recordType}
          onChange={(v?: RecordType) => onSearchChange({ recordType: v, page: undefined })}
          options={recordTypeSchema.options.map((r) => ({ value: r, label: t(`recordType.${r}`) }))}
        />
        <Input.Search
          data-testid="filter-record-id"
          allowClear
          style={{ width: 180 }}
          aria-label={t('audit.filter.recordId')}
          placeholder={t('audit.filter.recordId')}
          value={record}
          onChange={(e) => setRecord(e.target.value)}
          onSearch={(v) => onSearchChange({ record: v.trim() || undefined, page: undefined })}
        />
        <DatePicker.RangePicker
          data-testid="filter-dates"
          placeholder={t('audit.filter.dates', { returnObjects: true }) as [string, string]}
          value={[search.from ? dayjs(search.from) : null, search.to ? dayjs(search.to) : null]}
          onChange={(range) =>
            onSearchChange({
              from: range?.[0] ? range[0].startOf('day').toISOString() : undefined,
              to: range?.[1] ? range[1].endOf('day').toISOString() : undefined,
              page: undefined,
            })
          }
        />
      </Space>
      {body}
    </Card>
  );
}
