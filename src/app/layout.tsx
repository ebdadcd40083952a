import {
  ApartmentOutlined,
  AlertOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  ShareAltOutlined,
  TeamOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { App, Button, Layout, Menu, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionQuery, signOut } from '@/api/resources/session';
import type { Role } from '@/api/schemas';
import { LANGUAGES, type Language } from './i18n';
import { useInAppLinks } from './in-app-links';

const NAV: { path: string; key: string; icon: ReactNode }[] = [
  { path: '/alerts', key: 'alerts', icon: <AlertOutlined /> },
  { path: '/queue', key: 'queue', icon: <InboxOutlined /> },
  { path: '/cases', key: 'cases', icon: <FolderOpenOutlined /> },
  { path: '/board', key: 'board', icon: <TeamOutlined /> },
  { path: '/graph', key: 'graph', icon: <ApartmentOutlined /> },
  { path: '/evidence', key: 'evidence', icon: <FileSearchOutlined /> },
  { path: '/referrals', key: 'referrals', icon: <FileProtectOutlined /> },
  { path: '/dashboard', key: 'dashboard', icon: <DashboardOutlined /> },
  { path: '/audit', key: 'audit', icon: <AuditOutlined /> },
];
/** Industry sharing: leads run it, auditors and administrators read it (and administrators manage the peers). */
const SHARING_NAV = { path: '/sharing', key: 'sharing', icon: <ShareAltOutlined /> };
/** Account management: the administrator's screen, on the server only. */
const ADMIN_NAV = { path: '/admin/users', key: 'admin', icon: <SafetyCertificateOutlined /> };

// Only the demo shows the role picker and the reset: the server-backed app does not download them.
// The bell polls from every screen; its explanation sentences are small, but keep them off the first chunk.
const AlertBell = lazy(() => import('@/features/alerts/components/AlertBell').then((m) => ({ default: m.AlertBell })));
const DemoControls = lazy(() => import('./demo-controls').then((m) => ({ default: m.DemoControls })));

export const ROLE_COLORS: Record<Role, string> = { analyst: 'blue', lead: 'volcano', auditor: 'purple', admin: 'gold' };

export function RootLayout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const session = useQuery(sessionQuery());
  const role = session.data?.user.role;
  const nav = [...NAV, ...(role && role !== 'analyst' ? [SHARING_NAV] : []), ...(role === 'admin' ? [ADMIN_NAV] : [])];
  const selected = nav.find((n) => pathname === n.path || pathname.startsWith(`${n.path}/`))?.path;
  useInAppLinks();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={184} breakpoint="lg" collapsedWidth={56} theme="dark">
        <div style={{ height: 52, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8, color: '#fff' }}>
          <span
            aria-hidden
            style={{ border: '2px solid #d4424a', color: '#ff7875', borderRadius: 4, padding: '0 4px', fontWeight: 700, fontSize: 13, lineHeight: '20px' }}
          >
            鉴
          </span>
          <span style={{ fontWeight: 600, letterSpacing: 2, fontSize: 16 }}>{t('app.name')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={nav.map((n) => ({
            key: n.path,
            icon: n.icon,
            // antd stretches a link inside a menu item over the whole row, so the row is one real link.
            label: (
              <Link to={n.path} data-testid={`nav-${n.key}`}>
                {t(`nav.${n.key}`)}
              </Link>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #e8e8e8', gap: 16 }}>
          <Typography.Text type="secondary" ellipsis={{ tooltip: t('app.tagline') }} style={{ flex: 1, minWidth: 0 }}>
            {t('app.tagline')}
          </Typography.Text>
          <HeaderControls />
        </Layout.Header>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function HeaderControls() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useQuery(sessionQuery());
  const demo = session.data?.demo ?? false;

  return (
    <Space size={12} wrap={false} style={{ flex: 'none', whiteSpace: 'nowrap' }}>
      {demo && (
        <Suspense fallback={null}>
          <DemoControls currentRole={session.data?.user.role} />
        </Suspense>
      )}
      {session.data && (
        <Suspense fallback={null}>
          <AlertBell onOpen={(href) => void navigate({ href })} />
        </Suspense>
      )}
      <Segmented<Language>
        data-testid="lang-switch"
        size="small"
        value={i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN'}
        options={LANGUAGES.map((lng) => ({ value: lng, label: lng === 'en' ? 'English' : '中文' }))}
        onChange={(lng) => void i18n.changeLanguage(lng)}
      />
      <span data-testid="current-user" data-role={session.data?.user.role}>
        {session.isError ? (
          <Tooltip title={t('header.sessionError')}>
            <WarningOutlined style={{ color: '#cf1322' }} />
          </Tooltip>
        ) : session.data ? (
          <Space size={6}>
            <UserOutlined />
            <span>{session.data.user.name}</span>
            <Tag color={ROLE_COLORS[session.data.user.role]} style={{ marginInlineEnd: 0 }}>
              {t(`role.${session.data.user.role}`)}
            </Tag>
          </Space>
        ) : (
          <Typography.Text type="secondary">…</Typography.Text>
        )}
      </span>
      {session.data && !demo && <SignOutButton />}
    </Space>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const out = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // A fresh page: nothing of the previous person's stays in memory for the next one at this desk.
      queryClient.clear();
      location.assign('/');
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Button size="small" icon={<LogoutOutlined />} loading={out.isPending} onClick={() => out.mutate()} data-testid="sign-out">
      {t('auth.signOut')}
    </Button>
  );
}
