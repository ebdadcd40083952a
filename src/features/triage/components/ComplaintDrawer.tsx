import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '@/api/resources/session';
import { ReadOnlyNotice } from '@/components/ReadOnlyNotice';
import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Drawer, Space, Tag, Typography } from 'antd';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintQueries } from '@/api/resources/complaints';
import type { Complaint } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { DeadlineCountdown } from '@/components/DeadlineCountdown';
import { GradeBadge } from '@/components/GradeBadge';
import { LoadingState } from '@/components/LoadingState';
import { MaskedValue } from '@/components/MaskedValue';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import { BorrowerSection } from './BorrowerSection';
import { AssignToMeButton, DecisionBar, NoteForm, ReassignControl } from './ComplaintActions';
import { AttachmentsSection, evidenceHref, HistorySection, RelatedSection, SiblingsSection } from './DetailSections';
import styles from './ComplaintDrawer.module.css';
import { DemandTags, LabelTag, MoodTag, StatusTag } from './ComplaintTags';
import { SignalList } from './SignalList';

type Actions = {
  /** Opens another complaint in the drawer (a sibling, a related one). */
  onOpen: (id: string) => void;
  onFilterFamily: (familyId: string) => void;
  /** Called as a decision starts; the function it returns runs once it is recorded (the queue opens the next item). */
  beginDecision: () => () => void;
  onEscalate: (complaint: Complaint) => void;
};
type Props = Actions & { complaintId: string | undefined; onClose: () => void };

/** Opened from the URL (`?complaint=<id>`), so a link to one complaint opens straight on it. */
export const ComplaintDrawer = memo(function ComplaintDrawer({ complaintId, onClose, ...actions }: Props) {
  const { t } = useTranslation();
  const session = useQuery(sessionQuery());
  return (
    <Drawer
      open={!!complaintId}
      onClose={onClose}
      size={820}
      mask={false}
      // Not modal: focus moves in when it opens (and back to the list when it closes) but Tab may leave it.
      focusable={{ trap: false }}
      title={complaintId ? t('queue.drawer.title', { id: complaintId }) : undefined}
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('triage.keys.hint')}</Typography.Text>}
      destroyOnHidden
    >
      <div data-testid="complaint-drawer" data-id={complaintId}>
        <ReadOnlyNotice role={session.data?.user.role} />
        {complaintId && <ComplaintDetail id={complaintId} {...actions} />}
      </div>
    </Drawer>
  );
});

function ComplaintDetail({ id, ...actions }: Actions & { id: string }) {
  const complaint = useQuery(complaintQueries.detail(id));
  if (complaint.isPending) return <LoadingState />;
  if (complaint.isError) return <ApiErrorAlert error={complaint.error} onRetry={() => void complaint.refetch()} />;
  return <ComplaintBody complaint={complaint.data} {...actions} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: '16px 0 8px' }}>
        {title}
      </Divider>
      {children}
    </>
  );
}

function ComplaintBody({ complaint: c, onOpen, onFilterFamily, beginDecision, onEscalate }: Actions & { complaint: Complaint }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className={styles.summary}>
        <Space size={8} wrap>
          <Typography.Text type="secondary">{t('queue.col.risk')}</Typography.Text>
          <Typography.Text strong style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }} data-testid="risk-score">
            {Math.round(c.riskScore)}
          </Typography.Text>
          <GradeBadge grade={c.grade} />
          <StatusTag status={c.status} t={t} />
          <LabelTag label={c.label} t={t} />
          <MoodTag mood={c.mood} t={t} />
          <DeadlineCountdown dueAt={c.dueAt} status={c.status} />
        </Space>
        <Space size={8}>
          <Button size="small" icon={<ApartmentOutlined />} href={`/graph?complaint=${encodeURIComponent(c.id)}`} data-testid="complaint-graph-link">
            {t('triage.drawer.openGraph')}
          </Button>
          <AssignToMeButton complaint={c} />
          <ReassignControl complaint={c} />
        </Space>
      </div>

      <Section title={t('triage.actions.title')}>
        <DecisionBar complaint={c} beginDecision={beginDecision} onEscalate={() => onEscalate(c)} />
      </Section>

      <Section title={t('queue.drawer.overview')}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('queue.col.channel')}>{t(`channel.${c.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('queue.drawer.regulatorRef')}>{c.regulatorRef ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('queue.col.received')}>{formatDateTime(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('queue.drawer.dueAt')}>
            {t('queue.drawer.dueValue', { at: formatDateTime(c.dueAt), kind: t(`deadlineKind.${c.deadlineKind}`) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('queue.col.assignee')}>
            <span data-testid="drawer-assignee">
              <UserName id={c.assigneeId} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('queue.drawer.case')}>
            {c.caseId ? (
              <a href={`/cases/${encodeURIComponent(c.caseId)}`} data-testid="drawer-case-link" aria-label={t('triage.drawer.openCase', { id: c.caseId })}>
                {c.caseId}
              </a>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('queue.drawer.templateFamily')} span={2}>
            {c.templateFamilyId ? t('queue.drawer.familyValue', { id: c.templateFamilyId, count: c.templateFamilySize }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('queue.col.demands')} span={2}>
            <DemandTags demands={c.demands} t={t} />
          </Descriptions.Item>
        </Descriptions>
      </Section>

      <Section title={t('queue.drawer.text')}>
        <Typography.Paragraph data-testid="complaint-text" className={styles.text}>
          {c.text}
        </Typography.Paragraph>
      </Section>

      <Section title={t('queue.drawer.signals')}>
        <SignalList signals={c.signals} />
      </Section>

      <Section title={t('triage.drawer.siblings')}>
        <SiblingsSection complaint={c} onOpen={onOpen} onFilterFamily={onFilterFamily} />
      </Section>

      <Section title={t('triage.drawer.related')}>
        <RelatedSection complaintId={c.id} onOpen={onOpen} />
      </Section>

      <Section title={t('triage.drawer.attachments')}>
        <AttachmentsSection complaint={c} />
      </Section>

      <Section title={t('queue.drawer.notes', { count: c.notes.length })}>
        <NoteForm complaint={c} />
        {c.notes.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('queue.drawer.noNotes')}
          </Typography.Paragraph>
        ) : (
          <ul className={styles.list} data-testid="notes">
            {/* Newest first: the latest handling step is what the next person needs. */}
            {[...c.notes].reverse().map((n) => (
              <li key={n.id} className={styles.item} data-testid="note">
                <Space size={8}>
                  <Typography.Text strong>
                    <UserName id={n.authorId} />
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(n.at)}</Typography.Text>
                </Space>
                <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('queue.drawer.complainant')}>
        <Descriptions size="small" column={2} bordered data-testid="complainant">
          <Descriptions.Item label={t('queue.drawer.name')}>
            {c.complainant.name}{' '}
            <Tag color={c.complainant.kind === 'agent' ? 'red' : undefined}>{t(`complainantKind.${c.complainant.kind}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('queue.drawer.agentFirm')}>{c.complainant.agentFirm ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('queue.drawer.phone')}>
            <MaskedValue value={c.complainant.phone} recordType="complaint" recordId={c.id} field="complainantPhone" />
          </Descriptions.Item>
          <Descriptions.Item label={t('queue.drawer.idNumber')}>
            <MaskedValue value={c.complainant.idNumber} recordType="complaint" recordId={c.id} field="complainantIdNumber" />
          </Descriptions.Item>
          <Descriptions.Item label={t('queue.drawer.powerOfAttorney')} span={2}>
            {c.complainant.powerOfAttorneyEvidenceId ? (
              <a href={evidenceHref(c.complainant.powerOfAttorneyEvidenceId, c.id)}>{c.complainant.powerOfAttorneyEvidenceId}</a>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Section>

      <Section title={t('queue.drawer.borrower')}>
        <BorrowerSection customerId={c.customerId} />
      </Section>

      <Section title={t('triage.drawer.history')}>
        <HistorySection complaintId={c.id} />
      </Section>
    </div>
  );
}
