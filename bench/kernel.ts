/**
 * Kernel throughput: events per second of the scheduler alone.
 * 1,000 "processes" each re-schedule themselves after a pseudo-random delay,
 * the shape of a busy network (many timers and packets in flight at once).
 */
import { Prng } from '../src-core/sim/prng';
import { Scheduler } from '../src-core/sim/scheduler';

export function benchKernel(totalEvents = 5_000_000): { events: number; seconds: number; eventsPerSecond: number } {
  const scheduler = new Scheduler();
  const prng = new Prng(1);
  let remaining = totalEvents;
  const tick = (): void => {
    if (--remaining > 0) scheduler.after(1 + (prng.nextUint32() & 0xffff), tick);
  };
  for (let i = 0; i < 1000; i++) scheduler.after(i, tick);
  const start = process.hrtime.bigint();
  scheduler.run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const events = scheduler.eventsExecuted;
  return { events, seconds, eventsPerSecond: events / seconds };
}
