import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoxIndex } from './box-index';
import { boxesOverlap, segmentHitsBox, type Box, type Point } from './geometry';

const coordinate = fc.integer({ min: -300, max: 900 });
const box = fc.tuple(coordinate, coordinate, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 120 })).map(([x, y, w, h]): Box => ({ x1: x, y1: y, x2: x + w, y2: y + h }));
const segment = fc.tuple(coordinate, coordinate, coordinate, coordinate).map(([ax, ay, bx, by]): [Point, Point] => [{ x: ax, y: ay }, { x: bx, y: by }]);
const bounds = ([a, b]: [Point, Point]): Box => ({ x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x), y2: Math.max(a.y, b.y) });

describe('BoxIndex', () => {
  it('answers as testing every box would: boxes overlapping a query box', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 40 }), fc.array(box, { minLength: 1, maxLength: 10 }), (filed, queries) => {
        const index = new BoxIndex<Box>();
        for (const b of filed) index.add(b, b);
        for (const q of queries) expect(index.some(q, (b) => boxesOverlap(q, b))).toBe(filed.some((b) => boxesOverlap(q, b)));
      }),
    );
  });

  it('answers as testing every segment would: segments through or touching a query box, long ones included', () => {
    const long = fc.constant<[Point, Point]>([{ x: -5000, y: -4000 }, { x: 6000, y: 5000 }]);
    fc.assert(
      fc.property(fc.array(fc.oneof(segment, long), { maxLength: 40 }), fc.array(box, { minLength: 1, maxLength: 10 }), (filed, queries) => {
        const index = new BoxIndex<[Point, Point]>();
        for (const s of filed) index.add(s, bounds(s));
        for (const q of queries) expect(index.some(q, ([a, b]) => segmentHitsBox(a, b, q))).toBe(filed.some(([a, b]) => segmentHitsBox(a, b, q)));
      }),
    );
  });

  it('tries each item once per query, however many squares it spans', () => {
    const index = new BoxIndex<string>();
    index.add('big', { x1: 0, y1: 0, x2: 300, y2: 300 });
    let tries = 0;
    index.some({ x1: 0, y1: 0, x2: 300, y2: 300 }, () => (tries++, false));
    expect(tries).toBe(1);
  });
});
