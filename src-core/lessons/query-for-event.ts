/**
 * The trace query that finds one given event, for a guide's author: "add a
 * step at the selected message". A message is named by its protocol,
 * sender and receiver; a state event by its node and type; `nth` is the
 * event's place among those that match, so the query finds exactly it in
 * this run. No summary pattern: summaries hold values that change with the
 * seed (ids, ports), and the author can add a pattern that means something.
 */
import type { TraceEvent } from '../trace/types';
import type { TraceQuery } from './guide-schema';
import { compileQuery, eventMatches } from './trace-query';

export function queryForEvent(events: readonly TraceEvent[], event: TraceEvent): TraceQuery {
  const base: TraceQuery =
    event.kind === 'message'
      ? { kind: 'message', protocol: event.protocol, from: event.from, to: event.to, nth: 1 }
      : { kind: 'state', node: event.node, type: event.type, nth: 1 };
  const compiled = compileQuery(base);
  let nth = 0;
  for (const e of events) {
    if (eventMatches(compiled, e)) nth++;
    if (e.id === event.id) break;
  }
  return { ...base, nth: Math.max(1, nth) };
}
