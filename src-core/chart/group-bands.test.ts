import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { BAND_INSET, BAND_MARGIN, BAND_PAD, CAPTION_HEIGHT, CAPTION_INDENT, CAPTION_ROWS, layoutGroupBands, MAX_DEPTH, rectsOverlap, type GroupSpec } from './group-bands';

/** Lanes 190 px apart, the first at x = 185 (the default layout). */
const laneX = (i: number) => 185 + i * 190;

function spec(lanes: [number, number], y1: number, y2: number, label = 'TCP handshake'): GroupSpec {
  return { lanes, y1, y2, label };
}

describe('layoutGroupBands', () => {
  it('spans a band over its endpoint lanes only, with a margin, and captions it above its top-left corner', () => {
    const [g] = layoutGroupBands([spec([1, 3], 100, 300)], laneX);
    expect(g!.depth).toBe(0);
    expect(g!.band).toEqual({ x: laneX(1) - BAND_MARGIN, y: 100 - BAND_PAD, width: laneX(3) - laneX(1) + 2 * BAND_MARGIN, height: 200 + 2 * BAND_PAD });
    expect(g!.caption).toMatchObject({ x: laneX(1) - BAND_MARGIN + CAPTION_INDENT, y: 100 - BAND_PAD - CAPTION_HEIGHT, height: CAPTION_HEIGHT });
  });

  it('nests bands that meet: the later one is inset, so their edges never coincide', () => {
    // the TCP lesson: Client A–Server and Client B–Server handshakes overlap in time and share the server lane
    const [a, b] = layoutGroupBands([spec([0, 2], 0, 290), spec([1, 2], 30, 350)], laneX);
    expect(a!.depth).toBe(0);
    expect(b!.depth).toBe(1);
    const right = (r: { x: number; width: number }) => r.x + r.width;
    expect(right(a!.band) - right(b!.band)).toBe(BAND_INSET);
    expect(b!.band.x).toBe(laneX(1) - BAND_MARGIN + BAND_INSET);
    // apart in time, or in lanes: no nesting
    expect(layoutGroupBands([spec([0, 2], 0, 100), spec([0, 2], 120, 200)], laneX).map((g) => g.depth)).toEqual([0, 0]);
    expect(layoutGroupBands([spec([0, 1], 0, 100), spec([2, 3], 10, 200)], laneX).map((g) => g.depth)).toEqual([0, 0]);
  });

  it('takes the smallest depth free, up to MAX_DEPTH', () => {
    const groups = Array.from({ length: MAX_DEPTH + 3 }, (_, i) => spec([0, 2], i * 5, 500));
    expect(layoutGroupBands(groups, laneX).map((g) => g.depth)).toEqual([0, 1, 2, 3, 3, 3]);
    // the outer band ended: its depth is free again
    expect(layoutGroupBands([spec([0, 2], 0, 50), spec([0, 2], 10, 500), spec([0, 2], 200, 300)], laneX).map((g) => g.depth)).toEqual([0, 1, 0]);
  });

  it('moves a caption that would overlap one placed before up a row, and leaves it out when every row is taken', () => {
    const same = Array.from({ length: CAPTION_ROWS + 1 }, (_, i) => spec([0, 1], 100 + i, 200));
    const bands = layoutGroupBands(same, laneX);
    const rows = bands.map((g) => g.caption && Math.round((g.band.y - g.caption.y) / CAPTION_HEIGHT));
    expect(rows).toEqual([1, 2, 3, null]);
  });

  it('keeps captions apart on a busy random chart', () => {
    const rng = new Prng(3);
    const groups: GroupSpec[] = [];
    for (let i = 0; i < 2_000; i++) {
      const a = rng.nextInt(0, 9);
      const b = rng.nextInt(0, 9);
      const y1 = rng.nextInt(0, 40_000);
      groups.push(spec([Math.min(a, b), Math.max(a, b)], y1, y1 + rng.nextInt(5, 200), rng.nextInt(0, 1) ? 'TCP handshake' : 'TCP close'));
    }
    const bands = layoutGroupBands(groups, laneX);
    const captions = bands.flatMap((g) => (g.caption ? [g.caption] : []));
    expect(captions.length).toBeGreaterThan(1_800);
    const sorted = [...captions].sort((p, q) => p.y - q.y);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j]!.y < sorted[i]!.y + CAPTION_HEIGHT; j++) expect(rectsOverlap(sorted[i]!, sorted[j]!)).toBe(false);
    }
    expect(layoutGroupBands(groups, laneX)).toEqual(bands);
  });
});
