/**
 * The web host's runner thread: a module Web Worker wrapping RunnerEndpoint,
 * the same run loop the Electron worker thread uses.
 *
 * yieldToHost lets the worker take in a cancel between slices. It is a
 * MessageChannel round trip, a task queued behind any message already
 * posted to the worker, without setTimeout's clamping to ≥ 4 ms.
 *
 * The endpoint reports after every slice (a few ms of work); what it posts
 * is coalesced to one batch and one progress report per POST_INTERVAL_MS,
 * so the page is not flooded with messages it has to copy and draw.
 */
import { RunnerEndpoint, toHostError } from '../../src-core/api/runner-endpoint';
import type { RunnerMessage, RunnerRequest } from '../../src-core/api/worker-protocol';
import { timerCoalescer } from '../trace/coalesce';

const POST_INTERVAL_MS = 50;

/** The parts of DedicatedWorkerGlobalScope used here (the web tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: RunnerMessage): void;
  onmessage: ((event: MessageEvent<RunnerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

const outbox = timerCoalescer((message) => scope.postMessage(message), POST_INTERVAL_MS);

const endpoint = new RunnerEndpoint({
  post: (message) => outbox.push(message),
  yieldToHost: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
});

scope.onmessage = (event) => {
  const request = event.data;
  endpoint.handle(request).catch((error: unknown) => {
    outbox.push({ type: 'run.failed', runId: request.runId, error: toHostError(error) });
  });
};
