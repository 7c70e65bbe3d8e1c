/**
 * A plot as plain data, for any view to hand to PlotView (components/PlotView.vue)
 * and to the exporters (plot-svg.ts, plot-csv.ts): metrics over simulated
 * time from a trace (trace-series.ts), a parameter sweep's measured points
 * with its formula's curve, … Independent of the trace and of uPlot.
 *
 * Rules:
 * - x values are plain numbers in the x axis's unit (seconds of simulated
 *   time, or a swept parameter's value), ascending within a series;
 * - every series' y values are in its own `unit`; the plot has one y axis
 *   per unit (`yAxes`, the first on the left, the second on the right), and
 *   every series' unit must be one of them;
 * - `y[i]` belongs to `x[i]` (same length); null is a gap (no value there);
 * - values are stored in the metric units (s, ratio, bit/s …) and formatted
 *   only when shown (plot-format.ts), so CSV keeps full precision.
 */
import type { MetricUnit } from '../../src-core/trace/types';

/** The units a plot knows how to format: the trace's metric units. */
export type PlotUnit = MetricUnit;

/**
 * How a series is drawn:
 * - 'line': straight segments between consecutive points;
 * - 'step': y[i] holds from x[i] until x[i+1] (values per interval: give the
 *   interval starts, and the last interval's end with the last value again);
 * - 'points': a marker per point, no line (measured values).
 */
export type SeriesStyle = 'line' | 'step' | 'points';

export interface PlotAxis {
  /** What is measured, without the unit ("Simulated time", "Utilisation"). */
  readonly label: string;
  readonly unit: PlotUnit;
}

export interface PlotSeries {
  readonly label: string;
  readonly unit: PlotUnit;
  readonly x: readonly number[];
  readonly y: readonly (number | null)[];
  readonly style: SeriesStyle;
}

export interface PlotSpec {
  /** Unique among a run's plots (a key for the picker, the exported files' names), e.g. "tcp throughput". */
  readonly id: string;
  readonly title: string;
  readonly x: PlotAxis;
  /** One per unit of the series, at most two (left, right). */
  readonly yAxes: readonly PlotAxis[];
  readonly series: readonly PlotSeries[];
  /** The y axes start at 0 (counts, rates, utilisation); else they fit the data. */
  readonly fromZero?: boolean;
}

/** Why a spec cannot be drawn, or null when it is well-formed (the rules above). */
export function specProblem(spec: PlotSpec): string | null {
  if (spec.yAxes.length === 0 || spec.yAxes.length > 2) return `${spec.title}: a plot has one or two y axes, not ${spec.yAxes.length}`;
  for (const s of spec.series) {
    if (s.x.length !== s.y.length) return `${spec.title}: series "${s.label}" has ${s.x.length} x values and ${s.y.length} y values`;
    if (!spec.yAxes.some((a) => a.unit === s.unit)) return `${spec.title}: series "${s.label}" is in ${s.unit}, which no y axis shows`;
    for (let i = 1; i < s.x.length; i++) if (!(s.x[i]! >= s.x[i - 1]!)) return `${spec.title}: series "${s.label}" has x values out of order at ${i}`;
  }
  return null;
}

/** The index of the y axis that shows `unit` (0: left, 1: right). */
export function axisIndexOf(spec: PlotSpec, unit: PlotUnit): number {
  return Math.max(0, spec.yAxes.findIndex((a) => a.unit === unit));
}

/** Whether the spec has any value to draw. */
export function hasValues(spec: PlotSpec): boolean {
  return spec.series.some((s) => s.y.some((v) => v !== null));
}
