/**
 * The runner side of a host: takes RunnerRequests, runs scenarios in slices
 * and posts RunEvents. The same code serves the Electron worker thread and
 * the browser's Web Worker; each supplies `post` and `yieldToHost` (which
 * lets the thread take in a cancel between slices).
 *
 * Rules: one run at a time (a new run cancels the current one); a batch and
 * a progress report after every slice, so the chart fills while a long run
 * goes on; a slice is a fixed number of kernel events (deterministic, and a
 * few milliseconds of work, so a cancel is answered well within 100 ms).
 */
import { validateScenario } from '../scenario/load';
import { ScenarioRun } from '../scenario/runner';
import type { HostError, RunSummary } from './contract';
import type { RunnerMessage, RunnerRequest } from './worker-protocol';

/** Kernel events per slice: ~1–20 µs each, so a slice is a few ms to ~20 ms even on a loaded machine. */
export const DEFAULT_SLICE_EVENTS = 1_000;

export interface RunnerEndpointOptions {
  post(message: RunnerMessage): void;
  yieldToHost(): Promise<void>;
  sliceEvents?: number;
}

interface ActiveRun {
  readonly runId: string;
  cancelRequested: boolean;
}

export class RunnerEndpoint {
  private active: ActiveRun | null = null;
  private readonly sliceEvents: number;

  constructor(private readonly options: RunnerEndpointOptions) {
    this.sliceEvents = options.sliceEvents ?? DEFAULT_SLICE_EVENTS;
  }

  /** Handles one request; a run goes on asynchronously and the promise settles when it ends. */
  handle(request: RunnerRequest): Promise<void> {
    if (request.type === 'cancel') {
      if (this.active?.runId === request.runId) this.active.cancelRequested = true;
      return Promise.resolve();
    }
    if (this.active) this.active.cancelRequested = true;
    const active: ActiveRun = { runId: request.runId, cancelRequested: false };
    this.active = active;
    return this.run(active, request.scenario, request.seed).finally(() => {
      if (this.active === active) this.active = null;
    });
  }

  private async run(active: ActiveRun, scenario: unknown, seed: number | undefined): Promise<void> {
    const { post } = this.options;
    const runId = active.runId;
    const validated = validateScenario(scenario);
    if (!validated.ok) {
      post({ type: 'run.invalid', runId, issues: validated.issues });
      return;
    }
    let run: ScenarioRun;
    try {
      run = new ScenarioRun(validated.scenario, seed === undefined ? {} : { seed });
      post({ type: 'run.started', runId, nodes: run.nodes, seed: run.seed, scenarioName: validated.scenario.name });
      for (;;) {
        const status = run.step(this.sliceEvents);
        this.postBatch(runId, run);
        post({ type: 'run.progress', runId, progress: run.progress() });
        if (status !== 'running') break;
        await this.options.yieldToHost();
        if (active.cancelRequested) {
          run.cancel();
          break;
        }
      }
    } catch (error) {
      post({ type: 'run.failed', runId, error: toHostError(error) });
      return;
    }
    this.postBatch(runId, run);
    const status = run.stopReason;
    const summary: RunSummary = {
      stopReason: status === 'running' ? 'cancelled' : status,
      endTime: run.progress().simTime,
      traceEvents: run.progress().traceEvents,
      seed: run.seed,
    };
    post({ type: 'run.finished', runId, summary });
  }

  private postBatch(runId: string, run: ScenarioRun): void {
    const batch = run.takeBatch();
    if (batch.events.length || batch.updates.length || batch.metrics.length) {
      this.options.post({ type: 'run.batch', runId, batch });
    }
  }
}

export function toHostError(error: unknown): HostError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
