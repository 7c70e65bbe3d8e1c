/**
 * The one re-entry-safe pump of the host layer, shared by the TCP sockets
 * (which drive TcpConnection machines) and the engine driver (which drives
 * application engines). After every input, `run()` calls `step` — move the
 * machine's outputs onward — until no step asks for another, then arms one
 * timer at the machine's deadline.
 *
 * Rules:
 * - An input that arrives while a step runs (a callback from below, on the
 *   same call stack) only asks for another step; outputs are taken in the
 *   order the machine queued them, never nested.
 * - One timer per machine: kept while the deadline and its weakness stay the
 *   same, else cancelled and set anew. A weak timer does not keep a finished
 *   run alive (sim/scheduler.ts).
 */
import type { Deadline } from '../engine/face';
import type { Scheduler, TimerHandle } from '../sim/scheduler';

export class Pump {
  private pumping = false;
  private again = false;
  private timer: TimerHandle | null = null;
  private timerWeak = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly step: () => void,
    private readonly deadline: () => Deadline | null,
    private readonly onTimer: () => void,
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

  /** Cancels the timer for good (the machine is gone). */
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
    const scheduler = this.scheduler;
    this.timerWeak = d.weak;
    this.timer = scheduler.at(
      Math.max(d.at, scheduler.now),
      () => {
        this.timer = null;
        this.onTimer();
        this.run();
      },
      { weak: d.weak },
    );
  }
}
