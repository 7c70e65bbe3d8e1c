/**
 * The one re-entry-safe pump, shared by the TCP sockets (which drive
 * TcpConnection machines), the simulation's engine driver (driver.ts) and
 * the loopback driver of `l7 serve` (src-main/serve/driver.ts). After every
 * input, `run()` calls `step` — move the machine's outputs onward — until no
 * step asks for another, then arms one timer at the machine's deadline.
 *
 * Rules:
 * - An input that arrives while a step runs (a callback from below, on the
 *   same call stack) only asks for another step; outputs are taken in the
 *   order the machine queued them, never nested.
 * - One timer per machine: kept while the deadline and its weakness stay the
 *   same, else cancelled and set anew. A weak timer does not keep a finished
 *   run alive (sim/scheduler.ts), or a serving process up (an unref'd timer).
 * - Timers come from `PumpTimers`: the scheduler in a simulation, Node's
 *   setTimeout over real sockets.
 */
import type { Deadline, EngineTransmit } from '../engine/face';
import type { Scheduler } from '../sim/scheduler';
import type { SimTime } from '../sim/time';

export interface PumpTimer {
  /** When it fires. */
  readonly at: SimTime;
  cancel(): void;
}

export interface PumpTimers {
  /** A timer that calls `fire` at `at` (or as soon after as it can); weak: it keeps nothing alive. */
  set(at: SimTime, weak: boolean, fire: () => void): PumpTimer;
}

/** Timers of a simulation: scheduler events, never in the past. */
export function schedulerTimers(scheduler: Scheduler): PumpTimers {
  return { set: (at, weak, fire) => scheduler.at(Math.max(at, scheduler.now), fire, { weak }) };
}

export class Pump {
  private pumping = false;
  private again = false;
  private timer: PumpTimer | null = null;
  private timerWeak = false;

  constructor(
    private readonly timers: PumpTimers,
    private readonly step: () => void,
    private readonly deadline: () => Deadline | null,
    /** The timer set for deadline `at` fired; `run()` follows. */
    private readonly onTimer: (at: SimTime) => void,
  ) {}

  get running(): boolean {
    return this.pumping;
  }

  run(): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        this.step();
      } while (this.again);
      this.arm();
    } finally {
      this.pumping = false;
    }
  }

  /** Cancels the timer (the machine is gone or stopped). */
  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private arm(): void {
    const d = this.deadline();
    if (this.timer && (d === null || this.timer.at !== d.at || this.timerWeak !== d.weak)) {
      this.timer.cancel();
      this.timer = null;
    }
    if (d === null || this.timer) return;
    this.timerWeak = d.weak;
    this.timer = this.timers.set(d.at, d.weak, () => {
      this.timer = null;
      this.onTimer(d.at);
      this.run();
    });
  }
}

/** What a driver does with what an engine puts out; each call is guarded by the caller. */
export interface EngineOutputs<Event> {
  pollEvent(): Event | null;
  pollTransmit(): EngineTransmit | null;
  report(event: Event): void;
  perform(transmit: EngineTransmit): void;
  /** A poll, a report or a transmit threw: an engine fault (traced by the driver). */
  fault(where: string, error: unknown): void;
}

/**
 * One step of an engine driver: its events (reported), then its transmits
 * (performed), again until both are empty. A poll that throws ends that
 * queue for this step (so a broken engine cannot loop); a report or
 * transmit that throws is a fault, and the next one is taken.
 */
export function drainEngine<Event>(o: EngineOutputs<Event>): void {
  const poll = <T>(what: string, take: () => T | null): T | null => {
    try {
      return take();
    } catch (error) {
      o.fault(what, error);
      return null;
    }
  };
  const guarded = (what: string, act: () => void): void => {
    try {
      act();
    } catch (error) {
      o.fault(what, error);
    }
  };
  for (;;) {
    let moved = false;
    for (let e = poll('pollEvent', () => o.pollEvent()); e !== null; e = poll('pollEvent', () => o.pollEvent())) {
      moved = true;
      const event = e;
      guarded('reporting an event', () => o.report(event));
    }
    for (let t = poll('pollTransmit', () => o.pollTransmit()); t !== null; t = poll('pollTransmit', () => o.pollTransmit())) {
      moved = true;
      const transmit = t;
      guarded(`doing its ${transmit.kind}`, () => o.perform(transmit));
    }
    if (!moved) return;
  }
}
