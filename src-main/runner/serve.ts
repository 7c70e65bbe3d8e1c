/**
 * What a runner worker thread does (runner-thread.ts is its entry): receive
 * RunnerRequests on the parent port and answer with the RunEvents the pure
 * RunnerEndpoint posts. Yielding with setImmediate between slices lets the
 * thread take in a cancel message before the next slice.
 *
 * Slice size: RunnerEndpoint's default (20 000 kernel events) measured
 * 200–900 ms per slice on a development machine (about 20 µs per kernel
 * event with tracing), far over the 100 ms a cancel may take. 500 events is
 * ~10 ms of work on an idle machine, so the worker answers a cancel itself
 * well within 100 ms unless the machine is very busy (runner-host.ts
 * answers for it then). Batches stream to the chart every slice.
 */
import type { MessagePort } from 'node:worker_threads';
import { RunnerEndpoint } from '../../src-core/api/runner-endpoint';
import type { RunnerRequest } from '../../src-core/api/worker-protocol';

export const THREAD_SLICE_EVENTS = 500;

export function isRunnerRequest(value: unknown): value is RunnerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (typeof r['runId'] !== 'string') return false;
  if (r['type'] === 'cancel') return true;
  return r['type'] === 'run' && (r['seed'] === undefined || typeof r['seed'] === 'number');
}

export interface ServeOptions {
  /** Test hook: sees every request first; returning true means it was handled. */
  readonly intercept?: (request: RunnerRequest) => boolean;
}

/** Serves runner requests arriving on `port` until the thread ends. */
export function serveRunner(port: MessagePort, options: ServeOptions = {}): RunnerEndpoint {
  const endpoint = new RunnerEndpoint({
    post: (message) => port.postMessage(message),
    yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
    sliceEvents: THREAD_SLICE_EVENTS,
  });
  port.on('message', (value: unknown) => {
    if (!isRunnerRequest(value)) return;
    if (options.intercept?.(value)) return;
    void endpoint.handle(value);
  });
  return endpoint;
}
