/**
 * PNG export of the sequence chart, drawn by the on-screen painter on an
 * offscreen canvas at 2× with a title band (scenario name, legend) and the
 * lanes header. A chart taller than a canvas may be (MAX_PAGE_PX tall,
 * MAX_PAGE_PIXELS in all) is split into pages, each with the title and
 * header repeated: name-chart-1.png, name-chart-2.png …
 * Labels are never cut: one with no room in full is drawn as a marker "[n]"
 * and its text is footnote n, listed (wrapped to the page's width) under the
 * chart on the same page. Each page is painted twice: once on a 1 × 1
 * canvas to learn its footnotes (placement depends only on text widths),
 * then on a canvas tall enough for them.
 * `renderChartPng` is pure apart from the canvas it is given (tests pass
 * their own); `exportChartPng` reads the stores and hands the files to the
 * host.
 */
import { chartPalette, type ChartPalette, type ChartTheme } from '../../src-core/chart/colors';
import { wrapText } from '../../src-core/chart/label-placement';
import type { ChartLayout } from '../../src-core/chart/layout';
import type { Annotation } from '../../src-core/chart/annotations';
import type { SavedFile } from '../../src-core/api/contract';
import { getHost } from '../host';
import { t } from '../i18n/translate';
import { useChartViewStore } from '../stores/chart-view';
import { usePreferencesStore } from '../stores/preferences';
import { useRunStore } from '../stores/run';
import { useScenarioStore } from '../stores/scenario';
import { annotationsFor, chartPaneView } from './chart-state';
import { AXIS_WIDTH } from './geometry';
import { bodyTop, paintChart, type PaintContext } from './paint';
import { textWidth } from './text-width';

export const MAX_PAGE_PX = 16_384;
export const MAX_PAGE_PIXELS = 268_000_000;
export const EXPORT_SCALE = 2;

export interface ExportCanvas {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): unknown;
}
export type CreateCanvas = (width: number, height: number) => ExportCanvas;
export type EncodePng = (canvas: ExportCanvas) => Promise<Uint8Array>;

export interface ChartPngPage {
  readonly name: string;
  /** Size in device pixels. */
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
  /** Every label text written on the page (arrows, state marks, footnotes): tests check none is cut. */
  readonly labels: readonly string[];
}

export interface RenderPngInput {
  readonly layout: ChartLayout;
  readonly annotations: readonly Annotation[];
  readonly theme: ChartTheme;
  readonly title: string;
  /** Base of the file names ("sockets-tcp" → sockets-tcp-chart.png). */
  readonly baseName: string;
  /** Chart y range to draw (px); default: all of it. */
  readonly range?: { readonly top: number; readonly bottom: number };
  readonly scale?: number;
}

/** Chart y ranges of the pages for a chart `width` px wide (CSS px). */
export function planPages(range: { top: number; bottom: number }, width: number, headerPx: number, scale: number): { top: number; bottom: number }[] {
  const maxCss = Math.floor(Math.min(MAX_PAGE_PX, MAX_PAGE_PIXELS / Math.max(1, width * scale)) / scale);
  const bodyPerPage = Math.max(50, maxCss - headerPx);
  const pages: { top: number; bottom: number }[] = [];
  for (let top = range.top; top < range.bottom || pages.length === 0; top += bodyPerPage) {
    pages.push({ top, bottom: Math.min(range.bottom, top + bodyPerPage) });
  }
  return pages;
}

export async function renderChartPng(input: RenderPngInput, createCanvas: CreateCanvas, encode: EncodePng): Promise<ChartPngPage[]> {
  const scale = input.scale ?? EXPORT_SCALE;
  const options = { labels: true, annotations: true, title: input.title, footnotes: true };
  const header = bodyTop(options);
  const width = Math.min(input.layout.width, Math.floor(MAX_PAGE_PX / scale));
  const range = input.range ?? { top: 0, bottom: input.layout.height };
  const pages = planPages(range, width, header, scale);
  const out: ChartPngPage[] = [];
  const palette = chartPalette(input.theme);
  for (const [i, page] of pages.entries()) {
    const height = header + (page.bottom - page.top);
    const paint = (ctx: PaintContext) =>
      paintChart(ctx, {
        layout: input.layout,
        annotations: input.annotations,
        palette,
        viewport: { top: page.top, left: 0, width, height, scale },
        selectedId: null,
        hoverId: null,
        afterCursor: 'fade',
        options,
      });
    const probe = contextOf(createCanvas(1, 1));
    const notes = footnoteLines(probe, paint(probe).footnotes ?? [], width);
    const canvas = createCanvas(Math.round(width * scale), Math.round((height + footnotesHeight(notes)) * scale));
    const ctx = contextOf(canvas);
    const result = paint(ctx);
    paintFootnotes(ctx, notes, height, width, scale, palette);
    const name = pages.length === 1 ? `${input.baseName}-chart.png` : `${input.baseName}-chart-${i + 1}.png`;
    const labels = [...result.labels.map((l) => l.text), ...(result.markLabels ?? []).map((l) => l.text), ...notes.map((n) => n.text)];
    out.push({ name, width: canvas.width, height: canvas.height, data: await encode(canvas), labels });
  }
  return out;
}

function contextOf(canvas: ExportCanvas): PaintContext {
  const ctx = canvas.getContext('2d') as PaintContext | null;
  if (!ctx) throw new Error(t('chart.export.noCanvas'));
  return ctx;
}

const FOOTNOTE_FONT = '11.5px system-ui, sans-serif';
const FOOTNOTE_LINE = 16;
const FOOTNOTE_PAD = 10;

interface FootnoteLine {
  readonly text: string;
  /** Indented under its number (a continuation line). */
  readonly indent: boolean;
}

/** The footnotes as lines of text, "[n] text", each wrapped to the page's width. */
function footnoteLines(ctx: PaintContext, notes: readonly { readonly n: number; readonly text: string }[], width: number): FootnoteLine[] {
  ctx.font = FOOTNOTE_FONT;
  const measure = (t: string) => textWidth(ctx, FOOTNOTE_FONT, t);
  const out: FootnoteLine[] = [];
  for (const note of notes) {
    const lines = wrapText(measure, `[${note.n}] ${note.text}`, width - AXIS_WIDTH - 2 * FOOTNOTE_PAD - 24);
    lines.forEach((text, i) => out.push({ text, indent: i > 0 }));
  }
  return out;
}

function footnotesHeight(lines: readonly FootnoteLine[]): number {
  return lines.length === 0 ? 0 : lines.length * FOOTNOTE_LINE + 2 * FOOTNOTE_PAD;
}

/** The footnotes under the chart, from chart height `top` (CSS px). */
function paintFootnotes(ctx: PaintContext, lines: readonly FootnoteLine[], top: number, width: number, scale: number, palette: ChartPalette): void {
  if (lines.length === 0) return;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, top, width, footnotesHeight(lines));
  ctx.strokeStyle = palette.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, top + 0.5);
  ctx.lineTo(width, top + 0.5);
  ctx.stroke();
  ctx.font = FOOTNOTE_FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = palette.text;
  lines.forEach((line, i) => ctx.fillText(line.text, AXIS_WIDTH + FOOTNOTE_PAD + (line.indent ? 24 : 0), top + FOOTNOTE_PAD + (i + 0.5) * FOOTNOTE_LINE));
}

function browserCanvas(width: number, height: number): ExportCanvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

async function browserEncode(canvas: ExportCanvas): Promise<Uint8Array> {
  const blob =
    typeof OffscreenCanvas === 'function' && canvas instanceof OffscreenCanvas
      ? await canvas.convertToBlob({ type: 'image/png' })
      : await new Promise<Blob>((resolve, reject) =>
          (canvas as HTMLCanvasElement).toBlob((b) => (b ? resolve(b) : reject(new Error(t('chart.export.notEncoded')))), 'image/png'),
        );
  return new Uint8Array(await blob.arrayBuffer());
}

export interface ChartPngOptions {
  /** The whole chart (default) or what the pane shows. */
  readonly range?: 'all' | 'visible';
  readonly theme?: ChartTheme;
}

export interface ChartPngResult {
  readonly pages: number;
  /** Files saved (fewer than pages if the user cancelled a dialog). */
  readonly saved: readonly SavedFile[];
}

/** Exports the current chart as PNG file(s) through the host; null when there is no chart. */
export async function exportChartPng(options: ChartPngOptions = {}): Promise<ChartPngResult | null> {
  const layout = useChartViewStore().layout;
  if (layout === null) return null;
  const run = useRunStore();
  const visible = options.range === 'visible';
  const pages = await renderChartPng(
    {
      layout,
      annotations: annotationsFor(layout),
      theme: options.theme ?? usePreferencesStore().effectiveTheme,
      title: run.scenarioName || useScenarioStore().name,
      baseName: useScenarioStore().name.replace(/(\.l7)?\.json$/, '') || 'chart',
      range: visible ? { top: chartPaneView.top, bottom: chartPaneView.top + chartPaneView.bodyHeight } : undefined,
    },
    browserCanvas,
    browserEncode,
  );
  // for tests and assistive tools, as the pane lists what it draws (useChartRenderer.ts): every label text written, page by page
  document.querySelector('[data-testid="chart-scroller"]')?.setAttribute('data-export-labels', JSON.stringify(pages.map((p) => p.labels)));
  const host = getHost();
  const saved: SavedFile[] = [];
  for (const page of pages) {
    const file = await host.exportFile({ kind: 'png', suggestedName: page.name, data: page.data });
    if (file === null) break;
    saved.push(file);
  }
  return { pages: pages.length, saved };
}
