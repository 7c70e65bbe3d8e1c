/**
 * What the Chromium benchmarks (bench/chart, bench/editor) share: the browser
 * they drive (/usr/bin/chromium through playwright-core, or $CHROMIUM), its
 * flags, printing figures next to their targets, and BENCH_PROFILE=1's CPU
 * profile printer (self time per function). Benchmarks print; they never
 * assert.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info',
];
/**
 * BENCH_PROFILE=1: also print where the time goes (CPU profile, self time per
 * function), and keep each profile in PROFILE_DIR (.cpuprofile: DevTools'
 * Performance panel opens it).
 */
export const PROFILE = process.env['BENCH_PROFILE'] === '1';
export const PROFILE_DIR = fileURLToPath(new URL('../test-results/bench-profiles', import.meta.url));
/** One frame at 60 Hz, ms. */
export const FRAME_60HZ_MS = 1000 / 60;

export const out = (line: string) => process.stdout.write(`${line}\n`);
export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
/** "ok  " when a target is met, "MISS" when not. */
export const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

/** The p-th percentile (nearest rank) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Prints the functions with the most self time in `profile` (a CDP Profiler.stop result). */
export function printProfile(title: string, profile: CpuProfile, top = 14): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const dt = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}` : '?';
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  out(`  profile, ${title}: ${ms(total)} sampled; top self time:`);
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) out(`    ${ms(t).padStart(10)}  ${name}`);
}

/** Runs `work` under the CPU profiler when BENCH_PROFILE=1 and prints the profile; otherwise just runs it. */
export async function profiled<T>(cdp: CDPSession, title: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  printProfile(title, profile);
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = `${PROFILE_DIR}/${title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  out(`    (kept in ${file})`);
  return result;
}
