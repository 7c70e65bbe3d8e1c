/**
 * The sequence chart of a finished run, for `l7 run --svg FILE --png FILE`:
 * the same document the app's "Chart as SVG" export writes (chartToSvg, with
 * the title band and legend the PNG export draws), and a PNG of it at 2×,
 * as the app's PNG export, rasterised by resvg (@resvg/resvg-js: a native
 * binary shipped in its npm package, no browser).
 *
 * Reading order: `chartLayoutOf` (the view the app opens a scenario with),
 * `chartSvgOf`, `svgToPng`.
 *
 * Fonts: resvg draws text only with fonts it is given. It loads the
 * system's fonts (fontconfig's folders on Linux, the system font folders on
 * macOS and Windows), and the SVG names a family every one of them has
 * (SVG_FONT_FAMILY: DejaVu Sans on Debian and Ubuntu, Segoe UI on Windows,
 * Arial on macOS). With no font at all (a bare container) the text would be
 * silently missing, so `svgToPng` checks that a word of text draws, and
 * fails naming what to install instead of writing a picture without words.
 * Nothing is fetched: everything is local.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { computeAnnotations } from '../../src-core/chart/annotations';
import type { ChartTheme } from '../../src-core/chart/colors';
import { DEFAULT_LAYOUT, layoutChart, type ChartLayout } from '../../src-core/chart/layout';
import { chartToSvg, SVG_FONT_FAMILY } from '../../src-core/chart/svg';
import { NS_PER_MS } from '../../src-core/sim/time';
import type { Scenario } from '../../src-core/scenario/schema';
import type { TraceContent } from '../../src-core/trace/json';

/** Device pixels per SVG px in the PNG: the app's PNG export draws at 2× (src-renderer/chart/export-png.ts EXPORT_SCALE). */
export const PNG_SCALE = 2;
/**
 * Most pixels in the PNG: the app's limit for one page (export-png.ts
 * MAX_PAGE_PIXELS; about 1 GB while drawn). A chart larger than this at 2×
 * is drawn at the largest scale that fits, and the command says so. There
 * is no limit per side, unlike a browser canvas: the whole chart is one
 * picture, however tall (transport-bulk: 1310 × 46 206 px).
 */
export const MAX_PNG_PIXELS = 268_000_000;
/** Idle gaps longer than this are compressed when the scenario asks for it (src-renderer/stores/chart-view.ts COMPRESS_GAPS_OVER). */
const COMPRESS_GAPS_OVER = 50 * NS_PER_MS;

/**
 * The layout the app shows right after running the scenario: default zoom,
 * the scenario's view settings (transport shown or not, idle gaps
 * compressed or not, lane order), state marks on, no filter, nothing
 * toggled — as app-commands.ts and the chart-view store set them up.
 */
export function chartLayoutOf(scenario: Scenario, trace: TraceContent): ChartLayout {
  return layoutChart(trace.nodes, trace.events, {
    ...DEFAULT_LAYOUT,
    showTransport: scenario.view.showTransport,
    compressGapsOver: scenario.view.compressIdleGaps ? COMPRESS_GAPS_OVER : null,
    laneOrder: scenario.view.laneOrder ?? [],
    showStates: true,
    endTime: trace.header.endTime,
  });
}

/** The whole chart as SVG text, with its annotations, titled with the scenario's name (as the app's export). */
export function chartSvgOf(scenario: Scenario, trace: TraceContent, theme: ChartTheme): string {
  const layout = chartLayoutOf(scenario, trace);
  const annotations = computeAnnotations(layout, trace.events, trace.metrics);
  return chartToSvg(layout, { title: trace.header.scenario || scenario.name, annotations, theme });
}

/** Where resvg finds fonts; tests pass their own. */
export interface PngFonts {
  readonly loadSystemFonts: boolean;
  readonly fontFiles?: readonly string[];
}

export const SYSTEM_FONTS: PngFonts = { loadSystemFonts: true };

export interface ChartPng {
  readonly data: Uint8Array;
  /** Device px. */
  readonly width: number;
  readonly height: number;
  /** Device px per SVG px: PNG_SCALE, or less when that would pass MAX_PNG_PIXELS. */
  readonly scale: number;
}

/** Thrown when no font can draw the chart's text. */
export class NoFontError extends Error {
  override readonly name = 'NoFontError';
}

/** The SVG drawn at 2× (less for a chart larger than MAX_PNG_PIXELS allows), as PNG bytes. */
export function svgToPng(svg: string, fonts: PngFonts = SYSTEM_FONTS): ChartPng {
  const font = fontOptions(fonts);
  if (!textDraws(font)) {
    throw new NoFontError(
      'no font found to draw the chart’s text (resvg looked in the system’s font folders); install one, e.g. `apt-get install fonts-dejavu-core`, or use --svg',
    );
  }
  const size = new Resvg(svg, { font: { loadSystemFonts: false } });
  const scale = Math.min(PNG_SCALE, Math.sqrt(MAX_PNG_PIXELS / Math.max(1, size.width * size.height)));
  const image = new Resvg(svg, { font, fitTo: { mode: 'zoom', value: scale }, logLevel: 'off' }).render();
  return { data: new Uint8Array(image.asPng()), width: image.width, height: image.height, scale };
}

function fontOptions(fonts: PngFonts): NonNullable<ResvgRenderOptions['font']> {
  return {
    loadSystemFonts: fonts.loadSystemFonts,
    fontFiles: [...(fonts.fontFiles ?? [])],
  };
}

/** Whether a word in the chart's font family leaves any ink: resvg skips text it has no font for, without an error. */
function textDraws(font: NonNullable<ResvgRenderOptions['font']>): boolean {
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" font-family="${SVG_FONT_FAMILY.replace(/"/g, '&quot;')}"><text x="2" y="15" font-size="14">Mw</text></svg>`;
  const pixels = new Resvg(probe, { font, logLevel: 'off' }).render().pixels;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return true;
  return false;
}
