/**
 * The discrete-event kernel: a binary min-heap of events ordered by
 * (time, insertion sequence). Events scheduled for the same time fire in the
 * order they were scheduled, which makes every run deterministic.
 *
 * Reading order: schedule() → runNext() → run().
 *
 * Events are "strong" (they keep the run going) or "weak" (like Node's
 * `timer.unref()`: a TCP TIME_WAIT timer, a cache expiry). When only weak
 * events remain, the run is over.
 *
 * A cancelled event leaves the heap at once (each event knows its heap
 * index): TCP re-arms its retransmission timer on every ACK, and lazily
 * removed timers would fill the heap with a second's worth of dead entries,
 * making every push and pop deeper.
 */
import type { SimTime } from './time';

export type EventAction = () => void;

export interface TimerHandle {
  readonly at: SimTime;
  /** Prevents the event from firing; cheap (lazy removal). */
  cancel(): void;
  readonly cancelled: boolean;
}

class ScheduledEvent implements TimerHandle {
  cancelled = false;
  /** Position in the heap; -1 once out of it. */
  index = -1;
  /** For call(): the function and its argument (action is then null). */
  fn: ((arg: never) => void) | null = null;
  arg: unknown = undefined;
  constructor(
    public at: SimTime,
    public seq: number,
    public action: EventAction | null,
    public weak: boolean,
    private readonly owner: Scheduler,
  ) {}

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.owner.onCancel(this);
  }
}

export type StopReason = 'idle' | 'end-time' | 'event-budget' | 'cancelled';

export class Scheduler {
  private heap: ScheduledEvent[] = [];
  /** Fired call() events, reused: nobody holds a handle to them. */
  private readonly spare: ScheduledEvent[] = [];
  private nextSeq = 0;
  private liveStrong = 0;
  private current: SimTime = 0;
  private executed = 0;

  /** The current simulated time: the time of the event being run. */
  get now(): SimTime {
    return this.current;
  }

  /** Events executed so far. */
  get eventsExecuted(): number {
    return this.executed;
  }

  /** Events waiting, weak ones included. */
  get pending(): number {
    return this.heap.length;
  }

  /** True while at least one strong, uncancelled event is waiting. */
  get hasWork(): boolean {
    return this.liveStrong > 0;
  }

  /** Schedules `action` at absolute time `at` (never earlier than now). */
  at(at: SimTime, action: EventAction, options?: { weak?: boolean }): TimerHandle {
    if (!Number.isInteger(at)) throw new RangeError(`event time must be an integer number of ns, got ${at}`);
    if (at < this.current) throw new RangeError(`cannot schedule in the past: ${at} ns < now ${this.current} ns`);
    const weak = options?.weak ?? false;
    const event = new ScheduledEvent(at, this.nextSeq++, action, weak, this);
    if (!weak) this.liveStrong++;
    this.push(event);
    return event;
  }

  /** Schedules `action` after `delay` nanoseconds. */
  after(delay: SimTime, action: EventAction, options?: { weak?: boolean }): TimerHandle {
    return this.at(this.current + delay, action, options);
  }

  /**
   * Schedules `fn(arg)` after `delay` ns, strong and without a handle: the
   * network's per-packet events (a transmission ending, a packet arriving).
   * Same order as at()/after(); cheaper, since `fn` is made once by the
   * caller and the event objects are reused (no allocation per packet).
   */
  call<T>(delay: SimTime, fn: (arg: T) => void, arg: T): void {
    const at = this.current + delay;
    if (!Number.isInteger(at) || delay < 0) throw new RangeError(`event delay must be a non-negative integer number of ns, got ${delay}`);
    let event = this.spare.pop();
    if (event) {
      event.at = at;
      event.seq = this.nextSeq++;
      event.cancelled = false;
    } else {
      event = new ScheduledEvent(at, this.nextSeq++, null, false, this);
    }
    event.fn = fn as (arg: never) => void;
    event.arg = arg;
    this.liveStrong++;
    this.push(event);
  }

  /** @internal called by a handle when it is cancelled. */
  onCancel(event: ScheduledEvent): void {
    if (!event.weak) this.liveStrong--;
    this.remove(event);
  }

  /**
   * Runs the next event if its time is ≤ `limit`. Returns false when there is
   * nothing (strong) left to run or the next event lies beyond `limit`.
   */
  runNext(limit: SimTime = Number.MAX_SAFE_INTEGER): boolean {
    while (this.heap.length > 0) {
      if (this.liveStrong === 0) return false;
      const top = this.heap[0]!;
      if (top.at > limit) return false;
      this.remove(top);
      if (!top.weak) this.liveStrong--;
      top.cancelled = true; // a fired event can no longer be cancelled
      this.current = top.at;
      this.executed++;
      const fn = top.fn;
      if (fn === null) {
        top.action!();
        return true;
      }
      const arg = top.arg;
      top.fn = null;
      top.arg = undefined;
      this.spare.push(top);
      (fn as (arg: unknown) => void)(arg);
      return true;
    }
    return false;
  }

  /**
   * Runs events until the run is idle, the end time is passed, or the event
   * budget is used up, and says which.
   */
  run(budget: { endTime?: SimTime; maxEvents?: number } = {}): StopReason {
    const endTime = budget.endTime ?? Number.MAX_SAFE_INTEGER;
    const maxEvents = budget.maxEvents ?? Number.MAX_SAFE_INTEGER;
    while (this.executed < maxEvents) {
      if (!this.runNext(endTime)) {
        return this.liveStrong > 0 ? 'end-time' : 'idle';
      }
    }
    return this.liveStrong > 0 ? 'event-budget' : 'idle';
  }

  /** Moves the clock forward to `t` without running anything (used at a run's end). */
  advanceTo(t: SimTime): void {
    if (t > this.current) this.current = t;
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(event: ScheduledEvent): void {
    this.heap.push(event);
    this.siftUp(event, this.heap.length - 1);
  }

  /** Takes `event` out of the heap, wherever it is. */
  private remove(event: ScheduledEvent): void {
    const heap = this.heap;
    const i = event.index;
    if (i < 0) return;
    event.index = -1;
    const last = heap.pop()!;
    if (last === event) return;
    // `last` fills the hole, then moves up or down to where it belongs
    if (i > 0 && this.less(last, heap[(i - 1) >> 1]!)) this.siftUp(last, i);
    else this.siftDown(last, i);
  }

  private siftUp(event: ScheduledEvent, from: number): void {
    const heap = this.heap;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.less(event, p)) break;
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = event;
    event.index = i;
  }

  private siftDown(event: ScheduledEvent, from: number): void {
    const heap = this.heap;
    const n = heap.length;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.less(heap[right]!, heap[left]!)) child = right;
      const c = heap[child]!;
      if (!this.less(c, event)) break;
      heap[i] = c;
      c.index = i;
      i = child;
    }
    heap[i] = event;
    event.index = i;
  }
}
