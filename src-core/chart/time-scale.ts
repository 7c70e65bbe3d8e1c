/**
 * Time → y for the sequence chart. Linear (`pxPerMs` pixels per simulated
 * millisecond), with optional compression of idle gaps: a stretch longer
 * than `compressGapsOver` with no event in it is drawn as `compressedGapPx`
 * pixels, so a 60-second TCP timeout does not push everything off screen.
 * The mapping is piecewise linear and strictly increasing, so it inverts.
 */
import { NS_PER_MS, type SimTime } from '../sim/time';

export interface TimeScaleOptions {
  /** Pixels per simulated millisecond. */
  readonly pxPerMs: number;
  /** Gaps longer than this (ns) are compressed; null: never. */
  readonly compressGapsOver: SimTime | null;
  /** Height a compressed gap is drawn with (px). */
  readonly compressedGapPx: number;
  /** y of time zero (px). */
  readonly top: number;
}

export interface CompressedGap {
  readonly from: SimTime;
  readonly to: SimTime;
  /** y where the gap starts and ends on the chart. */
  readonly y1: number;
  readonly y2: number;
}

export class TimeScale {
  /** Breakpoints: at time ts[i] the y is ys[i]; slope between i and i+1 is (ys[i+1]-ys[i])/(ts[i+1]-ts[i]). */
  private readonly ts: number[] = [];
  private readonly ys: number[] = [];
  private readonly pxPerNs: number;
  readonly gaps: CompressedGap[] = [];

  /** `times`: every time something is drawn at (any order, duplicates allowed; not modified). */
  constructor(times: Iterable<SimTime> | Float64Array, readonly options: TimeScaleOptions) {
    this.pxPerNs = options.pxPerMs / NS_PER_MS;
    this.ts.push(0);
    this.ys.push(options.top);
    const limit = options.compressGapsOver;
    if (limit === null) return; // linear: the times do not matter
    // a typed array sorts numerically in native code, no comparator calls; duplicates are skipped below
    const sorted = times instanceof Float64Array ? times.slice().sort() : Float64Array.from(times).sort();
    let prev = 0;
    for (const t of sorted) {
      if (t <= prev) continue;
      if (t - prev > limit) {
        // keep a short linear stretch after the last event, then the compressed gap
        const lead = prev + limit / 2;
        this.push(lead, this.linearTo(lead));
        const y1 = this.ys[this.ys.length - 1]!;
        const y2 = y1 + options.compressedGapPx;
        const tail = t - limit / 2;
        this.push(tail, y2);
        this.gaps.push({ from: lead, to: tail, y1, y2 });
      }
      prev = t;
    }
  }

  /** y at time t (px). */
  y(t: SimTime): number {
    const ts = this.ts;
    const last = ts.length - 1;
    if (t >= ts[last]!) return this.ys[last]! + (t - ts[last]!) * this.pxPerNs;
    if (t <= 0) return this.options.top + t * this.pxPerNs;
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ts[mid]! <= t) lo = mid;
      else hi = mid;
    }
    const t0 = ts[lo]!;
    const t1 = ts[hi]!;
    const y0 = this.ys[lo]!;
    return y0 + ((t - t0) / (t1 - t0)) * (this.ys[hi]! - y0);
  }

  /** Time at y (ns, rounded), the inverse of y(). */
  t(y: number): SimTime {
    const ys = this.ys;
    const last = ys.length - 1;
    if (y >= ys[last]!) return Math.round(this.ts[last]! + (y - ys[last]!) / this.pxPerNs);
    if (y <= ys[0]!) return Math.round((y - this.options.top) / this.pxPerNs);
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ys[mid]! <= y) lo = mid;
      else hi = mid;
    }
    const y0 = ys[lo]!;
    const t0 = this.ts[lo]!;
    return Math.round(t0 + ((y - y0) / (ys[hi]! - y0)) * (this.ts[hi]! - t0));
  }

  /** y at t continuing linearly from the last breakpoint. */
  private linearTo(t: SimTime): number {
    const last = this.ts.length - 1;
    return this.ys[last]! + (t - this.ts[last]!) * this.pxPerNs;
  }

  private push(t: SimTime, y: number): void {
    this.ts.push(t);
    this.ys.push(y);
  }
}

/**
 * Tick marks for a time axis between t0 and t1 with about `target` ticks:
 * steps of 1, 2 or 5 × 10^k ns, labelled in the largest unit that fits.
 */
export function timeTicks(t0: SimTime, t1: SimTime, target: number): { step: SimTime; ticks: SimTime[] } {
  const span = Math.max(1, t1 - t0);
  const raw = span / Math.max(1, target);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: SimTime[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) ticks.push(Math.round(t));
  return { step, ticks };
}
