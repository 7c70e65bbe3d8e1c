/**
 * The window's three columns: side pane, chart, inspector. The preferences
 * store keeps the widths the user chose; here they meet the window: the
 * chart keeps at least CHART_MIN px, so in a narrow window both panes give
 * up room (each in proportion to what it has above its minimum) and take it
 * back when the window grows. All widths are CSS px.
 */
import { computed, onMounted, onUnmounted, ref, type ComputedRef } from 'vue';
import { PANE_LIMITS, usePreferencesStore, type Pane } from '../stores/preferences';

export const CHART_MIN = 320;
/** Each splitter's column. */
export const SPLITTER_WIDTH = 6;

export interface PaneWidths {
  readonly side: number;
  readonly inspector: number;
}

/** Room for both panes in a window this wide. */
const roomFor = (windowWidth: number) => windowWidth - CHART_MIN - 2 * SPLITTER_WIDTH;

/** The widths shown in a window: the chosen ones, squeezed (never below the minimums) until the chart has CHART_MIN. */
export function fitPanes(chosen: PaneWidths, windowWidth: number): PaneWidths {
  const over = chosen.side + chosen.inspector - roomFor(windowWidth);
  if (over <= 0) return chosen;
  const spareSide = Math.max(0, chosen.side - PANE_LIMITS.side.min);
  const spare = spareSide + Math.max(0, chosen.inspector - PANE_LIMITS.inspector.min);
  if (spare === 0) return chosen; // both at their minimum: the chart gets what is left
  const take = Math.min(over, spare);
  const fromSide = Math.round((take * spareSide) / spare);
  return { side: chosen.side - fromSide, inspector: chosen.inspector - (take - fromSide) };
}

/** The widths a pane may take next to the other one as shown (a splitter's aria-valuemin/max). */
export function paneRange(pane: Pane, shown: PaneWidths, windowWidth: number): { min: number; max: number } {
  const { min, max } = PANE_LIMITS[pane];
  const other = pane === 'side' ? shown.inspector : shown.side;
  return { min, max: Math.max(min, Math.min(max, roomFor(windowWidth) - other)) };
}

export function usePaneLayout(): {
  widths: ComputedRef<PaneWidths>;
  range: (pane: Pane) => { min: number; max: number };
} {
  const preferences = usePreferencesStore();
  const windowWidth = ref(document.documentElement.clientWidth);
  const measure = () => (windowWidth.value = document.documentElement.clientWidth);

  const widths = computed(() =>
    fitPanes({ side: preferences.currentSideWidth, inspector: preferences.inspectorWidth }, windowWidth.value),
  );
  const range = (pane: Pane) => paneRange(pane, widths.value, windowWidth.value);

  onMounted(() => {
    measure();
    window.addEventListener('resize', measure);
  });
  onUnmounted(() => window.removeEventListener('resize', measure));

  return { widths, range };
}
