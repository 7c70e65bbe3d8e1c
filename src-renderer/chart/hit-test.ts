/**
 * What is under a point of the chart (chart coordinates): an arrow's
 * expand/collapse handle first, else the nearest arrow within HIT_DISTANCE
 * px, else a state change's mark. Only arrows crossing a small band around the point are examined
 * (visibleArrows: binary search), so a hit costs the same for 50 or 10^6
 * messages.
 */
import { visibleArrows, visibleMarks, type ChartLayout } from '../../src-core/chart/layout';
import { markAt } from './paint-marks';
import { chartAux, distanceToSegment, handlePoint, handleTarget, HANDLE_SIZE, type Point } from './geometry';

export const HIT_DISTANCE = 5;
/** Arrows closer than this to the pointer than each other count as one line: the one drawn on top wins, px. */
const TIE_PX = 1;

export type ChartHit =
  | { readonly kind: 'arrow'; readonly id: number }
  /** The handle of arrow `id`, which expands/collapses application message `toggle`. */
  | { readonly kind: 'handle'; readonly id: number; readonly toggle: number }
  /** A state change's mark (its diamond or its label). */
  | { readonly kind: 'mark'; readonly id: number };

export function hitTest(layout: ChartLayout, p: Point, isShown: (id: number) => boolean = () => true): ChartHit | null {
  const band = Math.max(HIT_DISTANCE, HANDLE_SIZE);
  const near = visibleArrows(layout, p.y - band, p.y + band).filter((a) => isShown(a.id));
  const aux = chartAux(layout);
  for (const a of near) {
    const toggle = handleTarget(a, aux);
    if (toggle === null) continue;
    const h = handlePoint(a);
    if (Math.abs(p.x - h.x) <= HANDLE_SIZE / 2 + 1 && Math.abs(p.y - h.y) <= HANDLE_SIZE / 2 + 1) return { kind: 'handle', id: a.id, toggle };
  }
  let best: { id: number; d: number } | null = null;
  for (const a of near) {
    const d = distanceToSegment(p, { x: a.x1, y: a.y1 }, { x: a.x2, y: a.y2 });
    // near ties (arrows drawn over each other, less than TIE_PX apart) go to the later one, drawn on top
    if (d <= HIT_DISTANCE && (best === null || d <= best.d + TIE_PX)) best = { id: a.id, d };
  }
  if (best !== null) return { kind: 'arrow', id: best.id };
  const mark = markAt(layout, visibleMarks(layout, p.y - band, p.y + band).filter((m) => isShown(m.id)), p.x, p.y);
  return mark === null ? null : { kind: 'mark', id: mark.id };
}
