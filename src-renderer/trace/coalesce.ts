/**
 * Coalesces a stream of RunEvents so that whoever receives them is not
 * flooded: the runner reports after every slice (hundreds of times a
 * second), but a view needs at most a few updates a second and each message
 * between threads has a cost of its own.
 *
 * Rules:
 * - consecutive batches of one run merge into one (events, then updates, then
 *   metrics, each in order: an update never refers to an event that comes after it);
 * - of consecutive progress reports only the latest is kept;
 * - what is held back goes out at the latest `intervalMs` after it arrived
 *   (batch first, then progress), and at once before any other event (started,
 *   finished, invalid, failed), so order is kept and the end of a run is never late.
 */
import type { RunEvent } from '../../src-core/api/contract';
import type { TraceBatch } from '../../src-core/trace/types';

type ProgressEvent = Extract<RunEvent, { type: 'run.progress' }>;

export interface CoalescerOptions {
  readonly emit: (event: RunEvent) => void;
  readonly intervalMs: number;
  readonly now: () => number;
  readonly setTimer: (callback: () => void, ms: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
}

export interface Coalescer {
  push(event: RunEvent): void;
  /** Sends whatever is held back now. */
  flush(): void;
}

export function createCoalescer(options: CoalescerOptions): Coalescer {
  let batch: { runId: string; parts: TraceBatch[] } | null = null;
  let progress: ProgressEvent | null = null;
  let timer: unknown = null;
  let heldSince = 0;

  function flush(): void {
    if (timer !== null) options.clearTimer(timer);
    timer = null;
    if (batch) {
      const { runId, parts } = batch;
      batch = null;
      options.emit({ type: 'run.batch', runId, batch: mergeBatches(parts) });
    }
    if (progress) {
      const last = progress;
      progress = null;
      options.emit(last);
    }
  }

  function hold(): void {
    const now = options.now();
    if (timer === null) {
      heldSince = now;
      timer = options.setTimer(flush, options.intervalMs);
    } else if (now - heldSince >= options.intervalMs) {
      flush(); // the timer has not had a turn (a busy thread): send now
    }
  }

  function push(event: RunEvent): void {
    if (event.type === 'run.batch') {
      if (batch && batch.runId !== event.runId) flush();
      if (progress && progress.runId !== event.runId) flush();
      batch ??= { runId: event.runId, parts: [] };
      batch.parts.push(event.batch);
      hold();
    } else if (event.type === 'run.progress') {
      if ((batch && batch.runId !== event.runId) || (progress && progress.runId !== event.runId)) flush();
      progress = event;
      hold();
    } else {
      flush();
      options.emit(event);
    }
  }

  return { push, flush };
}

export function mergeBatches(parts: readonly TraceBatch[]): TraceBatch {
  if (parts.length === 1) return parts[0]!;
  return {
    events: parts.flatMap((p) => p.events),
    updates: parts.flatMap((p) => p.updates),
    metrics: parts.flatMap((p) => p.metrics),
  };
}

/** The usual options: real timers and clock. */
export function timerCoalescer(emit: (event: RunEvent) => void, intervalMs: number): Coalescer {
  return createCoalescer({
    emit,
    intervalMs,
    now: () => performance.now(),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  });
}
