import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { demoInfoQuery, signIn } from '@/api/resources/session';
import type { Login, Session } from '@/api/schemas';

/** The sign-in form: on its own page, and over the app when a session ends mid-work. */
export function LoginForm({ onSignedIn, username }: { onSignedIn: (session: Session) => void; username?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Login>();
  const demo = useQuery(demoInfoQuery());
  const login = useMutation({ mutationFn: signIn, onSuccess: onSignedIn });
  const failure = login.error ? (isApiError(login.error) && login.error.kind === 'network' ? t('auth.unreachable') : login.error.message) : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Form<Login> form={form} layout="vertical" requiredMark={false} initialValues={{ username: username ?? '' }} onFinish={(values) => login.mutate(values)} data-testid="login-form">
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
          <Input autoComplete="username" autoFocus={!username} data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus={!!username} data-testid="login-password" />
        </Form.Item>
        {failure && <Alert type="error" showIcon message={failure} role="alert" data-testid="login-error" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
      {demo.data?.demo && (
        <Alert
          type="warning"
          data-testid="demo-accounts"
          message={t('auth.demoTitle')}
          description={
            <Space direction="vertical" size={6}>
              <span>
                {t('auth.demoBody')} <Typography.Text code copyable data-testid="demo-password">{demo.data.password}</Typography.Text>
              </span>
              <Space wrap size={6}>
                {demo.data.accounts.map((a) => (
                  <Tag key={a.username} style={{ cursor: 'pointer' }} onClick={() => form.setFieldsValue({ username: a.username })} data-testid={`demo-account-${a.role}`}>
                    {a.username} · {t(`role.${a.role}`)}
                  </Tag>
                ))}
              </Space>
              <Typography.Text type="secondary">{t('auth.demoHint')}</Typography.Text>
            </Space>
          }
        />
      )}
    </Space>
  );
}
