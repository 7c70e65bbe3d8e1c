/**
 * The arrow that shows a trace event on the chart: its own; its burst's
 * bundle while the burst is closed (bursts.ts drawnIdOf); or, for an
 * application message drawn as the transport segments that carry it
 * (transport shown, the message not collapsed), the first of those segments
 * that is drawn. So selecting an HTTP response in the list or the waterfall
 * marks and reveals the segment it arrived in. -1 when no arrow shows it (a
 * state change, a filtered message, one on a hidden lane).
 */
import { drawnIdOf } from '../../src-core/chart/bursts';
import type { ChartLayout } from '../../src-core/chart/layout';
import { arrowIndex } from './geometry';

/** `carriedBy(id)`: the transport messages that carry application message `id`, in trace order (inspector/relations.ts). */
export function shownArrowIndex(layout: ChartLayout, id: number, carriedBy: (id: number) => readonly number[]): number {
  const own = arrowIndex(layout, drawnIdOf(layout, id));
  if (own >= 0) return own;
  for (const carrier of carriedBy(id)) {
    const i = arrowIndex(layout, drawnIdOf(layout, carrier));
    if (i >= 0) return i;
  }
  return -1;
}
