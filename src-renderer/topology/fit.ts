/**
 * Places the scenario's positions in a pane at a readable size. Instead of
 * zooming the whole drawing out (labels shrink until unreadable in a narrow
 * side pane), positions are scaled and nodes and labels keep their size. When
 * the pane is much taller than wide, the drawing is turned a quarter
 * (x ↔ y) if that makes it larger.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface FitOptions {
  readonly width: number;
  readonly height: number;
  /** Room kept free at the sides (labels are wider than nodes) and at top and bottom. */
  readonly padX: number;
  readonly padTop: number;
  /** More room below: labels hang under their nodes. */
  readonly padBottom: number;
  /** Never spread positions further than this factor. */
  readonly maxScale: number;
}

export function fitPositions(model: ReadonlyMap<string, Point>, o: FitOptions): Map<string, Point> {
  const points = [...model.values()];
  if (points.length === 0) return new Map();
  const span = (get: (p: Point) => number) => {
    const values = points.map(get);
    const min = Math.min(...values);
    return { min, size: Math.max(...values) - min };
  };
  const sx = span((p) => p.x);
  const sy = span((p) => p.y);
  const room = { w: Math.max(1, o.width - 2 * o.padX), h: Math.max(1, o.height - o.padTop - o.padBottom) };
  const scale = (w: number, h: number) => Math.min(o.maxScale, w > 0 ? room.w / w : Infinity, h > 0 ? room.h / h : Infinity);
  const straight = scale(sx.size, sy.size);
  const turned = scale(sy.size, sx.size);
  const turn = turned > straight * 1.15;
  const s = turn ? turned : straight;
  const [a, b] = turn ? [sy, sx] : [sx, sy];
  const offX = (o.width - a.size * s) / 2;
  const offY = o.padTop + (room.h - b.size * s) / 2;
  const out = new Map<string, Point>();
  for (const [id, p] of model) {
    const [u, v] = turn ? [p.y, p.x] : [p.x, p.y];
    out.set(id, { x: offX + (u - a.min) * s, y: offY + (v - b.min) * s });
  }
  return out;
}

/**
 * A height for the drawing in a pane `width` px wide, within `limits`: tall
 * enough that the drawing, at the largest scale the width allows, is not
 * squeezed by the height; turned a quarter (as fitPositions turns it) when
 * that draws it more than 15% larger. Room for labels: `room.x` across and
 * `room.y` down (about what useCytoscape's padding keeps).
 */
export function drawingHeight(
  model: ReadonlyMap<string, Point>,
  width: number,
  limits: { readonly min: number; readonly max: number },
  room: { readonly x: number; readonly y: number },
): number {
  const points = [...model.values()];
  if (points.length === 0) return limits.min;
  const spanX = Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x));
  const spanY = Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y));
  const fit = (across: number, down: number) => {
    const s = across > 0 ? Math.max(0, width - room.x) / across : Infinity;
    const height = Math.min(limits.max, Math.max(limits.min, Number.isFinite(s) ? s * down + room.y : limits.min));
    return { height: Math.round(height), scale: Math.min(s, down > 0 ? (height - room.y) / down : Infinity) };
  };
  const straight = fit(spanX, spanY);
  const turned = fit(spanY, spanX);
  return turned.scale > straight.scale * 1.15 ? turned.height : straight.height;
}
