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
