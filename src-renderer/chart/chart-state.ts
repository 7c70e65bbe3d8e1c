/**
 * What the chart pane shows right now, shared with the commands (zoom to
 * fit needs the pane's height) and the PNG export (the visible range). The
 * pane keeps it up to date; nothing else writes it. Plain numbers, CSS px.
 */
import { reactive } from 'vue';
import { computeAnnotations, type Annotation } from '../../src-core/chart/annotations';
import type { ChartLayout } from '../../src-core/chart/layout';
import { useRunStore } from '../stores/run';

export const chartPaneView = reactive({
  /** Chart y at the top of the body (the scroll position). */
  top: 0,
  /** Height of the chart body (pane height minus the lanes header). */
  bodyHeight: 0,
  /** Width of the pane. */
  width: 0,
});

const annotationCache = new WeakMap<ChartLayout, { version: number; notes: Annotation[] }>();

/** Above this many events, annotations wait for the run to end (they cost ~2 µs an event). */
const STREAMING_ANNOTATION_LIMIT = 20_000;

/** The layout's annotations from the current run (once per layout and trace version). */
export function annotationsFor(layout: ChartLayout): readonly Annotation[] {
  const run = useRunStore();
  if (run.running && run.trace.events.length > STREAMING_ANNOTATION_LIMIT) return [];
  const cached = annotationCache.get(layout);
  if (cached && cached.version === run.version) return cached.notes;
  const notes = computeAnnotations(layout, run.trace.events, run.trace.metrics);
  annotationCache.set(layout, { version: run.version, notes });
  return notes;
}
