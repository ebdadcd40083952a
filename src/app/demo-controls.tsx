import { DownOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { alertKeys, demoWave } from '@/api/resources/alerts';
import { complaintKeys } from '@/api/resources/complaints';
import { loopKeys } from '@/api/resources/loop';
import { resetDemo, sessionKeys, switchSession, usersQuery } from '@/api/resources/session';
import { roleSchema, type DemoWave, type Role } from '@/api/schemas';

/** The waves a person trying the demo can fire, to watch the early-warning rules react. */
const WAVES: Record<'family' | 'escalation' | 'selfHarm', Partial<DemoWave>> = {
  family: { size: 6, channel: '12378', mood: 'none' },
  escalation: { size: 30, channel: 'heimao', mood: 'escalation' },
  selfHarm: { size: 1, channel: 'hotline', mood: 'self_harm' },
};

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

  const wave = useMutation({
    mutationFn: (kind: keyof typeof WAVES) => demoWave(WAVES[kind]),
    onSuccess: async (r) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: alertKeys.all }), queryClient.invalidateQueries({ queryKey: complaintKeys.all }), queryClient.invalidateQueries({ queryKey: loopKeys.all })]);
      message.success(t('header.waveDone', { count: r.complaintIds.length, family: r.family, raised: r.raised, updated: r.updated }));
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
      {(currentRole === 'lead' || currentRole === 'admin') && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: (Object.keys(WAVES) as (keyof typeof WAVES)[]).map((kind) => ({ key: kind, label: <span data-testid={`wave-${kind}`}>{t(`header.waveMenu.${kind}`)}</span> })),
            onClick: ({ key }) => wave.mutate(key as keyof typeof WAVES),
          }}
        >
          <Button size="small" icon={<ThunderboltOutlined />} loading={wave.isPending} data-testid="demo-wave">
            {t('header.wave')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
      <Button size="small" icon={<ReloadOutlined />} data-testid="reset-demo" loading={reset.isPending} onClick={confirmReset}>
        {t('header.resetDemo')}
      </Button>
    </Space>
  );
}
