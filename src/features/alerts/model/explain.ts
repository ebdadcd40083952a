import type { Alert } from '@/api/schemas';
import type { Translate } from '@/lib/translate';

const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v ?? 0));
const daysOf = (hours: string | number | undefined) => Math.max(1, Math.round(num(hours) / 24));

/**
 * An alert's plain sentence: what happened, in the figures that made the rule fire, and against what
 * threshold. Codes (a channel, an entity type) are read out in the reader's language.
 */
export function explainAlert(alert: Pick<Alert, 'rule' | 'figures' | 'subject'>, t: Translate): string {
  const f = alert.figures;
  const label = alert.subject.label;
  switch (alert.rule) {
    case 'familyGrowth':
      return t('alertExplain.familyGrowth', { family: label, hours: num(f.hours), count: num(f.count), threshold: num(f.threshold), total: num(f.total) });
    case 'sharedEntity':
      return t('alertExplain.sharedEntity', { kind: t(`alerts.entityKind.${String(f.kind)}`), label, count: num(f.count), threshold: num(f.threshold), days: daysOf(f.hours) });
    case 'level1Wording':
      return alert.subject.type === 'family'
        ? t('alertExplain.level1WordingFamily', { family: label, count: num(f.count), score: num(f.score) })
        : t('alertExplain.level1Wording', { label, signals: num(f.signals), score: num(f.score) });
    case 'multiChannel':
      return t('alertExplain.multiChannel', {
        label,
        days: daysOf(f.hours),
        count: num(f.count),
        channels: String(f.channels ?? '')
          .split(',')
          .filter(Boolean)
          .map((c) => t(`channel.${c}`))
          .join(t('alerts.listSep')),
        complaints: num(f.complaints),
      });
    case 'channelSpike':
      return t('alertExplain.channelSpike', { channel: t(`channel.${alert.subject.id}`), day: String(f.day ?? ''), count: num(f.count), days: num(f.days), mean: num(f.mean), sd: num(f.sd), threshold: num(f.threshold) });
    case 'deadlineRisk':
      return t('alertExplain.deadlineRisk', { days: daysOf(f.hours), dueSoon: num(f.dueSoon), uncovered: num(f.uncovered), free: num(f.free) });
    case 'escalationWave':
      return t('alertExplain.escalationWave', { hours: num(f.hours), count: num(f.count), threshold: num(f.threshold) });
    case 'selfHarm':
      return t('alertExplain.selfHarm', { label, phrase: String(f.phrase ?? '') });
  }
}
