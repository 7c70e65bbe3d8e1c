/**
 * Zoom of the chart's time axis (pixels per simulated millisecond): steps
 * in and out, and "fit": the whole run in the pane's height. The layout is
 * linear in pxPerMs except for compressed gaps (fixed height), so fit
 * scales the linear part only.
 */
import type { ChartLayout } from '../../src-core/chart/layout';

export const ZOOM_STEP = 1.25;
/** Space the layout keeps below the last arrow (layout.ts: height = lastY + 40). */
export const BOTTOM_PAD = 40;

const bottoms = new WeakMap<ChartLayout, number>();

/** The lowest y anything is drawn at (an arrow's end, a mark's label): below it the run is idle until its end. */
export function contentBottom(layout: ChartLayout): number {
  let bottom = bottoms.get(layout);
  if (bottom !== undefined) return bottom;
  bottom = layout.scale.options.top;
  for (const a of layout.arrows) if (a.y2 > bottom) bottom = a.y2;
  for (const m of layout.marks) if (m.labelY > bottom) bottom = m.labelY;
  bottoms.set(layout, bottom);
  return bottom;
}

/**
 * pxPerMs that makes `layout` (drawn at `pxPerMs`) fit in `height` px: the
 * whole run to its end, or (`contentOnly`) down to its last message or mark.
 */
export function fitPxPerMs(layout: ChartLayout, pxPerMs: number, height: number, contentOnly = false): number {
  const gapsPx = layout.scale.gaps.reduce((sum, g) => sum + (g.y2 - g.y1), 0);
  const top = layout.scale.options.top;
  const linear = (contentOnly ? contentBottom(layout) + BOTTOM_PAD : layout.height) - BOTTOM_PAD - top - gapsPx;
  const room = height - BOTTOM_PAD - top - gapsPx;
  if (linear <= 0 || room <= 10) return pxPerMs;
  return (pxPerMs * room) / linear;
}

export interface ZoomTarget {
  readonly pxPerMs: number;
  readonly layout: ChartLayout | null;
  setZoom(value: number): void;
}

export function zoomIn(chart: ZoomTarget): void {
  chart.setZoom(chart.pxPerMs * ZOOM_STEP);
}

export function zoomOut(chart: ZoomTarget): void {
  chart.setZoom(chart.pxPerMs / ZOOM_STEP);
}

export function zoomToFit(chart: ZoomTarget, height: number): void {
  if (chart.layout === null || height <= 0) return;
  chart.setZoom(fitPxPerMs(chart.layout, chart.pxPerMs, height));
}
