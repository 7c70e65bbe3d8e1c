/**
 * Values per interval of simulated time, as step series: the run cut into
 * intervals of one 1-2-5 width from 10 ms (the link samples' own widths,
 * src-core/net/link-report.ts `sampleWidth`: at most 60 intervals), from 0
 * to the run's end; the last interval ends at the run's end (shorter).
 * Times in: integer ns; x out: seconds (a step series: each interval's start,
 * then the run's end, plot-spec.ts).
 */
import { sampleWidth } from '../../src-core/net/link-report';
import { toSeconds, type SimTime } from '../../src-core/sim/time';

export interface Intervals {
  /** ns */
  readonly width: SimTime;
  /** ns; the last interval's end */
  readonly end: SimTime;
  readonly count: number;
}

export function intervalsOf(end: SimTime): Intervals {
  const width = end > 0 ? sampleWidth(end) : 0;
  return { width, end, count: end > 0 ? Math.ceil(end / width) : 0 };
}

/** Which interval `at` falls in (the run's end itself: the last). */
export function intervalIndex(intervals: Intervals, at: SimTime): number {
  return Math.min(intervals.count - 1, Math.max(0, Math.floor(at / intervals.width)));
}

/** The intervals' lengths in seconds (the last may be shorter). */
export function intervalSeconds(intervals: Intervals, i: number): number {
  return toSeconds(Math.min(intervals.end, (i + 1) * intervals.width) - i * intervals.width);
}

/** Sums of `weight` per interval, for events at `times` (ns). */
export function sumPerInterval(intervals: Intervals, times: readonly SimTime[], weights?: readonly number[]): number[] {
  const sums = new Array<number>(intervals.count).fill(0);
  times.forEach((t, k) => {
    if (intervals.count > 0) sums[intervalIndex(intervals, t)]! += weights ? weights[k]! : 1;
  });
  return sums;
}

/** One value per interval as a step series' x (s) and y: the starts, then the end with the last value again. */
export function stepOfIntervals(intervals: Intervals, values: readonly number[]): { x: number[]; y: number[] } {
  if (values.length === 0) return { x: [], y: [] };
  const x = values.map((_, i) => toSeconds(i * intervals.width));
  x.push(toSeconds(intervals.end));
  return { x, y: [...values, values[values.length - 1]!] };
}

/** An interval's width as people say it: "50 ms", "2 s". */
export function widthText(width: SimTime): string {
  return width >= 1e9 ? `${width / 1e9} s` : `${width / 1e6} ms`;
}
