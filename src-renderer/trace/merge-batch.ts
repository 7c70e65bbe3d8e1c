/**
 * The renderer's copy of a trace while it streams in, and how a batch is
 * merged into it.
 *
 * Rules (trace/types.ts, api/contract.ts):
 * - `events[i].id === i`; a batch's events are new and come in order;
 * - an update completes a message already received (it arrived or was lost):
 *   the event is replaced by a changed copy, never mutated, so a view holding
 *   the old object keeps a consistent snapshot;
 * - every event is `markRaw`: traces reach 10^6 events and must never become
 *   deep-reactive. Views depend on the store's version counter instead.
 * - `messageIds` and `applicationIds` index the message events (all, and the
 *   application-layer ones), `stateIds` and `applicationStateIds` the state
 *   events the same way, kept up to date batch by batch so that a list never
 *   has to filter the whole trace again.
 */
import { markRaw } from 'vue';
import { isTransportState } from '../../src-core/chart/marks';
import type { Metric, TraceBatch, TraceEvent } from '../../src-core/trace/types';

export interface TraceArrays {
  readonly events: TraceEvent[];
  readonly messageIds: number[];
  readonly applicationIds: number[];
  readonly stateIds: number[];
  readonly applicationStateIds: number[];
  readonly metrics: Metric[];
}

export function createTraceArrays(): TraceArrays {
  return markRaw({
    events: markRaw([]),
    messageIds: markRaw([]),
    applicationIds: markRaw([]),
    stateIds: markRaw([]),
    applicationStateIds: markRaw([]),
    metrics: markRaw([]),
  });
}

/** Merges `batch` into `trace` in place; returns how many events and updates it applied. */
export function mergeBatch(trace: TraceArrays, batch: TraceBatch): { added: number; updated: number } {
  let added = 0;
  for (const event of batch.events) {
    const isNew = trace.events[event.id] === undefined;
    trace.events[event.id] = markRaw(event);
    if (!isNew) continue;
    added++;
    if (event.kind === 'message') {
      trace.messageIds.push(event.id);
      if (event.layer === 'application') trace.applicationIds.push(event.id);
    } else {
      trace.stateIds.push(event.id);
      if (!isTransportState(event)) trace.applicationStateIds.push(event.id);
    }
  }
  let updated = 0;
  for (const update of batch.updates) {
    const old = trace.events[update.id];
    if (old?.kind !== 'message') continue;
    trace.events[update.id] = markRaw({ ...old, receivedAt: update.receivedAt, timing: update.timing, lost: update.lost });
    updated++;
  }
  for (const metric of batch.metrics) trace.metrics.push(markRaw(metric));
  return { added, updated };
}

/** The ids of two ascending lists, in one ascending list (each list's ids are distinct from the other's). */
export function mergeIds(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
