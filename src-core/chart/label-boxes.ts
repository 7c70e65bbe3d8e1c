/**
 * Boxes that chart texts occupy, and a spatial grid to ask whether a new box
 * overlaps one already placed. A box is a rectangle rotated about its
 * centre (an arrow label runs along its arrow); annotation boxes are the
 * same with angle 0. All lengths are chart px.
 *
 * Overlap is the separating axis test (two convex shapes are apart exactly
 * when their projections on some edge normal are apart; a rectangle has
 * two edge directions, so four axes settle it). The grid files a box under
 * every CELL-px square its axis-aligned bounding box touches; a query looks
 * only in the cells of the new box's bounding box, so its answer is the
 * same as testing every box placed.
 */

export interface Box {
  /** Centre. */
  readonly cx: number;
  readonly cy: number;
  /** Half the width (along the angle) and half the height (across it). */
  readonly hw: number;
  readonly hh: number;
  /** Direction of the width axis: cos and sin of the rotation (radians, y down). */
  readonly cos: number;
  readonly sin: number;
}

/** The box of the axis-aligned rectangle (x, y) – (x + width, y + height). */
export function rectBox(x: number, y: number, width: number, height: number): Box {
  return { cx: x + width / 2, cy: y + height / 2, hw: Math.abs(width) / 2, hh: Math.abs(height) / 2, cos: 1, sin: 0 };
}

/** A box of `width` × `height` centred on (cx, cy), its width along `angle` (radians). */
export function rotatedBox(cx: number, cy: number, width: number, height: number, angle: number): Box {
  return { cx, cy, hw: width / 2, hh: height / 2, cos: Math.cos(angle), sin: Math.sin(angle) };
}

/** Half extents of a box's axis-aligned bounding box. */
export function boundsOf(b: Box): { readonly ex: number; readonly ey: number } {
  const c = Math.abs(b.cos);
  const s = Math.abs(b.sin);
  return { ex: b.hw * c + b.hh * s, ey: b.hw * s + b.hh * c };
}

/** Projection radius of box b on the unit axis (ax, ay). */
function radius(b: Box, ax: number, ay: number): number {
  return b.hw * Math.abs(b.cos * ax + b.sin * ay) + b.hh * Math.abs(-b.sin * ax + b.cos * ay);
}

/** Whether two boxes share interior points (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  return (
    !apart(a, b, dx, dy, a.cos, a.sin) && !apart(a, b, dx, dy, -a.sin, a.cos) && !apart(a, b, dx, dy, b.cos, b.sin) && !apart(a, b, dx, dy, -b.sin, b.cos)
  );
}

/** Whether the projections of a and b (centres dx, dy apart) on the unit axis (ax, ay) are apart. */
function apart(a: Box, b: Box, dx: number, dy: number, ax: number, ay: number): boolean {
  return Math.abs(dx * ax + dy * ay) >= radius(a, ax, ay) + radius(b, ax, ay) - 1e-9;
}

const CELL = 64;
/** Cell keys: x and y cell indexes packed in one number (|index| < 2^20). */
const SPAN = 2 ** 21;
const OFFSET = 2 ** 20;

interface Filed {
  readonly box: Box;
  /** Its bounding box, to rule most boxes out before the exact test. */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** The last query that compared with it (to compare once per query). */
  seen: number;
}

export class BoxGrid {
  private readonly cells = new Map<number, Filed[]>();
  private query = 0;
  /** Number of boxes placed. */
  size = 0;

  /** Whether `box` overlaps a box placed (other than those `ignore` accepts). */
  overlaps(box: Box, ignore?: (placed: Box) => boolean): boolean {
    const q = ++this.query;
    const c = Math.abs(box.cos);
    const s = Math.abs(box.sin);
    const ex = box.hw * c + box.hh * s; // boundsOf, without an object per query
    const ey = box.hw * s + box.hh * c;
    const x0 = box.cx - ex;
    const x1 = box.cx + ex;
    const y0 = box.cy - ey;
    const y1 = box.cy + ey;
    for (let cy = Math.floor(y0 / CELL), cy1 = Math.floor(y1 / CELL); cy <= cy1; cy++) {
      for (let cx = Math.floor(x0 / CELL), cx1 = Math.floor(x1 / CELL); cx <= cx1; cx++) {
        const cell = this.cells.get(key(cx, cy));
        if (!cell) continue;
        for (const f of cell) {
          if (f.seen === q) continue;
          f.seen = q;
          if (f.x0 < x1 && x0 < f.x1 && f.y0 < y1 && y0 < f.y1 && boxesOverlap(f.box, box) && !(ignore?.(f.box) ?? false)) return true;
        }
      }
    }
    return false;
  }

  add(box: Box): void {
    const { ex, ey } = boundsOf(box);
    const filed: Filed = { box, x0: box.cx - ex, x1: box.cx + ex, y0: box.cy - ey, y1: box.cy + ey, seen: 0 };
    for (let cy = Math.floor(filed.y0 / CELL), cy1 = Math.floor(filed.y1 / CELL); cy <= cy1; cy++) {
      for (let cx = Math.floor(filed.x0 / CELL), cx1 = Math.floor(filed.x1 / CELL); cx <= cx1; cx++) {
        const k = key(cx, cy);
        const cell = this.cells.get(k);
        if (cell) cell.push(filed);
        else this.cells.set(k, [filed]);
      }
    }
    this.size++;
  }
}

function key(cx: number, cy: number): number {
  return (cy + OFFSET) * SPAN + (cx + OFFSET);
}
