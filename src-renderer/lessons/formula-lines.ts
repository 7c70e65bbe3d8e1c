/**
 * The course's formula on the run's own plots (issue 13: "plus the formula
 * curve where there is one"): a guide formula whose simulated value is a
 * link's utilisation or queueing delay, or a TCP throughput, is drawn as a
 * level line on that link's (or the throughput) plot, at the formula's value,
 * across the plot's time: the samples over time move around it.
 */
import type { FormulaResult } from '../../src-core/lessons/formula-result';
import { findMetric } from '../../src-core/lessons/measure';
import { linkDirectionOf } from '../../src-core/net/link-report';
import type { Metric } from '../../src-core/trace/types';
import type { PlotSpec } from '../plots/plot-spec';

/** The plot a formula's simulated metric belongs on, by its id (trace-series.ts), or null. */
function plotIdFor(result: FormulaResult, metrics: readonly Metric[]): string | null {
  const measure = result.formula.simulated;
  if (!('metric' in measure)) return null;
  if (measure.metric === 'throughput') return 'tcp throughput';
  if (measure.metric !== 'linkUtilisation' && measure.metric !== 'queueingDelay') return null;
  const metric = findMetric(metrics, measure);
  return metric === undefined ? null : linkDirectionOf(metric);
}

export function withFormulaLines(plots: readonly PlotSpec[], results: readonly FormulaResult[], metrics: readonly Metric[], label: (title: string) => string): PlotSpec[] {
  return plots.map((plot) => {
    const lines = results.filter((r) => r.computed !== null && plotIdFor(r, metrics) === plot.id && plot.yAxes.some((a) => a.unit === r.formula.unit));
    if (lines.length === 0) return plot;
    const xs = plot.series.flatMap((s) => [s.x[0], s.x[s.x.length - 1]]).filter((x): x is number => x !== undefined);
    const from = Math.min(...xs);
    const to = Math.max(...xs);
    return {
      ...plot,
      series: [...plot.series, ...lines.map((r) => ({ label: label(r.formula.title), unit: r.formula.unit, x: [from, to], y: [r.computed, r.computed], style: 'line' as const }))],
    };
  });
}
