/**
 * The current run's plots (trace-series.ts), for the Plots tab.
 *
 * - `useHasPlots` (the main pane's tab) is cheap per batch: a run has a plot
 *   as soon as it has an application message (the messages plot) or a link
 *   sample; every other plot needs an application message too.
 * - `useRunPlots` reads the whole trace again, so only once the run has
 *   stopped (a plot redrawn for every batch of a streaming run would cost
 *   more than it shows) and only while the tab is shown. The plot chosen is
 *   kept by id across tab switches and runs (module state: one app, one tab).
 */
import { computed, ref } from 'vue';
import { LINK_SAMPLE_NAMES } from '../../src-core/net/link-report';
import { useRunStore } from '../stores/run';
import type { PlotSpec } from './plot-spec';
import { plotsOfTrace } from './trace-series';

const chosenId = ref<string | null>(null);

export function useHasPlots() {
  const run = useRunStore();
  return computed(() => {
    void run.version;
    return run.trace.applicationIds.length > 0 || run.trace.metrics.some((m) => LINK_SAMPLE_NAMES.has(m.name));
  });
}

export function useRunPlots() {
  const run = useRunStore();
  const plots = computed<readonly PlotSpec[]>(() => {
    void run.version;
    if (run.running) return [];
    return plotsOfTrace({ ...run.trace, nodes: run.nodes, endTime: run.summary?.endTime ?? null });
  });
  const plot = computed(() => plots.value.find((p) => p.id === chosenId.value) ?? plots.value[0] ?? null);

  function choose(id: string): void {
    chosenId.value = id;
  }

  return { plots, plot, choose };
}
