/**
 * A plot said in words, for the canvas's accessible name (a screen reader
 * cannot see the curve): its title, each series' largest value with its
 * unit, and the x range; and the read-out at one x, for the keyboard's
 * cursor (a live region says it).
 */
import { t } from '../i18n';
import { valueText } from './plot-format';
import type { PlotSpec } from './plot-spec';

function largest(values: readonly (number | null)[]): number | null {
  let max: number | null = null;
  for (const v of values) if (v !== null && Number.isFinite(v) && (max === null || v > max)) max = v;
  return max;
}

export function plotSummary(spec: PlotSpec): string {
  const xs = spec.series.flatMap((s) => s.x);
  const series = spec.series.map((s) => t('plots.view.seriesSummary', { label: s.label, max: valueText(largest(s.y), s.unit) })).join('; ');
  return t('plots.view.summary', {
    title: spec.title,
    series,
    from: valueText(xs.length > 0 ? Math.min(...xs) : null, spec.x.unit),
    to: valueText(xs.length > 0 ? Math.max(...xs) : null, spec.x.unit),
  });
}

/** The values at one row of the aligned columns (aligned.ts), said in words: "5.500 s: utilisation 84.9 %, queueing delay 225.305 ms". */
export function readoutText(spec: PlotSpec, x: number, values: readonly (number | null | undefined)[]): string {
  const parts = spec.series.map((s, i) => t('plots.view.readoutValue', { label: s.label, value: valueText(values[i], s.unit) }));
  return t('plots.view.readout', { x: valueText(x, spec.x.unit), values: parts.join(', ') });
}
