import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { alertQueries } from '@/api/resources/alerts';
import { explainAlert } from '../model/explain';

/**
 * The header's count of open alerts, asked for on an interval (there is no push stream yet). An alert that
 * appears or grows while the page is open is announced; urgent ones stay on screen until dismissed.
 */
export function AlertBell({ onOpen }: { onOpen: (href: string) => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const summary = useQuery(alertQueries.summary());
  const seen = useRef<string | null | undefined>(undefined);
  const latest = summary.data?.latest ?? null;
  const stamp = latest ? `${latest.id}@${latest.version}` : null;

  useEffect(() => {
    if (!summary.data) return;
    // The first answer is what was already there when the page opened: nothing to announce.
    if (seen.current === undefined || !latest || stamp === seen.current) {
      seen.current = stamp;
      return;
    }
    seen.current = stamp;
    const urgent = latest.severity === 'urgent';
    notification[urgent ? 'error' : 'warning']({
      key: `alert-${latest.id}`,
      message: t(latest.fired > 1 ? 'alerts.bell.grew' : 'alerts.bell.raised', { rule: t(`alertRule.${latest.rule}`) }),
      description: explainAlert(latest, t),
      duration: urgent ? 0 : 8,
      btn: (
        <Button size="small" type="primary" onClick={() => onOpen(`/alerts?alert=${encodeURIComponent(latest.id)}`)}>
          {t('alerts.bell.open')}
        </Button>
      ),
      props: { 'data-testid': 'alert-notice' } as object,
    });
  }, [summary.data, latest, stamp, notification, onOpen, t]);

  const open = summary.data?.open ?? 0;
  const urgent = summary.data?.urgent ?? 0;
  return (
    <Tooltip title={summary.isError ? t('alerts.bell.error') : t('alerts.bell.tooltip', { open, urgent })}>
      <Badge count={open} size="small" color={urgent ? '#cf1322' : '#fa8c16'} overflowCount={99}>
        <Button type="text" size="small" icon={<BellOutlined />} aria-label={t('alerts.bell.tooltip', { open, urgent })} data-testid="alert-bell" data-open={open} data-urgent={urgent} onClick={() => onOpen('/alerts')} />
      </Badge>
    </Tooltip>
  );
}
