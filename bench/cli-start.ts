/**
 * Wall time of one `l7 run` of a lesson, start to exit, as a user types it:
 * the built file (out/cli/l7.mjs, plain Node; target < 0.3 s), the sources
 * through tsx (`npx tsx src-main/cli/main.ts`, TypeScript compiled at start),
 * and `npm run l7` (npm's own start on top of tsx). The file is built first
 * (buildCli, as `npm run build:cli`) so the figure is of the current sources.
 * The simulation itself is a few milliseconds of each.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildCli } from '../src-main/tools/build-cli';

const ROOT = resolve(import.meta.dirname, '..');
export const CLI_BENCH_LESSON = 'resources/lessons/sockets-tcp.l7.json';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

export interface StartFigure {
  readonly title: string;
  /** Wall seconds of each run, in the order run. */
  readonly seconds: readonly number[];
}

function wall(command: string, args: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  const seconds = (performance.now() - started) / 1000;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return seconds;
}

/** Each way of starting the command line, `runs` times (after one warm-up run each, so files are in the cache). */
export async function benchCliStart(runs = 7): Promise<StartFigure[]> {
  const cli = await buildCli();
  const ways: [string, string, string[]][] = [
    ['node out/cli/l7.mjs run …', process.execPath, [cli, 'run', CLI_BENCH_LESSON]],
    ['npx tsx src-main/cli/main.ts run …', NPX, ['tsx', 'src-main/cli/main.ts', 'run', CLI_BENCH_LESSON]],
    ['npm run l7 -- run …', NPM, ['run', '--silent', 'l7', '--', 'run', CLI_BENCH_LESSON]],
  ];
  return ways.map(([title, command, args]) => {
    wall(command, args);
    return { title, seconds: Array.from({ length: runs }, () => wall(command, args)) };
  });
}
