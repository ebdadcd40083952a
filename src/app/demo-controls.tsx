import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { resetDemo, sessionKeys, switchSession, usersQuery } from '@/api/resources/session';
import { roleSchema, type Role } from '@/api/schemas';

/** Demo mode only: act as another role, and put the seeded data back. */
export function DemoControls({ currentRole }: { currentRole: Role | undefined }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery());

  const switchRole = useMutation({
    mutationFn: (role: Role) => {
      const user = users.data?.find((u) => u.role === role);
      if (!user) throw new Error(t('header.noUserForRole'));
      return switchSession({ userId: user.id });
    },
    onSuccess: async (session) => {
      queryClient.setQueryData(sessionKeys.all, session);
      // Everything on screen may differ for the new role (what it may see and do), so refetch it all.
      await queryClient.invalidateQueries();
      message.success(t('header.roleSwitched', { name: session.user.name, role: t(`role.${session.user.role}`) }));
    },
    onError: (error) => message.error(error.message),
  });

  const reset = useMutation({
    mutationFn: resetDemo,
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      message.success(t('header.resetDone'));
    },
    onError: (error) => message.error(error.message),
  });

  const confirmReset = () =>
    modal.confirm({
      title: t('header.resetConfirmTitle'),
      content: t('header.resetConfirmBody'),
      okText: t('header.resetDemo'),
      okButtonProps: { danger: true, 'data-testid': 'reset-demo-confirm' },
      cancelText: t('common.cancel'),
      onOk: () => reset.mutateAsync().catch(() => undefined),
    });

  return (
    <Space size={8}>
      <Tag color="gold" style={{ marginInlineEnd: 0 }}>
        {t('header.demoMode')}
      </Tag>
      <Select<Role>
        data-testid="role-switch"
        size="small"
        style={{ width: 132 }}
        aria-label={t('header.switchRole')}
        value={currentRole}
        loading={switchRole.isPending || users.isLoading}
        disabled={switchRole.isPending || !users.data}
        onChange={(role) => switchRole.mutate(role)}
        options={roleSchema.options.filter((role) => users.data?.some((u) => u.role === role)).map((role) => ({ value: role, label: t('header.actAs', { role: t(`role.${role}`) }) }))}
        optionRender={(option) => <span data-testid={`role-option-${option.value}`}>{option.label}</span>}
      />
      <Button size="small" icon={<ReloadOutlined />} data-testid="reset-demo" loading={reset.isPending} onClick={confirmReset}>
        {t('header.resetDemo')}
      </Button>
    </Space>
  );
}
