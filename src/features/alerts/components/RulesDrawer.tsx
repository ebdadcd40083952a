import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Input, InputNumber, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { alertKeys, alertQueries, updateAlertRule } from '@/api/resources/alerts';
import type { AlertRule, AlertRulePatch } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { ALERT_RULES } from '@/domain/alerts';
import { errorText } from '@/lib/error-text';
import { SeverityTag } from './AlertTags';

type Draft = { enabled: boolean; threshold: number | null; window: number; reason: string };
const draftOf = (r: AlertRule): Draft => ({ enabled: r.enabled, threshold: r.threshold, window: ALERT_RULES[r.id].inDays ? Math.round(r.windowHours / 24) : r.windowHours, reason: '' });

/** The rules as they stand; a lead tunes thresholds and windows, each change with its reason in the trail. */
export function RulesDrawer({ open, onClose, canEdit }: { open: boolean; onClose: () => void; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const rules = useQuery({ ...alertQueries.rules(), enabled: open });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const draft = (r: AlertRule) => drafts[r.id] ?? draftOf(r);
  const edit = (r: AlertRule, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [r.id]: { ...draft(r), ...patch } }));

  const save = useMutation({
    mutationFn: ({ rule, patch }: { rule: AlertRule; patch: AlertRulePatch }) => updateAlertRule(rule.id, patch),
    onSuccess: (saved) => {
      setDrafts(({ [saved.id]: _, ...rest }) => rest);
      void qc.invalidateQueries({ queryKey: alertKeys.rules() });
      message.success(t('alerts.rules.saved', { rule: t(`alertRule.${saved.id}`) }));
    },
    onError: (e) => {
      if (isApiError(e) && e.kind === 'conflict') void qc.invalidateQueries({ queryKey: alertKeys.rules() });
      message.error(errorText(e, t));
    },
  });

  const patchOf = (r: AlertRule): AlertRulePatch | null => {
    const d = draft(r);
    const meta = ALERT_RULES[r.id];
    const windowHours = meta.inDays ? d.window * 24 : d.window;
    const changes: Omit<AlertRulePatch, 'version' | 'reason'> = {
      ...(d.enabled !== r.enabled ? { enabled: d.enabled } : {}),
      ...(meta.unit !== null && d.threshold !== null && d.threshold !== r.threshold ? { threshold: d.threshold } : {}),
      ...(windowHours !== r.windowHours ? { windowHours } : {}),
    };
    if (!Object.keys(changes).length) return null;
    return { version: r.version, ...changes, ...(d.reason.trim() ? { reason: d.reason.trim() } : {}) };
  };

  return (
    <Drawer open={open} onClose={onClose} width={920} title={t('alerts.rules.title')} data-testid="alert-rules">
      <Typography.Paragraph type="secondary">{canEdit ? t('alerts.rules.hint') : t('alerts.rules.readOnly')}</Typography.Paragraph>
      {rules.isError ? (
        <ApiErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Table<AlertRule>
          rowKey="id"
          size="small"
          loading={rules.isPending}
          pagination={false}
          dataSource={rules.data ?? []}
          onRow={(r) => ({ 'data-testid': `alert-rule-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('alerts.col.rule'), render: (_, r) => t(`alertRule.${r.id}`) },
            { title: t('alerts.col.severity'), width: 70, render: (_, r) => <SeverityTag severity={ALERT_RULES[r.id].severity} /> },
            {
              title: t('alerts.rules.enabled'),
              width: 70,
              render: (_, r) => (
                <Tooltip title={ALERT_RULES[r.id].mandatory ? t('alerts.rules.mandatory') : undefined}>
                  <Switch size="small" checked={draft(r).enabled} disabled={!canEdit || ALERT_RULES[r.id].mandatory} onChange={(enabled) => edit(r, { enabled })} aria-label={t('alerts.rules.enabled')} />
                </Tooltip>
              ),
            },
            {
              title: t('alerts.rules.threshold'),
              width: 150,
              render: (_, r) => {
                const unit = ALERT_RULES[r.id].unit;
                if (unit === null) return <Typography.Text type="secondary">{t('alerts.rules.noThreshold')}</Typography.Text>;
                return (
                  <InputNumber
                    size="small"
                    min={unit === 'sigma' ? 0.5 : 1}
                    max={10_000}
                    step={unit === 'sigma' ? 0.5 : 1}
                    precision={unit === 'sigma' ? 1 : 0}
                    style={{ width: 120 }}
                    disabled={!canEdit}
                    value={draft(r).threshold}
                    onChange={(v) => v !== null && edit(r, { threshold: v })}
                    addonAfter={t(`alerts.unit.${unit}`)}
                    aria-label={t('alerts.rules.threshold')}
                    data-testid="rule-threshold"
                  />
                );
              },
            },
            {
              title: t('alerts.rules.window'),
              width: 130,
              render: (_, r) => (
                <InputNumber
                  size="small"
                  min={1}
                  max={ALERT_RULES[r.id].inDays ? 366 : 24 * 366}
                  precision={0}
                  style={{ width: 110 }}
                  disabled={!canEdit}
                  value={draft(r).window}
                  onChange={(v) => v !== null && edit(r, { window: v })}
                  addonAfter={t(ALERT_RULES[r.id].inDays ? 'alerts.unit.days' : 'alerts.unit.hours')}
                  aria-label={t('alerts.rules.window')}
                  data-testid="rule-window"
                />
              ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('alerts.rules.reason'),
                    render: (_: unknown, r: AlertRule) => <Input size="small" maxLength={500} value={draft(r).reason} onChange={(e) => edit(r, { reason: e.target.value })} placeholder={t('alerts.rules.reasonPlaceholder')} data-testid="rule-reason" />,
                  },
                  {
                    title: '',
                    width: 70,
                    render: (_: unknown, r: AlertRule) => {
                      const patch = patchOf(r);
                      return (
                        <Space>
                          <Button size="small" type="primary" disabled={!patch} loading={save.isPending && save.variables?.rule.id === r.id} onClick={() => patch && save.mutate({ rule: r, patch })} data-testid="rule-save">
                            {t('alerts.rules.save')}
                          </Button>
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}
