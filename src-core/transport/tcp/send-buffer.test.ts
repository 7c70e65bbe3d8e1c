import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SendBuffer } from './send-buffer';

describe('SendBuffer', () => {
  it('reads within and across chunks, by stream offset', () => {
    const buffer = new SendBuffer();
    buffer.push(Uint8Array.of(0, 1, 2));
    buffer.push(Uint8Array.of(3, 4));
    buffer.push(Uint8Array.of(5, 6, 7, 8));
    expect([...buffer.read(1, 2)]).toEqual([1, 2]);
    expect([...buffer.read(2, 5)]).toEqual([2, 3, 4, 5, 6]);
    buffer.release(4);
    expect([buffer.start, buffer.end, buffer.length]).toEqual([4, 9, 5]);
    expect([...buffer.read(4, 5)]).toEqual([4, 5, 6, 7, 8]);
    expect(() => buffer.read(3, 1)).toThrow(RangeError);
    buffer.release(9);
    expect(buffer.length).toBe(0);
    buffer.push(Uint8Array.of(9));
    expect([...buffer.read(9, 1)]).toEqual([9]);
  });

  it('keeps a view of pushed data (no copy) and returns views within one chunk', () => {
    const buffer = new SendBuffer();
    const data = Uint8Array.of(1, 2, 3);
    buffer.push(data);
    expect(buffer.read(1, 2).buffer).toBe(data.buffer);
  });

  it('matches a flat model under any pushes, reads and releases', () => {
    type Op = { push: number } | { read: [number, number] } | { release: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ push: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ read: fc.tuple(fc.nat(), fc.nat()) }),
      fc.record({ release: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const buffer = new SendBuffer();
        const model: number[] = [];
        let start = 0;
        for (const o of ops) {
          if ('push' in o) {
            const chunk = Uint8Array.from({ length: o.push }, (_, i) => (model.length + i) & 0xff);
            buffer.push(chunk);
            model.push(...chunk);
          } else if ('read' in o) {
            const held = model.length - start;
            if (held === 0) continue;
            const offset = start + (o.read[0] % held);
            const length = o.read[1] % (model.length - offset + 1);
            expect([...buffer.read(offset, length)]).toEqual(model.slice(offset, offset + length));
          } else {
            start = Math.min(model.length, Math.max(start, o.release % (model.length + 1)));
            buffer.release(start);
          }
          expect(buffer.start).toBe(start);
          expect(buffer.end).toBe(model.length);
        }
      }),
    );
  });

  it('stays fast with many small chunks', () => {
    const buffer = new SendBuffer();
    for (let i = 0; i < 100_000; i += 1) buffer.push(Uint8Array.of(i & 0xff));
    let offset = 0;
    while (offset < 100_000) {
      const length = Math.min(1460, 100_000 - offset);
      expect(buffer.read(offset, length)[0]).toBe(offset & 0xff);
      offset += length;
      buffer.release(offset - 700);
    }
  });
});
