import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { channelSchema, type Channel } from '@/api/schemas';
import { useLatestCallback } from '@/lib/use-latest-callback';

// Only what the screens draw (the dashboard's trends, the spread of a wave): the whole library is several times the size.
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
/** Ink, seal and muted tones that sit with antd's tokens, shared so a channel looks the same on every chart. */
export const CHART_PALETTE = ['#a8272d', '#1d39c4', '#d48806', '#08979c', '#531dab', '#389e0d', '#c41d7f', '#4e5969', '#7cb305', '#0958d9'];
/** A channel's colour, by its place in the contract's list rather than in one chart's legend. */
export const channelColour = (channel: Channel) => CHART_PALETTE[channelSchema.options.indexOf(channel) % CHART_PALETTE.length];
export type ChartClick = { seriesIndex?: number; dataIndex: number };

/** An ECharts canvas that follows its option and its box; a click reports the bar or point. */
export function EChart({ option, onClick, height = 280, label, testId }: { option: ChartOption; onClick?: (e: ChartClick) => void; height?: number; label: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useLatestCallback((e: ChartClick) => onClick?.(e));

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => click({ seriesIndex: e.seriesIndex, dataIndex: e.dataIndex }));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [click]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
