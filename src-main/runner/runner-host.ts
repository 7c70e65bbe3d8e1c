/**
 * The main process's side of the runner: owns one worker thread
 * (runner-thread.ts), forwards run and cancel requests to it, and relays the
 * RunEvents it posts to one listener (index.ts sends them to the window).
 *
 * It keeps the contract's promises when the worker cannot:
 *
 * - Cancel is answered within 100 ms. The worker stops at its next slice
 *   boundary (a few milliseconds of work) and answers run.finished
 *   "cancelled" itself. If that answer has not come within `cancelAnswerMs`
 *   (50 ms; a busy machine can stretch a slice), the host answers for it:
 *   run.finished "cancelled" with the figures of the last progress report,
 *   which match the batches already relayed. Later events of that run are
 *   dropped; the worker's own run.finished is still awaited below.
 * - A cancelled run (explicitly, or because a newer run started) must really
 *   stop: if the worker has not finished it `cancelTimeoutMs` (1 s) after the
 *   cancel (counted from when the worker took the run up), the worker is
 *   terminated.
 * - A running run that posts nothing for `stallTimeoutMs` (10 s; the worker
 *   reports progress after every slice), or a run the worker does not even
 *   take up within `startTimeoutMs` (10 s), gets run.failed and the worker
 *   is terminated.
 * - A crash (the worker emits 'error', or exits when we did not end it)
 *   gives every open run run.failed: "The simulation stopped unexpectedly: …".
 *
 * A terminated or crashed worker is forgotten and the next run starts a
 * fresh one (lazily, so a worker that cannot even start does not respawn in
 * a loop). A run that was waiting behind a run that would not stop, and had
 * not been taken up, is not at fault: it is posted again to the fresh
 * worker, once.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { HostError, RunEvent, RunRequest } from '../../src-core/api/contract';
import type { RunnerRequest } from '../../src-core/api/worker-protocol';

export const DEFAULT_CANCEL_ANSWER_MS = 50;
export const DEFAULT_CANCEL_TIMEOUT_MS = 1_000;
export const DEFAULT_STALL_TIMEOUT_MS = 10_000;
export const DEFAULT_START_TIMEOUT_MS = 10_000;

export interface RunnerHostOptions {
  /** The worker's entry: the built runner-thread.js (index.ts), or a test bootstrap. */
  readonly workerPath: string | URL;
  readonly workerOptions?: WorkerOptions;
  readonly onEvent: (event: RunEvent) => void;
  readonly cancelAnswerMs?: number;
  readonly cancelTimeoutMs?: number;
  readonly stallTimeoutMs?: number;
  readonly startTimeoutMs?: number;
}

type Failure = 'crash' | 'stall' | 'start' | 'cancel';

interface OpenRun {
  readonly request: RunRequest;
  seed: number;
  simTime: number;
  traceEvents: number;
  /** The worker has posted something for this run (it has taken it up). */
  heard: boolean;
  cancelRequested: boolean;
  /** The host has answered the cancel itself; the run's later events are dropped. */
  answered: boolean;
  retried: boolean;
  /** Start, stall or cancel watchdog, whichever applies to the run's state. */
  watchdog: NodeJS.Timeout | null;
  watching: 'start' | 'stall' | 'cancel' | null;
  answerTimer: NodeJS.Timeout | null;
}

const RUN_EVENT_TYPES = new Set<string>(['run.started', 'run.batch', 'run.progress', 'run.finished', 'run.invalid', 'run.failed']);
const TERMINAL_TYPES = new Set<string>(['run.finished', 'run.invalid', 'run.failed']);

function isRunEvent(value: unknown): value is RunEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['type'] === 'string' && RUN_EVENT_TYPES.has(v['type']) && typeof v['runId'] === 'string';
}

export class RunnerHost {
  private worker: Worker | null = null;
  private readonly open = new Map<string, OpenRun>();
  private readonly timeouts: Readonly<Record<'answer' | 'start' | 'stall' | 'cancel', number>>;
  private disposed = false;
  /** How many workers this host has started (tests read it). */
  workersStarted = 0;

  constructor(private readonly options: RunnerHostOptions) {
    this.timeouts = {
      answer: options.cancelAnswerMs ?? DEFAULT_CANCEL_ANSWER_MS,
      start: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      stall: options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
      cancel: options.cancelTimeoutMs ?? DEFAULT_CANCEL_TIMEOUT_MS,
    };
  }

  /** Starts a run; a run still going is cancelled by the runner (and treated like any cancel). */
  start(request: RunRequest): void {
    if (this.disposed) throw new Error('The runner has been shut down.');
    if (this.open.has(request.runId)) throw new Error(`A run with id "${request.runId}" is already going.`);
    const previous = [...this.open.values()];
    this.submit(request, false); // throws, recording nothing, if the request cannot be sent
    for (const run of previous) this.requestCancel(run);
  }

  /** Asks the runner to stop `runId`; unknown or finished runs are ignored. */
  cancel(runId: string): void {
    const run = this.open.get(runId);
    if (!run || run.cancelRequested) return;
    this.post({ type: 'cancel', runId });
    this.requestCancel(run);
  }

  /** Ends the worker; open runs get no further events. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const run of this.open.values()) this.clearTimers(run);
    this.open.clear();
    const worker = this.detachWorker();
    if (worker) await worker.terminate();
  }

  private submit(request: RunRequest, retried: boolean): void {
    const run: OpenRun = {
      request,
      seed: request.seed ?? 0,
      simTime: 0,
      traceEvents: 0,
      heard: false,
      cancelRequested: false,
      answered: false,
      retried,
      watchdog: null,
      watching: null,
      answerTimer: null,
    };
    this.post(
      request.seed === undefined
        ? { type: 'run', runId: request.runId, scenario: request.scenario }
        : { type: 'run', runId: request.runId, scenario: request.scenario, seed: request.seed },
    );
    this.open.set(request.runId, run);
    this.watch(run, 'start');
  }

  private post(message: RunnerRequest): void {
    this.ensureWorker().postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerPath, this.options.workerOptions);
    this.workersStarted++;
    worker.on('message', (value: unknown) => {
      if (this.worker === worker) this.onMessage(value);
    });
    worker.on('messageerror', (error: Error) => {
      if (this.worker === worker) this.replaceWorker('crash', `a message from it could not be read (${error.message})`);
    });
    worker.on('error', (error: Error) => {
      if (this.worker === worker) this.replaceWorker('crash', error.message);
    });
    worker.on('exit', (code: number) => {
      if (this.worker === worker) this.replaceWorker('crash', `its thread exited with code ${code}`);
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(value: unknown): void {
    if (!isRunEvent(value)) return;
    const run = this.open.get(value.runId);
    if (!run) return;
    if (!run.heard) {
      run.heard = true;
      this.watch(run, run.cancelRequested ? 'cancel' : 'stall');
    } else if (run.watching === 'stall') {
      run.watchdog?.refresh();
    }
    if (value.type === 'run.started') run.seed = value.seed;
    if (value.type === 'run.progress') {
      run.simTime = value.progress.simTime;
      run.traceEvents = value.progress.traceEvents;
    }
    if (TERMINAL_TYPES.has(value.type)) this.close(run);
    if (!run.answered) this.options.onEvent(value);
  }

  private requestCancel(run: OpenRun): void {
    if (run.cancelRequested) return;
    run.cancelRequested = true;
    if (run.heard) this.watch(run, 'cancel');
    run.answerTimer = setTimeout(() => {
      run.answerTimer = null;
      if (this.open.get(run.request.runId) !== run || run.answered) return;
      run.answered = true;
      this.options.onEvent(cancelled(run));
    }, this.timeouts.answer);
  }

  private watch(run: OpenRun, what: 'start' | 'stall' | 'cancel'): void {
    if (run.watchdog) clearTimeout(run.watchdog);
    run.watching = what;
    run.watchdog = setTimeout(() => {
      const detail = what === 'cancel' ? run.request.runId : `${this.timeouts[what] / 1000} s`;
      this.replaceWorker(what, detail);
    }, this.timeouts[what]);
  }

  private clearTimers(run: OpenRun): void {
    if (run.watchdog) clearTimeout(run.watchdog);
    if (run.answerTimer) clearTimeout(run.answerTimer);
    run.watchdog = null;
    run.watching = null;
    run.answerTimer = null;
  }

  private close(run: OpenRun): void {
    this.clearTimers(run);
    this.open.delete(run.request.runId);
  }

  private detachWorker(): Worker | null {
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => {}); // a dying worker may still emit 'error'; nobody listens any more
    }
    return worker;
  }

  /**
   * Ends the current worker and settles every open run. `detail` is the error
   * for a crash, the timeout for a stall or start, and the run that would not
   * stop for a cancel.
   */
  private replaceWorker(cause: Failure, detail: string): void {
    const worker = this.detachWorker();
    if (worker) void worker.terminate();
    const runs = [...this.open.values()];
    this.open.clear();
    const retry: RunRequest[] = [];
    for (const run of runs) {
      this.clearTimers(run);
      if (run.answered) continue;
      if (run.cancelRequested) this.options.onEvent(cancelled(run));
      else if (cause === 'cancel' && !run.heard && !run.retried) retry.push(run.request);
      else this.options.onEvent({ type: 'run.failed', runId: run.request.runId, error: failure(cause, detail) });
    }
    for (const request of retry) this.submit(request, true);
  }
}

function cancelled(run: OpenRun): RunEvent {
  return {
    type: 'run.finished',
    runId: run.request.runId,
    summary: { stopReason: 'cancelled', endTime: run.simTime, traceEvents: run.traceEvents, seed: run.seed },
  };
}

function failure(cause: Failure, detail: string): HostError {
  const next = 'A fresh runner will serve the next run.';
  switch (cause) {
    case 'crash':
      return { name: 'RunnerCrashed', message: `The simulation stopped unexpectedly: ${detail}. ${next}` };
    case 'stall':
      return { name: 'RunnerStalled', message: `The simulation stopped responding (no progress for ${detail}) and was stopped. ${next}` };
    case 'start':
      return { name: 'RunnerStalled', message: `The simulation did not start within ${detail} and was stopped. ${next}` };
    case 'cancel':
      return { name: 'RunnerStalled', message: `The simulation was stopped because run "${detail}" did not respond to cancel. ${next}` };
  }
}
