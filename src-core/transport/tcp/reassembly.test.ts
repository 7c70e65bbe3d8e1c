import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReassemblyBuffer } from './reassembly';

describe('ReassemblyBuffer', () => {
  it('holds pieces until the gap is filled and trims overlaps', () => {
    const buffer = new ReassemblyBuffer();
    buffer.insert(10, Uint8Array.of(10, 11, 12));
    buffer.insert(12, Uint8Array.of(12, 13));
    buffer.insert(20, Uint8Array.of(20));
    expect(buffer.take(5)).toEqual([]);
    expect(buffer.take(10).map((c) => [...c])).toEqual([[10, 11, 12], [13]]);
    expect(buffer.size).toBe(1);
    expect(buffer.take(25)).toEqual([]); // wholly old: discarded
    expect(buffer.size).toBe(0);
  });

  it('delivers every byte exactly once whatever the arrival order and overlap', () => {
    const total = 200;
    const stream = Uint8Array.from({ length: total }, (_, i) => i);
    const piece = fc.tuple(fc.integer({ min: 0, max: total - 1 }), fc.integer({ min: 1, max: 40 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        // Add pieces covering the stream so that it completes.
        const all = [...pieces, ...Array.from({ length: total / 20 }, (_, k) => [k * 20, 20] as [number, number])];
        const buffer = new ReassemblyBuffer();
        const out: number[] = [];
        let next = 0;
        for (const [start, length] of all) {
          const end = Math.min(total, start + length);
          if (end <= next) continue;
          if (start <= next) {
            out.push(...stream.subarray(next, end));
            next = end;
          } else {
            buffer.insert(start, stream.subarray(start, end));
          }
          for (const chunk of buffer.take(next)) {
            out.push(...chunk);
            next += chunk.length;
          }
        }
        expect(out).toEqual([...stream]);
      }),
    );
  });
});
