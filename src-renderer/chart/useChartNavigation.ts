/**
 * Moving around the chart: keeps the cursor (the selected event, which is
 * also playback's position: stores/playback.ts) in view, keeps the time
 * under the pointer (or the middle of the pane) still while zooming, and
 * handles the chart's own keys when it has focus (commands/key-table.ts
 * lists them): ↑/↓ or k/j previous/next message, +/− zoom, 0 fit, Enter
 * expand or collapse the selected application message; on a burst's bundle,
 * open it, and on a member of an open burst, bundle it again. Space, Home, End,
 * ← and → are playback's keys everywhere, the chart included.
 */
import { onMounted, watch, type Ref } from 'vue';
import { useChartViewStore } from '../stores/chart-view';
import { usePlaybackStore } from '../stores/playback';
import { useSelectionStore } from '../stores/selection';
import { AXIS_WIDTH, chartAux, arrowIndex, handleTarget, HEADER_HEIGHT } from './geometry';
import { burstOwner } from '../../src-core/chart/bursts';
import { findMark } from '../../src-core/chart/marks';
import { useRelations } from '../composables/useRelations';
import { chartPaneView } from './chart-state';
import { CHART_KEYS, type ChartKeyAction } from './keys';
import { shownArrowIndex } from './shown-arrow';
import { zoomIn, zoomOut, zoomToFit } from './zoom';

/** Space kept between a revealed message and the pane's sides, px. */
const REVEAL_MARGIN = 24;

export function useChartNavigation(scroller: Ref<HTMLElement | null>) {
  const chart = useChartViewStore();
  const selection = useSelectionStore();
  const playback = usePlaybackStore();
  const relations = useRelations();
  /** Time to keep at `offset` px below the body's top once the zoomed layout arrives. */
  let anchor: { t: number; offset: number } | null = null;

  function bodyHeight(): number {
    return Math.max(0, (scroller.value?.clientHeight ?? 0) - HEADER_HEIGHT);
  }

  /** Zoom keeping the time at `offset` px below the body's top in place. */
  function zoomAround(offset: number, apply: () => void): void {
    const layout = chart.layout;
    if (layout) anchor = { t: layout.scale.t(chartPaneView.top + offset), offset };
    apply();
  }

  // zoom from anywhere (toolbar, menu, keys) keeps the middle of the pane still, unless a pointer chose the spot
  watch(
    () => chart.pxPerMs,
    () => {
      const layout = chart.layout;
      if (anchor === null && layout) anchor = { t: layout.scale.t(chartPaneView.top + bodyHeight() / 2), offset: bodyHeight() / 2 };
    },
    { flush: 'sync' },
  );

  watch(
    () => chart.layout,
    (layout) => {
      const box = scroller.value;
      if (!layout || !box || !anchor) return;
      box.scrollTop = Math.max(0, layout.scale.y(anchor.t) - anchor.offset);
      anchor = null;
    },
    { flush: 'post' },
  );

  function reveal(id: number | null): void {
    const layout = chart.layout;
    const box = scroller.value;
    if (id === null || !layout || !box) return;
    const i = shownArrowIndex(layout, id, relations.value.carriedBy);
    const mark = i < 0 ? findMark(layout.marks, id) : null;
    if (i < 0 && !mark) return;
    const [y1, y2] = mark ? [mark.y, mark.labelY] : [layout.arrows[i]!.y1, layout.arrows[i]!.y2];
    const [x1, x2] = mark ? [mark.x, mark.x] : [layout.arrows[i]!.x1, layout.arrows[i]!.x2];
    revealSpan(box, Math.min(x1, x2), Math.max(x1, x2));
    const top = box.scrollTop;
    const height = bodyHeight();
    if (y1 >= top + 8 && y2 <= top + height - 8) return;
    box.scrollTop = Math.max(0, y1 - height / 3);
  }

  /**
   * Scrolls sideways, when the lanes are wider than the pane, so that the
   * chart's x range [left, right] shows right of the sticky time axis: the
   * whole of it when it fits, else its start.
   */
  function revealSpan(box: HTMLElement, left: number, right: number): void {
    const from = box.scrollLeft + AXIS_WIDTH + REVEAL_MARGIN;
    const to = box.scrollLeft + box.clientWidth - REVEAL_MARGIN;
    if (left >= from && right <= to) return;
    const room = to - from;
    const target = right - left <= room ? left - AXIS_WIDTH - REVEAL_MARGIN - (room - (right - left)) / 2 : left - AXIS_WIDTH - REVEAL_MARGIN;
    box.scrollLeft = Math.max(0, target);
  }

  // The one cursor: the selection is playback's position too.
  watch(() => selection.selectedId, reveal, { flush: 'post' });
  // A chart shown again (after the List or Waterfall tab) opens at the selection.
  onMounted(() => reveal(selection.selectedId));

  /** ↑/↓ move the one cursor as playback's ←/→ do, without turning playback on. */
  const step = (move: 'next' | 'previous') => playback.move(move, false);

  function toggleSelected(): void {
    const layout = chart.layout;
    const id = selection.selectedId;
    if (!layout || id === null) return;
    const burst = burstOwner(layout, id);
    if (burst) return chart.toggleBurst(burst.first);
    const i = arrowIndex(layout, id);
    if (i < 0) return chart.layout?.expanded.has(id) ? chart.toggleMessage(id) : undefined;
    const target = handleTarget(layout.arrows[i]!, chartAux(layout)) ?? layout.arrows[i]!.carries[0];
    if (target !== undefined) chart.toggleMessage(target);
  }

  const actions: Record<ChartKeyAction, () => void> = {
    next: () => step('next'),
    previous: () => step('previous'),
    zoomIn: () => zoomIn(chart),
    zoomOut: () => zoomOut(chart),
    fit: () => zoomToFit(chart, bodyHeight()),
    toggle: toggleSelected,
  };

  function onKeyDown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = CHART_KEYS[event.key];
    if (!action) return;
    event.preventDefault();
    actions[action]();
  }

  return { onKeyDown, zoomAround, reveal, bodyHeight };
}
