/**
 * Time for engines under `l7 serve`: integer ns since serving started
 * (SimTime, as in a simulation), from the monotonic clock. It never goes
 * back, and a timer that fires a little early (Node's timers count in
 * whole ms from a cached loop time) moves it to the deadline, so an engine
 * is always called at or after the deadline it asked for.
 */
import type { SimTime } from '../../src-core/sim/time';

export class ServeClock {
  private readonly start = process.hrtime.bigint();
  private last: SimTime = 0;

  now(): SimTime {
    const t = Number(process.hrtime.bigint() - this.start);
    if (t > this.last) this.last = t;
    return this.last;
  }

  /** Moves the clock to `t` if it is behind it. */
  advanceTo(t: SimTime): void {
    if (t > this.last) this.last = t;
  }
}
