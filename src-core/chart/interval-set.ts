/**
 * Intervals [start, end] of chart y (px) kept so that "does this one meet
 * any kept one?" is answered by binary search instead of a scan of them
 * all. Two intervals meet when each starts strictly before the other ends
 * (y1 < end && start < y2): touching ends do not meet. Kept sorted by
 * start (equal starts in the order added); a query scans only those that
 * start within the longest kept interval's length (plus SLACK px) before
 * its own start — every interval that could reach it.
 */

/** Extra px scanned before a query's start, so float rounding of start − longest never skips a candidate. */
const SLACK = 1;

export class IntervalSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private longest = 0;

  get size(): number {
    return this.starts.length;
  }

  /** Whether [y1, y2] meets a kept interval (y1 ≤ y2). */
  meets(y1: number, y2: number): boolean {
    const starts = this.starts;
    for (let k = this.firstFrom(y1 - this.longest - SLACK); k < starts.length && starts[k]! < y2; k++) if (y1 < this.ends[k]!) return true;
    return false;
  }

  /** Keeps [y1, y2] (y1 ≤ y2). */
  add(y1: number, y2: number): void {
    const at = this.firstAfter(y1);
    if (at === this.starts.length) {
      this.starts.push(y1);
      this.ends.push(y2);
    } else {
      this.starts.splice(at, 0, y1);
      this.ends.splice(at, 0, y2);
    }
    if (y2 - y1 > this.longest) this.longest = y2 - y1;
  }

  /** Index of the first kept start ≥ y. */
  private firstFrom(y: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first kept start > y (after equal starts: they stay in the order added). */
  private firstAfter(y: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
