import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Checkbox, DatePicker, Form, Input, List, Modal, Progress, Space, Steps, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKeys, caseQueries } from '@/api/resources/cases';
import { approveReferral, trackReferral } from '@/api/resources/referrals';
import { sessionQuery, usersQuery } from '@/api/resources/session';
import type { Referral, ReferralTracking } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { dayjs } from '@/lib/dayjs';
import { formatDateTime } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import { downloadBlob, usePackageExport } from '../api/use-package-export';
import { followUpDeadlines } from '../package/tracking';
import type { ValidationIssue } from '@/domain/referral-validation';

export function ValidationPanel({ issues }: { issues: ValidationIssue[] }) {
  const { t } = useTranslation();
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <Card size="small" title={t('referrals.section.validation')} data-testid="validation" data-errors={errors.length}>
      {issues.length === 0 ? (
        <Alert type="success" showIcon message={t('referrals.issue.ok')} />
      ) : (
        <>
          <Space style={{ marginBottom: 8 }}>
            {errors.length > 0 && <Tag color="red">{t('referrals.issue.errors', { count: errors.length })}</Tag>}
            {warnings.length > 0 && <Tag color="orange">{t('referrals.issue.warnings', { count: warnings.length })}</Tag>}
          </Space>
          <List
            size="small"
            dataSource={issues}
            style={{ maxHeight: 260, overflow: 'auto' }}
            renderItem={(i) => (
              <List.Item data-testid="validation-issue" data-code={i.code} style={{ padding: '4px 0' }}>
                <a href={`#sec-${i.section}`} style={{ color: i.severity === 'error' ? '#cf1322' : '#ad4e00' }}>
                  {t(`referrals.issue.${i.code}`, { n: i.position })}
                </a>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

export function ApprovalPanel({ base, blocking, saving, onApproved }: { base: Referral; blocking: number; saving: boolean; onApproved: (r: Referral) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useQuery(sessionQuery());
  const users = useQuery(usersQuery());
  const isLead = session.data?.user.role === 'lead';
  const approve = useMutation({ mutationFn: () => approveReferral(base.id, base.version), onSuccess: (r) => { onApproved(r); void message.success(t('referrals.approval.approved')); } });
  const reason = !isLead ? t('referrals.approval.leadOnly') : blocking > 0 ? t('referrals.approval.fixFirst') : saving ? t('referrals.approval.saveFirst') : null;
  return (
    <Card size="small" title={t('referrals.section.approval')} data-testid="approval">
      {base.approvedById && base.approvedAt ? (
        <Alert type="success" showIcon data-testid="approval-state" data-approved="true" message={t('referrals.approval.approvedBy', { name: users.data?.find((u) => u.id === base.approvedById)?.name ?? base.approvedById, at: formatDateTime(base.approvedAt) })} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon data-testid="approval-state" data-approved="false" message={t('referrals.approval.needed')} />
          <Button type="primary" block data-testid="approve" disabled={reason !== null || approve.isPending} loading={approve.isPending} onClick={() => approve.mutate()}>
            {t('referrals.approval.approve')}
          </Button>
          {reason && <Typography.Text type="secondary" data-testid="approve-blocked">{reason}</Typography.Text>}
          {approve.isError && <ApiErrorAlert compact error={approve.error} />}
        </Space>
      )}
    </Card>
  );
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(n < 1_048_576 ? 2 : 1)} MB`;

export function ExportPanel({ base, blocking, dirty }: { base: Referral; blocking: number; dirty: boolean }) {
  const { t } = useTranslation();
  const { state, start, cancel } = usePackageExport();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(() => t('referrals.export.reasonDefault'));
  const approved = base.status !== 'draft';
  const busy = state.phase === 'authorising' || state.phase === 'building';
  const disabled = !approved || blocking > 0 || dirty || busy;
  return (
    <Card size="small" title={t('referrals.section.export')} data-testid="export">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" block disabled={disabled} data-testid="export-start" onClick={() => setOpen(true)}>
          {t('referrals.export.start')}
        </Button>
        {!approved && <Typography.Text type="secondary">{t('referrals.export.needsApproval')}</Typography.Text>}
        {state.phase === 'authorising' && <Typography.Text type="secondary">{t('referrals.export.authorising')}</Typography.Text>}
        {state.phase === 'building' && (
          <div data-testid="export-progress">
            <Progress percent={state.progress && state.progress.totalBytes ? Math.floor((state.progress.doneBytes / state.progress.totalBytes) * 100) : 0} size="small" aria-label={t('referrals.export.building', { file: state.progress?.file ?? state.progress?.stage ?? '…' })} />
            <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
              {t('referrals.export.building', { file: state.progress?.file ?? state.progress?.stage ?? '…' })}
            </Typography.Text>
            <Button size="small" danger onClick={cancel} data-testid="export-cancel">
              {t('referrals.export.cancel')}
            </Button>
          </div>
        )}
        {state.phase === 'cancelled' && <Alert type="info" showIcon message={t('referrals.export.cancelled')} data-testid="export-cancelled" />}
        {state.phase === 'failed' &&
          (state.error ? (
            <ApiErrorAlert compact error={state.error} />
          ) : (
            <Alert type="error" showIcon data-testid="export-failed" message={state.code === 'hashMismatch' ? t('referrals.export.hashMismatch', { detail: state.detail }) : t('referrals.export.failed', { detail: state.detail ?? state.code })} />
          ))}
        {state.phase === 'done' && (
          <Alert
            type="success"
            showIcon
            data-testid="export-done"
            message={t('referrals.export.done', { count: state.result.fileCount, size: mb(state.result.size) })}
            description={
              <Space wrap>
                <Button size="small" data-testid="download-zip" onClick={() => downloadBlob(state.result.zip, `${state.result.baseName}.zip`)}>{t('referrals.export.downloadZip')}</Button>
                <Button size="small" data-testid="download-docx" onClick={() => downloadBlob(state.result.docx, `${state.result.baseName}_报案书.docx`)}>{t('referrals.export.downloadDocx')}</Button>
                <Button size="small" data-testid="download-pdf" onClick={() => downloadBlob(state.result.pdf, `${state.result.baseName}_报案书.pdf`)}>{t('referrals.export.downloadPdf')}</Button>
              </Space>
            }
          />
        )}
      </Space>
      <Modal
        open={open}
        title={t('referrals.export.confirmTitle')}
        okText={t('referrals.export.confirm')}
        okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'export-confirm' } as never}
        onCancel={() => setOpen(false)}
        onOk={() => {
          setOpen(false);
          void start(base, reason.trim());
        }}
      >
        <Typography.Paragraph>{t('referrals.export.confirmBody')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('referrals.export.reason')} required>
            <Input aria-label={t('referrals.export.reason')} data-testid="export-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

type TrackForm = { date?: Dayjs; policeUnit?: string; officer?: string; receiptNo?: string; reason?: string; reviewRequested?: boolean };

export function TrackingPanel({ base, onTracked }: { base: Referral; onTracked: (r: Referral) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const now = useNow(60_000);
  const kase = useQuery(caseQueries.detail(base.caseId));
  const [form] = Form.useForm<TrackForm>();
  const [rejecting, setRejecting] = useState(false);
  const track = useMutation({
    mutationFn: (cmd: ReferralTracking) => trackReferral(base.id, cmd),
    onSuccess: (r) => {
      onTracked(r);
      form.resetFields();
      setRejecting(false);
      void qc.invalidateQueries({ queryKey: caseKeys.all });
      void message.success(t('referrals.tracking.saved'));
    },
  });
  const iso = (d?: Dayjs) => (d ?? dayjs()).toDate().toISOString();
  const submit = (v: TrackForm) => {
    const version = base.version;
    if (base.status === 'approved') track.mutate({ action: 'submit', version, date: iso(v.date), policeUnit: v.policeUnit ?? '', officer: v.officer ?? '', receiptNo: v.receiptNo?.trim() || null });
    else if (base.status === 'submitted') track.mutate({ action: 'accept', version, at: iso(v.date), receiptNo: v.receiptNo ?? '' });
    else if (base.status === 'accepted' && rejecting) track.mutate({ action: 'reject', version, at: iso(v.date), reason: v.reason ?? '', reviewRequested: v.reviewRequested ?? false });
    else if (base.status === 'accepted') track.mutate({ action: 'file', version, at: iso(v.date) });
  };
  // The step in progress: approval, then submission, 受理, the filing decision; all done once filed.
  const stepIndex = { draft: 0, approved: 1, submitted: 2, accepted: 3, filed: 4, rejected: 3 }[base.status];
  const deadlines = followUpDeadlines(base);
  const d = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
  return (
    <Card size="small" title={t('referrals.section.tracking')} data-testid="tracking">
      <Steps
        size="small"
        direction="vertical"
        current={stepIndex}
        status={base.status === 'rejected' ? 'error' : undefined}
        items={[
          { title: t('referrals.status.approved'), description: base.approvedAt ? formatDateTime(base.approvedAt) : undefined },
          { title: t('referrals.status.submitted'), description: base.submission ? t('referrals.tracking.submission', { date: d(base.submission.date), unit: base.submission.policeUnit, officer: base.submission.officer }) : undefined },
          {
            title: t('referrals.status.accepted'),
            description: base.outcome?.acceptedAt ? `${t('referrals.tracking.acceptedAt', { date: d(base.outcome.acceptedAt) })}；${t('referrals.tracking.receipt', { no: base.submission?.receiptNo ?? '—' })}` : undefined,
          },
          {
            title: base.status === 'rejected' ? t('referrals.status.rejected') : t('referrals.status.filed'),
            description:
              base.status === 'filed'
                ? t('referrals.tracking.filedAt', { date: d(base.outcome?.filedAt) })
                : base.status === 'rejected'
                  ? `${t('referrals.tracking.rejectedAt', { date: d(base.outcome?.rejectedAt), reason: base.outcome?.rejectionReason ?? '' })}；${t('referrals.tracking.review', { state: base.outcome?.reviewRequested ? t('referrals.tracking.reviewYes') : t('referrals.tracking.reviewNo') })}`
                  : undefined,
          },
        ]}
      />
      <Typography.Paragraph data-testid="case-status" data-status={kase.data?.status ?? ''} style={{ marginBottom: 8 }}>
        {t('referrals.tracking.caseStatus')}：{kase.data ? <Tag>{t(`caseStatus.${kase.data.status}`)}</Tag> : '…'}
      </Typography.Paragraph>
      {deadlines.length > 0 && (
        <>
          <Typography.Text strong>{t('referrals.tracking.deadlines')}</Typography.Text>
          <List
            size="small"
            dataSource={deadlines}
            renderItem={(x) => {
              const overdue = !x.done && Date.parse(x.dueAt) < now;
              return (
                <List.Item data-testid="follow-up" data-key={x.key} style={{ padding: '4px 0' }}>
                  <span>{t(`referrals.tracking.deadline.${x.key}`)}</span>
                  <span>
                    {formatDateTime(x.dueAt)} {x.done ? <Tag color="green">{t('referrals.tracking.done')}</Tag> : overdue ? <Tag color="red">{t('referrals.tracking.overdue')}</Tag> : null}
                  </span>
                </List.Item>
              );
            }}
          />
        </>
      )}
      {base.status === 'draft' && <Typography.Text type="secondary">{t('referrals.tracking.notYet')}</Typography.Text>}
      {['approved', 'submitted', 'accepted'].includes(base.status) && (
        <Form form={form} layout="vertical" size="small" onFinish={submit} style={{ marginTop: 8 }} initialValues={{ policeUnit: base.addressee, receiptNo: base.submission?.receiptNo ?? undefined }}>
          <Form.Item name="date" label={t('referrals.tracking.date')}>
            <DatePicker aria-label={t('referrals.tracking.date')} style={{ width: '100%' }} data-testid="track-date" />
          </Form.Item>
          {base.status === 'approved' && (
            <>
              <Form.Item name="policeUnit" label={t('referrals.tracking.policeUnit')} rules={[{ required: true, whitespace: true }]}>
                <Input aria-label={t('referrals.tracking.policeUnit')} data-testid="track-unit" />
              </Form.Item>
              <Form.Item name="officer" label={t('referrals.tracking.officer')} rules={[{ required: true, whitespace: true }]}>
                <Input aria-label={t('referrals.tracking.officer')} data-testid="track-officer" />
              </Form.Item>
            </>
          )}
          {(base.status === 'approved' || base.status === 'submitted') && (
            <Form.Item name="receiptNo" label={t('referrals.tracking.receiptNo')} rules={base.status === 'submitted' ? [{ required: true, whitespace: true }] : []}>
              <Input aria-label={t('referrals.tracking.receiptNo')} data-testid="track-receipt" />
            </Form.Item>
          )}
          {base.status === 'accepted' && rejecting && (
            <>
              <Form.Item name="reason" label={t('referrals.tracking.reason')} rules={[{ required: true, whitespace: true, min: 2 }]}>
                <Input.TextArea aria-label={t('referrals.tracking.reason')} data-testid="track-reason" autoSize />
              </Form.Item>
              <Form.Item name="reviewRequested" valuePropName="checked">
                <Checkbox data-testid="track-review">{t('referrals.tracking.reviewRequested')}</Checkbox>
              </Form.Item>
            </>
          )}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={track.isPending} data-testid="track-submit" danger={rejecting}>
              {base.status === 'approved' ? t('referrals.tracking.submit') : base.status === 'submitted' ? t('referrals.tracking.accept') : rejecting ? t('referrals.tracking.reject') : t('referrals.tracking.file')}
            </Button>
            {base.status === 'accepted' && (
              <Button data-testid="track-toggle-reject" onClick={() => setRejecting((x) => !x)}>
                {rejecting ? t('referrals.tracking.file') : t('referrals.tracking.reject')}
              </Button>
            )}
          </Space>
          {track.isError && <ApiErrorAlert compact error={track.error} />}
        </Form>
      )}
    </Card>
  );
}
