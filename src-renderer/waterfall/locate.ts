/**
 * Which page load, and which of its rows, a trace event belongs to — so a
 * selection made anywhere (the chart, the list, the inspector, playback)
 * picks the load the waterfall shows and marks its row. An object's row
 * owns its request, its response, the state event of its arrival, and the
 * TCP segments that carry the request or the response; a load owns its
 * start, its end and its failed objects (row -1).
 */
import type { TraceEvent } from '../../src-core/trace/types';
import type { PageLoad } from './page-loads';

/** Where event `id` is in the page loads: the load, and the row of the object it belongs to (-1: the load's own events); null: in none. */
export function locateEvent(loads: readonly PageLoad[], events: readonly TraceEvent[], id: number): { readonly load: number; readonly row: number } | null {
  const event = events[id];
  // a TCP segment stands for the HTTP message(s) it carries
  const ids = event?.kind === 'message' && event.carries.length > 0 ? event.carries : [id];
  for (const [load, page] of loads.entries()) {
    const row = page.objects.findIndex((o) => ids.some((x) => x === o.responseId || x === o.requestId || x === o.loadedId));
    if (row >= 0) return { load, row };
    const own = page.outcome.kind === 'unfinished' ? [page.startedId] : [page.startedId, page.outcome.eventId];
    if (own.includes(id) || page.failed.some((f) => f.eventId === id)) return { load, row: -1 };
  }
  return null;
}
