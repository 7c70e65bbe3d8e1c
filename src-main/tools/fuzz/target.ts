/**
 * What the fuzzer drives: a target is a small object that feeds one input to
 * code under test and says whether that code accepted it.
 *
 * Rules every target keeps:
 * - `run` returns 'ok' when the input was taken as valid, 'rejected' when the
 *   code refused it in its own typed way (a decode error, a problem node in a
 *   dissection, FORMERR, a response that matches nothing). It throws only for
 *   a bug: an exception from the code under test, or a `FuzzCheckError` when
 *   one of the target's own checks fails (e.g. a server sends bytes that our
 *   decoder cannot read).
 * - `run` is a function of the input and, for a stateful target, of the
 *   inputs fed since its last `reset()` — never of the clock or of
 *   `Math.random`. Choices a target makes per input (chunk sizes of a
 *   stream, a transport) come from `inputRng(input)`, so a replay of the
 *   same bytes makes the same choices.
 * - A target that feeds an engine drains every output of every engine of its
 *   world after each input (face-net.ts), so nothing piles up between inputs.
 */
import { Prng } from '../../../src-core/sim/prng';
import { concatBytes as concat } from '../../../src-core/protocols/mail/message/types';

export type Outcome = 'ok' | 'rejected';

export interface FuzzTarget {
  /** Dotted, protocol first ("dns.decode"); an engine's: "<service or action>@<lesson>/<node>.<socket or reply>" (face-targets.ts). */
  readonly name: string;
  /** Valid inputs made with our own encoders; most fuzz inputs are mutations of these. */
  seeds(): Uint8Array[];
  run(input: Uint8Array): Outcome;
  /** Byte strings worth inserting or overwriting with (a name pointer, a length), as libFuzzer's dictionaries. */
  dictionary?(): Uint8Array[];
  /**
   * Applied to half of the mutated inputs before they are run, to get past
   * a gate that random bytes almost never pass (a checksum). What it returns
   * is the input: it is what gets counted, reported and replayed.
   */
  fixup?(input: Uint8Array): Uint8Array;
  /** Stateful targets: back to the state of a new target. The harness calls it every `resetEvery` inputs and before each replay. */
  reset?(): void;
  /** Inputs fed between two resets (default: never reset). */
  readonly resetEvery?: number;
}

/** A check of the target itself failed: the code under test did something wrong without throwing. */
export class FuzzCheckError extends Error {
  override readonly name = 'FuzzCheckError';
}

export function check(condition: boolean, message: () => string): asserts condition {
  if (condition) return;
  const error = new FuzzCheckError(message());
  // The stack starts at the caller, so each check has a signature of its own (harness.ts groups by the top frame).
  Error.captureStackTrace(error, check);
  throw error;
}

/** FNV-1a of the bytes: the seed of the per-input choices. */
export function inputHash(input: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input[i]!, 0x01000193);
  return h >>> 0;
}

/** The generator for the choices a target makes about one input. */
export function inputRng(input: Uint8Array): Prng {
  return new Prng(inputHash(input));
}

/** Cuts `bytes` into chunks of 1 to `max` bytes (sometimes empty ones), as TCP might deliver a stream. */
export function chunks(bytes: Uint8Array, rng: Prng, max = 64): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const n = rng.chance(0.05) ? 0 : rng.nextInt(1, rng.chance(0.5) ? 4 : max);
    out.push(bytes.subarray(at, Math.min(bytes.length, at + n)));
    at += n;
  }
  return out;
}

/** One buffer of the parts in order (the message codec's). */
export { concat };

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Parses hex (whitespace allowed); null when it is not an even number of hex digits. */
export function parseHex(text: string): Uint8Array | null {
  const t = text.replace(/\s+/g, '');
  if (t.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(t)) return null;
  const out = new Uint8Array(t.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(t.slice(2 * i, 2 * i + 2), 16);
  return out;
}
