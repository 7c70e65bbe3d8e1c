/**
 * Labels already placed on the chart, as segments (a label's baseline
 * centre line), bucketed in CELL-px squares so that whether a new label
 * comes within `gap` px of one is answered by looking only at the labels
 * near it, not at every label of the frame. A placed segment is filed under
 * every cell its bounding box, grown by `gap`, touches; a query looks in
 * the cells of the new segment's bounding box. Two segments closer than
 * `gap` have points less than `gap` apart on both axes, so they share a
 * cell: the answer is the same as comparing with every label.
 */
import { segmentDistance, type Point } from './geometry';

const CELL = 64;
/** Cell keys: x and y cell indexes packed in one number (|index| < 2^20). */
const SPAN = 2 ** 21;
const OFFSET = 2 ** 20;

interface Placed {
  readonly a: Point;
  readonly b: Point;
  /** The last query that compared with it (to compare once per query). */
  seen: number;
}

export class LabelGrid {
  private readonly cells = new Map<number, Placed[]>();
  private query = 0;
  /** Number of segments placed. */
  size = 0;

  constructor(private readonly gap: number) {}

  /** Whether the segment a–b comes closer than `gap` to a segment placed. */
  near(a: Point, b: Point): boolean {
    const q = ++this.query;
    const [x0, x1, y0, y1] = cellRange(a, b, 0);
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const cell = this.cells.get(key(cx, cy));
        if (!cell) continue;
        for (const p of cell) {
          if (p.seen === q) continue;
          p.seen = q;
          if (segmentDistance(p.a, p.b, a, b) < this.gap) return true;
        }
      }
    }
    return false;
  }

  add(a: Point, b: Point): void {
    const placed: Placed = { a, b, seen: 0 };
    const [x0, x1, y0, y1] = cellRange(a, b, this.gap);
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const k = key(cx, cy);
        const cell = this.cells.get(k);
        if (cell) cell.push(placed);
        else this.cells.set(k, [placed]);
      }
    }
    this.size++;
  }
}

function cellRange(a: Point, b: Point, grow: number): [number, number, number, number] {
  return [
    Math.floor((Math.min(a.x, b.x) - grow) / CELL),
    Math.floor((Math.max(a.x, b.x) + grow) / CELL),
    Math.floor((Math.min(a.y, b.y) - grow) / CELL),
    Math.floor((Math.max(a.y, b.y) + grow) / CELL),
  ];
}

function key(cx: number, cy: number): number {
  return (cy + OFFSET) * SPAN + (cx + OFFSET);
}
