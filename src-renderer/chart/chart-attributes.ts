/**
 * What the chart pane publishes on its scroller's data attributes after
 * each paint, for tests and assistive tools (useChartRenderer.ts): the
 * arrows drawn (`arrows`, `drawn`), the selected event (`selected`), the
 * lanes (`lanes`: node id, x), the state marks (`marks`), the arrow labels
 * written (`labels`) and the boxes they keep clear of (`notes`). Canvas
 * CSS px; at most MAX_LISTED entries each.
 */
import { findMark } from '../../src-core/chart/marks';
import type { ChartLayout } from '../../src-core/chart/layout';
import { arrowIndex, HEADER_HEIGHT } from './geometry';
import type { PaintResult } from './paint';

export const MAX_LISTED = 60;

/** The attributes with no layout. */
export const EMPTY_CHART_ATTRIBUTES: Readonly<Record<string, string>> = { arrows: '[]', drawn: '0', selected: '', labels: '[]', notes: '[]', marks: '[]' };

/** The attributes for one paint; `top`/`left`: the scroll position (chart px at the body's top-left). */
export function chartAttributes(layout: ChartLayout, result: PaintResult, selectedId: number | null, top: number, left: number): Record<string, string> {
  const y = (v: number) => Math.round(v - top + HEADER_HEIGHT);
  /** A box of the chart in canvas CSS px (centre, size, angle in radians). */
  const canvasBox = (cx: number, cy: number, width: number, height: number, angle: number) => {
    const r = (v: number) => Math.round(v * 10) / 10;
    return { cx: r(cx - left), cy: r(cy - top + HEADER_HEIGHT), width: r(width), height: r(height), angle: Math.round(angle * 1e4) / 1e4 };
  };
  const listed = result.drawn.slice(0, MAX_LISTED).map((id) => {
    const a = layout.arrows[arrowIndex(layout, id)]!;
    const burst = a.burst ? { count: a.burst.members.length, open: a.burst.open } : {};
    return { id, x1: Math.round(a.x1 - left), y1: y(a.y1), x2: Math.round(a.x2 - left), y2: y(a.y2), label: a.label, state: a.state, ...burst };
  });
  const marks = (result.marks ?? []).slice(0, MAX_LISTED).map((id) => {
    const m = findMark(layout.marks, id)!;
    return { id, x: Math.round(m.x - left), y: y(m.y), label: m.label };
  });
  return {
    arrows: JSON.stringify(listed),
    drawn: String(result.drawn.length),
    selected: selectedId === null ? '' : String(selectedId),
    lanes: JSON.stringify(layout.lanes.map((l) => ({ id: l.node.id, x: Math.round(l.x - left) }))),
    marks: JSON.stringify(marks),
    labels: JSON.stringify(result.labels.slice(0, MAX_LISTED).map((l) => ({ id: l.id, text: l.text, ...canvasBox(l.x, l.y, l.width, l.height, l.angle) }))),
    notes: JSON.stringify(result.obstacles.slice(0, MAX_LISTED).map((o) => canvasBox(o.cx, o.cy, 2 * o.hw, 2 * o.hh, Math.atan2(o.sin, o.cos)))),
  };
}
