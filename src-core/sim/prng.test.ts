import { describe, expect, it } from 'vitest';
import { Prng } from './prng';

describe('Prng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('gives floats in [0, 1) with a plausible mean', () => {
    const p = new Prng(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = p.nextFloat();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('forks independent streams by label', () => {
    const root = new Prng(1);
    const x = root.fork('link:a-b').nextUint32();
    const y = root.fork('link:b-c').nextUint32();
    expect(x).not.toBe(y);
    expect(new Prng(1).fork('link:a-b').nextUint32()).toBe(x);
  });

  it('keeps nextInt inside its bounds', () => {
    const p = new Prng(3);
    const values = Array.from({ length: 10_000 }, () => p.nextInt(49152, 65535));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(49152);
    expect(Math.max(...values)).toBeLessThanOrEqual(65535);
  });
});
