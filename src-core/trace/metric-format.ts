/**
 * A metric's value as people read it, the same in the chart, the results
 * table and the command line: times under a second in ms (3 decimals, i.e.
 * microsecond resolution), ratios in percent, factors as "×8.7".
 */
import type { Metric } from './types';

export function formatMetricValue(metric: Pick<Metric, 'value' | 'unit'>): string {
  const v = metric.value;
  switch (metric.unit) {
    case 's':
      return v < 1 ? `${(v * 1000).toFixed(3)} ms` : `${v.toFixed(3)} s`;
    case 'bytes':
      return `${v} bytes`;
    case 'count':
      return String(v);
    case 'ratio':
      return `${(v * 100).toFixed(1)} %`;
    case 'factor':
      return `×${v.toFixed(1)}`;
    case 'bit/s':
      return v >= 1e6 ? `${(v / 1e6).toFixed(2)} Mbit/s` : `${(v / 1e3).toFixed(1)} kbit/s`;
  }
}
