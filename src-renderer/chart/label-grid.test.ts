import { describe, expect, it } from 'vitest';
import { Prng } from '../../src-core/sim/prng';
import { segmentDistance, type Point } from './geometry';
import { LabelGrid } from './label-grid';

describe('LabelGrid', () => {
  it('answers as comparing with every label placed would', () => {
    const rng = new Prng(11);
    const point = (): Point => ({ x: rng.nextInt(-200, 2_000) + rng.nextInt(0, 9) / 10, y: rng.nextInt(-200, 1_500) + rng.nextInt(0, 9) / 10 });
    const grid = new LabelGrid(12);
    const placed: [Point, Point][] = [];
    let near = 0;
    for (let i = 0; i < 3_000; i++) {
      const a = point();
      const angle = (rng.nextInt(-120, 120) / 100);
      const length = rng.nextInt(0, 260);
      const b = { x: a.x + Math.cos(angle) * length, y: a.y + Math.sin(angle) * length };
      const expected = placed.some(([p, q]) => segmentDistance(p, q, a, b) < 12);
      expect(grid.near(a, b)).toBe(expected);
      if (expected) near++;
      else {
        grid.add(a, b);
        placed.push([a, b]);
      }
    }
    expect(grid.size).toBe(placed.length);
    expect(near).toBeGreaterThan(100); // the test exercised both answers
    expect(placed.length).toBeGreaterThan(100);
  });

  it('finds a label just closer than the gap, across cell borders', () => {
    const grid = new LabelGrid(12);
    grid.add({ x: 60, y: 60 }, { x: 120, y: 60 });
    expect(grid.near({ x: 60, y: 71.9 }, { x: 120, y: 71.9 })).toBe(true);
    expect(grid.near({ x: 60, y: 72 }, { x: 120, y: 72 })).toBe(false);
    expect(grid.near({ x: 131.5, y: 60 }, { x: 200, y: 60 })).toBe(true);
    expect(grid.near({ x: 65, y: 200 }, { x: 65, y: 200 })).toBe(false);
  });
});
