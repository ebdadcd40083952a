import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Signal } from '@/api/schemas';
import styles from './ComplaintDrawer.module.css';

/** Every score is explained by the signals that produced it: weight, why it fired, and the evidence behind it. */
export function SignalList({ signals }: { signals: Signal[] }) {
  const { t } = useTranslation();
  const sorted = [...signals].sort((a, b) => b.weight - a.weight);
  const sum = sorted.reduce((acc, s) => acc + s.weight, 0);
  if (sorted.length === 0) return <Typography.Text type="secondary">{t('queue.drawer.noSignals')}</Typography.Text>;

  return (
    <>
    <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
      {t('triage.drawer.scoreSum', { count: sorted.length })}
    </Typography.Paragraph>
    <ul className={styles.list} data-testid="signal-list">
      {sorted.map((s) => (
        <li key={s.code} className={styles.item} data-testid="signal" data-code={s.code}>
          <div className={styles.itemHead}>
            <Typography.Text strong>{t(`signal.${s.code}`)}</Typography.Text>
            <Space size={6}>
              <Progress percent={(s.weight / sum) * 100} showInfo={false} size={[80, 6]} aria-label={t(`signal.${s.code}`)} strokeColor="#a8272d" />
              <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="signal-contribution">
                {t('triage.drawer.contribution', { weight: s.weight, pct: Math.round((s.weight / sum) * 100) })}
              </Typography.Text>
            </Space>
          </div>
          <Typography.Paragraph style={{ margin: '4px 0' }}>{s.explanation}</Typography.Paragraph>
          {s.evidenceRefs.length > 0 && (
            <Space size={4} wrap>
              <Typography.Text type="secondary">{t('queue.drawer.evidenceRefs')}</Typography.Text>
              {s.evidenceRefs.map((ref) => (
                <Tag key={`${ref.type}:${ref.id}`} data-testid="evidence-ref" title={`${t(`refType.${ref.type}`)} ${ref.id}`}>
                  {ref.label}
                </Tag>
              ))}
            </Space>
          )}
        </li>
      ))}
    </ul>
    </>
  );
}
