/**
 * What one direction of a link carried over time, for the per-link samples
 * of a run (link-report.ts linkSamples): the course's access link busy 80 %
 * of one second and 95 % of the next, its queue growing with it.
 *
 * Rules (times in ns):
 * - The run is cut into fixed bins of BIN_NS from time 0. A transmission's
 *   busy time is shared between the bins it overlaps, exactly; its bytes,
 *   its packet and the time it waited in the queue count in the bin where
 *   its transmission starts.
 * - The longest queue counts in the bin where a packet joined it.
 * - Bins are kept in arrays grown by doubling, so a long run costs a few
 *   numbers per 10 ms (80 s of transfer: 8,000 bins).
 */
import type { SimTime } from '../sim/time';

/** The finest sample: 10 ms. */
export const BIN_NS = 10_000_000;

/** One interval of a timeline, merged from bins. */
export interface LinkInterval {
  readonly start: SimTime;
  readonly end: SimTime;
  /** Time the transmitter was sending within [start, end). */
  readonly busy: SimTime;
  readonly packets: number;
  readonly bytes: number;
  /** Queueing delay summed over the packets whose transmission started in it. */
  readonly queueing: SimTime;
  readonly maxQueue: number;
}

export class LinkTimeline {
  private busy = new Float64Array(64);
  private packets = new Float64Array(64);
  private bytes = new Float64Array(64);
  private queueing = new Float64Array(64);
  private maxQueue = new Float64Array(64);
  /** Bins in use: 1 + the last bin anything was counted in. */
  private used = 0;

  /** A transmission of `size` bytes from `at` for `tx` ns, after waiting `waited` ns in the queue. */
  transmitted(at: SimTime, tx: SimTime, size: number, waited: SimTime): void {
    const first = Math.floor(at / BIN_NS);
    this.reach(Math.floor((at + Math.max(0, tx - 1)) / BIN_NS));
    this.packets[first]! += 1;
    this.bytes[first]! += size;
    this.queueing[first]! += waited;
    let from = at;
    const end = at + tx;
    while (from < end) {
      const bin = Math.floor(from / BIN_NS);
      const binEnd = (bin + 1) * BIN_NS;
      const until = Math.min(end, binEnd);
      this.busy[bin]! += until - from;
      from = until;
    }
  }

  /** A packet joined the queue at `at`, which now holds `length` packets. */
  queued(at: SimTime, length: number): void {
    const bin = Math.floor(at / BIN_NS);
    this.reach(bin);
    if (length > this.maxQueue[bin]!) this.maxQueue[bin] = length;
  }

  /** Intervals of `width` ns (a whole number of bins) from 0 to `until`, the last one cut at `until`. */
  intervals(width: SimTime, until: SimTime): LinkInterval[] {
    const per = Math.max(1, Math.round(width / BIN_NS));
    const out: LinkInterval[] = [];
    for (let start = 0; start < until; start += per * BIN_NS) {
      let busy = 0;
      let packets = 0;
      let bytes = 0;
      let queueing = 0;
      let maxQueue = 0;
      const firstBin = start / BIN_NS;
      for (let b = firstBin; b < firstBin + per && b < this.used; b++) {
        busy += this.busy[b]!;
        packets += this.packets[b]!;
        bytes += this.bytes[b]!;
        queueing += this.queueing[b]!;
        maxQueue = Math.max(maxQueue, this.maxQueue[b]!);
      }
      out.push({ start, end: Math.min(until, start + per * BIN_NS), busy, packets, bytes, queueing, maxQueue });
    }
    return out;
  }

  private reach(bin: number): void {
    if (bin < this.used) return;
    this.used = bin + 1;
    if (bin < this.busy.length) return;
    let size = this.busy.length;
    while (size <= bin) size *= 2;
    this.busy = grown(this.busy, size);
    this.packets = grown(this.packets, size);
    this.bytes = grown(this.bytes, size);
    this.queueing = grown(this.queueing, size);
    this.maxQueue = grown(this.maxQueue, size);
  }
}

function grown(a: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
