/**
 * Paints the editor's minimap on a 2D canvas: the links, the nodes (the
 * selected ones in the accent colour) and the view's rectangle, from model
 * positions through a MinimapTransform. Cheap by rule, for 500 nodes and
 * 1,000 links on every frame the view changes: every link in one path and
 * one stroke, the nodes in two fills (unselected, selected), no text, no
 * shadows; nothing is measured.
 */
import type { Box, Point } from './geometry';
import { boxToMinimap, toMinimap, type MinimapTransform, type Size } from './minimap-geometry';
import type { TopologyColors } from './style';

export interface MinimapNode {
  readonly x: number;
  readonly y: number;
  /** The node's size, model px. */
  readonly width: number;
  readonly height: number;
  readonly selected: boolean;
}

export interface MinimapScene {
  readonly nodes: readonly MinimapNode[];
  /** Each link's two ends, model px. */
  readonly links: readonly (readonly [Point, Point])[];
  /** The view's extent, model px. */
  readonly view: Box;
}

/** What of a 2D context the minimap uses (tests pass a recorder). */
export type MinimapContext = Pick<
  CanvasRenderingContext2D,
  'clearRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'rect' | 'fill' | 'stroke' | 'globalAlpha' | 'fillStyle' | 'strokeStyle' | 'lineWidth'
>;

/** The least size a node is drawn at, minimap px: a 500-node network is still dots, not nothing. */
export const MIN_NODE_SIZE = 3;
/** How strong the links are next to the nodes, and the view's fill next to its outline. */
const LINK_ALPHA = 0.55;
const VIEW_FILL_ALPHA = 0.14;

/** Draws `scene` on a cleared `size`; returns the view's rectangle in minimap px. */
export function drawMinimap(ctx: MinimapContext, scene: MinimapScene, t: MinimapTransform, colors: TopologyColors, size: Size): Box {
  ctx.clearRect(0, 0, size.width, size.height);

  ctx.beginPath();
  for (const [a, b] of scene.links) {
    const p = toMinimap(a, t);
    const q = toMinimap(b, t);
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(q.x, q.y);
  }
  ctx.globalAlpha = LINK_ALPHA;
  ctx.strokeStyle = colors.muted;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.globalAlpha = 1;

  for (const selected of [false, true]) {
    ctx.beginPath();
    for (const n of scene.nodes) {
      if (n.selected !== selected) continue;
      const c = toMinimap(n, t);
      const w = Math.max(MIN_NODE_SIZE, n.width * t.scale);
      const h = Math.max(MIN_NODE_SIZE, n.height * t.scale);
      ctx.rect(c.x - w / 2, c.y - h / 2, w, h);
    }
    ctx.fillStyle = selected ? colors.accent : colors.muted;
    ctx.fill();
  }

  const r = boxToMinimap(scene.view, t);
  ctx.beginPath();
  ctx.rect(r.x1, r.y1, r.x2 - r.x1, r.y2 - r.y1);
  ctx.globalAlpha = VIEW_FILL_ALPHA;
  ctx.fillStyle = colors.accent;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = colors.accent;
  ctx.lineWidth = 2;
  ctx.stroke();
  return r;
}
