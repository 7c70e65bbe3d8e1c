import { describe, expect, it } from 'vitest';
import { slabBytes } from './byte-slab';

describe('slabBytes', () => {
  it('hands out zeroed arrays that never overlap, each at a multiple of 4 in its block', () => {
    const arrays = Array.from({ length: 200 }, (_, i) => slabBytes(1 + ((i * 37) % 1500)));
    for (const a of arrays) {
      expect(a.every((b) => b === 0)).toBe(true);
      expect(a.byteOffset % 4).toBe(0);
      a.fill(0xff);
    }
    const spans = arrays.map((a) => ({ buffer: a.buffer, start: a.byteOffset, end: a.byteOffset + a.length })).sort((x, y) => x.start - y.start);
    for (const x of spans) for (const y of spans) if (x !== y && x.buffer === y.buffer) expect(x.end <= y.start || y.end <= x.start).toBe(true);
    expect(new Set(arrays.map((a) => a.buffer)).size).toBeLessThan(arrays.length / 5);
  });

  it('gives a large array a buffer of its own', () => {
    const big = slabBytes(10_000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(10_000);
  });
});
