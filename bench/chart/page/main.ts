/**
 * The chart benchmark page: the real layout (src-core/chart/layout.ts), the
 * real annotations, the real canvas painter (src-renderer/chart/paint.ts),
 * the attributes the pane publishes after each paint (chart-attributes.ts)
 * and the pane's paint scheduling (paint-scheduler.ts: a new layout at
 * once, changes in the next animation frame), on a canvas the size of the
 * window. What it leaves out of the app is Vue's reactivity between a
 * change and the scheduler. bench/chart/run.ts calls the functions on
 * `window.chartBench` and reads the figures they return (milliseconds from
 * performance.now()).
 */
import { computeAnnotations, type Annotation } from '../../../src-core/chart/annotations';
import { chartPalette } from '../../../src-core/chart/colors';
import { DEFAULT_LAYOUT, firstArrowAtOrAfter, layoutChart, type ChartLayout } from '../../../src-core/chart/layout';
import { chartAttributes } from '../../../src-renderer/chart/chart-attributes';
import { prepareChart } from '../../../src-renderer/chart/geometry';
import { bodyTop, paintChart, type PaintInput } from '../../../src-renderer/chart/paint';
import { createPaintScheduler } from '../../../src-renderer/chart/paint-scheduler';
import type { FrameFigures, LoadFigures } from '../figures';
import { syntheticTrace, type SyntheticTrace } from '../synthetic';

const canvas = document.getElementById('chart') as HTMLCanvasElement;
const published = document.getElementById('attributes') as HTMLElement;
const ctx = canvas.getContext('2d')!;
const palette = chartPalette('light');
const options = { labels: true, annotations: true };

let trace: SyntheticTrace | null = null;
let layout: ChartLayout | null = null;
let annotations: Annotation[] = [];
/** What is shown: scroll position (chart px), selected message, playback cursor (null: playback off). */
const view = { top: 0, selectedId: null as number | null, cursor: null as number | null };

function size(): { width: number; height: number; scale: number } {
  const scale = window.devicePixelRatio || 1;
  const width = window.innerWidth;
  const height = window.innerHeight;
  if (canvas.width !== Math.round(width * scale) || canvas.height !== Math.round(height * scale)) {
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  return { width, height, scale };
}

/** Resolves in a task after the browser has finished the current frame's rendering (a message posted from inside it). */
function afterThisFrame(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

interface Painted {
  readonly start: number;
  readonly paintMs: number;
  readonly drawn: number;
  /** When the browser had finished the frame this paint is in. */
  readonly frameDone: Promise<number>;
}
let onPainted: ((p: Painted) => void) | null = null;

/** What the pane's paint() does with a layout, less Vue: paintChart, then the data attributes. */
function paint(): void {
  const start = performance.now();
  if (!layout) return;
  const s = size();
  const cursor = view.cursor;
  const input: PaintInput = {
    layout,
    annotations,
    palette,
    viewport: { top: view.top, left: 0, width: s.width, height: s.height, scale: s.scale },
    selectedId: view.selectedId,
    hoverId: null,
    isRevealed: cursor === null ? undefined : (id) => id <= cursor,
    afterCursor: 'fade',
    options,
  };
  const result = paintChart(ctx, input);
  const paintMs = performance.now() - start;
  Object.assign(published.dataset, chartAttributes(layout, result, view.selectedId, view.top, 0));
  onPainted?.({ start, paintMs, drawn: result.drawn.length, frameDone: afterThisFrame() });
}

const scheduler = createPaintScheduler(paint, {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
});

/** The next paint's figures. */
const painted = () => new Promise<Painted>((resolve) => (onPainted = (p) => ((onPainted = null), resolve(p))));

/** Makes the synthetic trace of `messages` messages (not timed: it stands for a finished run). */
async function generate(messages: number): Promise<number> {
  clear();
  await nextFrame();
  const g0 = performance.now();
  trace = syntheticTrace(messages, 20, 7);
  return performance.now() - g0;
}

/** Data arrived → chart on the canvas, for the trace generate() made, as the app does with a finished run. */
async function show(): Promise<LoadFigures> {
  const t = trace!;
  layout = null;
  annotations = [];
  Object.assign(view, { top: 0, selectedId: null, cursor: null });
  // data arrives a while after the last paint (two frames), as a run's end does: the scheduler paints it at once (paint-scheduler.ts)
  await nextFrame();
  await nextFrame();
  await afterThisFrame();
  const t0 = performance.now();
  // as the chart view store lays out: the layout and the per-layout facts the painter reads
  layout = prepareChart(layoutChart(t.nodes, t.events, { ...DEFAULT_LAYOUT, showTransport: true, endTime: t.endTime }));
  const t1 = performance.now();
  annotations = computeAnnotations(layout, t.events, []);
  const t2 = performance.now();
  const next = painted();
  scheduler.layoutReady();
  const p = await next;
  const t3 = performance.now();
  const done = await p.frameDone;
  return {
    messages: t.events.length,
    arrows: layout.arrows.length,
    chartHeightPx: Math.round(layout.height),
    layoutMs: t1 - t0,
    annotationsMs: t2 - t1,
    annotationCount: annotations.length,
    paintMs: p.paintMs,
    firstFrameMs: t3 - t0,
    presentedMs: done - t0,
  };
}

/** Body height in chart px (the canvas minus the lanes header). */
const bodyHeight = () => size().height - bodyTop(options);

/** One change a frame, each painted by the scheduler in the next animation frame; `change(i)` updates `view`. */
async function frames(steps: number, change: (i: number) => void): Promise<FrameFigures> {
  const out: FrameFigures = { paintMs: [], frameMs: [], intervalMs: [], arrowsDrawn: [] };
  let previous = NaN;
  await afterThisFrame();
  for (let i = 0; i < steps; i++) {
    const next = painted();
    const c0 = performance.now();
    change(i);
    scheduler.schedule();
    const changeMs = performance.now() - c0;
    const p = await next;
    const done = await p.frameDone;
    out.paintMs.push(p.paintMs);
    out.frameMs.push(changeMs + done - p.start);
    if (i > 0) out.intervalMs.push(p.start - previous);
    out.arrowsDrawn.push(p.drawn);
    previous = p.start;
  }
  return out;
}

/** Keeps arrow `i` in view as the pane does when the selection moves off screen. */
function follow(i: number): void {
  const a = layout!.arrows[i]!;
  if (a.y1 < view.top || a.y1 > view.top + bodyHeight() - 40) view.top = Math.max(0, a.y1 - 100);
}

const middle = () => Math.floor(layout!.arrows.length / 2);
const arrowAt = (i: number) => Math.min(layout!.arrows.length - 1, i);

/** Selects `steps` messages one after another from the middle of the chart, scrolling to keep each in view. */
function stepSelection(steps = 200): Promise<FrameFigures> {
  const start = middle();
  Object.assign(view, { top: Math.max(0, layout!.arrows[start]!.y1 - 100), cursor: null });
  return frames(steps, (i) => {
    const k = arrowAt(start + i);
    view.selectedId = layout!.arrows[k]!.id;
    follow(k);
  });
}

/** Scrolls down `steps` steps of `stepPx` (a mouse wheel's notch), from the first message in the chart's second quarter. */
function scroll(steps = 200, stepPx = 100): Promise<FrameFigures> {
  const l = layout!;
  Object.assign(view, { top: l.arrows[firstArrowAtOrAfter(l.arrows, l.height / 4)]?.y1 ?? 0, selectedId: null, cursor: null });
  return frames(steps, () => (view.top += stepPx));
}

/** Playback: steps the cursor message by message from the middle of the chart, later messages faded, keeping the cursor in view. */
function stepPlayback(steps = 200): Promise<FrameFigures> {
  const start = Math.floor(layout!.arrows.length * 0.6);
  Object.assign(view, { top: Math.max(0, layout!.arrows[start]!.y1 - 100) });
  return frames(steps, (i) => {
    const k = arrowAt(start + i);
    view.selectedId = view.cursor = layout!.arrows[k]!.id;
    follow(k);
  });
}

function clear(): void {
  trace = null;
  layout = null;
  annotations = [];
}

/** Drops the layout, keeps the trace (before measuring the heap of a trace alone). */
function dropLayout(): void {
  layout = null;
  annotations = [];
}

const api = { generate, show, stepSelection, scroll, stepPlayback, clear, dropLayout, ready: true };
(window as unknown as { chartBench: typeof api }).chartBench = api;
