import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder for screens that have their own issue and are not built yet. */
export function NotBuiltYet({ title }: { title: string }) {
  const { t } = useTranslation();
  return <Result data-testid="not-built" status="info" title={title} subTitle={t('placeholder.notBuilt')} />;
}
