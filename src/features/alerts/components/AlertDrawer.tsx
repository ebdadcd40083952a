import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert as Banner, Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { alertKeys, alertQueries, caseFromAlert, updateAlert } from '@/api/resources/alerts';
import { caseKeys } from '@/api/resources/cases';
import { complaintKeys } from '@/api/resources/complaints';
import { sessionQuery, usersQuery } from '@/api/resources/session';
import { prioritySchema, type Alert, type AlertPatch, type Priority } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { LoadingState } from '@/components/LoadingState';
import { isReadOnlyRole } from '@/components/ReadOnlyNotice';
import { UserName } from '@/components/UserName';
import { errorText } from '@/lib/error-text';
import { formatDateTime } from '@/lib/format';
import { spreadHrefOf } from '@/components/spread/spread-model';
import { queueHrefOf } from '../api/alerts-search';
import { explainAlert } from '../model/explain';
import { SeverityTag, StatusTag } from './AlertTags';

const SNOOZE_HOURS = [4, 24, 72] as const;

/** One alert: why it fired, its records, and what a person does about it. */
export function AlertDrawer({ id, onClose, onOpen }: { id: string; onClose: () => void; onOpen: (href: string) => void }) {
  const { t } = useTranslation();
  const detail = useQuery(alertQueries.detail(id));
  return (
    <Drawer open onClose={onClose} width={560} title={t('alerts.drawer.title', { id })} data-testid="alert-drawer" destroyOnHidden>
      {detail.isPending ? <LoadingState /> : detail.isError ? <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : <AlertDetail alert={detail.data} onOpen={onOpen} />}
    </Drawer>
  );
}

function AlertDetail({ alert, onOpen }: { alert: Alert; onOpen: (href: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useQuery(sessionQuery()).data?.user;
  const users = useQuery(usersQuery());
  const [closing, setClosing] = useState(false);
  const [casing, setCasing] = useState(false);
  const readOnly = isReadOnlyRole(me?.role);
  const closed = alert.status === 'closed';

  const refresh = () => qc.invalidateQueries({ queryKey: alertKeys.all });
  const onError = (e: unknown) => {
    // Someone else acted first: show what they did, then the person can decide again.
    if (isApiError(e) && e.kind === 'conflict') {
      void refresh();
      message.warning(t('alerts.drawer.conflict'));
    } else message.error(errorText(e, t));
  };
  const act = useMutation({
    mutationFn: (patch: AlertPatch) => updateAlert(alert.id, patch),
    onSuccess: (saved, patch) => {
      qc.setQueryData(alertKeys.detail(alert.id), saved);
      void refresh();
      message.success(t(`alerts.done.${patch.action}`));
      setClosing(false);
    },
    onError,
  });
  const [caseForm] = Form.useForm<{ title: string; priority: Priority }>();
  const makeCase = useMutation({
    mutationFn: (v: { title: string; priority: Priority }) => caseFromAlert(alert.id, { version: alert.version, ...v }),
    onSuccess: (r) => {
      qc.setQueryData(alertKeys.detail(alert.id), r.alert);
      void refresh();
      void qc.invalidateQueries({ queryKey: caseKeys.all });
      void qc.invalidateQueries({ queryKey: complaintKeys.all });
      setCasing(false);
      message.success(
        <span data-testid="alert-case-made">
          {t('alerts.done.case', { id: r.case.id })}{' '}
          <Button size="small" type="link" onClick={() => onOpen(`/cases/${r.case.id}`)}>
            {t('alerts.drawer.openCase')}
          </Button>
        </span>,
      );
    },
    onError,
  });
  const [closeReason, setCloseReason] = useState('');
  const people = (users.data ?? []).filter((u) => (u.role === 'analyst' || u.role === 'lead') && !u.away);
  const busy = act.isPending || makeCase.isPending;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <SeverityTag severity={alert.severity} />
        <Typography.Text strong>{t(`alertRule.${alert.rule}`)}</Typography.Text>
        <StatusTag status={alert.status} />
      </Space>
      {alert.rule === 'selfHarm' && !closed && <Banner type="error" showIcon message={t('alerts.drawer.selfHarm')} />}
      <Typography.Paragraph data-testid="alert-drawer-explanation" style={{ fontSize: 15, marginBottom: 0 }}>
        {explainAlert(alert, t)}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('alerts.drawer.raised')}>{formatDateTime(alert.raisedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('alerts.drawer.updated')}>
          {formatDateTime(alert.updatedAt)}
          {alert.fired > 1 && <Typography.Text type="secondary"> · {t('alerts.drawer.fired', { count: alert.fired })}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('alerts.col.assignee')}>
          <span data-testid="alert-assignee">
            <UserName id={alert.assigneeId} emptyText="—" />
          </span>
        </Descriptions.Item>
        {alert.acknowledgedById && (
          <Descriptions.Item label={t('alerts.drawer.acknowledged')}>
            <UserName id={alert.acknowledgedById} /> · {alert.acknowledgedAt ? formatDateTime(alert.acknowledgedAt) : ''}
          </Descriptions.Item>
        )}
        {alert.status === 'snoozed' && alert.snoozedUntil && <Descriptions.Item label={t('alerts.drawer.snoozedUntil')}>{formatDateTime(alert.snoozedUntil)}</Descriptions.Item>}
        {alert.caseId && (
          <Descriptions.Item label={t('alerts.drawer.case')}>
            <Button size="small" type="link" style={{ padding: 0 }} data-testid="alert-case-link" onClick={() => onOpen(`/cases/${alert.caseId}`)}>
              {alert.caseId}
            </Button>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space wrap>
        <Button data-testid="alert-open-queue" onClick={() => onOpen(queueHrefOf(alert.id))}>
          {t('alerts.drawer.openQueue', { count: alert.complaintIds.length })}
        </Button>
        {alert.complaintIds.length > 0 && (
          <Button data-testid="alert-spread" title={t('spread.openHint')} onClick={() => onOpen(spreadHrefOf('alert', alert.id))}>
            {t('spread.open')}
          </Button>
        )}
      </Space>

      {!readOnly && (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('alerts.drawer.actions')}</Typography.Text>
          {closed ? (
            <Button data-testid="alert-reopen" loading={busy} onClick={() => act.mutate({ action: 'reopen', version: alert.version })}>
              {t('alerts.action.reopen')}
            </Button>
          ) : (
            <Space wrap>
              {alert.status !== 'acknowledged' && (
                <Button type="primary" data-testid="alert-acknowledge" loading={act.isPending && act.variables?.action === 'acknowledge'} disabled={busy} onClick={() => act.mutate({ action: 'acknowledge', version: alert.version })}>
                  {t('alerts.action.acknowledge')}
                </Button>
              )}
              {!alert.caseId && (
                <Button
                  data-testid="alert-make-case"
                  disabled={busy}
                  onClick={() => {
                    caseForm.setFieldsValue({ title: t('alerts.case.defaultTitle', { rule: t(`alertRule.${alert.rule}`), subject: alert.subject.label || alert.id }).slice(0, 200), priority: alert.severity === 'medium' || alert.severity === 'low' ? 'medium' : 'high' });
                    setCasing(true);
                  }}
                >
                  {t('alerts.action.case')}
                </Button>
              )}
              {me?.role === 'lead' ? (
                <Select
                  data-testid="alert-assign"
                  style={{ width: 150 }}
                  placeholder={t('alerts.action.assign')}
                  aria-label={t('alerts.action.assign')}
                  value={alert.assigneeId ?? undefined}
                  allowClear
                  disabled={busy}
                  onChange={(v: string | undefined) => act.mutate({ action: 'assign', version: alert.version, assigneeId: v ?? null })}
                  options={people.map((u) => ({ value: u.id, label: `${u.name}（${u.team}）` }))}
                />
              ) : (
                alert.assigneeId !== me?.id && (
                  <Button data-testid="alert-take" disabled={busy} onClick={() => me && act.mutate({ action: 'assign', version: alert.version, assigneeId: me.id })}>
                    {t('alerts.action.take')}
                  </Button>
                )
              )}
              <Select
                data-testid="alert-snooze"
                style={{ width: 130 }}
                placeholder={t('alerts.action.snooze')}
                aria-label={t('alerts.action.snooze')}
                value={null}
                disabled={busy}
                onChange={(hours: number) => act.mutate({ action: 'snooze', version: alert.version, hours })}
                options={SNOOZE_HOURS.map((h) => ({ value: h, label: t('alerts.action.snoozeFor', { count: h }) }))}
              />
              <Button danger data-testid="alert-close" disabled={busy} onClick={() => setClosing(true)}>
                {t('alerts.action.close')}
              </Button>
            </Space>
          )}
        </Space>
      )}

      <Modal
        open={closing}
        title={t('alerts.close.title')}
        okText={t('alerts.action.close')}
        okButtonProps={{ danger: true, loading: act.isPending, 'data-testid': 'alert-close-confirm' }}
        cancelText={t('common.cancel')}
        onCancel={() => setClosing(false)}
        onOk={() => act.mutate({ action: 'close', version: alert.version, reason: closeReason.trim() || undefined })}
      >
        <Typography.Paragraph type="secondary">{t('alerts.close.hint')}</Typography.Paragraph>
        <Input.TextArea maxLength={500} showCount rows={3} value={closeReason} onChange={(e) => setCloseReason(e.target.value)} aria-label={t('alerts.close.reason')} placeholder={t('alerts.close.reason')} data-testid="alert-close-reason" />
      </Modal>

      <Modal
        open={casing}
        title={t('alerts.case.title')}
        okText={t('alerts.action.case')}
        okButtonProps={{ loading: makeCase.isPending, 'data-testid': 'alert-case-confirm' }}
        cancelText={t('common.cancel')}
        onCancel={() => setCasing(false)}
        onOk={() => void caseForm.validateFields().then((v) => makeCase.mutate(v))}
      >
        <Typography.Paragraph type="secondary">{t('alerts.case.hint', { count: alert.complaintIds.length })}</Typography.Paragraph>
        <Form form={caseForm} layout="vertical">
          <Form.Item name="title" label={t('alerts.case.name')} rules={[{ required: true, whitespace: true, message: t('alerts.case.nameRequired') }, { max: 200 }]}>
            <Input maxLength={200} data-testid="alert-case-title" />
          </Form.Item>
          <Form.Item name="priority" label={t('alerts.case.priority')}>
            <Select style={{ width: 120 }} options={prioritySchema.options.map((p) => ({ value: p, label: t(`alerts.priority.${p}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
