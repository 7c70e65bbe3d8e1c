/**
 * A plot said in words, for the canvas's accessible name (a screen reader
 * cannot see the curve): its title, each series' largest value with its
 * unit, and the x range.
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
