import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '@/api/schemas';
import zh from '@/locales/zh-CN.json';
import en from '@/locales/en.json';
import zhAlerts from '../locales/zh-CN.json';
import enAlerts from '../locales/en.json';
import { explainAlert } from './explain';

const t = (lng: string) => i18next.getFixedT(lng) as unknown as (k: string, o?: Record<string, string | number>) => string;

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...zh, ...zhAlerts } }, en: { translation: { ...en, ...enAlerts } } }, interpolation: { escapeValue: false } });
});

const alert = (rule: Alert['rule'], figures: Alert['figures'], subject: Alert['subject']) => ({ rule, figures, subject });

describe('an alert explains itself in figures', () => {
  it('family growth names the family, the count against the threshold and the window', () => {
    const s = explainAlert(alert('familyGrowth', { count: 7, threshold: 5, hours: 24, total: 31 }, { type: 'family', id: 'tf-0003', label: 'tf-0003' }), t('zh-CN'));
    expect(s).toBe('模板家族 tf-0003 在 24 小时内新增 7 件投诉（阈值 5），家族共 31 件。');
  });

  it('reads codes out in the reader’s language: channels, entity kinds, days from hours', () => {
    const multi = explainAlert(alert('multiChannel', { count: 2, threshold: 2, hours: 168, channels: '12378,heimao', complaints: 3 }, { type: 'customer', id: 'cus-1', label: '陈志伟' }), t('zh-CN'));
    expect(multi).toContain('7 天内通过 2 个渠道投诉（12378 金融监管热线、黑猫投诉/社交媒体）');
    const shared = explainAlert(alert('sharedEntity', { count: 4, threshold: 3, hours: 168, kind: 'phone' }, { type: 'entity', id: 'e-1', label: '138****0001' }), t('en'));
    expect(shared).toMatch(/^Phone 138\*\*\*\*0001 is now shared by 4 borrowers \(threshold 3\)/);
    const spike = explainAlert(alert('channelSpike', { count: 40, mean: 12.5, sd: 3.1, threshold: 3, days: 28, day: '2026-11-23' }, { type: 'channel', id: 'heimao', label: 'heimao' }), t('zh-CN'));
    expect(spike).toContain('黑猫投诉/社交媒体 渠道 2026-11-23 已收到 40 件');
  });

  it('every rule has a sentence with no placeholder left unfilled, in both languages', () => {
    const samples: ReturnType<typeof alert>[] = [
      alert('level1Wording', { signals: 2, score: 88 }, { type: 'complaint', id: 'cmp-1', label: '王芳' }),
      alert('deadlineRisk', { dueSoon: 40, uncovered: 12, free: 3, hours: 72 }, { type: 'institution', id: 'all', label: '' }),
      alert('escalationWave', { count: 30, threshold: 25, hours: 24 }, { type: 'institution', id: 'all', label: '' }),
      alert('selfHarm', { phrase: '不想活' }, { type: 'complaint', id: 'cmp-2', label: '李娜' }),
    ];
    for (const lng of ['zh-CN', 'en'])
      for (const a of samples) {
        const s = explainAlert(a, t(lng));
        expect(s, `${lng} ${a.rule}`).not.toMatch(/\{\{|alertExplain\./);
        expect(s.length).toBeGreaterThan(10);
      }
    expect(explainAlert(samples[3], t('zh-CN'))).toContain('“不想活”');
    const family = (count: number) => alert('level1Wording', { count, score: 90 }, { type: 'family', id: 'tf-2', label: 'tf-2' });
    expect(explainAlert(family(1), t('en'))).toBe('A new complaint of template family tf-2 carries 一级 wording; risk score 90.');
    expect(explainAlert(family(3), t('en'))).toBe('3 new complaints of template family tf-2 carry 一级 wording; highest risk score 90.');
  });
});
