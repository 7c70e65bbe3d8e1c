/**
 * A transfer of 10^9 bytes (bench/gigabyte.l7.json) through the command
 * line, as a user would run it: peak resident memory of the process (target
 * < 1 GB), with the trace kept in memory, and once more writing the trace
 * JSON and the pcapng as the run goes (about 3 GB of files, in a scratch
 * folder removed afterwards). The trace store's own accounting of the same
 * run (bytes per transport message, target ≤ 200) is deterministic, so it
 * is printed once.
 *
 * Peak memory is read from /proc/<pid>/status (VmHWM, the high-water mark)
 * while the child runs; without /proc the figure is not printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseScenarioText } from '../src-core/scenario/load';
import { runScenario } from '../src-core/scenario/runner';
import type { TraceMemory } from '../src-core/trace/store';
import { buildCli } from '../src-main/tools/build-cli';

const ROOT = resolve(import.meta.dirname, '..');
export const GIGABYTE_SCENARIO = 'bench/gigabyte.l7.json';

export interface ChildFigures {
  readonly seconds: number;
  /** Peak resident set, bytes; null without /proc. */
  readonly peakRss: number | null;
}

function highWaterMark(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Runs `node out/cli/l7.mjs run <scenario> …extra`, polling its memory high-water mark. */
function runCli(cli: string, extra: readonly string[]): Promise<ChildFigures> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'run', GIGABYTE_SCENARIO, ...extra], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak: number | null = null;
    let stderr = '';
    const poll = setInterval(() => {
      const now = child.pid === undefined ? null : highWaterMark(child.pid);
      if (now !== null) peak = Math.max(peak ?? 0, now);
    }, 100);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) fail(new Error(`l7 run ${GIGABYTE_SCENARIO} exited with ${code}: ${stderr}`));
      else done({ seconds: (performance.now() - started) / 1000, peakRss: peak });
    });
  });
}

/** The store's accounting after the run (in this process). */
export function gigabyteTraceMemory(): TraceMemory {
  const loaded = parseScenarioText(readFileSync(join(ROOT, GIGABYTE_SCENARIO), 'utf8'));
  if (!loaded.ok) throw new Error(`${GIGABYTE_SCENARIO} does not load`);
  return runScenario(loaded.scenario).sim.store.memory();
}

export async function benchGigabyte(runs: number): Promise<{ inMemory: ChildFigures[]; writingFiles: ChildFigures }> {
  const cli = await buildCli();
  const inMemory: ChildFigures[] = [];
  for (let i = 0; i < runs; i++) inMemory.push(await runCli(cli, []));
  const scratch = mkdtempSync(join(tmpdir(), 'l7-bench-gigabyte-'));
  try {
    const writingFiles = await runCli(cli, ['--out', join(scratch, 'trace.json'), '--pcap', join(scratch, 'trace.pcapng')]);
    if (!existsSync(join(scratch, 'trace.json'))) throw new Error('the trace was not written');
    return { inMemory, writingFiles };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
