/**
 * What the chart's hover tooltip says of an arrow: its full label; for a
 * message the receiving host discarded, how it ended ("discarded at host
 * (no socket on port N)"); for a burst's bundle, the count, the words its
 * members share, when they were sent and when they arrived (or were
 * discarded).
 */
import { discardedWording } from '../../src-core/chart/arrow-state';
import { burstTooltip } from '../../src-core/chart/bursts';
import type { ArrowLayout } from '../../src-core/chart/layout';
import type { TraceEvent } from '../../src-core/trace/types';
import { t } from '../i18n/translate';

export function arrowTooltip(a: ArrowLayout, event: TraceEvent | undefined): string {
  const discarded = a.state === 'discarded' && event?.kind === 'message' ? discardedWording(event) : null;
  if (a.burst && !a.burst.open) return burstTooltip(a.burst, discarded ?? 'arriving');
  return discarded === null ? a.label : `${a.label} — ${discarded}`;
}

/** The tooltip of a burst's badge. */
export function badgeTooltip(a: ArrowLayout): string {
  const n = a.burst?.members.length ?? 0;
  return a.burst?.open ? t('chart.tooltip.bundle', { n }) : t('chart.tooltip.unbundle', { n });
}
