import { useQuery } from '@tanstack/react-query';
import { Alert, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKeys, previewCase } from '@/api/resources/cases';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { GradeBadge } from '@/components/GradeBadge';
import { LoadingState } from '@/components/LoadingState';

type Props = {
  /** Community number as shown (1-based). */
  n: number;
  /** Adding to this case; a new case when absent. */
  caseId?: string;
  complaintIds: string[];
  entityIds: string[];
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  /** The complaints the user agreed to, and whether those in another case move. */
  onConfirm: (complaintIds: string[], inOtherCase: 'leave' | 'move') => void;
};

const SHOWN = 50;

/**
 * Before a case is made from a community (or a community added to one): exactly which complaints it will hold,
 * the ones linked through members as well as the community's own, and which already belong to another case,
 * with the choice to leave them there or move them.
 */
export function CommunityCaseDialog({ n, caseId, complaintIds, entityIds, pending, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<'leave' | 'move'>('leave');
  const preview = useQuery({
    queryKey: [...caseKeys.all, 'preview', caseId ?? null, [...complaintIds].sort().join(','), [...entityIds].sort().join(',')],
    queryFn: () => previewCase({ complaintIds, entityIds, caseId }),
  });
  const all = preview.data?.complaints ?? [];
  const elsewhere = all.filter((c) => c.caseId);
  const included = all.filter((c) => choice === 'move' || !c.caseId);
  const direct = new Set(complaintIds);

  return (
    <Modal
      open
      width={720}
      title={caseId ? t('graph.community.preview.titleAdd', { n, id: caseId }) : t('graph.community.preview.titleNew', { n })}
      onCancel={onCancel}
      okText={t(caseId ? 'graph.community.preview.submitAdd' : 'graph.community.preview.submitNew', { count: included.length })}
      okButtonProps={{ disabled: !preview.isSuccess, loading: pending, 'data-testid': 'community-case-submit' } as never}
      onOk={() => onConfirm(included.map((c) => c.id), choice)}
    >
      <div data-testid="community-case-preview" data-total={all.length} data-elsewhere={elsewhere.length} data-included={included.length}>
        {preview.isPending ? (
          <LoadingState minHeight={80} />
        ) : preview.isError ? (
          <ApiErrorAlert compact error={preview.error} onRetry={() => void preview.refetch()} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {all.length === 0 ? (
              <Typography.Text type="secondary">{t('graph.community.preview.none')}</Typography.Text>
            ) : (
              <Typography.Text>
                {t('graph.community.preview.total', { count: all.length, direct: all.filter((c) => direct.has(c.id)).length, linked: all.filter((c) => !direct.has(c.id)).length })}
              </Typography.Text>
            )}
            {elsewhere.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="community-case-elsewhere"
                title={t('graph.community.preview.inOther', { count: elsewhere.length })}
                description={
                  <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as 'leave' | 'move')} data-testid="community-case-choice">
                    <Space orientation="vertical">
                      <Radio value="leave" data-testid="community-case-leave">
                        {t('graph.community.preview.leave', { count: elsewhere.length })}
                      </Radio>
                      <Radio value="move" data-testid="community-case-move">
                        {t('graph.community.preview.move')}
                      </Radio>
                    </Space>
                  </Radio.Group>
                }
              />
            )}
            {all.length > 0 && (
              <List
                size="small"
                bordered
                style={{ maxHeight: 320, overflowY: 'auto' }}
                dataSource={[...elsewhere, ...all.filter((c) => !c.caseId)].slice(0, SHOWN)}
                renderItem={(c) => (
                  <List.Item data-testid="community-case-complaint" data-id={c.id} data-case-id={c.caseId ?? ''}>
                    <Space wrap size={6}>
                      <Typography.Text code>{c.id}</Typography.Text>
                      <span>{c.borrowerName}</span>
                      <GradeBadge grade={c.grade} />
                      {c.caseId && (
                        <Tag color={choice === 'move' ? 'orange' : 'default'}>
                          {t('graph.community.preview.inCase', { title: c.caseTitle ?? c.caseId, status: c.caseStatus ? t(`caseStatus.${c.caseStatus}`) : '' })}
                        </Tag>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            )}
            {all.length > SHOWN && <Typography.Text type="secondary">{t('graph.community.preview.more', { count: all.length - SHOWN })}</Typography.Text>}
            {error ? <ApiErrorAlert error={error} /> : null}
          </Space>
        )}
      </div>
    </Modal>
  );
}
