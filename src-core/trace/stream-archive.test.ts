import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamArchive } from './stream-archive';

describe('StreamArchive', () => {
  it('gives back any range of what was written, across chunk boundaries, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 20 }),
        (writes, ranges) => {
          const archive = new StreamArchive();
          for (const w of writes) archive.append(w);
          const all = Uint8Array.from(writes.flatMap((w) => [...w]));
          expect(archive.end).toBe(all.length);
          for (const [a, b] of ranges) {
            const offset = all.length === 0 ? 0 : a % all.length;
            const length = (b % (all.length - offset + 1));
            const into = new Uint8Array(length + 3);
            archive.copy(offset, length, into, 3);
            expect([...into.subarray(3)]).toEqual([...all.subarray(offset, offset + length)]);
          }
        },
      ),
    );
  });

  it('keeps references, counting each underlying buffer once', () => {
    const pattern = new Uint8Array(1000).map((_, i) => i);
    const archive = new StreamArchive();
    for (let i = 0; i < 100; i++) archive.append(pattern);
    archive.append(pattern.subarray(0, 10));
    expect(archive.retainedBufferBytes).toBe(1000);
    expect(archive.referenceBytes).toBe(101 * 16);
  });

  it('refuses a range outside what was written', () => {
    const archive = new StreamArchive();
    archive.append(new Uint8Array(10));
    expect(() => archive.copy(5, 6, new Uint8Array(6), 0)).toThrow(RangeError);
  });
});
