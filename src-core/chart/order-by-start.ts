/**
 * Positions 0 … n−1 ordered by their start (chart y, px), equal starts in
 * position order: the order the annotation index keeps (annotations.ts).
 * Starts within a chart's height of each other are counted into one
 * bucket per px (a counting sort: two passes, no comparisons), then the
 * few positions in one bucket are put in exact order by an insertion sort.
 * Starts spread wider than BUCKETS_PER_START × n px, or not finite, are
 * sorted by comparison instead.
 */

/** Most buckets per position before the comparison sort is cheaper. */
const BUCKETS_PER_START = 4;

export function orderByStart(starts: Float64Array): Uint32Array {
  const n = starts.length;
  const order = new Uint32Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = starts[i]!;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const range = max - min;
  if (n === 0 || !Number.isFinite(range) || range > BUCKETS_PER_START * n + 1024) {
    const positions = Array.from({ length: n }, (_, i) => i);
    positions.sort((a, b) => starts[a]! - starts[b]! || a - b);
    order.set(positions);
    return order;
  }
  const buckets = Math.floor(range) + 1;
  const bucket = new Uint32Array(n);
  const first = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(starts[i]! - min);
    bucket[i] = b;
    first[b + 1]!++;
  }
  for (let b = 0; b < buckets; b++) first[b + 1]! += first[b]!;
  for (let i = 0; i < n; i++) order[first[bucket[i]!]!++] = i; // positions ascending within a bucket
  // within a bucket, positions are in list order, not by start: order those few exactly (stable: equal starts keep position order)
  for (let k = 1; k < n; k++) {
    const i = order[k]!;
    let j = k;
    while (j > 0 && starts[order[j - 1]!]! > starts[i]!) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}
