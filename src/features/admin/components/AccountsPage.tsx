import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountKeys, accountsQuery, createAccount, resetPassword, updateAccount } from '@/api/resources/admin';
import { userKeys } from '@/api/resources/session';
import { roleSchema, type Account, type AccountCreate } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { dayjs } from '@/lib/dayjs';

type EditValues = { name: string; role: Account['role']; team: string; capacity: number; away: boolean };

export function AccountsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const accounts = useQuery(accountsQuery());
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: accountKeys.all }), queryClient.invalidateQueries({ queryKey: userKeys.all })]);

  const create = useMutation({
    mutationFn: createAccount,
    onSuccess: async (a) => {
      await refresh();
      setCreating(false);
      message.success(t('admin.created', { username: a.username }));
    },
  });
  const update = useMutation({
    mutationFn: ({ account, patch }: { account: Account; patch: Partial<EditValues> & { disabled?: boolean } }) => updateAccount(account.id, { version: account.version, ...patch }),
    onSuccess: async () => {
      await refresh();
      setEditing(null);
      message.success(t('admin.saved'));
    },
    onError: (e) => message.error(e.message),
  });
  const reset = useMutation({
    mutationFn: ({ account, password }: { account: Account; password: string }) => resetPassword(account.id, { version: account.version, password }),
    onSuccess: async (a) => {
      await refresh();
      setResetting(null);
      message.success(t('admin.passwordReset', { username: a.username }));
    },
  });

  const roleOptions = roleSchema.options.map((r) => ({ value: r, label: t(`role.${r}`) }));

  return (
    <Card
      title={t('admin.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-create">
          {t('admin.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.intro')}</Typography.Paragraph>
      {accounts.isError && <ApiErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />}
      <Table<Account>
        rowKey="id"
        size="small"
        loading={accounts.isLoading}
        dataSource={accounts.data ?? []}
        pagination={false}
        data-testid="accounts-table"
        columns={[
          { title: t('admin.username'), dataIndex: 'username' },
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.role'), dataIndex: 'role', render: (r: Account['role']) => t(`role.${r}`) },
          { title: t('admin.team'), dataIndex: 'team' },
          { title: t('admin.capacity'), dataIndex: 'capacity' },
          {
            title: t('admin.status'),
            render: (_, a) => (
              <Space size={4}>
                {a.disabled ? <Tag color="default">{t('admin.disabled')}</Tag> : <Tag color="green">{t('admin.active')}</Tag>}
                {a.away && <Tag>{t('admin.away')}</Tag>}
                {a.lockedUntil && <Tag color="red">{t('admin.locked', { time: dayjs(a.lockedUntil).format('YYYY-MM-DD HH:mm') })}</Tag>}
              </Space>
            ),
          },
          {
            title: t('admin.actions'),
            render: (_, a) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(a)} data-testid={`account-edit-${a.username}`}>
                  {t('admin.edit')}
                </Button>
                <Button size="small" onClick={() => setResetting(a)} data-testid={`account-reset-${a.username}`}>
                  {t('admin.resetPassword')}
                </Button>
                <Button
                  size="small"
                  danger={!a.disabled}
                  data-testid={`account-toggle-${a.username}`}
                  onClick={() =>
                    a.disabled
                      ? update.mutate({ account: a, patch: { disabled: false } })
                      : modal.confirm({
                          title: t('admin.confirmDisable', { name: a.name }),
                          content: t('admin.confirmDisableBody'),
                          okButtonProps: { danger: true },
                          okText: t('admin.disable'),
                          cancelText: t('common.cancel'),
                          onOk: () => update.mutateAsync({ account: a, patch: { disabled: true } }).catch(() => undefined),
                        })
                  }
                >
                  {a.disabled ? t('admin.enable') : t('admin.disable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />

      <Modal open={creating} title={t('admin.create')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
        <Form<AccountCreate> layout="vertical" initialValues={{ role: 'analyst', capacity: 40, team: '' }} onFinish={(v) => create.mutate(v)} data-testid="account-form">
          <Form.Item name="username" label={t('admin.username')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{1,31}$/ }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="team" label={t('admin.team')}>
            <Input />
          </Form.Item>
          <Form.Item name="capacity" label={t('admin.capacity')}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item name="password" label={t('admin.password')} extra={t('admin.passwordHint')} rules={[{ required: true, min: 12 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {create.error && <ApiErrorAlert error={create.error} />}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('admin.create')}
          </Button>
        </Form>
      </Modal>

      <Modal open={!!editing} title={editing ? `${t('admin.edit')} · ${editing.username}` : ''} onCancel={() => setEditing(null)} footer={null} destroyOnHidden>
        {editing && (
          <Form<EditValues> layout="vertical" initialValues={editing} onFinish={(patch) => update.mutate({ account: editing, patch })}>
            <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="role" label={t('admin.role')}>
              <Select options={roleOptions} />
            </Form.Item>
            <Form.Item name="team" label={t('admin.team')}>
              <Input />
            </Form.Item>
            <Form.Item name="capacity" label={t('admin.capacity')}>
              <InputNumber min={1} max={500} />
            </Form.Item>
            <Form.Item name="away" label={t('admin.away')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('admin.save')}
            </Button>
          </Form>
        )}
      </Modal>

      <Modal open={!!resetting} title={resetting ? `${t('admin.resetPassword')} · ${resetting.username}` : ''} onCancel={() => setResetting(null)} footer={null} destroyOnHidden>
        {resetting && (
          <Form<{ password: string }> layout="vertical" onFinish={({ password }) => reset.mutate({ account: resetting, password })}>
            <Form.Item name="password" label={t('admin.newPassword')} extra={t('admin.passwordHint')} rules={[{ required: true, min: 12 }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            {reset.error && <ApiErrorAlert error={reset.error} />}
            <Button type="primary" htmlType="submit" loading={reset.isPending}>
              {t('admin.resetPassword')}
            </Button>
          </Form>
        )}
      </Modal>
    </Card>
  );
}
