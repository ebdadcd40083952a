import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoopFigure, LoopFigureKey, LoopReport } from '@/api/schemas';
import { hrefOf } from '../api/dashboard-search';
import styles from './LoopStages.module.css';

/** Which way a figure improves; the others are volumes, shown without judgement. */
const BETTER: Partial<Record<LoopFigureKey, 'up' | 'down'>> = {
  answeredOnTime: 'up',
  legitimateOnTime: 'up',
  answeredLate: 'down',
  legitimateLate: 'down',
  openOverdue: 'down',
  medianHandlingDays: 'down',
  referralsAccepted: 'up',
  filedCriminal: 'up',
  filedAdministrative: 'up',
};

const format = (key: LoopFigureKey, n: number) => (key === 'medianHandlingDays' ? n.toFixed(1) : n.toLocaleString('zh-CN'));

/** The change on the period before; `compact` leaves out the previous value where a column shows it. */
export function Change({ figure, compact = false }: { figure: LoopFigure; compact?: boolean }) {
  const { t } = useTranslation();
  const { key, value, previous } = figure;
  if (value === null) return null;
  if (previous === null) return <span className={styles.change}>{t('loop.previousNone')}</span>;
  const diff = Math.round((value - previous) * 10) / 10;
  const better = BETTER[key];
  const tone = diff === 0 || !better ? styles.neutral : (diff > 0) === (better === 'up') ? styles.better : styles.worse;
  return (
    <span className={`${styles.change} ${tone}`} data-testid={`change-${key}`}>
      {diff === 0 ? t('loop.same') : t('loop.change', { sign: diff > 0 ? '+' : '−', value: format(key, Math.abs(diff)) })}
      {!compact && <span className={styles.previous}>{t('loop.previous', { value: format(key, previous) })}</span>}
    </span>
  );
}

function FigureTile({ figure }: { figure: LoopFigure }) {
  const { t } = useTranslation();
  const label = t(`loopFigure.${figure.key}`);
  const sub = figure.key === 'legitimateOnTime' || figure.key === 'legitimateLate';
  return (
    <div className={`${styles.tile} ${sub ? styles.sub : ''}`} data-testid={`loop-${figure.key}`}>
      <div className={styles.label}>{label}</div>
      {figure.value === null ? (
        <Tooltip title={t('loop.notMeasuredHint')}>
          <div className={`${styles.value} ${styles.unmeasured}`} data-testid={`value-${figure.key}`}>
            {t('loop.notMeasured')}
          </div>
        </Tooltip>
      ) : (
        <div className={styles.value} data-testid={`value-${figure.key}`} data-value={figure.value}>
          {figure.link ? (
            <a href={hrefOf(figure.link)} aria-label={`${label} ${format(figure.key, figure.value)}，${t('loop.open')}`}>
              {format(figure.key, figure.value)}
            </a>
          ) : (
            format(figure.key, figure.value)
          )}
        </div>
      )}
      <Change figure={figure} />
    </div>
  );
}

/** One row per stage of the loop, each figure with its change on the period before and a link to its records. */
export function LoopStages({ report }: { report: LoopReport }) {
  const { t } = useTranslation();
  return (
    <ol className={styles.stages} data-testid="loop-stages">
      {report.stages.map((s, i) => (
        <li key={s.stage} className={styles.stage} data-testid={`stage-${s.stage}`}>
          <div className={styles.stageName}>
            <span className={styles.step} aria-hidden>
              {i + 1}
            </span>
            <Typography.Text strong>{t(`loopStage.${s.stage}`)}</Typography.Text>
            {s.stage === 'share' && (
              <Typography.Text type="secondary" className={styles.stageHint}>
                {t(`loop.stageHint.${s.stage}`)}
              </Typography.Text>
            )}
          </div>
          <div className={styles.figures}>
            {s.figures.map((f) => (
              <FigureTile key={f.key} figure={f} />
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}
