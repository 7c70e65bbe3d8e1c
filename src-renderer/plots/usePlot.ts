/**
 * One uPlot instance in `element` for the spec shown: created once the
 * element has a width (mounted), sized with the element (useElementWidth;
 * the height follows the width, PLOT_HEIGHT), created anew when the spec or
 * the theme changes (its colours are baked into the canvas), destroyed on
 * unmount. Tracks the x range on screen: `zoomed` while it is narrower than
 * the data, `xRange` for the exports; `resetZoom` shows all the data again.
 * `stepCursor` moves the read-out from the keyboard: to the next or previous
 * point (or the first, the last) within the x range shown, and says it in
 * `readout` (for a live region: hovering stays silent).
 */
import uPlot from 'uplot';
import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import type { ChartTheme } from '../../src-core/chart/colors';
import { useElementWidth } from '../composables/useElementWidth';
import type { PlotSpec } from './plot-spec';
import { readoutText } from './plot-summary';
import { uplotData, uplotOptions } from './uplot-options';

/** The plot area's height for a width (CSS px): half as high as wide, within readable bounds. */
export function plotHeight(width: number): number {
  return Math.round(Math.min(560, Math.max(220, width * 0.55)));
}

export function usePlot(element: Ref<HTMLElement | null>, spec: Ref<PlotSpec>, theme: Ref<ChartTheme>, canvasLabel: Ref<string>) {
  const width = useElementWidth(element);
  const zoomed = ref(false);
  const xRange = shallowRef<readonly [number, number] | null>(null);
  const readout = ref('');
  let plot: uPlot | null = null;

  function dataExtent(u: uPlot): [number, number] {
    const xs = u.data[0];
    return [xs[0] ?? 0, xs[xs.length - 1] ?? 0];
  }

  function trackZoom(u: uPlot, key: string): void {
    if (key !== 'x') return;
    const [lo, hi] = dataExtent(u);
    const { min, max } = u.scales['x']!;
    const range: readonly [number, number] = [min ?? lo, max ?? hi];
    const tolerance = (hi - lo) * 1e-9;
    zoomed.value = range[0] > lo + tolerance || range[1] < hi - tolerance;
    xRange.value = zoomed.value ? range : null;
  }

  function destroy(): void {
    plot?.destroy();
    plot = null;
  }

  function create(): void {
    destroy();
    const el = element.value;
    if (!el || width.value === 0) return;
    const options = uplotOptions(spec.value, theme.value, width.value, plotHeight(width.value));
    options.hooks = { setScale: [trackZoom] };
    plot = new uPlot(options, uplotData(spec.value), el);
    const canvas = plot.root.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute('aria-label', canvasLabel.value);
    zoomed.value = false;
    xRange.value = null;
    readout.value = '';
  }

  watch([spec, theme], create, { flush: 'post' }); // after the DOM update: the element is there
  watch(canvasLabel, (label) => plot?.root.querySelector('canvas')?.setAttribute('aria-label', label));
  watch(width, (w) => {
    if (!plot) create();
    else if (w > 0) plot.setSize({ width: w, height: plotHeight(w) });
  });
  onBeforeUnmount(destroy);

  function resetZoom(): void {
    if (!plot) return;
    const [min, max] = dataExtent(plot);
    plot.setScale('x', { min, max });
  }

  /** Moves the cursor `by` points (±1), or to the first (-Infinity) or last (Infinity) point in view. */
  function stepCursor(by: number): void {
    if (!plot) return;
    const u = plot;
    const xs = u.data[0];
    const { min = xs[0] ?? 0, max = xs[xs.length - 1] ?? 0 } = u.scales['x']!;
    const inView = (i: number) => xs[i]! >= min! && xs[i]! <= max!;
    const first = xs.findIndex((_, i) => inView(i));
    if (first < 0) return;
    let last = xs.length - 1;
    while (last > first && !inView(last)) last--;
    const at = u.cursor.idx;
    const from = at === null || at === undefined || !inView(at) ? (by > 0 ? first - 1 : last + 1) : at;
    const next = by === Infinity ? last : by === -Infinity ? first : Math.min(last, Math.max(first, from + by));
    u.setCursor({ left: u.valToPos(xs[next]!, 'x'), top: u.over.clientHeight / 2 });
    readout.value = readoutText(spec.value, xs[next]!, u.data.slice(1).map((column) => column[next]));
  }

  return { zoomed, xRange, resetZoom, readout, stepCursor };
}
