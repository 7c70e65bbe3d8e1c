/**
 * The editor minimap's geometry (useMinimap draws it, EditorMinimap shows
 * it). Three coordinate systems:
 * - model px: the scenario's node positions (cytoscape's `position()`);
 * - minimap px: the minimap's box, MINIMAP_SIZE, with (0, 0) at its top left;
 * - cytoscape's pan: where the model's origin is drawn on the canvas (rendered px).
 * Rules: the minimap shows its whole `world` (the network's bounds, and the
 * viewport too, so the rectangle never leaves the minimap) scaled alike on
 * both axes and centred; a point of the minimap moves the view's centre
 * there; a drag that starts inside the viewport rectangle keeps the point it
 * grabbed under the pointer instead of jumping the rectangle's centre to it.
 */
import type { Box, Point } from './geometry';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The minimap's box, CSS px. */
export const MINIMAP_SIZE: Size = { width: 160, height: 110 };
/** Room kept free inside the minimap's edge, px. */
export const MINIMAP_PAD = 6;
/** With more nodes than this the minimap shows even when the whole network fits in view. */
export const MINIMAP_NODE_THRESHOLD = 40;
/** The least size the viewport rectangle is drawn at, minimap px: always something to see and grab. */
export const MIN_VIEWPORT_SIZE = 6;

/** Minimap px = model px × scale + offset. */
export interface MinimapTransform {
  readonly scale: number;
  readonly dx: number;
  readonly dy: number;
}

/** The box around the nodes' centres, widened by `margin` (half the largest node) on each side; null without nodes. */
export function modelBounds(points: Iterable<Point>, margin: number): Box | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    if (p.x < x1) x1 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.x > x2) x2 = p.x;
    if (p.y > y2) y2 = p.y;
  }
  return x1 === Infinity ? null : { x1: x1 - margin, y1: y1 - margin, x2: x2 + margin, y2: y2 + margin };
}

export function unionBox(a: Box, b: Box): Box {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}

/** The transform that shows `world` whole in a box of `size`, `pad` px inside its edges, centred; alike on both axes. */
export function minimapTransform(world: Box, size: Size, pad: number = MINIMAP_PAD): MinimapTransform {
  const w = Math.max(1, world.x2 - world.x1);
  const h = Math.max(1, world.y2 - world.y1);
  const scale = Math.min(Math.max(1, size.width - 2 * pad) / w, Math.max(1, size.height - 2 * pad) / h);
  return {
    scale,
    dx: size.width / 2 - ((world.x1 + world.x2) / 2) * scale,
    dy: size.height / 2 - ((world.y1 + world.y2) / 2) * scale,
  };
}

export function toMinimap(p: Point, t: MinimapTransform): Point {
  return { x: p.x * t.scale + t.dx, y: p.y * t.scale + t.dy };
}

export function toModel(p: Point, t: MinimapTransform): Point {
  return { x: (p.x - t.dx) / t.scale, y: (p.y - t.dy) / t.scale };
}

/** A model box (the view's extent) as minimap px; never smaller than `min` across, about its own centre. */
export function boxToMinimap(b: Box, t: MinimapTransform, min: number = MIN_VIEWPORT_SIZE): Box {
  const a = toMinimap({ x: b.x1, y: b.y1 }, t);
  const c = toMinimap({ x: b.x2, y: b.y2 }, t);
  const grow = (lo: number, hi: number): [number, number] => {
    const missing = min - (hi - lo);
    return missing > 0 ? [lo - missing / 2, hi + missing / 2] : [lo, hi];
  };
  const [x1, x2] = grow(a.x, c.x);
  const [y1, y2] = grow(a.y, c.y);
  return { x1, y1, x2, y2 };
}

/** Whether the whole network lies in the view (both model boxes); if it does not, the minimap helps. */
export function fitsInView(network: Box, view: Box): boolean {
  return network.x1 >= view.x1 && network.y1 >= view.y1 && network.x2 <= view.x2 && network.y2 <= view.y2;
}

/** Whether the minimap shows: the user's choice once made (the toggle, the key), else when the network does not fit or is large. */
export function minimapShown(choice: boolean | null, fits: boolean, nodeCount: number): boolean {
  return choice ?? (nodeCount > 0 && (!fits || nodeCount > MINIMAP_NODE_THRESHOLD));
}

/** Cytoscape's pan that draws model point `center` in the middle of a view of `view` px at `zoom`. */
export function panToCenter(center: Point, zoom: number, view: Size): Point {
  return { x: view.width / 2 - center.x * zoom, y: view.height / 2 - center.y * zoom };
}

/** Whether a point is in a box, its edges included. */
export function inBox(p: Point, b: Box): boolean {
  return p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
}

/** At a press: how far the pointer is from the viewport rectangle's centre when it is inside the rectangle, else nothing. */
export function grabOffset(pointer: Point, viewport: Box): Point {
  return inBox(pointer, viewport) ? { x: pointer.x - (viewport.x1 + viewport.x2) / 2, y: pointer.y - (viewport.y1 + viewport.y2) / 2 } : { x: 0, y: 0 };
}

/**
 * Where the view's centre goes, in model px, for the pointer at `pointer`
 * (minimap px) having grabbed at `offset`: the pointer is kept inside the
 * minimap's box, so a drag past its edge stops there.
 */
export function dragTarget(pointer: Point, offset: Point, t: MinimapTransform, size: Size = MINIMAP_SIZE): Point {
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  return toModel({ x: clamp(pointer.x, size.width) - offset.x, y: clamp(pointer.y, size.height) - offset.y }, t);
}

export type PanDirection = 'left' | 'right' | 'up' | 'down';
/** A key's pan step: this part of the view across or down. */
export const KEY_PAN_STEP = 0.25;

/** Cytoscape's panBy for a step of the view in `direction` (the drawing moves the other way), rendered px. */
export function keyPanBy(direction: PanDirection, view: Size, step: number = KEY_PAN_STEP): Point {
  const x = Math.round(view.width * step);
  const y = Math.round(view.height * step);
  switch (direction) {
    case 'left': return { x, y: 0 };
    case 'right': return { x: -x, y: 0 };
    case 'up': return { x: 0, y };
    case 'down': return { x: 0, y: -y };
  }
}
