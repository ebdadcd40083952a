import { useQuery } from '@tanstack/react-query';
import { Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerQueries } from '@/api/resources/customers';
import type { Customer } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { LoadingState } from '@/components/LoadingState';
import { MaskedValue } from '@/components/MaskedValue';
import { formatDateTime, formatMoney } from '@/lib/format';

export function BorrowerSection({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const customer = useQuery(customerQueries.detail(customerId));

  if (customer.isPending) return <LoadingState minHeight={80} />;
  if (customer.isError) return <ApiErrorAlert compact error={customer.error} onRetry={() => void customer.refetch()} />;
  const c = customer.data;
  const lang = i18n.resolvedLanguage ?? 'zh-CN';

  return (
    <div data-testid="borrower">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('queue.drawer.name')}>{c.name}</Descriptions.Item>
        <Descriptions.Item label={t('queue.drawer.city')}>{c.city}</Descriptions.Item>
        <Descriptions.Item label={t('queue.drawer.phone')}>
          <MaskedValue value={c.phone} recordType="customer" recordId={c.id} field="phone" />
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.drawer.idNumber')}>
          <MaskedValue value={c.idNumber} recordType="customer" recordId={c.id} field="idNumber" />
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.drawer.bankAccount')} span={2}>
          <MaskedValue value={c.bankAccount} recordType="customer" recordId={c.id} field="bankAccount" />
        </Descriptions.Item>
      </Descriptions>
      <Table<Customer['loans'][number]>
        style={{ marginTop: 8 }}
        size="small"
        rowKey="loanId"
        pagination={false}
        dataSource={c.loans}
        columns={[
          { title: t('queue.drawer.loan.product'), dataIndex: 'product' },
          { title: t('queue.drawer.loan.principal'), dataIndex: 'principal', align: 'right', render: (v: number) => formatMoney(v, lang) },
          { title: t('queue.drawer.loan.outstanding'), dataIndex: 'outstanding', align: 'right', render: (v: number) => formatMoney(v, lang) },
          { title: t('queue.drawer.loan.overdueDays'), dataIndex: 'overdueDays', align: 'right' },
          { title: t('queue.drawer.loan.disbursedAt'), dataIndex: 'disbursedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </div>
  );
}
