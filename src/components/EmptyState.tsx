import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function EmptyState({ description, action }: { description?: ReactNode; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div data-testid="empty" style={{ padding: '32px 0' }}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')}>
        {action}
      </Empty>
    </div>
  );
}
