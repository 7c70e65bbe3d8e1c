/**
 * Test-only runner thread: the real one (serve.ts) plus faults, injected by
 * running the scenario `{ "fault": kind }`:
 * - "throw": an uncaught exception (the Worker emits 'error', then 'exit');
 * - "exit": posts run.started, then process.exit(3) ('exit' only);
 * - "hang": posts run.started, then spins for ever (never posts again);
 * - "deaf": posts run.started and progress every 20 ms, but ignores cancel:
 *   a cancel of it is answered at once by one more progress report, so a
 *   test knows that report came after the cancel (the port keeps order);
 * - "silent": swallows the request and never posts anything for it.
 * Every other scenario runs normally, so a test can check that the
 * replacement worker serves the next run.
 */
import { parentPort } from 'node:worker_threads';
import type { RunnerRequest } from '../../src-core/api/worker-protocol';
import { serveRunner } from './serve';

const port = parentPort;
if (!port) throw new Error('a worker thread entry');

function faultOf(request: RunnerRequest): string | null {
  if (request.type !== 'run' || typeof request.scenario !== 'object' || request.scenario === null) return null;
  const fault = (request.scenario as Record<string, unknown>)['fault'];
  return typeof fault === 'string' ? fault : null;
}

/** Deaf runs and their simulated time so far. */
const deaf = new Map<string, number>();

const postDeafProgress = (runId: string): void => {
  const simTime = (deaf.get(runId) ?? 0) + 1_000_000;
  deaf.set(runId, simTime);
  port.postMessage({ type: 'run.progress', runId, progress: { simTime, endTime: 1e12, kernelEvents: simTime / 1000, traceEvents: 0 } });
};

serveRunner(port, {
  intercept(request) {
    if (request.type === 'cancel' && deaf.has(request.runId)) {
      postDeafProgress(request.runId);
      return true;
    }
    const fault = faultOf(request);
    if (fault === null) return false;
    const runId = request.runId;
    const started = { type: 'run.started', runId, nodes: [], seed: 1, scenarioName: `fault: ${fault}` } as const;
    switch (fault) {
      case 'throw':
        throw new Error('injected fault');
      case 'exit':
        port.postMessage(started);
        process.exit(3);
        break;
      case 'hang':
        port.postMessage(started);
        for (;;) {
          // spin: the thread never reads another message
        }
      case 'deaf': {
        port.postMessage(started);
        deaf.set(runId, 0);
        setInterval(() => postDeafProgress(runId), 20);
        break;
      }
      case 'silent':
        break;
    }
    return true;
  },
});
