import { useQuery } from '@tanstack/react-query';
import { ReadOnlyNotice, isReadOnlyRole } from '@/components/ReadOnlyNotice';
import { Button, Card, Col, List, Row, Select, Space, Tag, Typography } from 'antd';
import { AudioOutlined, FileImageOutlined, FilePdfOutlined, FileTextOutlined, MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { complaintQueries } from '@/api/resources/complaints';
import { evidenceQueries } from '@/api/resources/evidence';
import { sessionQuery } from '@/api/resources/session';
import type { EvidenceKind } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import type { EvidenceSearch, EvidenceSearchPatch } from '../api/evidence-search';
import { CompareView } from './CompareView';
import { EvidenceViewer } from './EvidenceViewer';
import { VerdictTag } from './Panels';
import { UploadZone } from './UploadZone';

type Props = { search: EvidenceSearch; onSearchChange: (patch: EvidenceSearchPatch, opts?: { replace?: boolean }) => void };

const KIND_ICON: Record<EvidenceKind, typeof FileImageOutlined> = {
  image: FileImageOutlined,
  pdf: FilePdfOutlined,
  audio: AudioOutlined,
  chat: MessageOutlined,
  text: FileTextOutlined,
};

/** The kind's icon, named in the reader's language (antd would name it "file-pdf"). */
function KindIcon({ kind }: { kind: EvidenceKind }) {
  const { t } = useTranslation();
  const Icon = KIND_ICON[kind];
  return <Icon aria-label={t(`evidence.kind.${kind}`)} />;
}

/** 证据: the evidence of a complaint or case, an upload zone, and the viewer for one item (or two side by side). */
export function EvidencePage({ search, onSearchChange }: Props) {
  const { t } = useTranslation();
  const opened = useQuery({ ...evidenceQueries.detail(search.id ?? ''), enabled: Boolean(search.id) && !search.complaintId && !search.caseId });
  // Opened by id alone: show the list of the complaint it belongs to.
  const complaintId = search.complaintId ?? (search.caseId ? undefined : (opened.data?.complaintId ?? undefined));
  const caseId = search.caseId ?? (search.complaintId ? undefined : (opened.data?.caseId ?? undefined));
  const filter = caseId ? { caseId } : complaintId ? { complaintId } : {};
  const list = useQuery({ ...evidenceQueries.list(filter), enabled: !search.id || Boolean(complaintId || caseId) || opened.isFetched });
  const complaint = useQuery({ ...complaintQueries.detail(complaintId ?? ''), enabled: Boolean(complaintId) && !caseId });
  const session = useQuery(sessionQuery());
  const readOnly = isReadOnlyRole(session.data?.user.role);
  const items = list.data ?? [];

  return (
    <div data-testid="evidence-page">
      <ReadOnlyNotice role={session.data?.user.role} />
      <Row gutter={12}>
        <Col xs={24} lg={6} xxl={5}>
          <Card
            size="small"
            title={caseId ? t('evidence.list.case', { id: caseId }) : complaintId ? t('evidence.list.complaint', { id: complaintId }) : t('evidence.list.recent')}
            style={{ marginBottom: 12 }}
          >
            {complaint.data && (
              <div data-testid="complaint-summary" style={{ marginBottom: 12 }}>
                <Typography.Text strong>{complaint.data.borrowerName}</Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }} data-testid="complaint-text">
                  {complaint.data.text}
                </Typography.Paragraph>
              </div>
            )}
            {(complaintId || caseId) && (
              <div style={{ marginBottom: 12 }}>
                <UploadZone
                  target={{ complaintId: caseId ? null : (complaintId ?? null), caseId: caseId ?? null }}
                  disabled={readOnly}
                  onUploaded={(e) => onSearchChange({ id: e.id, compare: undefined })}
                />
              </div>
            )}
            {list.isPending ? (
              <LoadingState />
            ) : list.isError ? (
              <ApiErrorAlert compact error={list.error} onRetry={() => void list.refetch()} />
            ) : items.length === 0 ? (
              <EmptyState description={t('evidence.list.empty')} />
            ) : (
              <List
                size="small"
                data-testid="evidence-list"
                dataSource={items}
                style={{ maxHeight: 640, overflowY: 'auto' }}
                renderItem={(e) => (
                  <List.Item
                    data-testid="evidence-item"
                    data-evidence-id={e.id}
                    data-kind={e.kind}
                    style={{ background: e.id === search.id ? '#e6f4ff' : undefined, padding: 0 }}
                  >
                    {/* The list stays a list; its entry opens like a button, from the keyboard too. */}
                    <div
                      role="button"
                      tabIndex={0}
                      aria-current={e.id === search.id ? 'true' : undefined}
                      onClick={() => onSearchChange({ id: e.id, compare: undefined })}
                      onKeyDown={(ev) => {
                        if (ev.key !== 'Enter' && ev.key !== ' ') return;
                        ev.preventDefault();
                        onSearchChange({ id: e.id, compare: undefined });
                      }}
                      style={{ cursor: 'pointer', width: '100%', padding: '8px 8px' }}
                    >
                      <Space direction="vertical" size={0} style={{ width: '100%' }}>
                        <Space size={6}>
                          <KindIcon kind={e.kind} />
                          <Typography.Text strong ellipsis style={{ maxWidth: 220 }}>
                            {e.title}
                          </Typography.Text>
                        </Space>
                        <Space size={4} wrap>
                          <VerdictTag status={e.verdict.status} />
                          {e.annotations.length > 0 && <Tag>{t('evidence.list.annotations', { count: e.annotations.length })}</Tag>}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                            {e.fileName}
                          </Typography.Text>
                        </Space>
                      </Space>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={18} xxl={19}>
          {search.id && search.compare ? (
            <>
              <Space style={{ marginBottom: 8 }} wrap>
                <Typography.Text>{t('evidence.compare.with')}</Typography.Text>
                <Select
                  style={{ width: 320 }}
                  value={search.compare}
                  data-testid="compare-select"
                  options={[
                    ...items.filter((i) => i.kind === 'image' && i.id !== search.id).map((i) => ({ value: i.id, label: i.title })),
                    // A comparison opened from a reuse match is usually another complaint's document.
                    ...(items.some((i) => i.id === search.compare) ? [] : [{ value: search.compare, label: search.compare }]),
                  ]}
                  onChange={(v) => onSearchChange({ compare: v })}
                />
                <Button onClick={() => onSearchChange({ compare: undefined })} data-testid="compare-close">
                  {t('evidence.compare.close')}
                </Button>
              </Space>
              <CompareView leftId={search.id} rightId={search.compare} />
            </>
          ) : search.id ? (
            <EvidenceViewer key={search.id} id={search.id} compareCandidates={items} onCompare={(other) => onSearchChange({ compare: other })} />
          ) : (
            <Card>
              <EmptyState description={t('evidence.pick')} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
