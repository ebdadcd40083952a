import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import styles from './BarList.module.css';

export type Bar = { key: string; label: ReactNode; value: number; color?: string };

/** A plain horizontal bar list: enough to compare a handful of counts without a chart library. */
export function BarList({ items, testId }: { items: Bar[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(0, ...items.map((i) => i.value));
  const total = items.reduce((sum, i) => sum + i.value, 0);
  if (total === 0) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  return (
    <ul className={styles.list} data-testid={testId}>
      {items.map((item) => (
        <li key={item.key} className={styles.row} data-key={item.key}>
          <span className={styles.label}>{item.label}</span>
          <span className={styles.track} aria-hidden>
            <span className={styles.bar} style={{ width: `${max ? (item.value / max) * 100 : 0}%`, minWidth: item.value ? 2 : 0, background: item.color }} />
          </span>
          <span className={styles.value}>
            {formatNumber(item.value, i18n.resolvedLanguage ?? 'zh-CN')}
            <span className={styles.share}>{Math.round((item.value / total) * 100)}%</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
