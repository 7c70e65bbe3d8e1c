/**
 * Fuzz targets that drive a sans-I/O engine (STYLE.md "Protocol engines"):
 * inputs go in through the engine's handle* methods, and after each input
 * every poll* output is drained, checked and delivered to the rest of a
 * small world (a server that answers the engine's queries), until the
 * engine is quiet.
 *
 * `PolledEngine` is the output half of the common face every engine is
 * moving onto (handleDatagram / handleStream / handleTimeout in,
 * pollTransmit / pollTimeout / pollEvent out). Until all engines have it,
 * its members beyond pollTransmit are optional, and a target's `feed` calls
 * whatever input method its engine has today; adding an engine is one
 * `engineTarget({...})` entry.
 *
 * Time: each input happens `step` ns after the previous one on the
 * engine's own clock (SimTime), and timeouts due by then fire first, so
 * retransmissions run and state ends as it would in a simulation.
 */
import type { SimTime } from '../../../src-core/sim/time';
import { check, type FuzzTarget, type Outcome } from './target';

export interface PolledEngine<T> {
  pollTransmit(): T | null;
  pollEvent?(): unknown;
  pollTimeout?(): SimTime | null;
  handleTimeout?(now: SimTime): void;
}

export interface Drained<T> {
  readonly transmits: T[];
  readonly events: unknown[];
}

/** More outputs than this for one input is taken as a loop in the engine (or between it and its world). */
export const MAX_OUTPUTS = 10_000;

/**
 * Drains `engine` until it is quiet. Each transmit goes to `deliver`, which
 * may feed the engine again (an answer to its query); events are collected.
 */
export function settle<T>(engine: PolledEngine<T>, deliver: (t: T) => void): Drained<T> {
  const transmits: T[] = [];
  const events: unknown[] = [];
  for (;;) {
    let quiet = true;
    for (let t = engine.pollTransmit(); t !== null; t = engine.pollTransmit()) {
      quiet = false;
      transmits.push(t);
      check(transmits.length <= MAX_OUTPUTS, () => `over ${MAX_OUTPUTS} transmits for one input`);
      deliver(t);
    }
    if (engine.pollEvent) {
      for (let e = engine.pollEvent(); e !== null && e !== undefined; e = engine.pollEvent()) {
        quiet = false;
        events.push(e);
        check(events.length <= MAX_OUTPUTS, () => `over ${MAX_OUTPUTS} events for one input`);
      }
    }
    if (quiet) return { transmits, events };
  }
}

export interface EngineSpec<E extends PolledEngine<T>, T> {
  readonly name: string;
  seeds(): Uint8Array[];
  dictionary?(): Uint8Array[];
  readonly resetEvery: number;
  /** Simulated time between two inputs (ns). */
  readonly step: SimTime;
  create(): E;
  /** Hands one input to the engine, through the input method this target is about. */
  feed(engine: E, input: Uint8Array, now: SimTime): void;
  /** Checks one output (throws FuzzCheckError) and delivers it to the engine's world, if it has one. */
  deliver(engine: E, transmit: T, now: SimTime): void;
  /** What the engine made of the input, from what it gave out for it. */
  outcome(out: Drained<T>, engine: E): Outcome;
}

export function engineTarget<E extends PolledEngine<T>, T>(spec: EngineSpec<E, T>): FuzzTarget {
  let engine = spec.create();
  let now: SimTime = 0;
  const fire = () => {
    for (let i = 0; ; i++) {
      const due = engine.pollTimeout?.() ?? null;
      if (due === null || due > now || !engine.handleTimeout) return;
      check(i < MAX_OUTPUTS, () => `timeout at ${due} still due after ${MAX_OUTPUTS} calls of handleTimeout(${now})`);
      engine.handleTimeout(now);
      settle(engine, (t) => spec.deliver(engine, t, now));
    }
  };
  return {
    name: spec.name,
    seeds: () => spec.seeds(),
    ...(spec.dictionary ? { dictionary: () => spec.dictionary!() } : {}),
    resetEvery: spec.resetEvery,
    reset() {
      engine = spec.create();
      now = 0;
    },
    run(input) {
      now += spec.step;
      fire();
      spec.feed(engine, input, now);
      return spec.outcome(
        settle(engine, (t) => spec.deliver(engine, t, now)),
        engine,
      );
    },
  };
}
