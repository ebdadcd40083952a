import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseQueries } from '@/api/resources/cases';
import { usersQuery } from '@/api/resources/session';
import type { AuditAction } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import { useAuditSentence } from '@/components/useAuditSentence';

/** The kinds a case timeline is read by; each is a set of audit actions. */
const KINDS: Record<string, AuditAction[]> = {
  status: ['status_change', 'case_create'],
  assignment: ['assign'],
  notes: ['note'],
  evidence: ['evidence_added', 'evidence_viewed', 'annotate'],
  verdicts: ['verdict', 'label_change', 'approve'],
  pii: ['reveal_pii'],
  exports: ['export'],
  changes: ['case_update', 'referral_update'],
};

/** Built from the audit trail, so it is exactly what the auditor sees, and cannot be edited. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const sentence = useAuditSentence();
  const users = useQuery(usersQuery());
  const events = useQuery(caseQueries.timeline(caseId));
  const [kinds, setKinds] = useState<string[]>([]);
  const [person, setPerson] = useState<string | undefined>();
  const shown = useMemo(() => {
    const actions = new Set(kinds.flatMap((k) => KINDS[k] ?? []));
    return (events.data ?? []).filter((e) => (!actions.size || actions.has(e.action)) && (!person || e.actorId === person));
  }, [events.data, kinds, person]);

  if (events.isPending) return <LoadingState />;
  if (events.isError) return <ApiErrorAlert compact error={events.error} onRetry={() => void events.refetch()} />;
  return (
    <div data-testid="case-timeline">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          data-testid="timeline-kind"
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          aria-label={t('cases.timeline.kind')}
          placeholder={t('cases.timeline.kind')}
          value={kinds}
          onChange={setKinds}
          options={Object.keys(KINDS).map((k) => ({ value: k, label: t(`cases.timeline.kinds.${k}`) }))}
        />
        <Select
          data-testid="timeline-person"
          allowClear
          style={{ width: 160 }}
          aria-label={t('cases.timeline.person')}
          placeholder={t('cases.timeline.person')}
          value={person}
          onChange={setPerson}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Space>
      {shown.length === 0 ? (
        <EmptyState description={t('cases.timeline.empty')} />
      ) : (
        <List
          size="small"
          dataSource={shown}
          renderItem={(e) => (
            <List.Item data-testid="timeline-event" data-action={e.action}>
              <Space wrap size={6}>
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                <UserName id={e.actorId} />
                <Tag color={e.action === 'reveal_pii' || e.action === 'export' ? 'red' : undefined}>{t(`auditAction.${e.action}`)}</Tag>
                {e.recordType !== 'case' && (
                  <Typography.Text type="secondary">
                    {t(`recordType.${e.recordType}`)} {e.recordId}
                  </Typography.Text>
                )}
                <span data-testid="timeline-sentence">{sentence(e)}</span>
                {e.reason && <Typography.Text type="secondary">（{e.reason}）</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
