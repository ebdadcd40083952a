import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { referralQueries } from '@/api/resources/referrals';
import type { Referral } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { formatDateTime } from '@/lib/format';
import { toReferralQuery, type ReferralsSearch } from '../api/referrals-search';
import { StatusTag } from './StatusTag';

type Props = { search: ReferralsSearch; onClearFilter: () => void; onOpen: (id: string) => void };

/** 报案材料 list: every referral (or those a dashboard figure counts), most recently changed first. */
export function ReferralsPage({ search, onClearFilter, onOpen }: Props) {
  const { t } = useTranslation();
  const list = useQuery(referralQueries.list(toReferralQuery(search)));
  let body;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError) body = <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.length === 0) body = <EmptyState description={t('referrals.list.empty')} />;
  else
    body = (
      <Table<Referral>
        data-testid="referral-list"
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={list.data}
        onRow={(r) => ({ onDoubleClick: () => onOpen(r.id) })}
        columns={[
          { title: 'ID', dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: t('referrals.list.case'), dataIndex: 'caseId' },
          { title: t('referrals.list.addressee'), dataIndex: 'addressee', render: (v: string) => v || '—' },
          { title: t('referrals.list.status'), dataIndex: 'status', render: (s: Referral['status']) => <StatusTag status={s} /> },
          { title: t('referrals.list.evidence'), render: (_, r) => <Tag>{r.evidence.length}</Tag> },
          { title: t('referrals.list.updated'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" type="link" data-testid={`open-referral-${r.id}`} onClick={() => onOpen(r.id)}>
                {t('referrals.list.open')}
              </Button>
            ),
          },
        ]}
      />
    );
  return (
    <Card title={t('referrals.title')} extra={<Typography.Text type="secondary">{t('referrals.subtitle')}</Typography.Text>}>
      {search.event && (
        <Tag closable color="blue" data-testid="referrals-filter" onClose={onClearFilter} style={{ marginBottom: 12, paddingBlock: 4 }}>
          {t(`referrals.list.event.${search.event}`)} · {t('referrals.list.between', { from: search.from ?? '…', to: search.to ?? '…' })}
          {search.team ? ` · ${search.team}` : ''}
          {list.data ? ` · ${t('referrals.list.count', { count: list.data.length })}` : ''}
        </Tag>
      )}
      {body}
    </Card>
  );
}
