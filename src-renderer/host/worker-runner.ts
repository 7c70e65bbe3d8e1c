/**
 * The web host's runner: one module Web Worker running RunnerEndpoint,
 * created on the first run and replaced after it crashes or hangs.
 *
 * Rules (api/contract.ts):
 * - every RunEvent from the worker is passed on unchanged;
 * - a worker that crashes (an uncaught error, a message that cannot be read)
 *   turns into `run.failed` for the active run, and the next run gets a fresh
 *   worker;
 * - a cancel must be answered within CANCEL_GRACE_MS (the endpoint answers
 *   within one slice, a few ms); a worker that does not is treated as hung:
 *   it is terminated and the run fails.
 * The worker itself is created by a factory, so tests use a fake one.
 */
import type { HostError, RunEvent, RunRequest, Unsubscribe } from '../../src-core/api/contract';
import type { RunnerMessage, RunnerRequest } from '../../src-core/api/worker-protocol';
import { t } from '../i18n/translate';

export interface WorkerHandle {
  post(request: RunnerRequest): void;
  terminate(): void;
}

export interface WorkerCallbacks {
  message(message: RunnerMessage): void;
  crash(error: HostError): void;
}

export type WorkerFactory = (callbacks: WorkerCallbacks) => WorkerHandle;

export const CANCEL_GRACE_MS = 1000;

const ENDS_RUN = new Set<RunEvent['type']>(['run.finished', 'run.failed', 'run.invalid']);

export class WorkerRunner {
  private worker: WorkerHandle | null = null;
  private activeRunId: string | null = null;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(event: RunEvent) => void>();

  constructor(
    private readonly createWorker: WorkerFactory,
    private readonly cancelGraceMs = CANCEL_GRACE_MS,
  ) {}

  start(request: RunRequest): void {
    this.stopWatchdog();
    this.activeRunId = request.runId;
    const message: RunnerRequest = request.seed === undefined
      ? { type: 'run', runId: request.runId, scenario: request.scenario }
      : { type: 'run', runId: request.runId, scenario: request.scenario, seed: request.seed };
    try {
      this.ensureWorker().post(message);
    } catch (error) {
      // A scenario that cannot be cloned: nothing was sent.
      this.activeRunId = null;
      this.emit({ type: 'run.failed', runId: request.runId, error: asHostError(error) });
    }
  }

  cancel(runId: string): void {
    if (runId !== this.activeRunId || this.worker === null) return;
    this.worker.post({ type: 'cancel', runId });
    this.stopWatchdog();
    this.watchdog = setTimeout(() => {
      this.replaceWorker({
        name: 'RunnerHung',
        message: t('host.runnerHung', { seconds: this.cancelGraceMs / 1000 }),
      });
    }, this.cancelGraceMs);
  }

  onRunEvent(listener: (event: RunEvent) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private ensureWorker(): WorkerHandle {
    if (this.worker) return this.worker;
    const worker: WorkerHandle = this.createWorker({
      message: (message) => {
        if (this.worker === worker) this.receive(message);
      },
      crash: (error) => {
        if (this.worker === worker) this.replaceWorker(error);
      },
    });
    this.worker = worker;
    return worker;
  }

  private receive(message: RunnerMessage): void {
    if (message.runId === this.activeRunId && ENDS_RUN.has(message.type)) {
      this.activeRunId = null;
      this.stopWatchdog();
    }
    this.emit(message);
  }

  /** Drops the current worker; the active run (if any) fails with `error`. */
  private replaceWorker(error: HostError): void {
    this.stopWatchdog();
    this.worker?.terminate();
    this.worker = null;
    const runId = this.activeRunId;
    this.activeRunId = null;
    if (runId !== null) this.emit({ type: 'run.failed', runId, error });
  }

  private stopWatchdog(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }

  private emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function asHostError(error: unknown): HostError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
