/**
 * What is under a point of the chart (chart coordinates): an arrow's
 * expand/collapse handle or a burst's badge first, else the nearest arrow or state-change
 * diamond within HIT_DISTANCE px of the point, else a mark's label where it
 * is written. Nothing farther away is hit: a click on empty space selects
 * nothing. Only arrows and marks crossing a small band around the point are
 * examined (visibleArrows: binary search), so a hit costs the same for 50
 * or 10^6 messages.
 *
 * A mark's label is a target only where the painter wrote it: labels give
 * way to arrow labels (or are cut to half), so the label text of the layout
 * says nothing about what is on screen. The caller passes the widths drawn
 * (`markLabels`, mark id → px); without them only diamonds are hit.
 */
import { burstBadge, onBadge } from '../../src-core/chart/bursts';
import { visibleArrows, visibleMarks, type ChartLayout } from '../../src-core/chart/layout';
import { MARK_LABEL_DX, MARK_LABEL_HEIGHT, MARK_RADIUS } from '../../src-core/chart/marks';
import { chartAux, distanceToSegment, handlePoint, handleTarget, HANDLE_SIZE, type Point } from './geometry';

export const HIT_DISTANCE = 5;
/** Arrows closer than this to the pointer than each other count as one line: the one drawn on top wins, px. */
const TIE_PX = 1;

export type ChartHit =
  | { readonly kind: 'arrow'; readonly id: number }
  /** The handle of arrow `id`, which expands/collapses application message `toggle`. */
  | { readonly kind: 'handle'; readonly id: number; readonly toggle: number }
  /** The "×N" badge of arrow `id` (a bundle, or an open burst's first member), which opens or bundles burst `burst` (its first member). */
  | { readonly kind: 'burst'; readonly id: number; readonly burst: number }
  /** A state change's mark (its diamond or its label). */
  | { readonly kind: 'mark'; readonly id: number };

export function hitTest(
  layout: ChartLayout,
  p: Point,
  isShown: (id: number) => boolean = () => true,
  markLabels: ReadonlyMap<number, number> = new Map(),
): ChartHit | null {
  const band = Math.max(HIT_DISTANCE, HANDLE_SIZE, 40); // a badge sits up to ~40 px down a steep arrow
  const near = visibleArrows(layout, p.y - band, p.y + band).filter((a) => isShown(a.id));
  const aux = chartAux(layout);
  for (const a of near) {
    const toggle = handleTarget(a, aux);
    if (toggle === null) continue;
    const h = handlePoint(a);
    if (Math.abs(p.x - h.x) <= HANDLE_SIZE / 2 + 1 && Math.abs(p.y - h.y) <= HANDLE_SIZE / 2 + 1) return { kind: 'handle', id: a.id, toggle };
  }
  for (const a of near) {
    const badge = burstBadge(a);
    if (badge && onBadge(badge, p.x, p.y)) return { kind: 'burst', id: a.id, burst: a.id };
  }
  let best: { hit: ChartHit; d: number } | null = null;
  for (const a of near) {
    const d = distanceToSegment(p, { x: a.x1, y: a.y1 }, { x: a.x2, y: a.y2 });
    // near ties (arrows drawn over each other, less than TIE_PX apart) go to the later one, drawn on top
    if (d <= HIT_DISTANCE && (best === null || d <= best.d + TIE_PX)) best = { hit: { kind: 'arrow', id: a.id }, d };
  }
  const marks = visibleMarks(layout, p.y - band, p.y + band).filter((m) => isShown(m.id));
  for (const m of marks) {
    // distance to the diamond's edge (|dx| + |dy| = r), px
    const d = Math.max(0, (Math.abs(p.x - m.x) + Math.abs(p.y - m.y) - MARK_RADIUS) / Math.SQRT2);
    if (d <= HIT_DISTANCE && (best === null || d < best.d)) best = { hit: { kind: 'mark', id: m.id }, d };
  }
  if (best !== null) return best.hit;
  let label: ChartHit | null = null;
  for (const m of marks) {
    const width = markLabels.get(m.id);
    if (width === undefined) continue;
    const x0 = m.x + MARK_LABEL_DX;
    if (Math.abs(p.y - m.labelY) <= MARK_LABEL_HEIGHT / 2 && p.x >= x0 - 1 && p.x <= x0 + width + 1) label = { kind: 'mark', id: m.id }; // later marks win
  }
  return label;
}
