/**
 * Runs the fuzzer in a worker thread and watches it. A target that loops
 * for ever cannot report itself (its thread never returns from the
 * input), so this thread reads the heartbeat (heartbeat.ts) every
 * `pollMs`; when no new input has started for `hangMs`, it prints the
 * target, the input and the command to replay it, stops the worker, and
 * the status is 1. Inputs slower than SLOW_MS but finishing are reported
 * by the harness itself.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './cli';
import { heartbeatBuffer, MAX_INPUT, readHeartbeat } from './heartbeat';
import { hex } from './target';
import type { WorkerData, WorkerMessage } from './worker';

export const HANG_MS = 10_000;
/** Time allowed for the thread to start and build its targets before the first input. */
export const STARTUP_MS = 60_000;

export interface WatchOptions {
  readonly out: (line: string) => void;
  readonly hangMs?: number;
  readonly pollMs?: number;
  /** File path of a module exporting allTargets() (tests pass their own). */
  readonly targets?: string;
  readonly cwd?: string;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export function runWatched(argv: readonly string[], options: WatchOptions): Promise<number> {
  const hangMs = options.hangMs ?? HANG_MS;
  const parsed = parseArgs(argv);
  const seed = 'error' in parsed ? null : parsed.seed;
  const heartbeat = heartbeatBuffer();
  const workerData: WorkerData = { entry: here('./worker.ts'), argv, heartbeat, targets: options.targets ?? here('./targets.ts'), cwd: options.cwd ?? process.cwd() };
  const worker = new Worker(here('./boot.mjs'), { workerData });
  return new Promise((resolve) => {
    let status: number | null = null;
    let lastCount = 0;
    let lastChange = performance.now();
    let settled = false;
    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      resolve(code);
    };
    const timer = setInterval(() => {
      const beat = readHeartbeat(heartbeat);
      const now = performance.now();
      if (beat.count !== lastCount) {
        lastCount = beat.count;
        lastChange = now;
        return;
      }
      if (now - lastChange < (beat.count === 0 ? STARTUP_MS : hangMs)) return;
      if (beat.count === 0) options.out(`fuzz: HUNG: the fuzzing thread ran no input within ${STARTUP_MS / 1000} s of starting`);
      else {
        const where = beat.index >= 0 ? `input #${beat.index}` : 'an input being minimised';
        options.out(`fuzz: HUNG: ${beat.target} made no progress for ${(hangMs / 1000).toFixed(1)} s on ${where} (${beat.length} bytes); the fuzzing thread was stopped`);
        if (beat.length <= MAX_INPUT) options.out(`    reproduce: npm run fuzz -- --target ${beat.target} --replay ${hex(beat.input) || "''"}`);
        if (beat.index >= 0 && seed !== null) options.out(`    or the run itself: npm run fuzz -- --target ${beat.target} --seed ${seed} --total ${beat.index + 1}`);
      }
      void worker.terminate();
      finish(1);
    }, options.pollMs ?? 250);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'line') options.out(m.text);
      else status = m.status;
    });
    worker.on('error', (error) => {
      options.out(`fuzz: the fuzzing thread failed: ${error.stack ?? error.message}`);
      finish(1);
    });
    worker.on('exit', () => finish(status ?? 1));
  });
}
