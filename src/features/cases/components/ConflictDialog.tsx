import { Button, Card, Col, Descriptions, Modal, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case, CasePatch } from '@/api/schemas';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import type { CaseConflict } from '../api/use-update-case';

type Props = {
  conflict: CaseConflict | null;
  reapplying: boolean;
  onReapply: (patch: CasePatch, current: Case) => void;
  onDiscard: (current: Case) => void;
};

/** What I tried, beside the case as someone else left it; I choose, nothing is dropped behind my back. */
export function ConflictDialog({ conflict, reapplying, onReapply, onDiscard }: Props) {
  const { t } = useTranslation();
  if (!conflict) return null;
  const { patch, current } = conflict;
  const mine: { label: string; value: React.ReactNode }[] = [];
  if (patch.title !== undefined) mine.push({ label: t('cases.col.title'), value: patch.title });
  if (patch.status !== undefined) mine.push({ label: t('cases.col.status'), value: t(`caseStatus.${patch.status}`) });
  if (patch.statusReason) mine.push({ label: t('cases.workflow.reason'), value: patch.statusReason });
  if (patch.policeReceiptNo !== undefined) mine.push({ label: t('cases.workflow.receipt'), value: patch.policeReceiptNo });
  if (patch.priority !== undefined) mine.push({ label: t('cases.col.priority'), value: t(`cases.priority.${patch.priority}`) });
  if (patch.assigneeId !== undefined) mine.push({ label: t('cases.col.assignee'), value: <UserName id={patch.assigneeId} /> });
  if (patch.note) mine.push({ label: t('cases.notes.title'), value: patch.note });
  if (patch.addComplaintIds?.length) mine.push({ label: t('cases.complaints.add'), value: patch.addComplaintIds.join(', ') });
  if (patch.removeComplaintIds?.length) mine.push({ label: t('cases.complaints.remove'), value: patch.removeComplaintIds.join(', ') });
  const lastNote = current.notes.at(-1);

  return (
    <Modal
      open
      width={820}
      closable={false}
      maskClosable={false}
      title={t('cases.conflict.title')}
      footer={
        <Space>
          <Button data-testid="conflict-discard" onClick={() => onDiscard(current)}>
            {t('cases.conflict.discard')}
          </Button>
          <Button data-testid="conflict-reapply" type="primary" loading={reapplying} onClick={() => onReapply(patch, current)}>
            {t('cases.conflict.reapply')}
          </Button>
        </Space>
      }
    >
      <div data-testid="conflict-dialog">
        <Typography.Paragraph>{t('cases.conflict.body')}</Typography.Paragraph>
        <Row gutter={12}>
          <Col span={12}>
            <Card size="small" title={t('cases.conflict.mine')} data-testid="conflict-mine">
              <Descriptions size="small" column={1} items={mine.map((m, i) => ({ key: i, label: m.label, children: m.value }))} />
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small" title={t('cases.conflict.current', { version: current.version })} data-testid="conflict-current">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 't', label: t('cases.col.title'), children: current.title },
                  { key: 's', label: t('cases.col.status'), children: t(`caseStatus.${current.status}`) },
                  { key: 'p', label: t('cases.col.priority'), children: t(`cases.priority.${current.priority}`) },
                  { key: 'a', label: t('cases.col.assignee'), children: <UserName id={current.assigneeId} /> },
                  { key: 'c', label: t('cases.col.complaints'), children: current.complaintIds.length },
                  {
                    key: 'n',
                    label: t('cases.conflict.lastNote'),
                    children: lastNote ? (
                      <span>
                        <UserName id={lastNote.authorId} />：{lastNote.text}
                      </span>
                    ) : (
                      '—'
                    ),
                  },
                  { key: 'u', label: t('cases.conflict.updatedAt'), children: formatDateTime(current.updatedAt) },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </div>
    </Modal>
  );
}
