/**
 * The waterfall's rows, drawn by the pane (CSS percentages) and the export
 * (px) alike: one row per object in request order, its bar's segments as
 * fractions of the axis (0 … 1), and where the page-load time falls.
 */
import type { SimTime } from '../../src-core/sim/time';
import { axisFraction, type WaterfallAxis } from './axis';
import type { PageLoad, PageObject } from './page-loads';
import { barSpan, objectSegments, type Phase } from './phases';

export interface BarSegment {
  readonly phase: Phase;
  /** ns since the page load began. */
  readonly from: SimTime;
  readonly to: SimTime;
  /** Fractions of the axis: where it starts, and how wide it is. */
  readonly left: number;
  readonly width: number;
}

export interface WaterfallRow {
  /** 1-based, in request order. */
  readonly number: number;
  readonly object: PageObject;
  readonly segments: readonly BarSegment[];
  /** The whole bar, ns since the load began and as fractions of the axis. */
  readonly from: SimTime;
  readonly to: SimTime;
  readonly left: number;
  readonly width: number;
}

export function waterfallRows(load: PageLoad, axis: WaterfallAxis): WaterfallRow[] {
  return load.objects.map((object, i) => {
    const span = barSpan(object);
    const left = axisFraction(axis, span.from);
    return {
      number: i + 1,
      object,
      segments: objectSegments(object).map((s) => {
        const start = axisFraction(axis, s.from);
        return { ...s, left: start, width: axisFraction(axis, s.to) - start };
      }),
      from: span.from,
      to: span.to,
      left,
      width: axisFraction(axis, span.to) - left,
    };
  });
}

/** Where the page-load time falls on the axis (0 … 1), or null while the load is not done. */
export function loadLine(load: PageLoad, axis: WaterfallAxis): number | null {
  return load.outcome.kind === 'loaded' ? axisFraction(axis, load.outcome.elapsed) : null;
}
