import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertSeverity, AlertStatus } from '@/api/schemas';

const SEVERITY_COLORS: Record<AlertSeverity, string> = { urgent: 'red', high: 'volcano', medium: 'gold', low: 'default' };
const STATUS_COLORS: Record<AlertStatus, string> = { open: 'processing', acknowledged: 'success', snoozed: 'default', closed: 'default' };

export function SeverityTag({ severity }: { severity: AlertSeverity }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLORS[severity]} data-testid="alert-severity" data-severity={severity} style={{ marginInlineEnd: 0 }}>
      {t(`alertSeverity.${severity}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="alert-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`alertStatus.${status}`)}
    </Tag>
  );
}
