/**
 * The colours of a plot's series, per theme, and of its frame. uPlot draws
 * on a canvas and the SVG export is written without CSS, so they are values
 * here, not theme.css variables; the frame's (background, text, grid) are the
 * sequence chart's palette (src-core/chart/colors.ts), which repeats theme.css.
 *
 * Series hues are Okabe & Ito's palette for colour-blind readers (blue,
 * vermillion, bluish green, reddish purple, orange, sky blue, yellow), each
 * darkened (light theme) or lightened (dark) just until it keeps a contrast
 * of at least 3:1 against the plot's background (WCAG 1.4.11, non-text
 * contrast); the eighth series and later take them again in order.
 */
import { blendOver, chartPalette, contrastRatio, type ChartTheme } from '../../src-core/chart/colors';

const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442'] as const;

/** Non-text contrast a series keeps against the background (a little above 3:1, for rounding). */
export const SERIES_MIN_CONTRAST = 3.05;

export interface PlotPalette {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly border: string;
  readonly series: readonly string[];
}

function readable(color: string, background: string, towards: string): string {
  for (let alpha = 0; alpha <= 1; alpha += 0.02) {
    const mixed = blendOver(towards, color, alpha);
    if (contrastRatio(mixed, background) >= SERIES_MIN_CONTRAST) return mixed;
  }
  return towards;
}

const palettes = new Map<ChartTheme, PlotPalette>();

export function plotPalette(theme: ChartTheme): PlotPalette {
  let palette = palettes.get(theme);
  if (!palette) {
    const chart = chartPalette(theme);
    const towards = theme === 'light' ? '#000000' : '#ffffff';
    palette = {
      background: chart.background,
      text: chart.text,
      muted: chart.muted,
      grid: theme === 'light' ? '#e3e8ee' : '#2a3038',
      border: chart.border,
      series: OKABE_ITO.map((c) => readable(c, chart.background, towards)),
    };
    palettes.set(theme, palette);
  }
  return palette;
}

/** The colour of the `index`-th series of a plot (0-based). */
export function seriesColor(index: number, theme: ChartTheme): string {
  const { series } = plotPalette(theme);
  return series[index % series.length]!;
}
