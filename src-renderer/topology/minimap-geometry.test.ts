import { describe, expect, it } from 'vitest';
import {
  boxToMinimap, dragTarget, fitsInView, grabOffset, inBox, keyPanBy, MINIMAP_NODE_THRESHOLD, MINIMAP_SIZE, minimapShown, minimapTransform,
  modelBounds, panToCenter, toMinimap, toModel, unionBox,
} from './minimap-geometry';

describe('minimap geometry', () => {
  it('bounds the nodes’ centres, widened by a margin; nothing without nodes', () => {
    expect(modelBounds([{ x: 10, y: 20 }, { x: -30, y: 50 }, { x: 40, y: 0 }], 5)).toEqual({ x1: -35, y1: -5, x2: 45, y2: 55 });
    expect(modelBounds([], 5)).toBeNull();
    expect(modelBounds([{ x: 1, y: 2 }], 0)).toEqual({ x1: 1, y1: 2, x2: 1, y2: 2 });
  });

  it('scales the world alike on both axes, to fill the box less its padding, centred', () => {
    // a 1000 × 200 world in 160 × 110 less 6 px: width decides, 148 / 1000
    const t = minimapTransform({ x1: 0, y1: 0, x2: 1000, y2: 200 }, MINIMAP_SIZE, 6);
    expect(t.scale).toBeCloseTo(0.148);
    expect(toMinimap({ x: 0, y: 0 }, t).x).toBeCloseTo(6);
    expect(toMinimap({ x: 1000, y: 200 }, t).x).toBeCloseTo(154);
    // centred down: 200 × 0.148 = 29.6 px tall in 110
    expect(toMinimap({ x: 500, y: 100 }, t)).toEqual({ x: expect.closeTo(80) as number, y: expect.closeTo(55) as number });
    // a tall world: height decides
    const tall = minimapTransform({ x1: -50, y1: -500, x2: 50, y2: 500 }, MINIMAP_SIZE, 6);
    expect(tall.scale).toBeCloseTo(98 / 1000);
    expect(toMinimap({ x: 0, y: 0 }, tall)).toEqual({ x: expect.closeTo(80) as number, y: expect.closeTo(55) as number });
  });

  it('never divides by an empty world (one node, or nodes in a row)', () => {
    const t = minimapTransform({ x1: 5, y1: 5, x2: 5, y2: 5 }, MINIMAP_SIZE);
    expect(Number.isFinite(t.scale)).toBe(true);
    expect(toMinimap({ x: 5, y: 5 }, t)).toEqual({ x: 80, y: 55 });
  });

  it('maps minimap points back to the model points they show', () => {
    const t = minimapTransform({ x1: -120, y1: 40, x2: 680, y2: 560 }, MINIMAP_SIZE);
    for (const p of [{ x: -120, y: 40 }, { x: 300, y: 300 }, { x: 680, y: 560 }]) {
      const back = toModel(toMinimap(p, t), t);
      expect(back.x).toBeCloseTo(p.x);
      expect(back.y).toBeCloseTo(p.y);
    }
  });

  it('draws the view’s extent as a rectangle, never too small to see', () => {
    const t = { scale: 0.1, dx: 10, dy: 20 };
    expect(boxToMinimap({ x1: 0, y1: 0, x2: 400, y2: 300 }, t)).toEqual({ x1: 10, y1: 20, x2: 50, y2: 50 });
    // 20 × 10 model px would be 2 × 1 minimap px: grown to 6 × 6 about its centre
    expect(boxToMinimap({ x1: 0, y1: 0, x2: 20, y2: 10 }, t, 6)).toEqual({ x1: 8, y1: 17.5, x2: 14, y2: 23.5 });
  });

  it('takes the union of the network and the view, so the rectangle stays in the minimap', () => {
    expect(unionBox({ x1: 0, y1: 0, x2: 100, y2: 100 }, { x1: 50, y1: -20, x2: 300, y2: 60 })).toEqual({ x1: 0, y1: -20, x2: 300, y2: 100 });
  });

  it('tells whether the network fits in the view', () => {
    const network = { x1: 0, y1: 0, x2: 100, y2: 100 };
    expect(fitsInView(network, { x1: -10, y1: -10, x2: 110, y2: 110 })).toBe(true);
    expect(fitsInView(network, network)).toBe(true);
    expect(fitsInView(network, { x1: 10, y1: -10, x2: 110, y2: 110 })).toBe(false);
    expect(fitsInView(network, { x1: -10, y1: -10, x2: 110, y2: 90 })).toBe(false);
  });

  it('shows when the network does not fit or is large, unless the user chose', () => {
    expect(minimapShown(null, true, 5)).toBe(false);
    expect(minimapShown(null, false, 5)).toBe(true);
    expect(minimapShown(null, true, MINIMAP_NODE_THRESHOLD + 1)).toBe(true);
    expect(minimapShown(null, false, 0)).toBe(false); // an empty canvas: nothing to show
    expect(minimapShown(false, false, 500)).toBe(false);
    expect(minimapShown(true, true, 2)).toBe(true);
  });

  it('pans so that a model point is in the middle of the view', () => {
    const pan = panToCenter({ x: 200, y: 100 }, 2, { width: 600, height: 400 });
    expect(pan).toEqual({ x: -100, y: 0 });
    // the point is drawn at the view's centre: rendered = model × zoom + pan
    expect(200 * 2 + pan.x).toBe(300);
    expect(100 * 2 + pan.y).toBe(200);
  });

  it('keeps the grabbed point under the pointer when the press is inside the rectangle', () => {
    const viewport = { x1: 40, y1: 30, x2: 80, y2: 60 };
    expect(grabOffset({ x: 70, y: 50 }, viewport)).toEqual({ x: 10, y: 5 });
    expect(grabOffset({ x: 10, y: 10 }, viewport)).toEqual({ x: 0, y: 0 });
    expect(inBox({ x: 40, y: 60 }, viewport)).toBe(true);
    expect(inBox({ x: 39, y: 60 }, viewport)).toBe(false);
    const t = { scale: 0.5, dx: 0, dy: 0 };
    // grabbed 10 px right of the centre, moved to x 90: the centre goes to 80 minimap px, 160 model px
    expect(dragTarget({ x: 90, y: 50 }, { x: 10, y: 5 }, t)).toEqual({ x: 160, y: 90 });
  });

  it('stops a drag at the minimap’s edge', () => {
    const t = { scale: 1, dx: 0, dy: 0 };
    expect(dragTarget({ x: -50, y: 500 }, { x: 0, y: 0 }, t, MINIMAP_SIZE)).toEqual({ x: 0, y: 110 });
  });

  it('pans a quarter of the view for a key, the drawing moving the other way', () => {
    const view = { width: 600, height: 420 };
    expect(keyPanBy('right', view)).toEqual({ x: -150, y: 0 });
    expect(keyPanBy('left', view)).toEqual({ x: 150, y: 0 });
    expect(keyPanBy('down', view)).toEqual({ x: 0, y: -105 });
    expect(keyPanBy('up', view)).toEqual({ x: 0, y: 105 });
  });
});
