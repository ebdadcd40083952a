import { spreadHrefOf } from '@/components/spread/spread-model';
import { FileOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditQueries } from '@/api/resources/audit';
import { complaintQueries } from '@/api/resources/complaints';
import { evidenceQueries } from '@/api/resources/evidence';
import type { Complaint, ComplaintBrief, DiffSegment } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { GradeBadge } from '@/components/GradeBadge';
import { LoadingState } from '@/components/LoadingState';
import { UserName } from '@/components/UserName';
import { formatDateTime, formatShortDateTime } from '@/lib/format';
import styles from './ComplaintDrawer.module.css';
import { useAuditSentence } from '@/components/useAuditSentence';

type Open = (id: string) => void;

/** The evidence viewer's address for one file of this complaint (the viewer lives at /evidence). */
export const evidenceHref = (evidenceId: string, complaintId: string) =>
  `/evidence?${new URLSearchParams({ complaintId, id: evidenceId }).toString()}`;

function BriefLink({ c, onOpen }: { c: ComplaintBrief; onOpen: Open }) {
  const { t } = useTranslation();
  return (
    <Button size="small" type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(c.id)} data-testid="related-item" data-id={c.id}>
      <Space size={4}>
        <span>{c.id}</span>
        <span>{c.borrowerName}</span>
        <Typography.Text type="secondary">
          {formatShortDateTime(c.receivedAt)} · {t(`channel.${c.channel}`)}
        </Typography.Text>
        <GradeBadge grade={c.grade} />
      </Space>
    </Button>
  );
}

function DiffText({ diff }: { diff: DiffSegment[] }) {
  return (
    <div className={styles.diff} data-testid="sibling-diff">
      {diff.map((s, i) =>
        s.op === 'equal' ? (
          <span key={i}>{s.text}</span>
        ) : s.op === 'insert' ? (
          <mark key={i} className={styles.ins} data-testid="diff-ins">
            {s.text}
          </mark>
        ) : (
          <del key={i} className={styles.del} data-testid="diff-del">
            {s.text}
          </del>
        ),
      )}
    </div>
  );
}

export function SiblingsSection({ complaint, onOpen, onFilterFamily }: { complaint: Complaint; onOpen: Open; onFilterFamily: (familyId: string) => void }) {
  const { t } = useTranslation();
  const siblings = useQuery({ ...complaintQueries.siblings(complaint.id), enabled: !!complaint.templateFamilyId });
  if (!complaint.templateFamilyId) return <Typography.Text type="secondary">{t('triage.drawer.noSiblings')}</Typography.Text>;
  if (siblings.isPending) return <LoadingState minHeight={60} />;
  if (siblings.isError) return <ApiErrorAlert compact error={siblings.error} onRetry={() => void siblings.refetch()} />;
  const familyId = complaint.templateFamilyId;
  return (
    <div data-testid="siblings">
      <Space style={{ marginBottom: 8 }} wrap>
        <Tag color="purple">{t('queue.drawer.familyValue', { id: familyId, count: complaint.templateFamilySize })}</Tag>
        <Button size="small" onClick={() => onFilterFamily(familyId)} data-testid="filter-by-family">
          {t('triage.drawer.filterFamily')}
        </Button>
        <Button size="small" href={spreadHrefOf('family', familyId)} title={t('spread.openHint')} data-testid="family-spread">
          {t('spread.open')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('triage.drawer.diffLegend')}
        </Typography.Text>
      </Space>
      <ul className={styles.list}>
        {siblings.data.siblings.map((s) => (
          <li key={s.complaint.id} className={styles.item} data-testid="sibling" data-id={s.complaint.id}>
            <div className={styles.itemHead}>
              <BriefLink c={s.complaint} onOpen={onOpen} />
              <Tag>{t('triage.drawer.similarity', { pct: Math.round(s.similarity * 100) })}</Tag>
            </div>
            <DiffText diff={s.diff} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RelatedSection({ complaintId, onOpen }: { complaintId: string; onOpen: Open }) {
  const { t } = useTranslation();
  const related = useQuery(complaintQueries.related(complaintId));
  if (related.isPending) return <LoadingState minHeight={60} />;
  if (related.isError) return <ApiErrorAlert compact error={related.error} onRetry={() => void related.refetch()} />;
  if (related.data.groups.length === 0) return <Typography.Text type="secondary">{t('triage.drawer.noRelated')}</Typography.Text>;
  return (
    <div data-testid="related">
      {related.data.groups.map((g) => (
        <div key={g.kind} className={styles.item} data-testid="related-group" data-kind={g.kind}>
          <div className={styles.itemHead}>
            <Space size={6} wrap>
              <Typography.Text strong>{t(`triage.drawer.relation.${g.kind}`)}</Typography.Text>
              {g.via.slice(0, 3).map((v) => (
                <Tag key={v}>{v}</Tag>
              ))}
            </Space>
            <Typography.Text type="secondary">{t('triage.drawer.relatedMore', { total: g.total, shown: g.items.length })}</Typography.Text>
          </div>
          <Space orientation="vertical" size={0}>
            {g.items.slice(0, 8).map((c) => (
              <BriefLink key={c.id} c={c} onOpen={onOpen} />
            ))}
          </Space>
        </div>
      ))}
    </div>
  );
}

export function AttachmentsSection({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const evidence = useQuery({ ...evidenceQueries.list({ complaintId: complaint.id }), enabled: complaint.evidenceIds.length > 0 });
  if (complaint.evidenceIds.length === 0) return <Typography.Text type="secondary">{t('triage.drawer.noAttachments')}</Typography.Text>;
  if (evidence.isPending) return <LoadingState minHeight={60} />;
  if (evidence.isError) return <ApiErrorAlert compact error={evidence.error} onRetry={() => void evidence.refetch()} />;
  return (
    <ul className={styles.list} data-testid="attachments">
      {evidence.data.map((e) => (
        <li key={e.id} className={styles.item}>
          <div className={styles.itemHead}>
            <Space size={6}>
              <FileOutlined />
              <a href={evidenceHref(e.id, complaint.id)} data-testid="attachment-link" title={t('triage.drawer.openEvidence')}>
                {e.title}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.fileName}
              </Typography.Text>
            </Space>
            <Tag color={e.verdict.status === 'forged' ? 'red' : e.verdict.status === 'suspected_forged' ? 'orange' : e.verdict.status === 'authentic' ? 'green' : undefined}>
              {t(`triage.verdict.${e.verdict.status}`)}
            </Tag>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function HistorySection({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const sentence = useAuditSentence();
  const history = useQuery(auditQueries.list({ recordType: 'complaint', recordId: complaintId, pageSize: 200 }));
  if (history.isPending) return <LoadingState minHeight={60} />;
  if (history.isError) return <ApiErrorAlert compact error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="history">
        {t('triage.drawer.noHistory')}
      </Typography.Text>
    );
  return (
    <div data-testid="history">
      <Timeline
        items={history.data.items.map((e) => ({
          key: e.id,
          content: (
            <div data-testid="history-event" data-action={e.action}>
              <Space size={6} wrap>
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                <Typography.Text strong>
                  <UserName id={e.actorId} />
                </Typography.Text>
                <Tag>{t(`auditAction.${e.action}`, e.action)}</Tag>
                <span data-testid="history-sentence">{sentence(e)}</span>
              </Space>
              {e.reason && <div style={{ color: 'rgba(0,0,0,0.55)' }}>“{e.reason}”</div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}
