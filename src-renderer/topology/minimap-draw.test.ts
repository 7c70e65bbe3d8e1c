import { describe, expect, it } from 'vitest';
import { drawMinimap, MIN_NODE_SIZE, type MinimapContext, type MinimapScene } from './minimap-draw';
import { MINIMAP_SIZE } from './minimap-geometry';
import type { TopologyColors } from './style';

const COLORS: TopologyColors = {
  bg: '#fff', surface: '#eee', border: '#ccc', text: '#111', muted: '#555', accent: '#05c', app: '#060', transport: '#444', lost: '#b00',
};

/** A context that writes down what is drawn: each fill and stroke with its colour and how many shapes its path had. */
function recorder() {
  const calls: string[] = [];
  let shapes = 0;
  const ctx: MinimapContext = {
    globalAlpha: 1, fillStyle: '', strokeStyle: '', lineWidth: 1,
    clearRect: () => calls.push('clear'),
    beginPath: () => (shapes = 0),
    moveTo: () => shapes++,
    lineTo: () => undefined,
    rect: () => shapes++,
    fill: () => calls.push(`fill ${String(ctx.fillStyle)} ×${shapes}`),
    stroke: () => calls.push(`stroke ${String(ctx.strokeStyle)} ×${shapes}`),
  };
  return { ctx, calls };
}

describe('drawMinimap', () => {
  it('draws every link in one stroke, the nodes in two fills and the view last', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => ({ x: (i % 25) * 60, y: Math.floor(i / 25) * 60, width: 34, height: 26, selected: i < 3 }));
    const links = Array.from({ length: 1000 }, (_, i) => [nodes[i % 500]!, nodes[(i * 7 + 1) % 500]!] as const);
    const scene: MinimapScene = { nodes, links, view: { x1: 0, y1: 0, x2: 400, y2: 300 } };
    const { ctx, calls } = recorder();
    drawMinimap(ctx, scene, { scale: 0.1, dx: 0, dy: 0 }, COLORS, MINIMAP_SIZE);
    expect(calls).toEqual(['clear', 'stroke #555 ×1000', 'fill #555 ×497', 'fill #05c ×3', 'fill #05c ×1', 'stroke #05c ×1']);
    expect(ctx.globalAlpha).toBe(1);
  });

  it('returns the view’s rectangle, and never draws a node smaller than a few px', () => {
    const sizes: number[] = [];
    const { ctx } = recorder();
    ctx.rect = (_x, _y, w) => void sizes.push(w);
    const r = drawMinimap(ctx, { nodes: [{ x: 0, y: 0, width: 30, height: 30, selected: false }], links: [], view: { x1: 0, y1: 0, x2: 1000, y2: 800 } }, { scale: 0.01, dx: 5, dy: 5 }, COLORS, MINIMAP_SIZE);
    expect(sizes[0]).toBe(MIN_NODE_SIZE);
    expect(r).toEqual({ x1: 5, y1: 5, x2: 15, y2: 13 });
  });
});
