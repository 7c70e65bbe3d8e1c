/**
 * The sequence-chart painter: draws a viewport of a chart layout onto a 2D
 * canvas context. Pure — no Vue, no DOM beyond the context — so the pane,
 * the PNG export (on an offscreen canvas) and tests (a recording fake
 * context) all use it.
 *
 * Reading order: paintChart → body (grid, group bands, lanes, gaps, arrows,
 * labels clear of the annotation texts and state marks, annotations, state marks; clipped) → axis (sticky left) → header (sticky top)
 * → title band (exports). Only arrows crossing the viewport are drawn
 * (visibleArrows: binary search), so the cost follows the screen, not the
 * trace.
 */
import { visibleAnnotations, type Annotation } from '../../src-core/chart/annotations';
import type { ChartPalette } from '../../src-core/chart/colors';
import { rotatedBox, type Box } from '../../src-core/chart/label-boxes';
import type { PlacedLabel } from '../../src-core/chart/label-placement';
import { visibleArrows, visibleMarks, type ChartLayout } from '../../src-core/chart/layout';
import { timeTicks } from '../../src-core/chart/time-scale';
import { t as translate } from '../i18n/translate';
import { AXIS_WIDTH, HEADER_HEIGHT, TITLE_HEIGHT } from './geometry';
import { paintArrows, type ArrowPaintState } from './paint-arrows';
import { paintHeader, paintTitle } from './paint-header';
import { markBoxes, paintMarks } from './paint-marks';
import { noteBoxes, paintAnnotations, paintGroups } from './paint-notes';

/**
 * The part of a 2D canvas context the painter uses: CanvasRenderingContext2D
 * and OffscreenCanvasRenderingContext2D both fit, and so does a recording
 * fake. Declared here so the painter type-checks without the DOM library.
 */
export interface PaintContext {
  fillStyle: string | object;
  strokeStyle: string | object;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  clip(): void;
  fill(): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  measureText(text: string): { readonly width: number };
  setLineDash(segments: number[]): void;
}

export interface ChartViewport {
  /** Chart y (px) at the top of the body (just below the header). */
  readonly top: number;
  /** Chart x (px) at the left edge. */
  readonly left: number;
  /** Canvas size in CSS px. */
  readonly width: number;
  readonly height: number;
  /** Device pixels per CSS px (devicePixelRatio, 2 for exports). */
  readonly scale: number;
}

export interface PaintOptions {
  readonly labels: boolean;
  readonly annotations: boolean;
  /** Exports: a title band with this text and the legend above the header. */
  readonly title?: string;
  /** Exports: labels with no room in full become numbered footnote markers (PaintResult.labels has the texts), never cut. */
  readonly footnotes?: boolean;
}

export interface PaintInput extends ArrowPaintState {
  readonly layout: ChartLayout;
  readonly annotations: readonly Annotation[];
  readonly palette: ChartPalette;
  readonly viewport: ChartViewport;
  readonly options: PaintOptions;
}

export interface PaintResult {
  /** Ids of the arrows drawn, in order. */
  readonly drawn: readonly number[];
  /** Ids of the arrows whose label was drawn, in placement order. */
  readonly labelled: readonly number[];
  /** The labels drawn (chart px), in the same order. */
  readonly labels: readonly PlacedLabel[];
  /** The annotation boxes the labels kept clear of (chart px). */
  readonly obstacles: readonly Box[];
  /** Ids of the state changes marked, in order. */
  readonly marks?: readonly number[];
  /** The state marks' labels written: mark id and text. */
  readonly markLabels?: readonly { readonly id: number; readonly text: string }[];
  /** Exports (options.footnotes): the full texts of labels drawn as markers "[n]", in number order. */
  readonly footnotes?: readonly { readonly n: number; readonly text: string }[];
}

/** Where the chart body starts on the canvas (below title and header), CSS px. */
export function bodyTop(options: PaintOptions): number {
  return (options.title !== undefined ? TITLE_HEIGHT : 0) + HEADER_HEIGHT;
}

export function paintChart(ctx: PaintContext, input: PaintInput): PaintResult {
  const { layout, palette, viewport: vp, options } = input;
  const top = bodyTop(options);
  const bottomY = vp.top + vp.height - top;
  ctx.setTransform(vp.scale, 0, 0, vp.scale, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, vp.width, vp.height);

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, top, vp.width, vp.height - top);
  ctx.clip();
  // chart coordinates from here on
  ctx.translate(-vp.left, top - vp.top);
  const ticks = axisTicks(layout, vp.top, bottomY, vp.height - top);
  paintGrid(ctx, input, ticks, bottomY);
  const notes = options.annotations ? visibleAnnotations(input.annotations, vp.top, bottomY) : [];
  paintGroups(ctx, input, notes);
  paintLanes(ctx, input, vp.top, bottomY);
  paintGaps(ctx, input, vp.top, bottomY);
  const visible = visibleArrows(layout, vp.top, bottomY);
  // annotation texts and state marks are placed first: arrow labels keep clear of them
  const obstacles = (y0: number, y1: number) => [
    ...(options.annotations ? noteBoxes(ctx, input, visibleAnnotations(input.annotations, y0, y1)) : []),
    ...markBoxes(input, visibleMarks(layout, y0, y1)),
  ];
  const result = paintArrows(ctx, input, visible, bottomY - vp.top, obstacles);
  paintAnnotations(ctx, input, notes);
  // state marks last: their labels give way to the arrow labels and annotation texts
  const shownMarks = visibleMarks(layout, vp.top, bottomY);
  const avoid = shownMarks.length === 0 ? [] : [...obstacles(vp.top, bottomY), ...result.obstacles, ...result.labels.map((l) => rotatedBox(l.x, l.y, l.width + 2, l.height, l.angle))];
  const arrowNotes = result.labels.filter((l) => l.footnote !== undefined).map((l) => ({ n: l.footnote!, text: l.full }));
  const marks = paintMarks(ctx, input, shownMarks, avoid, arrowNotes.length + 1);
  ctx.restore();

  paintAxis(ctx, input, ticks, top);
  paintHeader(ctx, input, top - HEADER_HEIGHT);
  if (options.title !== undefined) paintTitle(ctx, input, options.title);
  const footnotes = [...arrowNotes, ...marks.footnotes].sort((a, b) => a.n - b.n);
  return { ...result, marks: marks.drawn, markLabels: marks.labels, footnotes };
}

interface Tick {
  readonly y: number;
  readonly label: string;
}

function axisTicks(layout: ChartLayout, y0: number, y1: number, heightPx: number): Tick[] {
  const scale = layout.scale;
  const t0 = Math.max(0, scale.t(y0));
  const t1 = scale.t(y1);
  if (t1 <= t0) return [];
  const { step, ticks } = timeTicks(t0, t1, Math.max(2, Math.floor(heightPx / 64)));
  const inGap = (t: number) => scale.gaps.some((g) => t > g.from && t < g.to);
  return ticks.filter((t) => !inGap(t)).map((t) => ({ y: scale.y(t), label: formatTick(t, step) }));
}

/** A tick's time in the unit of its step: 24000000 ns at a 2 ms step → "24 ms". */
export function formatTick(t: number, step: number): string {
  const [unit, size] = step >= 1e8 ? (['units.s', 1e9] as const) : step >= 1e5 ? (['units.ms', 1e6] as const) : step >= 100 ? (['units.us', 1e3] as const) : (['units.ns', 1] as const);
  const decimals = Math.max(0, Math.ceil(-Math.log10(step / size) - 1e-9));
  return translate(unit, { value: (t / size).toFixed(decimals) });
}

function paintGrid(ctx: PaintContext, input: PaintInput, ticks: readonly Tick[], _bottom: number): void {
  const { palette, viewport: vp } = input;
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of ticks) {
    const y = Math.round(tick.y) + 0.5;
    ctx.moveTo(vp.left, y);
    ctx.lineTo(vp.left + vp.width, y);
  }
  ctx.stroke();
}

function paintLanes(ctx: PaintContext, input: PaintInput, y0: number, y1: number): void {
  const { layout, palette, viewport: vp } = input;
  ctx.strokeStyle = palette.lane;
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  const end = Math.min(y1, layout.height);
  for (const lane of layout.lanes) {
    if (lane.x < vp.left - 2 || lane.x > vp.left + vp.width + 2) continue;
    const x = Math.round(lane.x) + 0.5;
    ctx.moveTo(x, y0);
    ctx.lineTo(x, end);
  }
  ctx.stroke();
}

/** Compressed idle gaps: a band hiding the lanes, between two zig-zag break lines. */
function paintGaps(ctx: PaintContext, input: PaintInput, y0: number, y1: number): void {
  const { layout, palette, viewport: vp } = input;
  const x0 = vp.left;
  const x1 = vp.left + vp.width;
  for (const gap of layout.scale.gaps) {
    if (gap.y2 < y0 || gap.y1 > y1) continue;
    const a = gap.y1 + 6;
    const b = gap.y2 - 6;
    ctx.fillStyle = palette.background;
    ctx.fillRect(x0, a, x1 - x0, b - a);
    ctx.strokeStyle = palette.gap;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const y of [a, b]) {
      ctx.moveTo(x0, y);
      for (let x = x0, up = true; x < x1; x += 6, up = !up) ctx.lineTo(x + 6, y + (up ? -3 : 3));
    }
    ctx.stroke();
    ctx.fillStyle = palette.muted;
    ctx.font = '10.5px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(translate('chart.idle', { duration: formatIdle(gap.to - gap.from) }), x0 + AXIS_WIDTH + 8, (a + b) / 2);
  }
}

function formatIdle(ns: number): string {
  return ns >= 1e9 ? translate('units.s', { value: (ns / 1e9).toFixed(1) }) : translate('units.ms', { value: (ns / 1e6).toFixed(1) });
}

function paintAxis(ctx: PaintContext, input: PaintInput, ticks: readonly Tick[], top: number): void {
  const { palette, viewport: vp } = input;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, top, AXIS_WIDTH, vp.height - top);
  ctx.strokeStyle = palette.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(AXIS_WIDTH - 0.5, top);
  ctx.lineTo(AXIS_WIDTH - 0.5, vp.height);
  ctx.stroke();
  ctx.fillStyle = palette.muted;
  ctx.font = '10.5px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of ticks) {
    const y = tick.y - vp.top + top;
    if (y < top + 6) continue;
    ctx.fillText(tick.label, AXIS_WIDTH - 8, y);
  }
}
