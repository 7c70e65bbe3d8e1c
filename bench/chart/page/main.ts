/**
 * The chart benchmark page: the real layout (src-core/chart/layout.ts), the
 * real annotations and the real canvas painter (src-renderer/chart/paint.ts)
 * on a canvas the size of the window. bench/chart/run.ts calls the
 * functions on `window.chartBench` and reads the figures they return
 * (milliseconds from performance.now()).
 */
import { computeAnnotations, type Annotation } from '../../../src-core/chart/annotations';
import { chartPalette } from '../../../src-core/chart/colors';
import { DEFAULT_LAYOUT, firstArrowAtOrAfter, layoutChart, type ChartLayout } from '../../../src-core/chart/layout';
import { bodyTop, paintChart, type PaintInput } from '../../../src-renderer/chart/paint';
import type { FrameFigures, LoadFigures } from '../figures';
import { syntheticTrace, type SyntheticTrace } from '../synthetic';

const canvas = document.getElementById('chart') as HTMLCanvasElement;
const ctx = canvas.getContext('2d')!;
const palette = chartPalette('light');
const options = { labels: true, annotations: true };

let trace: SyntheticTrace | null = null;
let layout: ChartLayout | null = null;
let annotations: Annotation[] = [];

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

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

function paint(top: number, selectedId: number | null): { ms: number; drawn: number } {
  const s = size();
  const input: PaintInput = {
    layout: layout!,
    annotations,
    palette,
    viewport: { top, left: 0, width: s.width, height: s.height, scale: s.scale },
    selectedId,
    hoverId: null,
    afterCursor: 'fade',
    options,
  };
  const t0 = performance.now();
  const result = paintChart(ctx, input);
  return { ms: performance.now() - t0, drawn: result.drawn.length };
}

/** Body height in chart px (the canvas minus the lanes header). */
const bodyHeight = () => size().height - bodyTop(options);

async function load(messages: number): Promise<LoadFigures> {
  clear();
  await nextFrame();
  const g0 = performance.now();
  trace = syntheticTrace(messages, 20, 7);
  // Data arrived: from here on is what the app does with a finished run.
  const t0 = performance.now();
  layout = layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport: true, endTime: trace.endTime });
  const t1 = performance.now();
  annotations = computeAnnotations(layout, trace.events, []);
  const t2 = performance.now();
  const painted = paint(0, null);
  const t3 = await nextFrame();
  return {
    messages,
    arrows: layout.arrows.length,
    chartHeightPx: Math.round(layout.height),
    generateMs: t0 - g0,
    layoutMs: t1 - t0,
    annotationsMs: t2 - t1,
    annotationCount: annotations.length,
    paintMs: painted.ms,
    firstFrameMs: t3 - t0,
  };
}

/** Selects 200 messages one after another from the middle of the chart, scrolling to keep each in view. */
async function stepSelection(steps = 200): Promise<FrameFigures> {
  const l = layout!;
  const start = Math.floor(l.arrows.length / 2);
  let top = Math.max(0, l.arrows[start]!.y1 - 100);
  const out: FrameFigures = { paintMs: [], frameMs: [], arrowsDrawn: [] };
  await nextFrame();
  for (let i = 0; i < steps; i++) {
    const a = l.arrows[Math.min(l.arrows.length - 1, start + i)]!;
    if (a.y1 < top || a.y1 > top + bodyHeight() - 40) top = Math.max(0, a.y1 - 100);
    const t0 = performance.now();
    const p = paint(top, a.id);
    const t1 = await nextFrame();
    out.paintMs.push(p.ms);
    out.frameMs.push(t1 - t0);
    out.arrowsDrawn.push(p.drawn);
  }
  return out;
}

/** Scrolls down 200 steps of 100 px (a mouse wheel's notch), from the first message in the chart's second quarter. */
async function scroll(steps = 200, stepPx = 100): Promise<FrameFigures> {
  const l = layout!;
  let top = l.arrows[firstArrowAtOrAfter(l.arrows, l.height / 4)]?.y1 ?? 0;
  const out: FrameFigures = { paintMs: [], frameMs: [], arrowsDrawn: [] };
  await nextFrame();
  for (let i = 0; i < steps; i++) {
    top += stepPx;
    const t0 = performance.now();
    const p = paint(top, null);
    const t1 = await nextFrame();
    out.paintMs.push(p.ms);
    out.frameMs.push(t1 - t0);
    out.arrowsDrawn.push(p.drawn);
  }
  return out;
}

function clear(): void {
  trace = null;
  layout = null;
  annotations = [];
}

const api = { load, stepSelection, scroll, clear, ready: true };
(window as unknown as { chartBench: typeof api }).chartBench = api;
