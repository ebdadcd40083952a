import { Card, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '@/api/schemas';
import { LoginForm } from './LoginForm';

export function LoginPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#1f232b', padding: 16 }}>
      <Card style={{ width: 420, maxWidth: '100%' }} data-testid="login-page">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', marginBottom: 16 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              <span aria-hidden style={{ border: '2px solid #d4424a', color: '#a8272d', borderRadius: 4, padding: '0 4px', marginInlineEnd: 8, fontSize: 16 }}>
                鉴
              </span>
              {t('auth.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
          </div>
          <Segmented
            size="small"
            value={i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN'}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
            onChange={(lng) => void i18n.changeLanguage(lng)}
            data-testid="login-lang"
          />
        </div>
        <LoginForm onSignedIn={onSignedIn} />
      </Card>
    </main>
  );
}
