/**
 * What the filters can offer: the protocols and the nodes that occur in the
 * trace's messages, in order of first appearance. Built by scanning the
 * trace once, then only the events appended since (a new run is a new array).
 */
import type { TraceEvent } from '../../src-core/trace/types';

export interface Facets {
  readonly protocols: readonly string[];
  /** Node ids that send or receive a message, in order of first appearance. */
  readonly nodes: readonly string[];
}

export function createFacetIndex(): (events: readonly TraceEvent[]) => Facets {
  let source: readonly TraceEvent[] | null = null;
  let scanned = 0;
  let protocols = new Set<string>();
  let nodes = new Set<string>();
  return (events) => {
    if (events !== source || events.length < scanned) {
      source = events;
      scanned = 0;
      protocols = new Set();
      nodes = new Set();
    }
    for (; scanned < events.length; scanned++) {
      const e = events[scanned]!;
      if (e.kind !== 'message') continue;
      protocols.add(e.protocol);
      nodes.add(e.from);
      nodes.add(e.to);
    }
    return { protocols: [...protocols], nodes: [...nodes] };
  };
}

/** Every lane in the order to show in the lanes panel: the user's order, then the chart's, then the rest as they appear. */
export function fullLaneOrder(userOrder: readonly string[], drawn: readonly string[], appearing: readonly string[]): string[] {
  return [...new Set([...userOrder, ...drawn, ...appearing])];
}

/** The order with `id` moved one place up (−1) or down (+1); unchanged at an end. */
export function moveLane(order: readonly string[], id: string, by: -1 | 1): string[] {
  const next = [...order];
  const i = next.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= next.length) return next;
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
