import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seqAdd, seqDiff, seqGeq, seqGt, seqLeq, seqLt } from './seq';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const delta = fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 });

describe('sequence arithmetic (RFC 9293 §3.4)', () => {
  it('wraps at 2^32', () => {
    expect(seqAdd(0xffffffff, 1)).toBe(0);
    expect(seqAdd(0, -1)).toBe(0xffffffff);
    expect(seqLt(0xfffffff0, 5)).toBe(true);
    expect(seqGt(5, 0xfffffff0)).toBe(true);
    expect(seqDiff(5, 0xfffffff0)).toBe(21);
  });

  it('seqDiff inverts seqAdd within ±2^31', () => {
    fc.assert(fc.property(u32, delta, (a, d) => {
      expect(seqDiff(seqAdd(a, d), a)).toBe(d);
    }));
  });

  it('orders a + d after a exactly when d > 0', () => {
    fc.assert(
      fc.property(u32, delta, (a, d) => {
        const b = seqAdd(a, d);
        expect(seqLt(a, b)).toBe(d > 0);
        expect(seqGt(a, b)).toBe(d < 0);
        expect(seqLeq(a, b)).toBe(d >= 0);
        expect(seqGeq(a, b)).toBe(d <= 0);
      }),
    );
  });

  it('is antisymmetric and translation invariant', () => {
    fc.assert(
      fc.property(u32, u32, u32, (a, b, t) => {
        if (seqDiff(a, b) === -(2 ** 31)) return; // exactly half-way: undefined order
        expect(seqLt(a, b)).toBe(seqGt(b, a));
        expect(seqLt(a, b) && seqLt(b, a)).toBe(false);
        expect(seqLt(seqAdd(a, t), seqAdd(b, t))).toBe(seqLt(a, b));
      }),
    );
  });
});
