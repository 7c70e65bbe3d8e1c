/**
 * The mouse on the chart: click selects the arrow under the pointer (or
 * expands/collapses when on its ⊞/⊟ handle, opens or bundles a burst on its
 * "×N" badge), double-click opens a burst's bundle, bundles an open burst
 * again, else expands or collapses transport, hovering shows the full label as a tooltip, Ctrl+wheel zooms
 * time around the pointer (plain wheel scrolls natively).
 */
import { ref, type Ref } from 'vue';
import { arrowIndex, chartAux, handleTarget, HEADER_HEIGHT, type Point } from './geometry';
import { burstOwner } from '../../src-core/chart/bursts';
import { findMark } from '../../src-core/chart/marks';
import { arrowTooltip, badgeTooltip } from './tooltip-text';
import { t } from '../i18n/translate';
import { useRunStore } from '../stores/run';
import { hitTest } from './hit-test';
import { useChartViewStore } from '../stores/chart-view';
import { usePlaybackStore } from '../stores/playback';
import { useSelectionStore } from '../stores/selection';

export interface ChartTooltip {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export function useChartPointer(scroller: Ref<HTMLElement | null>, zoomAround: (offset: number, apply: () => void) => void) {
  const chart = useChartViewStore();
  const selection = useSelectionStore();
  const playback = usePlaybackStore();
  const run = useRunStore();
  const hoverId = ref<number | null>(null);
  const tooltip = ref<ChartTooltip | null>(null);

  /** The pointer in pane px (x, y) and in chart coordinates, or null over the header. */
  function locate(event: MouseEvent): { pane: Point; chart: Point } | null {
    const box = scroller.value;
    if (!box) return null;
    const rect = box.getBoundingClientRect();
    const pane = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    if (pane.y < HEADER_HEIGHT) return null;
    return { pane, chart: { x: pane.x + box.scrollLeft, y: pane.y - HEADER_HEIGHT + box.scrollTop } };
  }

  const shown = (id: number) => playback.afterCursor === 'fade' || playback.isRevealed(id);

  function hitAt(event: MouseEvent) {
    const at = locate(event);
    const layout = chart.layout;
    return at && layout ? hitTest(layout, at.chart, shown) : null;
  }

  function onClick(event: MouseEvent): void {
    const hit = hitAt(event);
    if (hit === null) return;
    if (hit.kind === 'handle') chart.toggleMessage(hit.toggle);
    if (hit.kind === 'burst') chart.toggleBurst(hit.burst);
    selection.select(hit.kind === 'handle' ? hit.toggle : hit.id);
  }

  function onDoubleClick(event: MouseEvent): void {
    const hit = hitAt(event);
    const layout = chart.layout;
    if (hit?.kind !== 'arrow' || !layout) return;
    const a = layout.arrows[arrowIndex(layout, hit.id)]!;
    const burst = burstOwner(layout, a.id);
    if (burst) return chart.toggleBurst(burst.first);
    const target = handleTarget(a, chartAux(layout)) ?? a.carries[0];
    if (target !== undefined) chart.toggleMessage(target);
  }

  function onMove(event: MouseEvent): void {
    const hit = hitAt(event);
    const layout = chart.layout;
    hoverId.value = hit?.id ?? null;
    const at = locate(event);
    if (hit === null || !layout || !at) {
      tooltip.value = null;
      return;
    }
    if (hit.kind === 'mark') {
      const mark = findMark(layout.marks, hit.id);
      tooltip.value = mark ? { x: at.pane.x + 14, y: at.pane.y + 16, text: mark.label } : null;
      return;
    }
    const a = layout.arrows[arrowIndex(layout, hit.id)]!;
    const text =
      hit.kind === 'handle' ? (a.expandable ? t('chart.tooltip.expand') : t('chart.tooltip.collapse'))
      : hit.kind === 'burst' ? badgeTooltip(a)
      : arrowTooltip(a, run.trace.events[a.id]);
    tooltip.value = { x: at.pane.x + 14, y: at.pane.y + 16, text };
  }

  function onLeave(): void {
    hoverId.value = null;
    tooltip.value = null;
  }

  function onWheel(event: WheelEvent): void {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const at = locate(event);
    const offset = at ? at.pane.y - HEADER_HEIGHT : 0;
    const factor = Math.exp(-event.deltaY * 0.002);
    zoomAround(offset, () => chart.setZoom(chart.pxPerMs * factor));
  }

  return { hoverId, tooltip, onClick, onDoubleClick, onMove, onLeave, onWheel };
}
