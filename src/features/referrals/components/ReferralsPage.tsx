import { useTranslation } from 'react-i18next';
import { NotBuiltYet } from '@/components/NotBuiltYet';

/** Placeholder: this screen has its own issue. */
export function ReferralsPage() {
  const { t } = useTranslation();
  return <NotBuiltYet title={t('nav.referrals')} />;
}
