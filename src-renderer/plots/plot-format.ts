/**
 * Numbers of a plot as people read them. An axis shows its values in one
 * display unit chosen from the largest value on it (a queueing delay of
 * 0.004 s reads "4" under "Queueing delay (ms)"); the hover read-out and the
 * legends say each value with its unit, as the rest of the app does
 * (src-core/trace/metric-format.ts). Locale-free: a projected plot and its
 * CSV read the same everywhere.
 */
import { formatMetricValue } from '../../src-core/trace/metric-format';
import type { PlotAxis, PlotUnit } from './plot-spec';

/** A display unit: shown value = value × factor, followed by suffix ('' for plain counts). */
export interface DisplayScale {
  readonly factor: number;
  readonly suffix: string;
}

const PREFIXED: Readonly<Partial<Record<PlotUnit, readonly (readonly [number, string])[]>>> = {
  // from the largest: the first whose threshold the value reaches
  'bit/s': [[1e9, 'Gbit/s'], [1e6, 'Mbit/s'], [1e3, 'kbit/s'], [0, 'bit/s']],
  bytes: [[1e6, 'MB'], [1e3, 'kB'], [0, 'bytes']],
};

/** The display unit for values of `unit` up to `maxAbs` (in the unit itself). */
export function displayScale(unit: PlotUnit, maxAbs: number): DisplayScale {
  switch (unit) {
    case 's':
      return maxAbs < 1 ? { factor: 1e3, suffix: 'ms' } : { factor: 1, suffix: 's' };
    case 'ratio':
      return { factor: 100, suffix: '%' };
    case 'factor':
      return { factor: 1, suffix: '×' };
    case 'count':
      return { factor: 1, suffix: '' };
    case 'bit/s':
    case 'bytes': {
      const steps = PREFIXED[unit]!;
      const [threshold, suffix] = steps.find(([t]) => maxAbs >= t) ?? steps[steps.length - 1]!;
      return { factor: threshold > 0 ? 1 / threshold : 1, suffix };
    }
  }
}

/** An axis's title with its display unit: "Queueing delay (ms)"; counts have none. */
export function axisTitle(axis: PlotAxis, scale: DisplayScale): string {
  return scale.suffix === '' ? axis.label : `${axis.label} (${scale.suffix})`;
}

/** A tick's text: just enough decimals to tell ticks `step` apart (both in the unit itself). */
export function tickText(value: number, step: number, scale: DisplayScale): string {
  const shown = value * scale.factor;
  const text = shown.toFixed(decimalsOf(step * scale.factor));
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** The fewest decimals (at most 6) that write `step` exactly: 2.5 → 1, 20 → 0, 0.05 → 2. */
function decimalsOf(step: number): number {
  if (!(step > 0)) return 0;
  for (let d = 0; d < 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 6;
}

/** A value with its unit, for the read-out and the legends ("12.500 ms", "87.5 %", "1.20 Mbit/s"); "–" for no value. */
export function valueText(value: number | null | undefined, unit: PlotUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === 'bit/s' && Math.abs(value) < 1e3) return `${Math.round(value)} bit/s`;
  return formatMetricValue({ value, unit });
}

/** 1-2-5 tick positions covering [min, max] with about `count` intervals; the step is the distance between two. */
export function niceTicks(min: number, max: number, count: number): { readonly ticks: readonly number[]; readonly step: number } {
  if (!(max > min)) return { ticks: [min], step: 0 };
  const rough = (max - min) / Math.max(1, count);
  const decade = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * decade).find((s) => s >= rough * (1 - 1e-9))!;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return { ticks, step };
}
