import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { BoxGrid, boxesOverlap, boundsOf, rectBox, rotatedBox, type Box } from './label-boxes';

type P = { x: number; y: number };

/** A box's corners, in order around it. */
function corners(b: Box): P[] {
  const u = { x: b.cos * b.hw, y: b.sin * b.hw };
  const v = { x: -b.sin * b.hh, y: b.cos * b.hh };
  return [
    { x: b.cx - u.x - v.x, y: b.cy - u.y - v.y },
    { x: b.cx + u.x - v.x, y: b.cy + u.y - v.y },
    { x: b.cx + u.x + v.x, y: b.cy + u.y + v.y },
    { x: b.cx - u.x + v.x, y: b.cy - u.y + v.y },
  ];
}

const cross = (o: P, a: P, b: P) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** An oracle that does not use separating axes: edges that properly cross, or a corner strictly inside the other box. */
function polygonsOverlap(a: Box, b: Box): boolean {
  const pa = corners(a);
  const pb = corners(b);
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const [p, q] = [pa[i]!, pa[(i + 1) % 4]!];
      const [r, s] = [pb[j]!, pb[(j + 1) % 4]!];
      if (cross(p, q, r) * cross(p, q, s) < 0 && cross(r, s, p) * cross(r, s, q) < 0) return true;
    }
  }
  const inside = (pt: P, poly: P[]) => poly.every((c, i) => cross(c, poly[(i + 1) % 4]!, pt) > 0) || poly.every((c, i) => cross(c, poly[(i + 1) % 4]!, pt) < 0);
  return pa.some((pt) => inside(pt, pb)) || pb.some((pt) => inside(pt, pa)) || (a.cx === b.cx && a.cy === b.cy);
}

function randomBox(rng: Prng): Box {
  const angle = rng.nextInt(-157, 157) / 100;
  return rotatedBox(rng.nextInt(0, 1_200) + rng.nextInt(0, 99) / 100, rng.nextInt(0, 900) + rng.nextInt(0, 99) / 100, rng.nextInt(4, 240), rng.nextInt(2, 16), angle);
}

describe('boxesOverlap', () => {
  it('tells apart axis-aligned rectangles that overlap from those that only touch', () => {
    expect(boxesOverlap(rectBox(0, 0, 10, 10), rectBox(9, 9, 10, 10))).toBe(true);
    expect(boxesOverlap(rectBox(0, 0, 10, 10), rectBox(10, 0, 10, 10))).toBe(false);
    expect(boxesOverlap(rectBox(0, 0, 10, 10), rectBox(0, 10.01, 10, 10))).toBe(false);
    expect(boxesOverlap(rectBox(0, 0, 100, 100), rectBox(40, 40, 5, 5))).toBe(true); // one inside the other
  });

  it('tests the rotated rectangles, not their bounding boxes', () => {
    // two labels 12 px tall along parallel 30° lines 14 px apart: bounding boxes overlap, the labels do not
    const angle = Math.PI / 6;
    const a = rotatedBox(100, 100, 160, 12, angle);
    const b = rotatedBox(100 - Math.sin(angle) * 14, 100 + Math.cos(angle) * 14, 160, 12, angle);
    expect(Math.abs(a.cy - b.cy)).toBeLessThan(boundsOf(a).ey + boundsOf(b).ey);
    expect(boxesOverlap(a, b)).toBe(false);
    expect(boxesOverlap(a, rotatedBox(100 - Math.sin(angle) * 11, 100 + Math.cos(angle) * 11, 160, 12, angle))).toBe(true);
    // labels of two crossing arrows overlap where they cross
    expect(boxesOverlap(rotatedBox(200, 200, 150, 12, 0.4), rotatedBox(200, 200, 150, 12, -0.4))).toBe(true);
  });

  it('agrees with a polygon intersection oracle on random boxes, both ways round', () => {
    const rng = new Prng(7);
    let overlapping = 0;
    for (let i = 0; i < 4_000; i++) {
      const a = randomBox(rng);
      const b = rotatedBox(a.cx + rng.nextInt(-150, 150), a.cy + rng.nextInt(-60, 60), rng.nextInt(4, 240), rng.nextInt(2, 16), rng.nextInt(-157, 157) / 100);
      const expected = polygonsOverlap(a, b);
      expect(boxesOverlap(a, b)).toBe(expected);
      expect(boxesOverlap(b, a)).toBe(expected);
      if (expected) overlapping++;
    }
    expect(overlapping).toBeGreaterThan(500); // both answers exercised
    expect(overlapping).toBeLessThan(3_500);
  });
});

describe('BoxGrid', () => {
  it('answers as testing every box placed would', () => {
    const rng = new Prng(11);
    const grid = new BoxGrid();
    const placed: Box[] = [];
    let refused = 0;
    for (let i = 0; i < 3_000; i++) {
      const box = randomBox(rng);
      const expected = placed.some((p) => boxesOverlap(p, box));
      expect(grid.overlaps(box)).toBe(expected);
      if (expected) refused++;
      else {
        grid.add(box);
        placed.push(box);
      }
    }
    expect(grid.size).toBe(placed.length);
    expect(refused).toBeGreaterThan(100);
    expect(placed.length).toBeGreaterThan(100);
  });

  it('finds boxes across cell borders and at negative coordinates', () => {
    const grid = new BoxGrid();
    grid.add(rectBox(60, 60, 10, 10));
    grid.add(rectBox(-70, -70, 10, 10));
    expect(grid.overlaps(rectBox(69, 69, 200, 2))).toBe(true);
    expect(grid.overlaps(rectBox(70, 60, 200, 10))).toBe(false);
    expect(grid.overlaps(rectBox(-65, -65, 1, 1))).toBe(true);
    expect(grid.overlaps(rotatedBox(0, 0, 80, 4, Math.PI / 4))).toBe(false);
  });
});
