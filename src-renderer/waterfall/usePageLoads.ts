/**
 * The current run's page loads, for the waterfall, and which one it shows.
 *
 * - `hasPageLoad` (the main pane's tab) looks only at the state events that
 *   arrived since it last looked, so it costs nothing per batch of a long run;
 * - `loads` reads the whole trace's application state events again when the
 *   trace changes (the arrays change in place: it reads run.version), only
 *   while a waterfall is shown;
 * - the load shown follows the selection: when the selected event belongs
 *   to a page load (an object's request, response, their TCP segments, its
 *   state events), that load is shown and its row marked. The choice is
 *   kept across tab switches (module state: one app, one waterfall).
 */
import { computed, ref, watch } from 'vue';
import { useRunStore } from '../stores/run';
import { useSelectionStore } from '../stores/selection';
import type { TraceArrays } from '../trace/merge-batch';
import { locateEvent } from './locate';
import { pageLoadsOf } from './page-loads';

/** The page load shown (index into `loads`), kept while the tab is away. */
const chosen = ref(0);

/** Whether the current trace holds a page load, scanning each state event once. */
export function useHasPageLoad() {
  const run = useRunStore();
  let scanned: TraceArrays | null = null;
  let next = 0;
  let found = false;
  return computed(() => {
    void run.version;
    const trace = run.trace;
    if (trace !== scanned) {
      scanned = trace;
      next = 0;
      found = false;
    }
    const ids = trace.applicationStateIds;
    for (; !found && next < ids.length; next++) {
      const e = trace.events[ids[next]!];
      found = e?.kind === 'state' && e.type === 'http.pageStarted';
    }
    return found;
  });
}

export function usePageLoads() {
  const run = useRunStore();
  const selection = useSelectionStore();
  const loads = computed(() => {
    void run.version;
    return pageLoadsOf(run.trace.events, run.trace.applicationStateIds);
  });
  /** Where the selected event is among the loads (null: in none). */
  const located = computed(() => {
    const id = selection.selectedId;
    void run.version;
    return id === null ? null : locateEvent(loads.value, run.trace.events, id);
  });
  // a primitive, so that a new trace batch alone does not undo the user's choice
  watch(
    () => located.value?.load ?? -1,
    (at) => {
      if (at >= 0) chosen.value = at;
    },
    { immediate: true },
  );
  const index = computed(() => Math.min(chosen.value, Math.max(0, loads.value.length - 1)));
  const load = computed(() => loads.value[index.value] ?? null);
  /** The row of the selected event in the load shown, or -1. */
  const selectedRow = computed(() => (located.value && located.value.load === index.value ? located.value.row : -1));

  function choose(i: number): void {
    chosen.value = i;
  }

  return { loads, index, load, selectedRow, choose };
}
