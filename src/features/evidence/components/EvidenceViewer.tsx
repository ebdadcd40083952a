import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Col, Descriptions, Modal, Row, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { BorderOutlined, DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { complaintQueries } from '@/api/resources/complaints';
import { evidenceKeys, evidenceQueries } from '@/api/resources/evidence';
import { sessionQuery } from '@/api/resources/session';
import type { Evidence, SignalCode } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { LoadingState } from '@/components/LoadingState';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import { openPdf, type PDFDocumentProxy } from '@/lib/pdfjs';
import { addAnnotation, reportCustody } from '../api/evidence-api';
import { imageMetadata, pdfMetadata } from '../lib/browser-hash';
import { findAnomalies, type DocumentMeta } from '../lib/metadata';
import { AudioViewer } from './AudioViewer';
import { ChatViewer } from './ChatViewer';
import { FIT_VIEW, ImageViewer, type ImageView } from './ImageViewer';
import { AnnotationForm, AnnotationList, CustodyTrail, IntegrityBanner, MetadataPanel, ReusePanel, VerdictPanel, VerdictTag } from './Panels';
import { PdfViewer } from './PdfViewer';
import type { Rect } from './RectLayer';
import { TextViewer } from './TextViewer';
import { useEvidenceFile } from './useEvidenceFile';

const decodeText = (buf: ArrayBuffer): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
};

function usePdf(blob: Blob | undefined, enabled: boolean) {
  const [state, setState] = useState<{ blob: Blob | null; doc: PDFDocumentProxy | null; error: string | null }>({ blob: null, doc: null, error: null });
  useEffect(() => {
    if (!blob || !enabled) return;
    let alive = true;
    let opened: PDFDocumentProxy | null = null;
    void blob
      .arrayBuffer()
      .then((buf) => openPdf(new Uint8Array(buf)))
      .then((d) => {
        opened = d;
        if (alive) setState({ blob, doc: d, error: null });
        else void d.destroy();
      })
      .catch((e: unknown) => alive && setState({ blob, doc: null, error: e instanceof Error ? e.message : String(e) }));
    return () => {
      alive = false;
      void opened?.destroy();
    };
  }, [blob, enabled]);
  return state.blob === blob ? state : { doc: null, error: null };
}

type Props = { id: string; onCompare?: (otherId: string | undefined) => void; compareCandidates?: Evidence[] };

export function EvidenceViewer({ id, onCompare, compareCandidates = [] }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const detail = useQuery(evidenceQueries.detail(id));
  const e = detail.data;
  const session = useQuery(sessionQuery());
  const canWrite = session.data ? session.data.user.role !== 'auditor' : false;
  const file = useEvidenceFile(e);
  const complaint = useQuery({ ...complaintQueries.detail(e?.complaintId ?? ''), enabled: Boolean(e?.complaintId) });
  const pdf = usePdf(file.blob, e?.kind === 'pdf');
  const [view, setView] = useState<ImageView>(FIT_VIEW);
  const [drawing, setDrawing] = useState(false);
  const [draft, setDraft] = useState<{ page: number | null; rect: Rect } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [decoded, setDecoded] = useState<{ blob: Blob | null; text: string | null }>({ blob: null, text: null });
  const [metaState, setMeta] = useState<{ source: unknown; meta: DocumentMeta | null; error: string | null }>({ source: null, meta: null, error: null });
  const viewedFor = useRef<string | null>(null);

  // Opening an item is a custody event: once per opening, not per render, and once it is on screen
  // (or has failed to show): recording it right away competed with drawing the first PDF page.
  const [pdfDrawnFor, setPdfDrawnFor] = useState<string | null>(null);
  const markPdfDrawn = useCallback(() => setPdfDrawnFor(id), [id]);
  const shown = e?.kind === 'pdf' ? pdfDrawnFor === e.id || Boolean(pdf.error) || Boolean(file.error) : Boolean(file.blob || file.error);
  useEffect(() => {
    if (!e || !shown || viewedFor.current === e.id) return;
    viewedFor.current = e.id;
    void reportCustody(e.id, { action: 'viewed', detail: t('evidence.custody.viewedDetail') })
      .then((item) => qc.setQueryData(evidenceKeys.detail(item.id), item))
      .catch(() => undefined);
  }, [e, shown, qc, t]);

  useEffect(() => {
    if (!file.blob || !e || (e.kind !== 'chat' && e.kind !== 'text')) return;
    let alive = true;
    const blob = file.blob;
    void blob.arrayBuffer().then((b) => alive && setDecoded({ blob, text: decodeText(b) }));
    return () => {
      alive = false;
    };
  }, [file.blob, e]);

  const metaSource = e?.kind === 'image' ? file.blob : e?.kind === 'pdf' ? pdf.doc : null;
  useEffect(() => {
    let alive = true;
    const source = metaSource;
    const done = (m: DocumentMeta) => alive && setMeta({ source, meta: m, error: null });
    const fail = (err: unknown) => alive && setMeta({ source, meta: null, error: err instanceof Error ? err.message : String(err) });
    if (source instanceof Blob) imageMetadata(source).then(done, fail);
    else if (source) pdfMetadata(source).then(done, fail);
    return () => {
      alive = false;
    };
  }, [metaSource]);
  const meta = metaState.source === metaSource && metaSource ? metaState : { meta: null, error: null };
  const text = decoded.blob && decoded.blob === file.blob ? decoded.text : undefined;

  const anomalies = useMemo(
    () => (meta.meta ? findAnomalies(meta.meta, { complaintReceivedAt: complaint.data ? new Date(complaint.data.receivedAt) : null, now: new Date() }) : []),
    [meta.meta, complaint.data],
  );

  const annotate = useMutation({
    mutationFn: (v: { note: string; signalCode: string | null }) =>
      addAnnotation(id, { version: e!.version, page: draft!.page, rect: draft!.rect, note: v.note, signalCode: v.signalCode as SignalCode | null }),
    onSuccess: (item) => {
      qc.setQueryData(evidenceKeys.detail(item.id), item);
      void qc.invalidateQueries({ queryKey: evidenceKeys.lists() });
      setDraft(null);
      setDrawing(false);
      message.success(t('evidence.annotations.saved'));
    },
    onError: () => void qc.invalidateQueries({ queryKey: evidenceKeys.detail(id) }),
  });

  const download = () => {
    if (!file.url || !e) return;
    const a = document.createElement('a');
    a.href = file.url;
    a.download = e.fileName;
    a.click();
    void reportCustody(e.id, { action: 'exported', detail: t('evidence.custody.downloadDetail', { name: e.fileName }) })
      .then((item) => qc.setQueryData(evidenceKeys.detail(item.id), item))
      .catch(() => undefined);
  };

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!e) return null;

  const onDraw = drawing && canWrite ? (page: number | null, rect: Rect) => setDraft({ page, rect }) : undefined;
  const imageCandidates = compareCandidates.filter((c) => c.kind === 'image' && c.id !== e.id);

  let body;
  if (file.error) body = <ApiErrorAlert error={file.error} onRetry={() => void file.refetch()} />;
  else if (!file.url || !file.blob) body = <LoadingState label={t('evidence.loadingFile')} />;
  else if (e.kind === 'image')
    body = (
      <ImageViewer
        src={file.url}
        alt={e.title}
        view={view}
        onViewChange={setView}
        annotations={e.annotations}
        onDraw={onDraw && view.rotation === 0 ? (r) => onDraw(null, r) : undefined}
        highlightId={selected}
      />
    );
  else if (e.kind === 'pdf')
    body = pdf.error ? (
      <Alert type="error" showIcon message={t('evidence.pdf.error')} description={pdf.error} />
    ) : pdf.doc ? (
      <PdfViewer doc={pdf.doc} annotations={e.annotations} onDraw={onDraw} highlightId={selected} onFirstPageDrawn={markPdfDrawn} />
    ) : (
      <LoadingState label={t('evidence.loadingFile')} />
    );
  else if (e.kind === 'audio') body = <AudioViewer evidence={e} src={file.url} />;
  else if (text === undefined) body = <LoadingState />;
  else if (e.kind === 'chat' && text !== null) body = <ChatViewer text={text} cacheKey={`${e.id}:${e.sha256}`} />;
  else body = <TextViewer text={text} fileName={e.fileName} onDownload={download} />;

  const canAnnotate = e.kind === 'image' || e.kind === 'pdf';
  return (
    <div data-testid="evidence-viewer" data-kind={e.kind} data-evidence-id={e.id}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          <Space wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="evidence-title">
              {e.title}
            </Typography.Title>
            <Tag>{t(`evidence.kind.${e.kind}`)}</Tag>
            <VerdictTag status={e.verdict.status} />
          </Space>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('evidence.field.fileName')}>
              <Typography.Text data-testid="evidence-filename">{e.fileName}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('evidence.field.size')}>{e.size.toLocaleString()} B</Descriptions.Item>
            <Descriptions.Item label={t('evidence.field.source')}>{e.source}</Descriptions.Item>
            <Descriptions.Item label={t('evidence.field.uploaded')}>
              <UserName id={e.uploadedById} emptyText={t('evidence.system')} /> · {formatDateTime(e.uploadedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('evidence.field.complaint')}>{e.complaintId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('evidence.field.case')}>{e.caseId ?? '—'}</Descriptions.Item>
          </Descriptions>
          <IntegrityBanner check={file.check} progress={file.progress} />
          <Space wrap>
            {canAnnotate && canWrite && (
              <Tooltip title={e.kind === 'image' && view.rotation !== 0 ? t('evidence.annotations.resetRotation') : t('evidence.annotations.drawHelp')}>
                <Button icon={<BorderOutlined />} type={drawing ? 'primary' : 'default'} data-testid="annotate-toggle" onClick={() => setDrawing((d) => !d)}>
                  {drawing ? t('evidence.annotations.drawing') : t('evidence.annotations.draw')}
                </Button>
              </Tooltip>
            )}
            {e.kind === 'image' && onCompare && imageCandidates.length > 0 && (
              <Button icon={<SwapOutlined />} data-testid="compare-open" onClick={() => onCompare(imageCandidates[0].id)}>
                {t('evidence.compare.open')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} data-testid="export" disabled={!file.url} onClick={download}>
              {t('evidence.export')}
            </Button>
          </Space>
        </Space>
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={15} xxl={16}>
          <Card size="small">{body}</Card>
        </Col>
        <Col xs={24} xl={9} xxl={8}>
          <Card size="small">
            <Tabs
              size="small"
              tabBarGutter={14}
              items={[
                { key: 'verdict', label: t('evidence.tab.verdict'), children: <VerdictPanel key={`${e.id}:${e.version}`} evidence={e} canWrite={canWrite} /> },
                {
                  key: 'annotations',
                  label: (
                    <span data-testid="tab-annotations">
                      {t('evidence.tab.annotations')} <Badge count={e.annotations.length} size="small" color="blue" />
                    </span>
                  ),
                  children: <AnnotationList annotations={e.annotations} selected={selected} onSelect={setSelected} />,
                },
                { key: 'reuse', label: <span data-testid="tab-reuse">{t('evidence.tab.reuse')}</span>, children: <ReusePanel evidence={e} /> },
                ...(e.kind === 'image' || e.kind === 'pdf'
                  ? [
                      {
                        key: 'meta',
                        label: (
                          <span data-testid="tab-meta">
                            {t('evidence.tab.meta')} {anomalies.some((a) => a.severity !== 'low') && <Badge status="error" />}
                          </span>
                        ),
                        children: <MetadataPanel meta={meta.meta} anomalies={anomalies} error={meta.error} />,
                      },
                    ]
                  : []),
                { key: 'custody', label: <span data-testid="tab-custody">{t('evidence.tab.custody')}</span>, children: <CustodyTrail evidence={e} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal open={Boolean(draft)} title={t('evidence.annotations.new')} footer={null} onCancel={() => setDraft(null)} destroyOnHidden>
        <AnnotationForm onSubmit={(v) => annotate.mutate(v)} onCancel={() => setDraft(null)} pending={annotate.isPending} error={annotate.error} />
      </Modal>
    </div>
  );
}
