/**
 * A spatial grid over the drawing (CSS px) for topology/labels.ts: items
 * (label boxes, node bodies, links) are filed under every CELL-px square
 * their bounding box touches; `some(bounds, test)` tries only the items
 * filed in the squares `bounds` touches, each once. So it answers exactly as
 * testing every item would, for any test that can only hold when the item's
 * bounding box and `bounds` share a point (boxes overlapping, a segment
 * passing through or touching a box): such a point lies in a square both
 * touch. An item whose bounding box spans more than MAX_CELLS squares (a
 * link across a huge drawing) is kept aside and tried by every query.
 */
import type { Box } from './geometry';

const CELL = 64;
const MAX_CELLS = 64;
/** Square keys: x and y indexes packed in one number (|index| < 2^20, a drawing 6.7e7 px across). */
const SPAN = 2 ** 21;
const OFFSET = 2 ** 20;

interface Filed<T> {
  readonly item: T;
  /** The last query that tried it (so that each query tries it once). */
  seen: number;
}

const cellOf = (v: number) => Math.floor(v / CELL);

export class BoxIndex<T> {
  private readonly cells = new Map<number, Filed<T>[]>();
  private readonly wide: Filed<T>[] = [];
  private queries = 0;

  /** Files `item` under the squares its bounding box `bounds` touches. */
  add(item: T, bounds: Box): void {
    const filed: Filed<T> = { item, seen: 0 };
    const [cx1, cy1, cx2, cy2] = [cellOf(bounds.x1), cellOf(bounds.y1), cellOf(bounds.x2), cellOf(bounds.y2)];
    if (!Number.isFinite(cx1 + cy1 + cx2 + cy2) || (cx2 - cx1 + 1) * (cy2 - cy1 + 1) > MAX_CELLS) {
      this.wide.push(filed);
      return;
    }
    for (let cx = cx1; cx <= cx2; cx++) {
      for (let cy = cy1; cy <= cy2; cy++) {
        const key = (cx + OFFSET) * SPAN + (cy + OFFSET);
        const list = this.cells.get(key);
        if (list) list.push(filed);
        else this.cells.set(key, [filed]);
      }
    }
  }

  /** Whether `test` holds for some item filed near `bounds` (see the file's comment for which tests that suits). */
  some(bounds: Box, test: (item: T) => boolean): boolean {
    const query = ++this.queries;
    const tryOne = (f: Filed<T>) => {
      if (f.seen === query) return false;
      f.seen = query;
      return test(f.item);
    };
    if (this.wide.some(tryOne)) return true;
    const [cx1, cy1, cx2, cy2] = [cellOf(bounds.x1), cellOf(bounds.y1), cellOf(bounds.x2), cellOf(bounds.y2)];
    if (!Number.isFinite(cx1 + cy1 + cx2 + cy2) || (cx2 - cx1 + 1) * (cy2 - cy1 + 1) > this.cells.size) {
      // a query box bigger than the grid itself: every filed item once
      for (const list of this.cells.values()) if (list.some(tryOne)) return true;
      return false;
    }
    for (let cx = cx1; cx <= cx2; cx++) {
      for (let cy = cy1; cy <= cy2; cy++) {
        const list = this.cells.get((cx + OFFSET) * SPAN + (cy + OFFSET));
        if (list?.some(tryOne)) return true;
      }
    }
    return false;
  }
}
