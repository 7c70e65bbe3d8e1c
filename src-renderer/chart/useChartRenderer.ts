/**
 * Keeps the chart canvas drawn: sizes it to the scroll container × the
 * device pixel ratio, paints a new layout at once and repaints in the next
 * animation frame whenever the selection, hover, playback cursor, theme,
 * size or scroll position change (at most once a frame: paint-scheduler.ts).
 * Publishes what is shown (chartPaneView) and, for tests and assistive
 * tools, the scroller's data attributes (chart-attributes.ts): the arrows
 * drawn, the arrow labels written and the boxes they keep clear of —
 * annotations first, then arrow ends and handles — the selected event's
 * id, the lanes and the state marks.
 */
import { onMounted, onUnmounted, ref, watch, type Ref } from 'vue';
import { chartPalette } from '../../src-core/chart/colors';
import { drawnIdOf } from '../../src-core/chart/bursts';
import type { ChartLayout } from '../../src-core/chart/layout';
import { useRelations } from '../composables/useRelations';
import { HEADER_HEIGHT } from './geometry';
import { chartAttributes, EMPTY_CHART_ATTRIBUTES } from './chart-attributes';
import { annotationsFor, chartPaneView } from './chart-state';
import { paintChart } from './paint';
import { createPaintScheduler } from './paint-scheduler';
import { shownArrowIndex } from './shown-arrow';
import { useChartViewStore } from '../stores/chart-view';
import { usePlaybackStore } from '../stores/playback';
import { usePreferencesStore } from '../stores/preferences';
import { useSelectionStore } from '../stores/selection';

export function useChartRenderer(scroller: Ref<HTMLElement | null>, canvas: Ref<HTMLCanvasElement | null>, hoverId: Ref<number | null>) {
  const chart = useChartViewStore();
  const selection = useSelectionStore();
  const playback = usePlaybackStore();
  const preferences = usePreferencesStore();
  const relations = useRelations();
  const size = ref({ width: 0, height: 0 });
  const scroll = ref({ top: 0, left: 0 });
  const scheduler = createPaintScheduler(() => paint(), {
    request: (callback) => requestAnimationFrame(callback),
    cancel: (handle) => cancelAnimationFrame(handle),
    now: () => performance.now(),
  });
  const schedule = () => scheduler.schedule();

  /** The arrow (or mark) that shows event `id` (shown-arrow.ts). */
  function shownId(layout: ChartLayout, id: number): number {
    const i = shownArrowIndex(layout, id, relations.value.carriedBy);
    return i >= 0 ? layout.arrows[i]!.id : drawnIdOf(layout, id);
  }

  function paint(): void {
    const el = canvas.value;
    const box = scroller.value;
    const layout = chart.layout;
    const { width, height } = size.value;
    if (!el || !box || width === 0 || height === 0) return;
    const scale = window.devicePixelRatio || 1;
    if (el.width !== Math.round(width * scale) || el.height !== Math.round(height * scale)) {
      el.width = Math.round(width * scale);
      el.height = Math.round(height * scale);
    }
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const palette = chartPalette(preferences.effectiveTheme);
    if (layout === null) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = palette.background;
      ctx.fillRect(0, 0, el.width, el.height);
      Object.assign(box.dataset, EMPTY_CHART_ATTRIBUTES);
      return;
    }
    const top = scroll.value.top;
    const left = scroll.value.left;
    const result = paintChart(ctx, {
      layout,
      annotations: annotationsFor(layout),
      palette,
      viewport: { top, left, width, height, scale },
      // a message inside a collapsed burst is shown by its bundle, one drawn as its segments by the first of them
      selectedId: selection.selectedId === null ? null : shownId(layout, selection.selectedId),
      hoverId: hoverId.value,
      isRevealed: playback.active && playback.cursor !== null ? playback.isRevealed : undefined,
      afterCursor: playback.afterCursor,
      options: { labels: true, annotations: true },
    });
    Object.assign(box.dataset, chartAttributes(layout, result, selection.selectedId, top, left));
  }

  function measure(): void {
    const box = scroller.value;
    if (!box) return;
    size.value = { width: box.clientWidth, height: box.clientHeight };
    chartPaneView.width = box.clientWidth;
    chartPaneView.bodyHeight = Math.max(0, box.clientHeight - HEADER_HEIGHT);
    chart.setPaneSize(box.clientWidth, chartPaneView.bodyHeight);
  }

  function onScroll(): void {
    const box = scroller.value;
    if (!box) return;
    scroll.value = { top: box.scrollTop, left: box.scrollLeft };
    chartPaneView.top = box.scrollTop;
  }

  let observer: ResizeObserver | null = null;
  onMounted(() => {
    measure();
    observer = new ResizeObserver(measure);
    if (scroller.value) observer.observe(scroller.value);
    scroller.value?.addEventListener('scroll', onScroll, { passive: true });
    schedule();
  });
  onUnmounted(() => {
    observer?.disconnect();
    scroller.value?.removeEventListener('scroll', onScroll);
    scheduler.cancel();
  });

  // a new layout is painted at once (paint-scheduler.ts), the rest in the next frame
  watch(() => chart.layout, () => scheduler.layoutReady(), { flush: 'post' });
  watch(
    [() => selection.selectedId, hoverId, () => playback.cursor, () => playback.active, () => playback.afterCursor, () => preferences.effectiveTheme, size, scroll],
    schedule,
  );

  return { size, scroll, repaint: schedule };
}
