/**
 * Chart geometry shared by the painter and the hit test. Chart coordinates
 * are the layout's (CSS px, y = time); the canvas shows a viewport of them
 * below a sticky lanes header (and, in exports, a title band).
 */
import { IdMap } from '../../src-core/chart/id-index';
import { connectionIndexes, type ArrowLayout, type ChartLayout } from '../../src-core/chart/layout';

/** Height of the lanes header (node glyph, name, address), CSS px. */
export const HEADER_HEIGHT = 50;
/** Height of the title band of exports (scenario name, legend), CSS px. */
export const TITLE_HEIGHT = 40;
/** Width of the sticky time axis on the left, CSS px. */
export const AXIS_WIDTH = 70;
/** Size of the expand/collapse handle, CSS px. */
export const HANDLE_SIZE = 11;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Distance from p to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Where an arrow's expand/collapse handle sits: on the arrow, just after its tail. */
export function handlePoint(a: ArrowLayout): Point {
  const dx = a.x2 - a.x1;
  const t = Math.min(0.3, 18 / Math.max(1, Math.abs(dx)));
  return { x: a.x1 + dx * t, y: a.y1 + (a.y2 - a.y1) * t };
}

export interface ChartAux {
  /** Connection id → index, in order of first appearance (layout.ts connectionIndexes). */
  readonly connections: ReadonlyMap<string, number>;
  /** Expanded application message → the first transport arrow drawn that carries it (it gets the ⊟ handle). */
  readonly collapseHandles: { get(app: number): number | undefined };
  /** Protocols drawn. */
  readonly protocols: readonly string[];
}

const auxCache = new WeakMap<ChartLayout, ChartAux>();

/**
 * Facts about a layout that the painter needs for every frame, computed
 * once per layout: the chart view store asks for them when it lays out
 * (prepareChart), so that the first paint costs what any other does.
 */
export function chartAux(layout: ChartLayout): ChartAux {
  const cached = auxCache.get(layout);
  if (cached) return cached;
  const arrows = layout.arrows;
  const collapseHandles = new IdMap<number>(arrows.length === 0 ? 0 : arrows[arrows.length - 1]!.id + 1);
  const protocols = new Set<string>();
  let protocol = '';
  for (const a of arrows) {
    for (const app of a.carries) if (collapseHandles.get(app) === undefined) collapseHandles.set(app, a.id);
    if (a.protocol !== protocol) protocols.add((protocol = a.protocol));
  }
  const aux = { connections: connectionIndexes(layout), collapseHandles, protocols: [...protocols] };
  auxCache.set(layout, aux);
  return aux;
}

/** Builds a new layout's per-layout facts (chartAux, and through it connectionIndexes) before its first paint. */
export function prepareChart(layout: ChartLayout): ChartLayout {
  chartAux(layout);
  return layout;
}

/** The application message an arrow's handle toggles, or null when it has none. */
export function handleTarget(a: ArrowLayout, aux: ChartAux): number | null {
  if (a.expandable) return a.id;
  const app = a.carries[0];
  return app !== undefined && aux.collapseHandles.get(app) === a.id ? app : null;
}

/** Index of the arrow with this id (arrows are sorted by id), or −1. */
export function arrowIndex(layout: ChartLayout, id: number): number {
  const lo = firstArrowFrom(layout, id);
  return lo < layout.arrows.length && layout.arrows[lo]!.id === id ? lo : -1;
}

/** Index of the first arrow whose id is ≥ `id` (arrows.length when none is). */
export function firstArrowFrom(layout: ChartLayout, id: number): number {
  const arrows = layout.arrows;
  let lo = 0;
  let hi = arrows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrows[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
