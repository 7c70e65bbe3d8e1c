/**
 * The fuzzing thread (started by watchdog.ts through boot.mjs): runs the
 * command on the targets of `workerData.targets` (a module exporting
 * `allTargets()`), posts each printed line, then its exit status.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { execute, parseArgs, USAGE } from './cli';
import { HeartbeatWriter } from './heartbeat';
import type { FuzzTarget } from './target';

export interface WorkerData {
  readonly entry: string;
  readonly argv: readonly string[];
  readonly heartbeat: SharedArrayBuffer;
  /** File path of a module exporting allTargets(). */
  readonly targets: string;
  readonly cwd: string;
}

export type WorkerMessage = { readonly type: 'line'; readonly text: string } | { readonly type: 'done'; readonly status: number };

const data = workerData as WorkerData;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const args = parseArgs(data.argv);
if ('error' in args) {
  post({ type: 'line', text: `fuzz: ${args.error}\n${USAGE}` });
  post({ type: 'done', status: 2 });
} else {
  const { allTargets } = (await import(pathToFileURL(data.targets).href)) as { allTargets: () => FuzzTarget[] };
  const heartbeat = new HeartbeatWriter(data.heartbeat);
  const status = execute(args, allTargets(), {
    out: (text) => post({ type: 'line', text }),
    clock: () => performance.now(),
    cwd: data.cwd,
    beat: (target, input, index) => heartbeat.beat(target, input, index),
  });
  post({ type: 'done', status });
}
