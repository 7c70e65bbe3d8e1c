import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteView } from './byte-view';

describe('byteView', () => {
  it('is the same bytes as subarray, sharing the buffer, for any valid range of any view', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), fc.nat(), fc.nat(), (data, a, b, c) => {
        const base = data.subarray(a % data.length);
        const start = b % (base.length + 1);
        const end = start + (c % (base.length - start + 1));
        const v = byteView(base, start, end);
        expect([...v]).toEqual([...base.subarray(start, end)]);
        expect(v.buffer).toBe(data.buffer);
      }),
    );
  });

  it('returns the array itself for the whole range, and refuses a range outside it', () => {
    const a = new Uint8Array(4);
    expect(byteView(a, 0)).toBe(a);
    expect(() => byteView(a, 2, 5)).toThrow(RangeError);
    expect(() => byteView(a, 3, 2)).toThrow(RangeError);
  });
});
