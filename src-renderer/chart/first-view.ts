/**
 * The chart's first view of a document's first run: the whole run in the
 * pane, or the interesting part with a "more below" marker (ChartCanvas).
 *
 * Rules (issue 9):
 * - Fit the run down to its last message or state change (an idle tail
 *   until the run's end time is left below) in the pane's height
 *   (zoom.ts fitPxPerMs) when that
 *   leaves at least READABLE_PX_PER_MS, never zooming in past
 *   MAX_FIRST_PX_PER_MS (a 5 ms run would fill the pane with three arrows).
 * - Else, when idle gaps can be compressed and compressing them makes the
 *   fit readable (or at least FIRST_VIEW_GAIN times denser), turn
 *   compression on and fit: the iterative DNS lesson's three lookups at 0 s,
 *   1 s and 2 s then share the pane.
 * - Else start at READABLE_PX_PER_MS from the top: the pane shows the
 *   beginning, and the marker says how much follows.
 * Later runs of the same document keep the zoom the user chose.
 */
import type { ChartLayout } from '../../src-core/chart/layout';
import { BOTTOM_PAD, contentBottom, fitPxPerMs } from './zoom';

/** The least px per simulated ms the first view uses: a 10 ms delay still slopes 30 px. */
export const READABLE_PX_PER_MS = 3;
/** The most px per ms the first view zooms in to. */
export const MAX_FIRST_PX_PER_MS = 40;
/** Compression must make the fit at least this much denser to be worth turning on. */
const FIRST_VIEW_GAIN = 1.5;

export interface FirstView {
  readonly pxPerMs: number;
  readonly compressGaps: boolean;
}

/** Refits this many times at most: marks stack by pixel distance, so a layout's height is not quite linear in its zoom. */
export const FIT_ROUNDS = 4;

/**
 * The first view for a run whose layout at a zoom is `layoutAt(compress,
 * pxPerMs)` (compressed idle gaps or not), in a chart body `bodyHeight` px
 * tall, refitting up to `rounds` times (a big trace's layout takes long:
 * callers pass 1 for those).
 */
export function firstView(
  layoutAt: (compress: boolean, pxPerMs: number) => ChartLayout,
  pxPerMs: number,
  bodyHeight: number,
  compressGaps: boolean,
  rounds: number = FIT_ROUNDS,
): FirstView {
  const plain = fit((px) => layoutAt(compressGaps, px), pxPerMs, bodyHeight, rounds);
  if (plain >= READABLE_PX_PER_MS || compressGaps) return { pxPerMs: clamp(plain), compressGaps };
  if (layoutAt(true, pxPerMs).scale.gaps.length > 0) {
    const compressed = fit((px) => layoutAt(true, px), pxPerMs, bodyHeight, rounds);
    if (compressed >= READABLE_PX_PER_MS || compressed >= plain * FIRST_VIEW_GAIN) return { pxPerMs: clamp(compressed), compressGaps: true };
  }
  return { pxPerMs: READABLE_PX_PER_MS, compressGaps: false };
}

/** The zoom that fits the layout in `height`, refined until the layout at it fits within a px. */
function fit(layoutAt: (pxPerMs: number) => ChartLayout, pxPerMs: number, height: number, rounds: number): number {
  let px = pxPerMs;
  for (let round = 0; round < rounds; round++) {
    const layout = layoutAt(px);
    if (round > 0 && Math.abs(contentBottom(layout) + BOTTOM_PAD - height) <= 1) break;
    px = fitPxPerMs(layout, px, height, true);
  }
  return px;
}

function clamp(px: number): number {
  return Math.max(READABLE_PX_PER_MS, Math.min(MAX_FIRST_PX_PER_MS, px));
}
