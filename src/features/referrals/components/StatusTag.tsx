import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '@/api/schemas';

const COLORS: Record<ReferralStatus, string> = { draft: 'default', approved: 'blue', submitted: 'geekblue', accepted: 'cyan', filed: 'green', rejected: 'red' };

export function StatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="referral-status" data-status={status}>
      {t(`referrals.status.${status}`)}
    </Tag>
  );
}
