/**
 * The fuzz loop: feeds each target its share of the inputs, counts what the
 * code under test made of them, and collects every exception with a
 * reproducer.
 *
 * Rules:
 * - Deterministic: target t's inputs come from `new Prng(seed).fork(t.name)`,
 *   so they depend only on the seed and the target's name. The first k
 *   inputs of a target in a full run are the inputs of `--target t --total k`.
 * - Bounded: `total` inputs in all, spread evenly over the targets; a target
 *   is reset every `resetEvery` inputs; minimising a failure has a budget.
 * - An exception is anything `run` throws. Exceptions are grouped by
 *   signature (error name and the top frame of its stack); the first input
 *   of each new signature is minimised: for a stateful target, to the
 *   fewest inputs since its last reset that still fail the same way, then
 *   the last of them to its fewest bytes.
 * - An input taking longer than `slowMs` counts as a failure (a hang
 *   guard, not a speed test). Times come from `clock`, injected, so tests
 *   need no real clock.
 */
import { Prng } from '../../../src-core/sim/prng';
import { Mutator } from './mutate';
import { FuzzCheckError, type FuzzTarget, type Outcome } from './target';

export interface FuzzOptions {
  readonly total: number;
  readonly seed: number;
  /** An input taking longer than this (ms) is a failure. */
  readonly slowMs: number;
  /** Milliseconds on a monotonic clock (performance.now in the tool). */
  readonly clock: () => number;
  /** Called before each input runs, minimisation included (index -1): the watchdog's heartbeat. */
  readonly beat?: (target: string, input: Uint8Array, index: number) => void;
  /** Distinct exception signatures minimised and kept per target; later ones are only counted. */
  readonly signaturesPerTarget?: number;
  /** Runs of the target one minimisation may use. */
  readonly minimiseBudget?: number;
}

export interface Failure {
  readonly target: string;
  readonly kind: 'exception' | 'slow';
  /** "RangeError at writer.ts:72:…", or "slow". */
  readonly signature: string;
  /** The error's first line ("RangeError: …"), or the time taken. */
  readonly message: string;
  /** The top frame of the stack, then the first frames in two other files (who called it); empty when there is none. */
  readonly stack: readonly string[];
  /** Index of the first failing input in the target's stream. */
  readonly index: number;
  readonly input: Uint8Array;
  /** Inputs that failed with this signature. */
  count: number;
  /** Inputs to feed a fresh target, in order, to see the failure again (for a slow input: the input). */
  readonly reproducer: readonly Uint8Array[];
}

export interface TargetStats {
  readonly name: string;
  inputs: number;
  ok: number;
  rejected: number;
  exceptions: number;
  slow: number;
  slowestMs: number;
  readonly failures: Failure[];
}

export interface FuzzReport {
  readonly seed: number;
  readonly total: number;
  readonly targets: readonly TargetStats[];
}

const DEFAULT_SIGNATURES = 8;
const DEFAULT_BUDGET = 20_000;

/** `total` spread over `n` targets: equal shares, the remainder one each to the first ones. */
export function shares(total: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
}

export function runFuzz(targets: readonly FuzzTarget[], options: FuzzOptions): FuzzReport {
  const counts = shares(options.total, targets.length);
  return { seed: options.seed, total: options.total, targets: targets.map((t, i) => fuzzTarget(t, counts[i]!, options)) };
}

export function failed(report: FuzzReport): boolean {
  return report.targets.some((t) => t.exceptions > 0 || t.slow > 0);
}

function fuzzTarget(target: FuzzTarget, n: number, options: FuzzOptions): TargetStats {
  const stats: TargetStats = { name: target.name, inputs: 0, ok: 0, rejected: 0, exceptions: 0, slow: 0, slowestMs: 0, failures: [] };
  const rng = new Prng(options.seed).fork(target.name);
  const mutator = new Mutator(rng.fork('mutator'), target.seeds(), target.dictionary?.() ?? []);
  const fixups = rng.fork('fixup');
  const stateful = target.reset !== undefined;
  let history: Uint8Array[] = [];
  const reset = () => {
    target.reset?.();
    history = [];
  };
  reset();
  for (let i = 0; i < n; i++) {
    if (target.resetEvery && i > 0 && i % target.resetEvery === 0) reset();
    const next = mutator.next();
    const input = next.mutated && target.fixup && fixups.chance(0.5) ? target.fixup(next.input) : next.input;
    if (stateful) history.push(input);
    options.beat?.(target.name, input, i);
    const started = options.clock();
    let outcome: Outcome | { error: unknown };
    try {
      outcome = target.run(input);
    } catch (error) {
      outcome = { error };
    }
    const ms = options.clock() - started;
    stats.inputs++;
    stats.slowestMs = Math.max(stats.slowestMs, ms);
    if (ms > options.slowMs) {
      stats.slow++;
      if (stats.failures.filter((f) => f.kind === 'slow').length < (options.signaturesPerTarget ?? DEFAULT_SIGNATURES)) {
        stats.failures.push({ target: target.name, kind: 'slow', signature: 'slow', message: `took ${ms.toFixed(0)} ms (limit ${options.slowMs} ms)`, stack: [], index: i, input, count: 1, reproducer: stateful ? [...history] : [input] });
      }
    }
    if (outcome === 'ok') {
      stats.ok++;
      if (next.mutated) mutator.offer(input);
    } else if (outcome === 'rejected') stats.rejected++;
    else {
      stats.exceptions++;
      const e = describeError(outcome.error);
      const known = stats.failures.find((f) => f.kind === 'exception' && f.signature === e.signature);
      if (known) known.count++;
      else if (stats.failures.filter((f) => f.kind === 'exception').length < (options.signaturesPerTarget ?? DEFAULT_SIGNATURES)) {
        const reproducer = minimise(target, stateful ? history : [input], e.signature, options);
        stats.failures.push({ target: target.name, kind: 'exception', signature: e.signature, message: e.message, stack: e.stack, index: i, input, count: 1, reproducer });
      }
      // The engine's state after an exception is not to be trusted: start again.
      if (stateful) reset();
    }
  }
  return stats;
}

export interface ErrorDescription {
  readonly signature: string;
  readonly message: string;
  readonly stack: readonly string[];
}

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { signature: `thrown ${typeof error}`, message: `thrown ${typeof error}: ${String(error)}`, stack: [] };
  // Frames in our files only (not "<anonymous>" or node: internals).
  const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l) && /[/\\][^/\\]+:\d+:\d+\)?$/.test(l) && !/[\s(]node:/.test(l)).map((l) => l.trim());
  // A frame's location only (file:line:column), without the function name a closure may vary.
  const location = (frame: string) => /\(?([^\s()]+:\d+:\d+)\)?$/.exec(frame)?.[1] ?? frame;
  const file = (frame: string) => location(frame).replace(/:\d+:\d+$/, '');
  const stack: string[] = [];
  for (const f of frames) if (stack.length === 0 || (stack.length < 3 && !HARNESS_FILES.test(file(f)) && !stack.some((s) => file(s) === file(f)))) stack.push(f);
  const top = frames[0] ?? '';
  const message = `${error.name}: ${error.message}`;
  // Our checks have a call site each; a codec may throw different errors from one line (an empty label, a long one),
  // told apart by the message with its values masked: quoted text (which may hold quotes and newlines) and numbers.
  const shape = error instanceof FuzzCheckError ? '' : ` (${message.replace(/(?<=^|[\s(])"(?:[^"]|"(?![\s,.;:)]|$))*"/g, (q) => (q === '""' ? q : '"…"')).replace(/\d+/g, 'N')})`;
  return { signature: `${error.name} at ${location(top)}${shape}`, message, stack };
}

/** The fuzz loop's own files, left out of the frames shown after the top one. */
const HARNESS_FILES = /[/\\]tools[/\\]fuzz[/\\](harness|cli|worker|face-net|face-net-parts|face-target|face-world)\.ts$/;

/** True when running `inputs` in order on a fresh target throws with `signature`. */
function failsWith(target: FuzzTarget, inputs: readonly Uint8Array[], signature: string, options: FuzzOptions): boolean {
  target.reset?.();
  for (const input of inputs) {
    options.beat?.(target.name, input, -1);
    try {
      target.run(input);
    } catch (error) {
      return describeError(error).signature === signature;
    }
  }
  return false;
}

/**
 * Fewest inputs (dropping earlier ones one at a time), then fewest bytes in
 * each of them, last first, that still fail with `signature`. Returns the
 * inputs unchanged if even they no longer fail (the failure depended on
 * state from before the history).
 */
function minimise(target: FuzzTarget, history: readonly Uint8Array[], signature: string, options: FuzzOptions): Uint8Array[] {
  let budget = options.minimiseBudget ?? DEFAULT_BUDGET;
  const tries = (inputs: readonly Uint8Array[]) => {
    if (budget < inputs.length) return false;
    budget -= inputs.length;
    return failsWith(target, inputs, signature, options);
  };
  let inputs = [...history];
  const last = inputs[inputs.length - 1]!;
  if (inputs.length > 1 && tries([last])) inputs = [last];
  else if (!tries(inputs)) {
    target.reset?.();
    return inputs;
  }
  for (let i = 0; i < inputs.length - 1; ) {
    const fewer = [...inputs.slice(0, i), ...inputs.slice(i + 1)];
    if (tries(fewer)) inputs = fewer;
    else i++;
  }
  for (let j = inputs.length - 1; j >= 0; j--) inputs[j] = shrinkBytes(inputs[j]!, (b) => tries(inputs.map((x, k) => (k === j ? b : x))), () => budget > 0);
  target.reset?.();
  return inputs;
}

/**
 * Deletes chunks of `bytes` while `fails` holds, in passes until nothing
 * shrinks: chunks of halving size down to 17 bytes, then every size from 16
 * to 1 at every offset — a label or a field is rarely aligned to a power
 * of two.
 */
function shrinkBytes(bytes: Uint8Array, fails: (b: Uint8Array) => boolean, more: () => boolean): Uint8Array {
  for (let shrunk = true; shrunk && more(); ) {
    shrunk = false;
    const sizes: number[] = [];
    for (let size = bytes.length >> 1; size > 16; size >>= 1) sizes.push(size);
    for (let size = Math.min(16, bytes.length); size >= 1; size--) sizes.push(size);
    for (const size of sizes) {
      const stride = size <= 16 ? 1 : size;
      for (let at = 0; at + size <= bytes.length && more(); ) {
        const shorter = new Uint8Array(bytes.length - size);
        shorter.set(bytes.subarray(0, at));
        shorter.set(bytes.subarray(at + size), at);
        if (fails(shorter)) {
          bytes = shorter;
          shrunk = true;
        } else at += stride;
      }
    }
  }
  return bytes;
}

/** Feeds `inputs` in order to a fresh target; one result per input. */
export function replay(target: FuzzTarget, inputs: readonly Uint8Array[], clock: () => number): { outcome: Outcome | 'exception'; ms: number; error?: unknown }[] {
  target.reset?.();
  return inputs.map((input) => {
    const started = clock();
    try {
      const outcome = target.run(input);
      return { outcome, ms: clock() - started };
    } catch (error) {
      return { outcome: 'exception' as const, ms: clock() - started, error };
    }
  });
}
