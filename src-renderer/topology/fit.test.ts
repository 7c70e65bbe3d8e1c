import { describe, expect, it } from 'vitest';
import { drawingHeight, fitPositions } from './fit';

const model = new Map([
  ['a', { x: 80, y: 80 }],
  ['b', { x: 80, y: 280 }],
  ['r', { x: 300, y: 180 }],
  ['s', { x: 520, y: 180 }],
]);

describe('fitPositions', () => {
  it('scales positions into a wide pane, centred, with room for labels', () => {
    const fit = fitPositions(model, { width: 600, height: 300, padX: 50, padTop: 30, padBottom: 30, maxScale: 2 });
    const s = 500 / 440; // the width limits the scale
    expect(fit.get('a')!.x).toBeCloseTo(50);
    expect(fit.get('s')!.x).toBeCloseTo(550);
    expect(fit.get('a')!.y).toBeCloseTo((300 - 200 * s) / 2);
    expect(fit.get('r')!.y - fit.get('a')!.y).toBeCloseTo(100 * s);
  });

  it('turns a wide drawing in a tall pane', () => {
    const fit = fitPositions(model, { width: 220, height: 300, padX: 50, padTop: 30, padBottom: 30, maxScale: 2 });
    expect(fit.get('a')!.y).toBeLessThan(fit.get('s')!.y); // left-to-right became top-to-bottom
    for (const p of fit.values()) {
      expect(p.x).toBeGreaterThanOrEqual(50 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(170 + 1e-9);
    }
  });

  it('centres a single node', () => {
    expect(fitPositions(new Map([['a', { x: 5, y: 5 }]]), { width: 200, height: 100, padX: 10, padTop: 10, padBottom: 10, maxScale: 1 }).get('a')).toEqual({ x: 100, y: 50 });
  });
});

describe('drawingHeight', () => {
  const limits = { min: 300, max: 360 };
  const room = { x: 88, y: 76 };
  it('turns a wide drawing in a narrow pane and makes room for it', () => {
    // 440 × 200: across 240 − 88 px the turned drawing scales by 152 / 200 and needs 0.76 · 440 + 76 px, more than the limit.
    expect(drawingHeight(model, 240, limits, room)).toBe(360);
  });
  it('keeps the smallest height where the drawing lies as it is', () => {
    expect(drawingHeight(model, 500, limits, room)).toBe(300);
    expect(drawingHeight(model, 800, { min: 200, max: 400 }, room)).toBe(Math.round(((800 - 88) / 440) * 200 + 76));
  });
  it('gives the smallest height without positions or spread', () => {
    expect(drawingHeight(new Map(), 300, limits, room)).toBe(300);
    expect(drawingHeight(new Map([['a', { x: 5, y: 5 }]]), 300, limits, room)).toBe(300);
  });
});
