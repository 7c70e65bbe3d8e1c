/**
 * The comparison view's two charts on one time axis: each run laid out as
 * the chart pane would (the scenario's view settings), with the other run's
 * moments added to its time scale (layout.ts `alsoTimes`) and the later end
 * time, so a time has the same height in both, compressed idle gaps
 * included; then written as SVG (chart/svg.ts) with the same title, and the
 * offset of time zero from the top, so the view can line the two up even
 * when one title band wraps.
 */
import { computeAnnotations } from '../../src-core/chart/annotations';
import type { ChartTheme } from '../../src-core/chart/colors';
import { DEFAULT_LAYOUT, layoutChart } from '../../src-core/chart/layout';
import { chartToSvg } from '../../src-core/chart/svg';
import type { Scenario } from '../../src-core/scenario/schema';
import type { Metric, TraceEvent, TraceNode } from '../../src-core/trace/types';
import { COMPRESS_GAPS_OVER } from '../stores/chart-view';

export interface CompareRun {
  readonly scenario: Scenario;
  readonly nodes: readonly TraceNode[];
  readonly events: readonly TraceEvent[];
  readonly metrics: readonly Metric[];
  readonly endTime: number;
}

export interface CompareChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** y of the lanes' header in the SVG: the two charts line up when these are equal. */
  readonly headerY: number;
}

/** Every moment the chart draws something at: messages sent and received (or lost), state changes. */
function moments(run: CompareRun): number[] {
  const out: number[] = [];
  for (const e of run.events) {
    if (e.kind === 'state') out.push(e.at);
    else {
      out.push(e.sentAt);
      out.push(e.receivedAt ?? e.lost?.at ?? run.endTime);
    }
  }
  return out;
}

export function compareCharts(runs: readonly CompareRun[], title: string, theme: ChartTheme): CompareChart[] {
  const endTime = Math.max(...runs.map((r) => r.endTime));
  const all = runs.map(moments);
  return runs.map((run, i) => {
    const others = all.filter((_, j) => j !== i).flat();
    const layout = layoutChart(run.nodes, run.events, {
      ...DEFAULT_LAYOUT,
      showTransport: run.scenario.view.showTransport,
      compressGapsOver: run.scenario.view.compressIdleGaps ? COMPRESS_GAPS_OVER : null,
      laneOrder: run.scenario.view.laneOrder ?? [],
      showStates: true,
      endTime,
      alsoTimes: others,
    });
    const svg = chartToSvg(layout, { title, annotations: computeAnnotations(layout, run.events, run.metrics), theme });
    const size = /<svg [^>]*width="([\d.]+)" height="(\d+)"/.exec(svg);
    const header = /<g class="lanes-header">\s*<rect x="0" y="([\d.]+)"/.exec(svg);
    return { svg, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), headerY: Number(header?.[1] ?? 0) };
  });
}
