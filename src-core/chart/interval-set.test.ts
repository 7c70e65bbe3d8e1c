import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { IntervalSet } from './interval-set';

/** The rule the set answers, by a scan of every kept interval (what annotations.ts did before the set). */
function meetsAny(kept: readonly (readonly [number, number])[], y1: number, y2: number): boolean {
  return kept.some(([a, b]) => y1 < b && a < y2);
}

describe('IntervalSet', () => {
  it('meets an interval that overlaps a kept one, not one that only touches it', () => {
    const set = new IntervalSet();
    set.add(10, 20);
    expect(set.meets(15, 30)).toBe(true);
    expect(set.meets(0, 11)).toBe(true);
    expect(set.meets(12, 13)).toBe(true);
    expect(set.meets(0, 50)).toBe(true);
    expect(set.meets(20, 30)).toBe(false);
    expect(set.meets(0, 10)).toBe(false);
    expect(set.size).toBe(1);
  });

  it('finds a long interval kept far before the query', () => {
    const set = new IntervalSet();
    set.add(0, 10_000);
    for (let y = 100; y < 9_000; y += 50) set.add(y, y + 0); // zero-length ones meet nothing
    expect(set.meets(9_500, 9_600)).toBe(true);
    expect(set.meets(10_000, 10_100)).toBe(false);
  });

  it('answers as a scan of every kept interval does, greedy keeping as annotations.ts does', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rng = new Prng(seed);
      const set = new IntervalSet();
      const kept: [number, number][] = [];
      for (let i = 0; i < 3_000; i++) {
        const y1 = rng.nextInt(0, 50_000) + rng.nextInt(0, 99) / 100;
        const y2 = y1 + (rng.chance(0.05) ? 0 : rng.nextInt(0, rng.chance(0.02) ? 5_000 : 120) + rng.nextInt(0, 9) / 10);
        const expected = meetsAny(kept, y1, y2);
        expect(set.meets(y1, y2)).toBe(expected);
        if (!expected) {
          set.add(y1, y2);
          kept.push([y1, y2]);
        }
      }
      expect(set.size).toBe(kept.length);
    }
  });
});
