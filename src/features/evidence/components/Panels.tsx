import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Button, Descriptions, Empty, Form, Input, List, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { evidenceKeys, setVerdict } from '@/api/resources/evidence';
import { signalCodeSchema, verdictStatusSchema, type Annotation, type Evidence, type ReuseMatch, type VerdictStatus } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { LoadingState } from '@/components/LoadingState';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import { evidenceExtraQueries } from '../api/evidence-api';
import type { HashCheck } from '../lib/integrity';
import type { Anomaly, DocumentMeta } from '../lib/metadata';

export const VERDICT_COLOUR: Record<VerdictStatus, string> = { unverified: 'default', authentic: 'green', suspected_forged: 'orange', forged: 'red' };

export function VerdictTag({ status }: { status: VerdictStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={VERDICT_COLOUR[status]} data-testid="verdict-tag" data-status={status}>
      {t(`evidence.verdict.${status}`)}
    </Tag>
  );
}

/** The loudest thing on the screen when it fails: bytes that differ from the recorded hash are not the evidence that was recorded. */
export function IntegrityBanner({ check, progress }: { check: HashCheck | null; progress: number | null }) {
  const { t } = useTranslation();
  if (!check)
    return <Alert data-testid="integrity" data-status="pending" type="info" showIcon message={t('evidence.integrity.checking', { percent: Math.round((progress ?? 0) * 100) })} />;
  if (check.status === 'match')
    return (
      <Alert
        data-testid="integrity"
        data-status="match"
        type="success"
        showIcon
        message={t('evidence.integrity.match')}
        description={<Typography.Text code style={{ fontSize: 11 }}>SHA-256 {check.actual}</Typography.Text>}
      />
    );
  return (
    <Alert
      data-testid="integrity"
      data-status={check.status}
      type="error"
      showIcon
      banner
      style={{ border: '2px solid #ff4d4f', fontSize: 16 }}
      message={<strong>{t('evidence.integrity.mismatch')}</strong>}
      description={
        <Space direction="vertical" size={0}>
          <Typography.Text>{t('evidence.integrity.mismatchHelp')}</Typography.Text>
          <Typography.Text code style={{ fontSize: 11 }}>
            {t('evidence.integrity.recorded')}: {check.recorded || '—'}
          </Typography.Text>
          <Typography.Text code style={{ fontSize: 11 }}>
            {t('evidence.integrity.actual')}: {check.actual}
          </Typography.Text>
        </Space>
      }
    />
  );
}

export function VerdictPanel({ evidence, canWrite }: { evidence: Evidence; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ status: VerdictStatus; reason: string; method: string }>();
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: { status: VerdictStatus; reason: string; method: string }) => setVerdict(evidence.id, { ...v, version: evidence.version }),
    onSuccess: (item) => {
      qc.setQueryData(evidenceKeys.detail(item.id), item);
      void qc.invalidateQueries({ queryKey: evidenceKeys.lists() });
      void qc.invalidateQueries({ queryKey: ['audit'] });
      setError(null);
      message.success(t('evidence.verdict.saved'));
    },
    onError: (e) => {
      setError(e);
      // Someone else changed it: show theirs, keep what this person typed.
      if (isApiError(e) && e.kind === 'conflict') void qc.invalidateQueries({ queryKey: evidenceKeys.detail(evidence.id) });
    },
  });
  const v = evidence.verdict;
  return (
    <div data-testid="verdict-panel">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('evidence.verdict.current')}>
          <VerdictTag status={v.status} />
        </Descriptions.Item>
        {v.status !== 'unverified' && (
          <>
            <Descriptions.Item label={t('evidence.verdict.reason')}>{v.reason}</Descriptions.Item>
            <Descriptions.Item label={t('evidence.verdict.method')}>{v.method}</Descriptions.Item>
            <Descriptions.Item label={t('evidence.verdict.by')}>
              <UserName id={v.byId} /> {v.at ? formatDateTime(v.at) : ''}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {canWrite ? (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }} initialValues={{ status: v.status === 'unverified' ? undefined : v.status }} onFinish={(values) => save.mutate(values)}>
          <Form.Item name="status" label={t('evidence.verdict.new')} rules={[{ required: true, message: t('evidence.verdict.required') }]}>
            <Select data-testid="verdict-status" options={verdictStatusSchema.options.map((s) => ({ value: s, label: t(`evidence.verdict.${s}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('evidence.verdict.reason')} rules={[{ required: true, whitespace: true, message: t('evidence.verdict.required') }]}>
            <Input.TextArea data-testid="verdict-reason" rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="method" label={t('evidence.verdict.method')} extra={t('evidence.verdict.methodHelp')} rules={[{ required: true, whitespace: true, message: t('evidence.verdict.required') }]}>
            <Input data-testid="verdict-method" maxLength={200} />
          </Form.Item>
          {error ? <ApiErrorAlert compact error={error} /> : null}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="verdict-save">
            {t('evidence.verdict.save')}
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('evidence.readOnly')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export function AnnotationList({ annotations, onSelect, selected }: { annotations: Annotation[]; onSelect: (id: string) => void; selected: string | null }) {
  const { t } = useTranslation();
  if (annotations.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.annotations.empty')} />;
  return (
    <List
      size="small"
      data-testid="annotation-list"
      dataSource={annotations}
      renderItem={(a, i) => (
        <List.Item data-testid="annotation-item" onClick={() => onSelect(a.id)} style={{ cursor: 'pointer', background: a.id === selected ? '#fff7e6' : undefined }}>
          <Space direction="vertical" size={0}>
            <Space>
              <Typography.Text strong>#{i + 1}</Typography.Text>
              {a.page && <Tag>{t('evidence.annotations.page', { page: a.page })}</Tag>}
              {a.signalCode && <Tag color="volcano">{t(`signal.${a.signalCode}`, a.signalCode)}</Tag>}
            </Space>
            <Typography.Text>{a.note}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <UserName id={a.authorId} /> · {formatDateTime(a.at)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

export const SIGNAL_OPTIONS = signalCodeSchema.options;

export function AnnotationForm({ onSubmit, onCancel, pending, error }: { onSubmit: (v: { note: string; signalCode: string | null }) => void; onCancel: () => void; pending: boolean; error: unknown }) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" onFinish={(v: { note: string; signalCode?: string }) => onSubmit({ note: v.note, signalCode: v.signalCode ?? null })} data-testid="annotation-form">
      <Form.Item name="note" label={t('evidence.annotations.note')} rules={[{ required: true, whitespace: true, message: t('evidence.verdict.required') }]}>
        <Input.TextArea rows={3} maxLength={500} data-testid="annotation-note" autoFocus />
      </Form.Item>
      <Form.Item name="signalCode" label={t('evidence.annotations.signal')}>
        <Select allowClear data-testid="annotation-signal" options={SIGNAL_OPTIONS.map((s) => ({ value: s, label: t(`signal.${s}`, s) }))} />
      </Form.Item>
      {error ? <ApiErrorAlert compact error={error} /> : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="annotation-save">
          {t('evidence.annotations.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel', 'Cancel')}</Button>
      </Space>
    </Form>
  );
}

export function ReusePanel({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation();
  const q = useQuery({ ...evidenceExtraQueries.reuse(evidence.id), enabled: Boolean(evidence.perceptualHash) });
  if (!evidence.perceptualHash) return <Typography.Text type="secondary">{t('evidence.reuse.noHash')}</Typography.Text>;
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ApiErrorAlert compact error={q.error} onRetry={() => void q.refetch()} />;
  const complaints = new Set(q.data.matches.map((m) => m.complaintId).filter(Boolean)).size;
  return (
    <div data-testid="reuse-panel">
      <Typography.Paragraph>
        <Typography.Text type="secondary">dHash </Typography.Text>
        <Typography.Text code>{q.data.perceptualHash}</Typography.Text>
        <Typography.Text type="secondary"> · {t('evidence.reuse.threshold', { threshold: q.data.threshold })}</Typography.Text>
      </Typography.Paragraph>
      {q.data.matches.length === 0 ? (
        <Alert type="success" showIcon message={t('evidence.reuse.none')} />
      ) : (
        <>
          <Alert type="error" showIcon message={t('evidence.reuse.found', { count: q.data.matches.length, complaints })} style={{ marginBottom: 8 }} />
          <Table
            size="small"
            rowKey="evidenceId"
            scroll={{ x: 560 }}
            pagination={{ pageSize: 8, size: 'small' }}
            dataSource={q.data.matches}
            onRow={() => ({ 'data-testid': 'reuse-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('evidence.reuse.distance'), dataIndex: 'distance', width: 64, render: (d: number) => <Tag color={d === 0 ? 'red' : d <= 5 ? 'volcano' : 'orange'}>{d}</Tag> },
              {
                title: t('evidence.reuse.complaint'),
                dataIndex: 'complaintId',
                width: 110,
                render: (id: string | null, m) =>
                  id ? (
                    <Link to="/queue" search={{ complaint: id }} data-testid="reuse-link">
                      {id}
                    </Link>
                  ) : (
                    (m.caseId ?? '—')
                  ),
              },
              { title: t('evidence.reuse.borrower'), dataIndex: 'borrowerName', width: 80, render: (v: string | null) => v ?? '—' },
              { title: t('evidence.reuse.document'), dataIndex: 'evidenceId', width: 180, ellipsis: true, render: (id: string, m) => <Link to="/evidence" search={{ id, complaintId: m.complaintId ?? undefined }}>{m.title}</Link> },
              { title: t('evidence.verdict.current'), dataIndex: 'verdict', width: 90, render: (s: VerdictStatus) => <VerdictTag status={s} /> },
              ...(evidence.kind === 'image'
                ? [
                    {
                      title: '',
                      key: 'compare',
                      width: 60,
                      render: (_: unknown, m: ReuseMatch) =>
                        m.fileName.match(/\.(png|jpe?g|webp|svg)$/i) ? (
                          <Link to="/evidence" search={{ id: evidence.id, complaintId: evidence.complaintId ?? undefined, compare: m.evidenceId }} data-testid="reuse-compare">
                            {t('evidence.reuse.compare')}
                          </Link>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </div>
  );
}

export function MetadataPanel({ meta, anomalies, error }: { meta: DocumentMeta | null; anomalies: Anomaly[]; error: string | null }) {
  const { t } = useTranslation();
  if (error) return <Alert type="warning" showIcon message={t('evidence.meta.error')} description={error} />;
  if (!meta) return <LoadingState />;
  return (
    <div data-testid="metadata-panel">
      {anomalies.length === 0 ? (
        <Alert type="success" showIcon message={t('evidence.meta.noAnomalies')} style={{ marginBottom: 8 }} />
      ) : (
        anomalies.map((a) => (
          <Alert
            key={a.code}
            data-testid="meta-anomaly"
            data-code={a.code}
            type={a.severity === 'high' ? 'error' : a.severity === 'medium' ? 'warning' : 'info'}
            showIcon
            message={t(`evidence.meta.anomaly.${a.code}`)}
            description={a.detail || undefined}
            style={{ marginBottom: 6 }}
          />
        ))
      )}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('evidence.meta.producer')}>{meta.producer ?? meta.software ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('evidence.meta.creator')}>{meta.creator ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('evidence.meta.created')}>{meta.created ? formatDateTime(meta.created.toISOString()) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('evidence.meta.modified')}>{meta.modified ? formatDateTime(meta.modified.toISOString()) : '—'}</Descriptions.Item>
        {meta.fields.map((f) => (
          <Descriptions.Item key={f.key} label={f.key}>
            <Typography.Text style={{ wordBreak: 'break-all' }}>{f.value}</Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
}

export function CustodyTrail({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation();
  const colour = { uploaded: 'blue', viewed: 'gray', verdict: 'red', annotated: 'orange', exported: 'purple' } as const;
  return (
    <Timeline
      data-testid="custody-trail"
      items={[...evidence.custody].reverse().map((c, i) => ({
        key: i,
        color: colour[c.action],
        children: (
          <div data-testid="custody-event" data-action={c.action}>
            <Space size={6} wrap>
              <Tag color={colour[c.action]}>{t(`evidence.custody.${c.action}`)}</Tag>
              <UserName id={c.actorId} />
              <Typography.Text type="secondary">{formatDateTime(c.at)}</Typography.Text>
            </Space>
            {c.verdict && <VerdictTag status={c.verdict} />}
            {c.detail && <div style={{ fontSize: 12 }}>{c.detail}</div>}
          </div>
        ),
      }))}
    />
  );
}
