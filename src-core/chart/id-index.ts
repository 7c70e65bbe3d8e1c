/**
 * Lookups by message id for the layout and the annotations, which build
 * several per trace of 10^5 messages. An event's id is its index in the
 * trace, so ids are small non-negative integers: plain arrays and byte
 * flags indexed by id are much cheaper to build (and to collect) than Maps
 * and Sets of 10^5 entries. Ids that do not fit (negative, fractional, or
 * far beyond the number of messages) fall back to a Map / Set.
 */

import type { MessageEvent, TraceEvent } from '../trace/types';

/** Largest id served by an array, relative to the number of entries expected. */
function denseLimit(count: number): number {
  return 4 * count + 1024;
}

function isDense(id: number, limit: number): boolean {
  return Number.isInteger(id) && id >= 0 && id < limit;
}

/** Ids → values. */
export class IdMap<T> {
  private readonly dense: (T | undefined)[] = [];
  private readonly sparse = new Map<number, T>();
  private readonly limit: number;

  constructor(expected: number) {
    this.limit = denseLimit(expected);
  }

  get(id: number): T | undefined {
    return isDense(id, this.limit) ? this.dense[id] : this.sparse.get(id);
  }

  set(id: number, value: T): void {
    if (!isDense(id, this.limit)) {
      this.sparse.set(id, value);
      return;
    }
    // fill up to id so the array stays packed (holes make it a dictionary)
    while (this.dense.length < id) this.dense.push(undefined);
    this.dense[id] = value;
  }
}

/** A set of ids. */
export class IdSet {
  private dense: Uint8Array;
  private readonly sparse = new Set<number>();
  private readonly limit: number;

  constructor(expected: number) {
    this.limit = denseLimit(expected);
    this.dense = new Uint8Array(Math.min(this.limit, Math.max(16, expected)));
  }

  has(id: number): boolean {
    if (!isDense(id, this.limit)) return this.sparse.has(id);
    return id < this.dense.length && this.dense[id] === 1;
  }

  add(id: number): void {
    if (!isDense(id, this.limit)) {
      this.sparse.add(id);
      return;
    }
    if (id >= this.dense.length) {
      const grown = new Uint8Array(Math.min(this.limit, Math.max(id + 1, this.dense.length * 2)));
      grown.set(this.dense);
      this.dense = grown;
    }
    this.dense[id] = 1;
  }
}

/** Messages by id (MessageEvent ids). */
export interface MessageLookup {
  get(id: number): MessageEvent | undefined;
}

/**
 * The trace's messages by id. A trace's ids are its indexes (event i has
 * id i, as traces are recorded): then the lookup reads the events
 * themselves and nothing is built. Otherwise (a trace cut or merged) an
 * IdMap of the messages, the last of equal ids winning.
 */
export function messagesById(events: readonly TraceEvent[]): MessageLookup {
  let indexed = true;
  for (let i = 0; i < events.length && indexed; i++) indexed = events[i]!.id === i;
  if (indexed) {
    return {
      get(id) {
        const e = events[id];
        return e !== undefined && e.kind === 'message' && e.id === id ? e : undefined;
      },
    };
  }
  const map = new IdMap<MessageEvent>(events.length);
  for (const e of events) if (e.kind === 'message') map.set(e.id, e);
  return map;
}
