/**
 * Numbers with their units as the formula panel writes them inside a
 * formula ("2 × (1 ms + 20 ms)"): compact, at most six significant digits,
 * times in ms below a second. Results beside the formula use the metric
 * format of the rest of the app (trace/metric-format.ts).
 */
import { formatMetricValue } from '../trace/metric-format';
import type { MetricUnit } from '../trace/types';
import type { QuantityUnit } from './guide-schema';

const compact = (v: number) => String(Number(v.toPrecision(6)));

export function formatQuantity(value: number, unit: QuantityUnit | null): string {
  switch (unit) {
    case 's':
      return Math.abs(value) < 1 ? `${compact(value * 1000)} ms` : `${compact(value)} s`;
    case 'bit/s':
      return Math.abs(value) >= 1e6 ? `${compact(value / 1e6)} Mbit/s` : Math.abs(value) >= 1e3 ? `${compact(value / 1e3)} kbit/s` : `${compact(value)} bit/s`;
    case 'bytes':
      return `${compact(value)} bytes`;
    case 'bits':
      return `${compact(value)} bits`;
    case 'ratio':
      return `${compact(value * 100)} %`;
    case 'factor':
      return `×${compact(value)}`;
    default:
      return compact(value);
  }
}

/**
 * The size of a difference between two values of `unit`, in the app's metric
 * format, except a factor's: "×0.0" says nothing of a difference of 0.0015,
 * so it is a plain number.
 */
export function formatDifferenceSize(size: number, unit: MetricUnit): string {
  return unit === 'factor' ? compact(size) : formatMetricValue({ value: size, unit });
}

/** A difference with its sign: "+0.085 ms", "−2.000 ms", "0.000 ms". */
export function formatSignedDifference(value: number, unit: MetricUnit): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatDifferenceSize(Math.abs(value), unit)}`;
}
