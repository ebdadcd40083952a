import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function LoadingState({ label, minHeight = 200 }: { label?: string; minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Flex data-testid="loading" align="center" justify="center" style={{ minHeight }} vertical gap={12}>
      <Spin />
      <span style={{ color: 'rgba(0,0,0,0.45)' }}>{label ?? t('common.loading')}</span>
    </Flex>
  );
}
