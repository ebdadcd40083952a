import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function LoadingState({ label, minHeight = 200 }: { label?: string; minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Flex data-testid="loading" align="center" justify="center" style={{ minHeight }} vertical gap={12}>
      <Spin />
      <span style={{ color: '#545b66' }}>{label ?? t('common.loading')}</span>
    </Flex>
  );
}
