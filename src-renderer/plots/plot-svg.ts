/**
 * A plot as a standalone SVG document, written from its PlotSpec (uPlot
 * draws only to a canvas): pure string building, no DOM, the theme's
 * colours written in (plot-colors.ts). Top to bottom: the title, the legend
 * (a swatch in each series' style and its label, wrapping onto more rows),
 * then the plot area with its grid, the x axis below and one or two y axes
 * (left, right) with ticks and titles in display units (plot-format.ts).
 * Lines and steps are paths broken at null values, points are circles;
 * everything outside the plot area (a zoomed x range) is clipped. Every
 * text goes through escapeXml, every coordinate through num.
 */
import type { ChartTheme } from '../../src-core/chart/colors';
import { SVG_FONT_FAMILY } from '../../src-core/chart/svg';
import { escapeXml, num, svgTextWidth } from '../../src-core/chart/svg-text';
import { plotPalette, seriesColor } from './plot-colors';
import { axisTitle, tickText } from './plot-format';
import { xScaleOf, yScalesOf, type AxisScale } from './plot-scales';
import { axisIndexOf, type PlotSeries, type PlotSpec } from './plot-spec';

export interface PlotSvgOptions {
  readonly theme: ChartTheme;
  /** CSS px; the height follows from the legend's rows. */
  readonly width?: number;
  /** The x range shown (a zoom); the whole data when absent. */
  readonly xRange?: readonly [number, number];
}

export interface PlotSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

const PAD = 20;
const TITLE = 16;
const FONT = 12;
const LEGEND_ROW = 20;
const AREA_HEIGHT = 340;
/** Room for tick labels and an axis title beside a y axis, and below the x axis. */
const Y_GUTTER = 70;
const X_GUTTER = 46;
const POINT_R = 3.5;

type Place = (v: number) => number;

/** The series' path data in the plot's pixels: runs of non-null points, as lines or steps. */
function pathOf(s: PlotSeries, px: Place, py: Place): string {
  let d = '';
  let open = false;
  for (let i = 0; i < s.x.length; i++) {
    const y = s.y[i];
    if (y === null || y === undefined) {
      open = false;
      continue;
    }
    const X = num(px(s.x[i]!));
    const Y = num(py(y));
    d += !open ? `M${X} ${Y}` : s.style === 'step' ? `H${X}V${Y}` : `L${X} ${Y}`;
    open = true;
  }
  return d;
}

function seriesSvg(s: PlotSeries, color: string, px: Place, py: Place): string {
  if (s.style === 'points') {
    const dots = s.x.flatMap((x, i) => (s.y[i] === null || s.y[i] === undefined ? [] : [`<circle cx="${num(px(x))}" cy="${num(py(s.y[i]!))}" r="${POINT_R}"/>`]));
    return `<g fill="${color}"><title>${escapeXml(s.label)}</title>${dots.join('')}</g>`;
  }
  return `<path d="${pathOf(s, px, py)}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"><title>${escapeXml(s.label)}</title></path>`;
}

/** Legend entries laid out in rows across `width`; returns their SVG and the rows' height. */
function legendSvg(spec: PlotSpec, theme: ChartTheme, top: number, width: number): { svg: string; height: number } {
  const parts: string[] = [];
  let x = PAD;
  let y = top;
  spec.series.forEach((s, i) => {
    const color = seriesColor(i, theme);
    const entry = 22 + svgTextWidth(s.label, FONT) + 18;
    if (x > PAD && x + entry > width - PAD) {
      x = PAD;
      y += LEGEND_ROW;
    }
    const swatch = s.style === 'points' ? `<circle cx="${num(x + 8)}" cy="${num(y - 4)}" r="${POINT_R}" fill="${color}"/>` : `<line x1="${num(x)}" y1="${num(y - 4)}" x2="${num(x + 16)}" y2="${num(y - 4)}" stroke="${color}" stroke-width="3"/>`;
    parts.push(`${swatch}<text x="${num(x + 22)}" y="${num(y)}">${escapeXml(s.label)}</text>`);
    x += entry;
  });
  return { svg: parts.join(''), height: spec.series.length > 0 ? y - top + LEGEND_ROW : 0 };
}

/** A y axis: its line, and its tick labels and title. */
function yAxisSvg(scale: AxisScale, side: 'left' | 'right', area: { left: number; right: number; top: number; bottom: number }, py: Place): { line: string; texts: string } {
  const x = side === 'left' ? area.left : area.right;
  const tickX = side === 'left' ? x - 6 : x + 6;
  const anchor = side === 'left' ? 'end' : 'start';
  const ticks = scale.ticks.map((v) => `<text x="${num(tickX)}" y="${num(py(v) + 4)}" text-anchor="${anchor}">${escapeXml(tickText(v, scale.step, scale.display))}</text>`);
  const titleX = side === 'left' ? PAD + 4 : area.right + Y_GUTTER - 8;
  const middle = (area.top + area.bottom) / 2;
  const title = `<text x="${num(titleX)}" y="${num(middle)}" text-anchor="middle" transform="rotate(-90 ${num(titleX)} ${num(middle)})">${escapeXml(axisTitle(scale.axis, scale.display))}</text>`;
  return { line: `<line x1="${num(x)}" y1="${num(area.top)}" x2="${num(x)}" y2="${num(area.bottom)}"/>`, texts: `${ticks.join('')}<g fill="currentColor">${title}</g>` };
}

export function plotToSvg(spec: PlotSpec, options: PlotSvgOptions): PlotSvg {
  const width = options.width ?? 880;
  const palette = plotPalette(options.theme);
  const legend = legendSvg(spec, options.theme, PAD + TITLE + 22, width);
  const top = PAD + TITLE + 22 + legend.height + 8;
  const area = { left: PAD + Y_GUTTER, right: width - PAD - (spec.yAxes.length > 1 ? Y_GUTTER : 12), top, bottom: top + AREA_HEIGHT };
  const height = area.bottom + X_GUTTER + PAD;
  const xs = xScaleOf(spec, options.xRange);
  const ys = yScalesOf(spec, xs.min, xs.max);
  const px: Place = (v) => area.left + ((v - xs.min) / (xs.max - xs.min)) * (area.right - area.left);
  const pyOf = (s: AxisScale): Place => (v) => area.bottom - ((v - s.min) / (s.max - s.min)) * (area.bottom - area.top);
  const left = ys[0]!;
  const grid = [
    ...left.ticks.map((v) => `<line x1="${num(area.left)}" y1="${num(pyOf(left)(v))}" x2="${num(area.right)}" y2="${num(pyOf(left)(v))}"/>`),
    ...xs.ticks.map((v) => `<line x1="${num(px(v))}" y1="${num(area.top)}" x2="${num(px(v))}" y2="${num(area.bottom)}"/>`),
  ];
  const xTicks = xs.ticks.map((v) => `<text x="${num(px(v))}" y="${num(area.bottom + 18)}" text-anchor="middle">${escapeXml(tickText(v, xs.step, xs.display))}</text>`);
  const xTitle = `<text x="${num((area.left + area.right) / 2)}" y="${num(area.bottom + 38)}" text-anchor="middle">${escapeXml(axisTitle(spec.x, xs.display))}</text>`;
  const series = spec.series.map((s, i) => seriesSvg(s, seriesColor(i, options.theme), px, pyOf(ys[axisIndexOf(spec, s.unit)]!)));
  const yAxes = ys.map((s, i) => yAxisSvg(s, i === 0 ? 'left' : 'right', area, pyOf(s)));
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT_FAMILY}" font-size="${FONT}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<defs><clipPath id="plot-area"><rect x="${num(area.left)}" y="${num(area.top - POINT_R)}" width="${num(area.right - area.left)}" height="${num(area.bottom - area.top + 2 * POINT_R)}"/></clipPath></defs>`,
    `<rect width="${width}" height="${height}" fill="${palette.background}"/>`,
    `<text x="${PAD}" y="${PAD + TITLE}" font-size="${TITLE}" font-weight="600" fill="${palette.text}">${escapeXml(spec.title)}</text>`,
    `<g fill="${palette.text}">${legend.svg}</g>`,
    `<g stroke="${palette.grid}" stroke-width="1">${grid.join('')}</g>`,
    `<g clip-path="url(#plot-area)">${series.join('')}</g>`,
    `<g stroke="${palette.border}"><line x1="${num(area.left)}" y1="${num(area.bottom)}" x2="${num(area.right)}" y2="${num(area.bottom)}"/>${yAxes.map((a) => a.line).join('')}</g>`,
    `<g fill="${palette.muted}" color="${palette.text}">${xTicks.join('')}<g fill="currentColor">${xTitle}</g>${yAxes.map((a) => a.texts).join('')}</g>`,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}
