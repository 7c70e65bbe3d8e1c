/**
 * What a Results row says besides its name and value: which lookup, which
 * transfer, which connection it measures (the metric's own summary, e.g.
 * "www.example.com resolved in 0.116085 s"), and when it was taken, so rows
 * of one name on one node — three resolutionTime rows — tell themselves apart.
 */
import type { Metric } from '../../src-core/trace/types';
import { t } from '../i18n/translate';
import { formatDuration } from './time';

export function metricDetail(metric: Pick<Metric, 'summary' | 'at'>): string {
  const at = t('units.atTime', { time: formatDuration(metric.at) });
  return metric.summary === '' ? at : `${metric.summary} · ${at}`;
}
