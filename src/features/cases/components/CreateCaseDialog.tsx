import { useState, type HTMLAttributes } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseKeys, createCase } from '@/api/resources/cases';
import { complaintKeys, complaintQueries } from '@/api/resources/complaints';
import { prioritySchema, type Case, type ComplaintRow } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { GradeBadge } from '@/components/GradeBadge';
import { errorText } from '@/lib/error-text';
import { formatDateTime } from '@/lib/format';

type Props = { open: boolean; onClose: () => void; onCreated: (c: Case) => void };
type Values = { title: string; priority: Case['priority']; targetKind: Case['target']['kind'] };

/** Pick complaints (search by borrower, text or id) and open a case on them. */
export function CreateCaseDialog({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const complaints = useQuery({
    ...complaintQueries.list({ q: q || undefined, label: ['agent_proposed', 'agent_confirmed'], sort: 'riskScore', order: 'desc', pageSize: 20 }),
    placeholderData: keepPreviousData,
    enabled: open,
  });
  const create = useMutation({
    // Picked one by one from a list that shows each complaint's case: the pick is the choice to move it.
    mutationFn: (v: Values) => createCase({ ...v, complaintIds: selected, inOtherCase: 'move' }),
    onSuccess: async (c) => {
      message.success(t('cases.create.done', { title: c.title }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: caseKeys.all }), queryClient.invalidateQueries({ queryKey: complaintKeys.all })]);
      form.resetFields();
      setSelected([]);
      onCreated(c);
    },
    onError: (e) => message.error(errorText(e, t)),
  });

  return (
    <Modal
      open={open}
      width={820}
      title={t('cases.create.title')}
      onCancel={onClose}
      okText={t('cases.create.submit', { count: selected.length })}
      okButtonProps={{ disabled: selected.length === 0, loading: create.isPending, 'data-testid': 'case-create-submit' } as never}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      destroyOnHidden
    >
      <div data-testid="case-create-dialog">
        <Form form={form} layout="inline" initialValues={{ priority: 'medium', targetKind: 'gang' }} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="title" label={t('cases.create.name')} rules={[{ required: true, whitespace: true, message: t('cases.create.nameRequired') }]}>
            <Input data-testid="case-create-name" style={{ width: 260 }} maxLength={80} />
          </Form.Item>
          <Form.Item name="priority" label={t('cases.col.priority')}>
            <Select style={{ width: 90 }} options={prioritySchema.options.map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="targetKind" label={t('cases.create.target')}>
            <Select style={{ width: 120 }} options={(['gang', 'agent_firm', 'person'] as const).map((k) => ({ value: k, label: t(`cases.targetKind.${k}`) }))} />
          </Form.Item>
        </Form>
        <Input.Search
          data-testid="case-create-search"
          allowClear
          aria-label={t('cases.create.search')}
          placeholder={t('cases.create.search')}
          onSearch={(v) => setQ(v.trim())}
          style={{ marginBottom: 8 }}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('cases.create.hint', { count: selected.length })}
        </Typography.Paragraph>
        {complaints.isError ? (
          <ApiErrorAlert compact error={complaints.error} onRetry={() => void complaints.refetch()} />
        ) : (
          <Table<ComplaintRow>
            size="small"
            rowKey="id"
            loading={complaints.isFetching}
            dataSource={complaints.data?.items ?? []}
            pagination={false}
            scroll={{ y: 300 }}
            rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys as string[]) }}
            onRow={(c) => ({ 'data-testid': 'case-create-complaint', 'data-complaint-id': c.id }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: 'ID', dataIndex: 'id', width: 130 },
              { title: t('cases.col.borrower'), dataIndex: 'borrowerName', width: 90 },
              { title: t('cases.col.grade'), dataIndex: 'grade', width: 90, render: (g: ComplaintRow['grade']) => <GradeBadge grade={g} /> },
              { title: t('cases.col.inCase'), dataIndex: 'caseId', width: 140, render: (v: string | null) => v ?? '—' },
              { title: t('cases.col.received'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
            ]}
          />
        )}
      </div>
    </Modal>
  );
}
