/**
 * The formula panel's numbers as text: values in the app's metric format
 * (trace/metric-format.ts), a difference with its sign and its share of the
 * formula's value, a tolerance as a percentage.
 */
import type { FormulaResult } from '../../src-core/lessons/formula-result';
import { formatSignedDifference } from '../../src-core/lessons/quantity';
import { formatMetricValue } from '../../src-core/trace/metric-format';
import type { MetricUnit } from '../../src-core/trace/types';

export function formatValue(value: number | null, unit: MetricUnit): string | null {
  return value === null ? null : formatMetricValue({ value, unit });
}

/** "+0.085 ms (+0.07 %)", "−2.000 ms (−1.2 %)", "0.000 ms" for none. */
export function formatDifference(r: Pick<FormulaResult, 'difference' | 'relative'> & { formula: { unit: MetricUnit } }): string | null {
  if (r.difference === null) return null;
  const text = formatSignedDifference(r.difference, r.formula.unit);
  if (r.relative === null || r.difference === 0) return text;
  return `${text} (${r.difference > 0 ? '+' : '−'}${Math.abs(r.relative * 100).toFixed(2)} %)`;
}

/** 0.01 → "1 %". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(3))} %`;
}

/** What the user types a prediction in: ms for times (people think in ms here), the unit itself otherwise. */
export function predictionUnit(unit: MetricUnit): { readonly label: string; readonly toSi: number } {
  switch (unit) {
    case 's':
      return { label: 'ms', toSi: 1e-3 };
    case 'bit/s':
      return { label: 'Mbit/s', toSi: 1e6 };
    case 'ratio':
      return { label: '%', toSi: 1e-2 };
    default:
      return { label: unit, toSi: 1 };
  }
}
