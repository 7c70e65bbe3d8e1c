/**
 * Links between trace events that the trace stores in one direction only:
 * `causedBy` (child → parent) and `carries` (segment → application message).
 * The inspector wants the other direction too ("caused", "carried by"), so
 * this index is built by scanning the trace once and then extended with the
 * events appended since (traces only grow; a new run is a new array).
 */
import type { TraceEvent } from '../../src-core/trace/types';

export interface Relations {
  /** Events whose causedBy is `id`, in trace order. */
  caused(id: number): readonly number[];
  /** Transport messages that carry application message `id`, in trace order. */
  carriedBy(id: number): readonly number[];
}

const NONE: readonly number[] = [];

export function createRelationsIndex(): (events: readonly TraceEvent[]) => Relations {
  let source: readonly TraceEvent[] | null = null;
  let scanned = 0;
  let caused = new Map<number, number[]>();
  let carriers = new Map<number, number[]>();
  return (events) => {
    if (events !== source || events.length < scanned) {
      source = events;
      scanned = 0;
      caused = new Map();
      carriers = new Map();
    }
    for (; scanned < events.length; scanned++) {
      const e = events[scanned]!;
      if (e.causedBy !== null) push(caused, e.causedBy, e.id);
      if (e.kind === 'message') for (const app of e.carries) push(carriers, app, e.id);
    }
    // A new object each time, so that a computed holding it sees the change.
    const [c, k] = [caused, carriers];
    return { caused: (id) => c.get(id) ?? NONE, carriedBy: (id) => k.get(id) ?? NONE };
  };
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
