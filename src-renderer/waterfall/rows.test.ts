import { describe, expect, it } from 'vitest';
import { waterfallAxis } from './axis';
import { loadLine, waterfallRows } from './rows';
import { lessonLoads } from './test-traces';

describe('the waterfall’s rows', () => {
  it('the serial load: 11 bars one after the other, each a connect then a wait, within the axis', () => {
    const [serial] = lessonLoads('http-non-persistent').loads;
    const axis = waterfallAxis(serial!, 8);
    const rows = waterfallRows(serial!, axis);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    for (const [i, row] of rows.entries()) {
      // the images arrive in one TCP segment each: no time between first and last byte
      expect(row.segments.map((s) => s.phase)).toEqual(['connect', 'waiting']);
      expect(row.left).toBeGreaterThanOrEqual(0);
      expect(row.left + row.width).toBeLessThanOrEqual(1 + 1e-12);
      expect(row.segments[0]!.left).toBe(row.left);
      expect(row.segments[1]!.left).toBeCloseTo(row.segments[0]!.left + row.segments[0]!.width, 12);
      if (i > 0) expect(row.from).toBeGreaterThanOrEqual(rows[i - 1]!.to);
    }
    expect(loadLine(serial!, axis)).toBeCloseTo(674.30256 / 680, 9);
  });

  it('the pipelined load: one connect, then every image waiting from one instant, answered one after the other', () => {
    const [, pipelined] = lessonLoads('http-persistent').loads;
    const rows = waterfallRows(pipelined!, waterfallAxis(pipelined!, 8));
    expect(rows[0]!.segments.map((s) => s.phase)).toEqual(['connect', 'waiting']);
    const images = rows.slice(1);
    expect(new Set(images.map((r) => r.left)).size).toBe(1);
    expect(images.every((r) => r.segments[0]!.phase === 'waiting')).toBe(true);
    const ends = images.map((r) => r.to);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    // the last image waited behind the nine before it: longer than a round trip
    expect(images[9]!.segments[0]!.to - images[9]!.segments[0]!.from).toBeGreaterThan(images[0]!.segments[0]!.to - images[0]!.segments[0]!.from);
    expect(images.some((r) => r.segments.some((s) => s.phase === 'receiving'))).toBe(true);
  });
});
