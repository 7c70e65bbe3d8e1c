/**
 * Numbers with their units as the formula panel writes them inside a
 * formula ("2 × (1 ms + 20 ms)"): compact, at most six significant digits,
 * times in ms below a second. Results beside the formula use the metric
 * format of the rest of the app (trace/metric-format.ts).
 */
import type { MetricUnit } from '../trace/types';

const compact = (v: number) => String(Number(v.toPrecision(6)));

export function formatQuantity(value: number, unit: MetricUnit | null): string {
  switch (unit) {
    case 's':
      return Math.abs(value) < 1 ? `${compact(value * 1000)} ms` : `${compact(value)} s`;
    case 'bit/s':
      return Math.abs(value) >= 1e6 ? `${compact(value / 1e6)} Mbit/s` : Math.abs(value) >= 1e3 ? `${compact(value / 1e3)} kbit/s` : `${compact(value)} bit/s`;
    case 'bytes':
      return `${compact(value)} bytes`;
    case 'ratio':
      return `${compact(value * 100)} %`;
    case 'factor':
      return `×${compact(value)}`;
    default:
      return compact(value);
  }
}
