/**
 * The ranges and ticks of a plot's axes, for the SVG export (on screen
 * uPlot has its own): x over every series' values (or the range zoomed to),
 * each y axis over its series' values — from 0 when the spec says so — and
 * widened to whole ticks of a 1-2-5 step (plot-format.ts niceTicks).
 */
import { displayScale, niceTicks, type DisplayScale } from './plot-format';
import type { PlotAxis, PlotSeries, PlotSpec } from './plot-spec';

export interface AxisScale {
  readonly axis: PlotAxis;
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  readonly step: number;
  readonly display: DisplayScale;
}

/** The least and greatest finite value of `values`, or null when there is none. */
function extent(values: Iterable<number | null>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo <= hi ? [lo, hi] : null;
}

function scaleOf(axis: PlotAxis, lo: number, hi: number, ticks: number, widen: boolean): AxisScale {
  if (hi === lo) hi = lo === 0 ? 1 : lo + Math.abs(lo);
  const display = displayScale(axis.unit, Math.max(Math.abs(lo), Math.abs(hi)));
  const first = niceTicks(lo, hi, ticks);
  if (!widen) return { axis, min: lo, max: hi, ticks: first.ticks, step: first.step, display };
  const min = Math.floor(lo / first.step + 1e-9) * first.step;
  const max = Math.ceil(hi / first.step - 1e-9) * first.step;
  const wide = niceTicks(min, max, ticks);
  return { axis, min, max, ticks: wide.ticks, step: wide.step, display };
}

/** The x scale: the data's extent, or `range` (a zoom) when given; ticks inside it. */
export function xScaleOf(spec: PlotSpec, range?: readonly [number, number]): AxisScale {
  const [lo, hi] = range ?? extent(spec.series.flatMap((s) => s.x)) ?? [0, 1];
  return scaleOf(spec.x, lo, hi, 8, false);
}

/** A series' values drawn within [xMin, xMax]: each point whose segment to the next (a line's, a step's) reaches into it. */
function valuesShown(s: PlotSeries, xMin: number, xMax: number): (number | null)[] {
  const reach = (i: number) => (s.style === 'points' ? s.x[i]! : (s.x[i + 1] ?? s.x[i]!));
  return s.y.filter((_, i) => s.x[i]! <= xMax && reach(i) >= xMin);
}

/** One scale per y axis, over the values of its series drawn within [xMin, xMax]. */
export function yScalesOf(spec: PlotSpec, xMin: number, xMax: number): AxisScale[] {
  return spec.yAxes.map((axis) => {
    const values = spec.series.filter((s) => s.unit === axis.unit).flatMap((s) => valuesShown(s, xMin, xMax));
    const [lo, hi] = extent(values) ?? [0, 1];
    return scaleOf(axis, spec.fromZero ? Math.min(0, lo) : lo, spec.fromZero ? Math.max(0, hi) : hi, 5, true);
  });
}
