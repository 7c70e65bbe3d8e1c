import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ms, seconds } from '../sim/time';
import { TimeScale, timeTicks } from './time-scale';

describe('TimeScale', () => {
  it('is linear without compression', () => {
    const s = new TimeScale([ms(10), ms(30)], { pxPerMs: 2, compressGapsOver: null, compressedGapPx: 20, top: 50 });
    expect(s.y(0)).toBe(50);
    expect(s.y(ms(10))).toBe(70);
    expect(s.y(ms(100))).toBe(250);
    expect(s.t(70)).toBe(ms(10));
    expect(s.gaps).toEqual([]);
  });

  it('compresses an idle gap to a fixed height and keeps the slope elsewhere', () => {
    // events at 0–10 ms, then nothing until 60 s
    const s = new TimeScale([0, ms(10), seconds(60), seconds(60) + ms(10)], { pxPerMs: 1, compressGapsOver: ms(100), compressedGapPx: 30, top: 0 });
    expect(s.y(ms(10))).toBeCloseTo(10);
    expect(s.gaps).toHaveLength(1);
    const gap = s.gaps[0]!;
    expect(gap.y2 - gap.y1).toBe(30);
    // 10 ms after the gap's end is 10 px further: the slope is kept
    expect(s.y(seconds(60) + ms(10)) - s.y(seconds(60))).toBeCloseTo(10);
    // the whole minute takes 10 + 50 + 30 + 50 + 10 px, not 60,000
    expect(s.y(seconds(60) + ms(10))).toBeCloseTo(150);
  });

  it('is strictly increasing and inverts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000_000_000), { maxLength: 40 }), fc.nat(10_000_000_000), (times, probe) => {
        const s = new TimeScale(times, { pxPerMs: 0.5, compressGapsOver: ms(500), compressedGapPx: 24, top: 10 });
        expect(s.y(probe + ms(1))).toBeGreaterThan(s.y(probe));
        expect(Math.abs(s.t(s.y(probe)) - probe)).toBeLessThan(ms(0.01) + 1);
      }),
    );
  });
});

describe('timeTicks', () => {
  it('picks 1-2-5 steps', () => {
    expect(timeTicks(0, ms(100), 10).step).toBe(ms(10));
    expect(timeTicks(0, ms(100), 4).step).toBe(ms(50));
    expect(timeTicks(ms(3), ms(9), 3).ticks).toEqual([ms(4), ms(6), ms(8)]);
  });
});
