/**
 * How the sequence chart shows the trace, and the chart layout itself.
 *
 * The layout (src-core/chart/layout.ts) is computed here, once per change of
 * trace or options, and shared by every view of it: the chart painter, the
 * playback controls, the topology animation and the exporters. It is kept
 * in a shallowRef (plain data, never deep-reactive), recomputed at most once
 * per animation frame while a run streams in.
 *
 * `showTransport` lives in the preferences store (a scenario sets it when
 * opened); everything else about the view is here.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { DEFAULT_LAYOUT, fittedLaneWidth, layoutChart, MAX_FITTED_LANE_WIDTH, type ChartLayout, type LayoutOptions } from '../../src-core/chart/layout';
import { firstView } from '../chart/first-view';
import { prepareChart } from '../chart/geometry';
import { laneGroups } from '../../src-core/chart/lane-groups';
import { NS_PER_MS } from '../../src-core/sim/time';
import type { MessageEvent, StateEvent } from '../../src-core/trace/types';
import { usePreferencesStore } from './preferences';
import { useRunStore } from './run';
import { useScenarioStore } from './scenario';

export const MIN_PX_PER_MS = 0.001;
export const MAX_PX_PER_MS = 10_000;
/** Idle gaps longer than this are compressed when compression is on (ns). */
export const COMPRESS_GAPS_OVER = 50 * NS_PER_MS;
/** Above this many events the first view fits once, without refining (a layout of 10^5 events takes ~200 ms). */
const FIRST_VIEW_REFIT_LIMIT = 20_000;
/** Largest share of the page's time spent recomputing the layout while a trace streams in. */
const LAYOUT_SHARE = 0.3;
const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

export const useChartViewStore = defineStore('chartView', () => {
  const run = useRunStore();
  const preferences = usePreferencesStore();
  const scenarioStore = useScenarioStore();

  /** Vertical zoom: pixels per simulated millisecond. */
  const pxPerMs = ref(DEFAULT_LAYOUT.pxPerMs);
  const compressGaps = ref(false);
  /** Mark state changes (cache entries, zone edits, answers …) on the lanes. */
  const showStates = ref(true);
  /** Application messages expanded/collapsed against the global default. */
  const toggled = shallowRef<ReadonlySet<number>>(new Set());
  /** Bursts drawn message by message instead of as one bundle (src-core/chart/bursts.ts), by first member id. */
  const openBursts = shallowRef<ReadonlySet<number>>(new Set());
  /** Filters: protocols shown (empty = all), nodes whose messages are shown (empty = all), text in summaries. */
  const protocols = shallowRef<ReadonlySet<string>>(new Set());
  const nodeFilter = shallowRef<ReadonlySet<string>>(new Set());
  const text = ref('');
  /** Lanes: hidden ones, and an order chosen by the user (else the scenario's, else first appearance). */
  const hiddenLanes = shallowRef<ReadonlySet<string>>(new Set());
  const laneOrder = shallowRef<readonly string[]>([]);
  /** Lane groups of the run's nodes (src-core/chart/lane-groups.ts), and the ids of those collapsed into one lane. */
  const groups = computed(() => laneGroups(run.nodes));
  const collapsedGroups = shallowRef<ReadonlySet<string>>(new Set());
  /**
   * The scenario's view.laneOrder (so a lesson shows its lanes as intended).
   * The same array while its content stays the same: the scenario is parsed
   * again on every edit, and the layout should not follow each keystroke.
   */
  let scenarioOrder: readonly string[] = [];
  const scenarioLaneOrder = computed(() => {
    const next = scenarioStore.scenario?.view.laneOrder ?? [];
    if (next.length !== scenarioOrder.length || next.some((id, i) => id !== scenarioOrder[i])) scenarioOrder = [...next];
    return scenarioOrder;
  });
  /** The lane order in effect: the user's when set, else the scenario's. */
  const effectiveLaneOrder = computed(() => (laneOrder.value.length > 0 ? laneOrder.value : scenarioLaneOrder.value));

  /** Width of the chart pane, CSS px (the pane sets it): the lanes spread over it (layout.ts fittedLaneWidth); 0 = not shown, fixed lane width. */
  const paneWidth = ref(0);
  /** Height of the chart's body (the pane less its lanes header), CSS px: the first view fits the run in it. */
  const bodyHeight = ref(0);
  /** The document (scenarioStore.generation) whose first run got its first view (first-view.ts); later runs keep the zoom. */
  let firstViewFor = -1;

  const layout = shallowRef<ChartLayout | null>(null);

  /** The filters in effect (protocol, node, text in summaries), or null when none is. */
  const filterSpec = computed(() => {
    const p = protocols.value;
    const n = nodeFilter.value;
    const needle = text.value.trim().toLowerCase();
    return p.size === 0 && n.size === 0 && needle === '' ? null : { p, n, needle };
  });
  const matches = (spec: NonNullable<typeof filterSpec.value>, protocol: string, summary: string, onNode: (n: ReadonlySet<string>) => boolean) =>
    (spec.p.size === 0 || spec.p.has(protocol)) && (spec.n.size === 0 || onNode(spec.n)) && (spec.needle === '' || summary.toLowerCase().includes(spec.needle));

  const include = computed(() => {
    const spec = filterSpec.value;
    return spec === null ? undefined : (m: MessageEvent) => matches(spec, m.protocol, m.summary, (n) => n.has(m.from) || n.has(m.to));
  });
  /** The same filters for state changes (the node is where the change happened). */
  const includeState = computed(() => {
    const spec = filterSpec.value;
    return spec === null ? undefined : (e: StateEvent) => matches(spec, e.protocol, e.summary, (n) => n.has(e.node));
  });

  const filtersActive = computed(() => include.value !== undefined || hiddenLanes.value.size > 0);

  function layoutOptions(): LayoutOptions {
    return {
      ...DEFAULT_LAYOUT,
      ...(paneWidth.value > 0 ? { laneWidth: MAX_FITTED_LANE_WIDTH, fitWidth: paneWidth.value } : {}),
      pxPerMs: pxPerMs.value,
      compressGapsOver: compressGaps.value ? COMPRESS_GAPS_OVER : null,
      showTransport: preferences.showTransport,
      toggled: toggled.value,
      openBursts: openBursts.value,
      include: include.value,
      showStates: showStates.value,
      includeState: includeState.value,
      hiddenLanes: hiddenLanes.value,
      laneGroups: groups.value,
      collapsedGroups: collapsedGroups.value,
      laneOrder: effectiveLaneOrder.value,
      endTime: run.progress?.simTime ?? run.summary?.endTime ?? 0,
    };
  }

  function computeLayout(): void {
    const trace = run.trace;
    if (trace.events.length === 0) {
      layout.value = null;
      return;
    }
    layout.value = prepareChart(layoutChart(run.nodes, trace.events, layoutOptions()));
  }

  /** The first finished run of a document: zoom (and compression) so that the run, or its start, fills the pane. */
  function applyFirstView(): void {
    if (run.status !== 'finished' || bodyHeight.value <= 0 || run.trace.events.length === 0) return;
    if (firstViewFor === scenarioStore.generation) return;
    firstViewFor = scenarioStore.generation;
    const options = layoutOptions();
    const layoutAt = (compress: boolean, px: number) =>
      layoutChart(run.nodes, run.trace.events, { ...options, pxPerMs: px, compressGapsOver: compress ? COMPRESS_GAPS_OVER : null });
    const view = firstView(layoutAt, pxPerMs.value, bodyHeight.value, compressGaps.value, run.trace.events.length > FIRST_VIEW_REFIT_LIMIT ? 1 : undefined);
    compressGaps.value = view.compressGaps;
    setZoom(view.pxPerMs);
  }

  // At most once a frame, and while a big run streams in, no more often than
  // LAYOUT_SHARE of the time (a layout of 10^5 events takes ~200 ms), so
  // the page keeps answering keys and clicks.
  let pending = false;
  let lastEnd = 0;
  let lastCost = 0;
  function scheduleLayout(): void {
    if (pending) return;
    pending = true;
    const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
    const wait = Math.max(0, lastCost / LAYOUT_SHARE - (now() - lastEnd));
    const run = () =>
      raf(() => {
        pending = false;
        const start = now();
        computeLayout();
        lastEnd = now();
        lastCost = lastEnd - start;
      });
    if (wait > 0) setTimeout(run, wait);
    else run();
  }

  watch([() => run.status, bodyHeight], applyFirstView);

  /**
   * The lane spacing the pane's width gives the current lanes: the layout is
   * recomputed when that changes, not on every pixel of a resize (the lanes,
   * their count and their marks do not depend on the width).
   */
  const fittedSpacing = computed(() => {
    const l = layout.value;
    if (paneWidth.value <= 0 || l === null) return paneWidth.value;
    const last = l.lanes.length - 1;
    return fittedLaneWidth(paneWidth.value, l.lanes.length, DEFAULT_LAYOUT.leftMargin, l.marks.some((m) => m.lane === last), MAX_FITTED_LANE_WIDTH);
  });

  watch(
    [() => run.version, () => run.nodes, () => preferences.showTransport, pxPerMs, compressGaps, showStates, toggled, openBursts, include, hiddenLanes, collapsedGroups, effectiveLaneOrder, fittedSpacing],
    scheduleLayout,
  );

  function toggleMessage(id: number): void {
    const next = new Set(toggled.value);
    if (!next.delete(id)) next.add(id);
    toggled.value = next;
  }

  /** Opens a burst's bundle into its members, or bundles them again. */
  function toggleBurst(first: number): void {
    openBursts.value = toggledSet(openBursts.value, first);
  }

  /** The pane's size changed (ResizeObserver): its width and its body's height, whole px. */
  function setPaneSize(width: number, body: number): void {
    paneWidth.value = Math.max(0, Math.round(width));
    bodyHeight.value = Math.max(0, Math.round(body));
  }

  function setZoom(value: number): void {
    pxPerMs.value = Math.min(MAX_PX_PER_MS, Math.max(MIN_PX_PER_MS, value));
  }

  function toggleProtocol(protocol: string): void {
    protocols.value = toggledSet(protocols.value, protocol);
  }

  function toggleNodeFilter(node: string): void {
    nodeFilter.value = toggledSet(nodeFilter.value, node);
  }

  function toggleLane(node: string): void {
    hiddenLanes.value = toggledSet(hiddenLanes.value, node);
  }

  /** Draws a lane group as one lane, or its members one by one again. */
  function toggleGroup(id: string): void {
    collapsedGroups.value = toggledSet(collapsedGroups.value, id);
  }

  function setLaneOrder(order: readonly string[]): void {
    laneOrder.value = [...order];
  }

  function clearFilters(): void {
    protocols.value = new Set();
    nodeFilter.value = new Set();
    text.value = '';
    hiddenLanes.value = new Set();
  }

  /** A new run or document: forget per-message choices (ids mean other messages now). */
  function resetForNewTrace(): void {
    toggled.value = new Set();
    openBursts.value = new Set();
  }

  watch(() => run.runId, resetForNewTrace);

  return {
    pxPerMs, compressGaps, showStates, toggled, openBursts, protocols, nodeFilter, text, hiddenLanes, laneOrder, effectiveLaneOrder, layout, include, filtersActive, paneWidth, fittedSpacing, groups, collapsedGroups,
    computeLayout, toggleMessage, toggleBurst, setZoom, setPaneSize, toggleProtocol, toggleNodeFilter, toggleLane, toggleGroup, setLaneOrder, clearFilters, resetForNewTrace,
  };
});

function toggledSet<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}
