import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeLine, LineSplitter, summarizeLine, uppercase } from './line-codec';

describe('line protocol', () => {
  it('upper-cases like the course server', () => {
    expect(uppercase('hello, world 42')).toBe('HELLO, WORLD 42');
  });

  it('frames TCP lines with a newline and UDP lines without', () => {
    expect([...encodeLine('hi', true)]).toEqual([0x68, 0x69, 0x0a]);
    expect([...encodeLine('hi', false)]).toEqual([0x68, 0x69]);
  });

  it('splits a stream into lines however it is cut into pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-ascii' }).map((s) => s.replace(/\n/g, ' ')), { maxLength: 8 }), fc.array(fc.nat(20), { maxLength: 30 }), (lines, cuts) => {
        const bytes = new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
        const splitter = new LineSplitter();
        let at = 0;
        for (const c of cuts) {
          splitter.push(bytes.subarray(at, Math.min(bytes.length, at + c)));
          at = Math.min(bytes.length, at + c);
        }
        splitter.push(bytes.subarray(at));
        const out: string[] = [];
        for (let l = splitter.poll(); l !== null; l = splitter.poll()) out.push(l);
        expect(out).toEqual(lines);
        expect(splitter.partialBytes).toBe(0);
      }),
    );
  });

  it('summarizes long lines', () => {
    expect(summarizeLine('abc')).toBe('"abc"');
    expect(summarizeLine('x'.repeat(100))).toHaveLength(60);
  });
});
