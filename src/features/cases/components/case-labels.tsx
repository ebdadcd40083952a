import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case, CaseStatus } from '@/api/schemas';

export const STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'default',
  investigating: 'processing',
  pending_review: 'gold',
  reported: 'purple',
  accepted: 'cyan',
  filed: 'green',
  rejected: 'red',
  closed: 'default',
};
const PRIORITY_COLORS: Record<Case['priority'], string> = { high: 'red', medium: 'orange', low: 'default' };

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="case-status" data-status={status}>
      {t(`caseStatus.${status}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: Case['priority'] }) {
  const { t } = useTranslation();
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`cases.priority.${priority}`)}</Tag>;
}
