import { useState, type HTMLAttributes, type MouseEvent as ReactMouseEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { caseQueries } from '@/api/resources/cases';
import { usersQuery } from '@/api/resources/session';
import { caseStatusSchema, prioritySchema, type Case } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import { toCaseQuery, type CasesSearch, type CasesSearchPatch } from '../api/cases-search';
import { CaseStatusTag, PriorityTag } from './case-labels';
import { CreateCaseDialog } from './CreateCaseDialog';

type Props = {
  search: CasesSearch;
  onSearchChange: (patch: CasesSearchPatch) => void;
  /** Composed by the app: the router knows how to reach a case page. */
  onOpenCase: (id: string) => void;
};

/** 案件: every investigation, filterable by status, assignee, priority and due date (all in the URL). */
export function CasesPage({ search, onSearchChange, onOpenCase }: Props) {
  const { t } = useTranslation();
  const users = useQuery(usersQuery());
  const cases = useQuery({ ...caseQueries.list(toCaseQuery(search)), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState(search.q ?? '');

  let body;
  if (cases.isPending) body = <LoadingState />;
  else if (cases.isError) body = <ApiErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />;
  else if (cases.data.items.length === 0) body = <EmptyState description={t('cases.list.empty')} />;
  else
    body = (
      <Table<Case>
        data-testid="cases-table"
        size="small"
        rowKey="id"
        loading={cases.isPlaceholderData}
        dataSource={cases.data.items}
        onRow={(c) => ({ 'data-testid': 'case-row', 'data-case-id': c.id, onClick: (e: ReactMouseEvent) => { if (!(e.target as Element).closest('a[href]')) onOpenCase(c.id); }, style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: cases.data.page,
          pageSize: cases.data.pageSize,
          total: cases.data.total,
          showSizeChanger: false,
          showTotal: (total) => t('cases.list.total', { count: total }),
          onChange: (page) => onSearchChange({ page: page === 1 ? undefined : page }),
        }}
        columns={[
          {
            title: t('cases.col.title'),
            dataIndex: 'title',
            render: (v: string, c) => (
              <Space orientation="vertical" size={0}>
                {/* A real link: the keyboard reaches it, and it opens in a new tab like any link; the row's click is for the mouse. */}
                <Typography.Link data-testid="case-title" href={`/cases/${encodeURIComponent(c.id)}`}>
                  {v}
                </Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.id} · {t(`cases.targetKind.${c.target.kind}`)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('cases.col.status'), dataIndex: 'status', width: 110, render: (v: Case['status']) => <CaseStatusTag status={v} /> },
          { title: t('cases.col.priority'), dataIndex: 'priority', width: 80, render: (v: Case['priority']) => <PriorityTag priority={v} /> },
          { title: t('cases.col.assignee'), dataIndex: 'assigneeId', width: 100, render: (v: string | null) => <UserName id={v} /> },
          { title: t('cases.col.complaints'), key: 'n', width: 80, align: 'right', render: (_: unknown, c) => c.complaintIds.length },
          { title: t('cases.col.due'), dataIndex: 'dueAt', width: 140, render: (v: string) => formatDateTime(v) },
        ]}
      />
    );

  return (
    <Card
      title={t('cases.list.title')}
      data-testid="cases-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-create-open">
          {t('cases.create.open')}
        </Button>
      }
    >
      <Space wrap size={8} style={{ marginBottom: 12 }}>
        <Input.Search
          data-testid="cases-filter-q"
          allowClear
          style={{ width: 200 }}
          aria-label={t('cases.filter.q')}
          placeholder={t('cases.filter.q')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => onSearchChange({ q: v.trim() || undefined, page: undefined })}
        />
        <Select
          data-testid="cases-filter-status"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 230 }}
          aria-label={t('cases.filter.status')}
          placeholder={t('cases.filter.status')}
          value={search.status ?? []}
          onChange={(v) => onSearchChange({ status: v.length ? v : undefined, page: undefined })}
          options={caseStatusSchema.options.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))}
        />
        <Select
          data-testid="cases-filter-assignee"
          allowClear
          style={{ width: 170 }}
          aria-label={t('cases.filter.assignee')}
          placeholder={t('cases.filter.assignee')}
          value={search.assignee}
          onChange={(v?: string) => onSearchChange({ assignee: v, page: undefined })}
          options={[
            { value: 'me', label: t('cases.filter.me') },
            { value: 'unassigned', label: t('common.unassigned') },
            ...(users.data ?? []).filter((u) => u.role !== 'auditor').map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <Select
          data-testid="cases-filter-priority"
          mode="multiple"
          allowClear
          style={{ width: 170 }}
          aria-label={t('cases.filter.priority')}
          placeholder={t('cases.filter.priority')}
          value={search.priority ?? []}
          onChange={(v) => onSearchChange({ priority: v.length ? v : undefined, page: undefined })}
          options={prioritySchema.options.map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
        />
        <Select
          data-testid="cases-filter-due"
          allowClear
          style={{ width: 150 }}
          aria-label={t('cases.filter.due')}
          placeholder={t('cases.filter.due')}
          value={search.due}
          onChange={(v?: CasesSearch['due']) => onSearchChange({ due: v, page: undefined })}
          options={(['overdue', 'within7', 'within30'] as const).map((d) => ({ value: d, label: t(`cases.due.${d}`) }))}
        />
        {(search.target || search.createdFrom || search.createdTo || search.team) && (
          <Tag
            closable
            color="blue"
            data-testid="cases-filter-opened"
            style={{ paddingBlock: 4 }}
            onClose={() => onSearchChange({ target: undefined, createdFrom: undefined, createdTo: undefined, team: undefined, page: undefined })}
          >
            {[
              search.target && t(`cases.targetKind.${search.target}`),
              (search.createdFrom || search.createdTo) && t('cases.filter.opened', { from: search.createdFrom ?? '…', to: search.createdTo ?? '…' }),
              search.team,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Tag>
        )}
      </Space>
      {body}
      <CreateCaseDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          onOpenCase(c.id);
        }}
      />
    </Card>
  );
}
