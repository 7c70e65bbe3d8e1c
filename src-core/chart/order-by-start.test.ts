import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { orderByStart } from './order-by-start';

/** The order by comparison: start, then position. */
function byComparison(starts: readonly number[]): number[] {
  return starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]! || a - b);
}

describe('orderByStart', () => {
  it('orders positions by start, equal starts by position', () => {
    expect([...orderByStart(Float64Array.from([5, 1.5, 5, -4, 1.25, 1.5]))]).toEqual([3, 4, 1, 5, 0, 2]);
    expect([...orderByStart(new Float64Array(0))]).toEqual([]);
  });

  it('gives the comparison order for dense and for widely spread starts', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new Prng(seed);
      for (const spread of [10, 5_000, 10_000_000]) {
        const starts = Array.from({ length: 3_000 }, () => rng.nextInt(-20, spread) + (rng.chance(0.5) ? 0 : rng.nextInt(0, 99) / 100));
        expect([...orderByStart(Float64Array.from(starts))]).toEqual(byComparison(starts));
      }
    }
  });

  it('sorts starts that are not finite by comparison', () => {
    expect([...orderByStart(Float64Array.from([3, Infinity, -Infinity, 3, 0]))]).toEqual([2, 4, 0, 3, 1]);
  });
});
