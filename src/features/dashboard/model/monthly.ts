import type { LoopFigure, LoopReport } from '@/api/schemas';
import type { ReportBlock } from '@/lib/pdf-report';

type T = (key: string, vars?: Record<string, string | number>) => string;

const shown = (f: LoopFigure, v: number | null) => (v === null ? null : f.key === 'medianHandlingDays' ? v.toFixed(1) : String(v));

/** The 月报 as blocks for the PDF writer: the same figures, in the same order, as the page. */
export function monthlyBlocks(r: LoopReport, month: string, t: T, generatedOn: string): ReportBlock[] {
  const scope = t('loop.monthly.scope', {
    team: r.team ?? t('loop.allTeams'),
    channel: r.channel.length ? r.channel.map((c) => t(`channel.${c}`)).join('、') : t('loop.allChannels'),
  });
  const blocks: ReportBlock[] = [
    { kind: 'title', text: t('loop.monthly.heading', { month }) },
    { kind: 'para', text: `${t('loop.range', { from: r.from, to: r.to })} · ${scope}` },
  ];
  for (const s of r.stages) {
    blocks.push({ kind: 'heading', text: t(`loopStage.${s.stage}`) });
    for (const f of s.figures) {
      const value = shown(f, f.value) ?? t('loop.notMeasured');
      const before = shown(f, f.previous);
      blocks.push({ kind: 'para', text: `${t(`loopFigure.${f.key}`)}：${value}${before === null ? '' : `（${t('loop.monthly.colPrevious')} ${before}）`}` });
    }
  }
  blocks.push({ kind: 'heading', text: t('loop.monthly.weeks') });
  for (const w of r.weeks) blocks.push({ kind: 'para', text: `${t('loop.trend.weekOf', { day: w.week })}：${w.received}` });
  blocks.push({ kind: 'signature', text: t('loop.monthly.generated', { at: generatedOn }) });
  return blocks;
}
