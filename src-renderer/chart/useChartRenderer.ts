/**
 * Keeps the chart canvas drawn: sizes it to the scroll container × the
 * device pixel ratio, and repaints in the next animation frame whenever the
 * layout, selection, hover, playback cursor, theme, size or scroll position
 * change (at most once a frame). Publishes what is shown (chartPaneView)
 * and, for tests and assistive tools, the arrows drawn on the scroller's
 * `data-arrows`, the arrow labels written on `data-labels` and the boxes
 * they keep clear of on `data-notes` — annotations first, then arrow ends
 * and handles — the selected event's id on `data-selected`, the lanes on `data-lanes` (node id, x) and the state marks on `data-marks` (canvas CSS px, at
 * most MAX_LISTED each).
 */
import { onMounted, onUnmounted, ref, watch, type Ref } from 'vue';
import { chartPalette } from '../../src-core/chart/colors';
import { drawnIdOf } from '../../src-core/chart/bursts';
import { findMark } from '../../src-core/chart/marks';
import type { ChartLayout } from '../../src-core/chart/layout';
import { useRelations } from '../composables/useRelations';
import { arrowIndex, HEADER_HEIGHT } from './geometry';
import { annotationsFor, chartPaneView } from './chart-state';
import { paintChart } from './paint';
import { shownArrowIndex } from './shown-arrow';
import { useChartViewStore } from '../stores/chart-view';
import { usePlaybackStore } from '../stores/playback';
import { usePreferencesStore } from '../stores/preferences';
import { useSelectionStore } from '../stores/selection';

const MAX_LISTED = 60;

export function useChartRenderer(scroller: Ref<HTMLElement | null>, canvas: Ref<HTMLCanvasElement | null>, hoverId: Ref<number | null>) {
  const chart = useChartViewStore();
  const selection = useSelectionStore();
  const playback = usePlaybackStore();
  const preferences = usePreferencesStore();
  const relations = useRelations();
  const size = ref({ width: 0, height: 0 });
  const scroll = ref({ top: 0, left: 0 });
  let frame = 0;

  function schedule(): void {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      paint();
    });
  }

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
      box.dataset['arrows'] = '[]';
      box.dataset['drawn'] = '0';
      box.dataset['selected'] = '';
      box.dataset['labels'] = '[]';
      box.dataset['notes'] = '[]';
      box.dataset['marks'] = '[]';
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
    const listed = result.drawn.slice(0, MAX_LISTED).map((id) => {
      const a = layout.arrows[arrowIndex(layout, id)]!;
      const y = (v: number) => Math.round(v - top + HEADER_HEIGHT);
      const burst = a.burst ? { count: a.burst.members.length, open: a.burst.open } : {};
      return { id, x1: Math.round(a.x1 - left), y1: y(a.y1), x2: Math.round(a.x2 - left), y2: y(a.y2), label: a.label, state: a.state, ...burst };
    });
    box.dataset['arrows'] = JSON.stringify(listed);
    box.dataset['drawn'] = String(result.drawn.length);
    box.dataset['selected'] = selection.selectedId === null ? '' : String(selection.selectedId);
    box.dataset['lanes'] = JSON.stringify(layout.lanes.map((l) => ({ id: l.node.id, x: Math.round(l.x - left) })));
    box.dataset['marks'] = JSON.stringify(
      (result.marks ?? []).slice(0, MAX_LISTED).map((id) => {
        const m = findMark(layout.marks, id)!;
        return { id, x: Math.round(m.x - left), y: Math.round(m.y - top + HEADER_HEIGHT), label: m.label };
      }),
    );
    box.dataset['labels'] = JSON.stringify(result.labels.slice(0, MAX_LISTED).map((l) => ({ id: l.id, text: l.text, ...canvasBox(l.x, l.y, l.width, l.height, l.angle) })));
    box.dataset['notes'] = JSON.stringify(result.obstacles.slice(0, MAX_LISTED).map((o) => canvasBox(o.cx, o.cy, 2 * o.hw, 2 * o.hh, Math.atan2(o.sin, o.cos))));
  }

  /** A box of the chart in canvas CSS px (centre, size, angle in radians), as the data attributes list it. */
  function canvasBox(cx: number, cy: number, width: number, height: number, angle: number) {
    const r = (v: number) => Math.round(v * 10) / 10;
    return { cx: r(cx - scroll.value.left), cy: r(cy - scroll.value.top + HEADER_HEIGHT), width: r(width), height: r(height), angle: Math.round(angle * 1e4) / 1e4 };
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
    if (frame !== 0) cancelAnimationFrame(frame);
  });

  watch(
    [() => chart.layout, () => selection.selectedId, hoverId, () => playback.cursor, () => playback.active, () => playback.afterCursor, () => preferences.effectiveTheme, size, scroll],
    schedule,
  );

  return { size, scroll, repaint: schedule };
}
