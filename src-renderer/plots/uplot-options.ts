/**
 * uPlot's options and data for a PlotSpec (PlotView draws them): one x
 * scale (plain numbers, not dates), one y scale per unit (left, then right),
 * axes titled and ticked in display units (plot-format.ts), series in the
 * spec's styles — 'step' as a step after each point, 'points' as markers
 * without a line — and the legend live: hovering shows every series' value
 * at the cursor with its unit (the read-out). Dragging across x zooms
 * (uPlot's drag.setScale), double-click resets (uPlot's default).
 * Colours are the theme's (plot-colors.ts): a canvas cannot read CSS variables.
 */
import uPlot from 'uplot';
import type { ChartTheme } from '../../src-core/chart/colors';
import { alignSeries } from './aligned';
import { plotPalette, seriesColor } from './plot-colors';
import { axisTitle, displayScale, niceTicks, tickText, valueText } from './plot-format';
import type { PlotAxis, PlotSeries, PlotSpec } from './plot-spec';

const FONT = '12px system-ui, sans-serif';
const LABEL_FONT = '600 13px system-ui, sans-serif';

/** The largest magnitude among `values` (0 for none). */
function maxAbs(values: Iterable<number | null>): number {
  let max = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return max;
}

function axisOf(axis: PlotAxis, values: readonly (number | null)[], side: 0 | 1 | 2 | 3, theme: ChartTheme, grid: boolean): uPlot.Axis {
  const palette = plotPalette(theme);
  const display = displayScale(axis.unit, maxAbs(values));
  return {
    side,
    scale: side === 2 ? 'x' : axis.unit,
    label: axisTitle(axis, display),
    font: FONT,
    labelFont: LABEL_FONT,
    stroke: palette.text,
    grid: { show: grid, stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.border, width: 1, size: 5 },
    values: (_u, splits, _axis, _space, step) => splits.map((v) => tickText(v, step, display)),
    size: side === 2 ? 40 : 60,
  };
}

/** A y range from 0 (or below, for negative values) to the next whole tick above the data. */
function fromZeroRange(_u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax {
  const lo = Math.min(0, min ?? 0);
  const hi = Math.max(max ?? 0, lo);
  if (hi === lo) return [lo, lo + 1];
  const { step } = niceTicks(lo, hi, 5);
  return [lo, Math.ceil(hi / step - 1e-9) * step];
}

function seriesOf(s: PlotSeries, index: number, theme: ChartTheme): uPlot.Series {
  const color = seriesColor(index, theme);
  const common = { label: s.label, scale: s.unit, stroke: color, width: 2, value: (_u: uPlot, v: number | null) => valueText(v, s.unit) };
  if (s.style === 'points') return { ...common, paths: () => null, points: { show: true, size: 8, width: 1, stroke: color, fill: color } };
  return { ...common, paths: s.style === 'step' ? uPlot.paths.stepped!({ align: 1 }) : undefined, points: { show: false } };
}

/** The data in uPlot's shape: the shared x column, then one column per series (undefined: no point there). */
export function uplotData(spec: PlotSpec): uPlot.AlignedData {
  const { x, y } = alignSeries(spec);
  return [x as number[], ...(y as (number | null | undefined)[][])];
}

export function uplotOptions(spec: PlotSpec, theme: ChartTheme, width: number, height: number): uPlot.Options {
  const valuesOf = (unit: string) => spec.series.filter((s) => s.unit === unit).flatMap((s) => s.y);
  const scales: uPlot.Scales = { x: { time: false } };
  for (const axis of spec.yAxes) scales[axis.unit] = spec.fromZero ? { range: fromZeroRange } : {};
  return {
    width,
    height,
    scales,
    axes: [axisOf(spec.x, spec.series.flatMap((s) => s.x), 2, theme, true), ...spec.yAxes.map((a, i) => axisOf(a, valuesOf(a.unit), i === 0 ? 3 : 1, theme, i === 0))],
    series: [{ label: spec.x.label, value: (_u, v) => valueText(v, spec.x.unit) }, ...spec.series.map((s, i) => seriesOf(s, i, theme))],
    cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 8 } },
    // solid swatches in the series' colours (uPlot's default marker is a hollow square when a series has no fill)
    legend: { show: true, live: true, markers: { width: 0, fill: (_u, i) => (i > 0 ? seriesColor(i - 1, theme) : 'transparent') } },
  };
}
