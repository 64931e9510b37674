import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, ECharts } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

/**
 * An Apache ECharts chart, redrawn when its option changes and resized with its box. ECharts is loaded with the first
 * chart drawn (./echarts.ts), not with the console: most pages draw none.
 */
export function Chart(props: { option: ChartOption; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const option = useRef(props.option);
  option.current = props.option;
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts').then(({ echarts }) => {
      if (disposed) return;
      const element = box.current!;
      chart.current = echarts.init(element, undefined, { renderer: 'canvas' });
      chart.current.setOption(option.current, { notMerge: true });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);
  return <div ref={box} className="chart" role="img" aria-label={props.label} style={{ height: props.height ?? 320 }} />;
}
