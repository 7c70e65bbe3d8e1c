/**
 * A page load's waterfall as a standalone SVG document, for the PNG export
 * (export-png.ts rasterises it): pure string building, no DOM, the colours of
 * the theme asked for (no CSS). Top to bottom: the title band (scenario
 * name; browser, URL, mode and start; the outcome with the page-load time;
 * the legend, wrapping), the header (column names and the time axis's
 * ticks in ms), one row per object — number, URL, status, size, connection
 * and its bar — then the objects that failed. Vertical lines mark the ticks
 * and, dashed, the page-load time. Text is measured by `measure` (the page
 * passes its canvas's; the default estimates) so that nothing is cut: the
 * URL column is as wide as its longest URL up to MAX_URL_PX, past which a
 * URL is shortened with "…". Every text goes through escapeXml.
 */
import { chartPalette, type ChartTheme } from '../../src-core/chart/colors';
import { SVG_FONT_FAMILY } from '../../src-core/chart/svg';
import { escapeXml, num, svgTextWidth } from '../../src-core/chart/svg-text';
import { formatMs } from '../format/time';
import { t } from '../i18n/translate';
import { axisFraction, tickAnchor, waterfallAxis } from './axis';
import { PHASE_COLORS } from './colors';
import { connectionText, outcomeText, pageLoadLabel, sizeText } from './labels';
import type { PageLoad } from './page-loads';
import { PHASES, type Phase } from './phases';
import { loadLine, waterfallRows } from './rows';

/** Width of `text` in px at `size` px, bold or not. */
export type TextMeasure = (text: string, size: number, bold: boolean) => number;

export interface WaterfallSvgInput {
  readonly load: PageLoad;
  /** The browser's node, as the picker names it. */
  readonly nodeName: string;
  /** The scenario's name. */
  readonly title: string;
  readonly theme: ChartTheme;
  readonly measure?: TextMeasure;
}

export interface WaterfallSvg {
  readonly svg: string;
  /** CSS px. */
  readonly width: number;
  readonly height: number;
  /** Every text written, in order (tests check that none is cut). */
  readonly texts: readonly string[];
}

const PAD = 20;
const FONT = 13;
const SMALL = 12;
const TITLE = 16;
const ROW = 28;
const BAR = 16;
const HEADER = 30;
const CELL_PAD = 14;
const MIN_URL_PX = 90;
const MAX_URL_PX = 320;
const TIMELINE_PX = 760;
/** Tick labels about this far apart at least (px). */
const TICK_SPACING = 90;

const estimate: TextMeasure = (text, size, bold) => svgTextWidth(text, size) * (bold ? 1.08 : 1);

export function waterfallToSvg(input: WaterfallSvgInput): WaterfallSvg {
  const { load, theme } = input;
  const measure = input.measure ?? estimate;
  const colors = chartPalette(theme);
  const phaseColors = PHASE_COLORS[theme];
  const texts: string[] = [];
  const out: string[] = [];
  const text = (x: number, y: number, value: string, attrs: { size?: number; bold?: boolean; fill?: string; anchor?: 'start' | 'middle' | 'end' } = {}) => {
    texts.push(value);
    const anchor = attrs.anchor && attrs.anchor !== 'start' ? ` text-anchor="${attrs.anchor}"` : '';
    const weight = attrs.bold ? ' font-weight="600"' : '';
    out.push(`<text x="${num(x)}" y="${num(y)}" font-size="${attrs.size ?? FONT}"${weight}${anchor} fill="${attrs.fill ?? colors.text}">${escapeXml(value)}</text>`);
  };

  // columns: number, URL, status, size, connection, then the timeline
  const columnWidth = (heading: string, values: readonly string[], min = 0, max = Infinity) =>
    Math.min(max, Math.max(min, measure(heading, SMALL, true), ...values.map((v) => measure(v, FONT, false)))) + CELL_PAD;
  const objects = load.objects;
  const urlWidth = columnWidth(t('waterfall.columns.object'), objects.map((o) => o.path), MIN_URL_PX, MAX_URL_PX);
  const columns = [
    { heading: '#', width: columnWidth('#', [String(objects.length)]), anchor: 'end' as const },
    { heading: t('waterfall.columns.object'), width: urlWidth, anchor: 'start' as const },
    { heading: t('waterfall.columns.status'), width: columnWidth(t('waterfall.columns.status'), objects.map((o) => String(o.status))), anchor: 'end' as const },
    { heading: t('waterfall.columns.size'), width: columnWidth(t('waterfall.columns.size'), objects.map((o) => sizeText(o.bytes))), anchor: 'end' as const },
    { heading: t('waterfall.columns.connection'), width: columnWidth(t('waterfall.columns.connection'), objects.map(connectionText)), anchor: 'end' as const },
  ];
  const lefts: number[] = [];
  let x = PAD;
  for (const c of columns) {
    lefts.push(x);
    x += c.width;
  }
  const timelineLeft = x + CELL_PAD;
  const header = [input.title, pageLoadLabel(load, input.nodeName), outcomeText(load)];
  const headerWidth = Math.max(measure(header[0]!, TITLE, true), measure(header[1]!, FONT, false), measure(header[2]!, FONT, true));
  const width = Math.ceil(Math.max(timelineLeft + TIMELINE_PX, PAD + headerWidth) + PAD);
  const timelineWidth = width - PAD - timelineLeft;
  const xOf = (fraction: number) => timelineLeft + fraction * timelineWidth;

  // title band
  let y = PAD + TITLE;
  text(PAD, y, header[0]!, { size: TITLE, bold: true });
  y += 22;
  text(PAD, y, header[1]!, { fill: colors.muted });
  y += 22;
  text(PAD, y, header[2]!, { bold: true });
  y += 14;
  const legend = legendItems(load, measure);
  let lx = PAD;
  let ly = y + 12;
  for (const item of legend) {
    if (lx + item.width > width - PAD && lx > PAD) {
      lx = PAD;
      ly += 20;
    }
    if (item.phase === null) out.push(`<line x1="${num(lx + 7)}" y1="${num(ly - 7)}" x2="${num(lx + 7)}" y2="${num(ly + 7)}" stroke="${colors.selection}" stroke-width="2" stroke-dasharray="4 3"/>`);
    else out.push(`<rect x="${num(lx)}" y="${num(ly - 5)}" width="14" height="10" rx="2" fill="${phaseColors[item.phase]}"/>`);
    text(lx + 20, ly + 4.5, item.label, { size: SMALL });
    lx += item.width;
  }
  y = ly + 16;

  // header row: column names and the axis's ticks
  const axis = waterfallAxis(load, Math.max(2, Math.floor(timelineWidth / TICK_SPACING)));
  const headerTop = y;
  const rowsTop = headerTop + HEADER;
  const rows = waterfallRows(load, axis);
  const failedTop = rowsTop + rows.length * ROW;
  const bottom = failedTop + load.failed.length * ROW;
  out.push(`<rect x="0" y="${num(headerTop)}" width="${width}" height="${HEADER}" fill="${colors.header}"/>`);
  const baseline = (top: number, height: number) => top + height / 2 + 4.5;
  columns.forEach((c, i) => text(c.anchor === 'end' ? lefts[i]! + c.width - CELL_PAD / 2 : lefts[i]! + CELL_PAD / 2, baseline(headerTop, HEADER), c.heading, { size: SMALL, bold: true, fill: colors.muted, anchor: c.anchor }));
  axis.ticks.forEach((tick, i) => {
    const anchor = tickAnchor(axis, i);
    text(xOf(axisFraction(axis, tick.t)), baseline(headerTop, HEADER), tick.label, { size: SMALL, fill: colors.muted, anchor });
  });
  out.push(`<line x1="0" y1="${num(rowsTop - 0.5)}" x2="${width}" y2="${num(rowsTop - 0.5)}" stroke="${colors.border}"/>`);
  for (const tick of axis.ticks) {
    const tx = Math.round(xOf(axisFraction(axis, tick.t))) + 0.5;
    out.push(`<line x1="${num(tx)}" y1="${num(rowsTop)}" x2="${num(tx)}" y2="${num(Math.max(bottom, rowsTop + ROW))}" stroke="${colors.grid}"/>`);
  }

  // the rows
  for (const [i, row] of rows.entries()) {
    const top = rowsTop + i * ROW;
    const o = row.object;
    const cells = [String(row.number), elideTo(o.path, urlWidth - CELL_PAD, measure), String(o.status), sizeText(o.bytes), connectionText(o)];
    cells.forEach((value, c) => {
      const col = columns[c]!;
      const fill = c === 0 ? colors.muted : c === 2 && o.status >= 400 ? colors.lost : colors.text;
      text(col.anchor === 'end' ? lefts[c]! + col.width - CELL_PAD / 2 : lefts[c]! + CELL_PAD / 2, baseline(top, ROW), value, { anchor: col.anchor, fill });
    });
    for (const s of row.segments) {
      const sx = xOf(s.left);
      out.push(`<rect x="${num(sx)}" y="${num(top + (ROW - BAR) / 2)}" width="${num(Math.max(1, s.width * timelineWidth))}" height="${BAR}" fill="${phaseColors[s.phase]}"/>`);
    }
    out.push(`<line x1="0" y1="${num(top + ROW - 0.5)}" x2="${width}" y2="${num(top + ROW - 0.5)}" stroke="${colors.grid}"/>`);
  }
  for (const [i, f] of load.failed.entries()) {
    const top = failedTop + i * ROW;
    text(lefts[1]! + CELL_PAD / 2, baseline(top, ROW), elideTo(f.url, urlWidth - CELL_PAD, measure));
    text(timelineLeft, baseline(top, ROW), t('waterfall.rows.failed', { reason: f.reason }), { fill: colors.lost });
  }
  const line = loadLine(load, axis);
  if (line !== null) {
    const lx2 = Math.round(xOf(line)) + 0.5;
    out.push(`<line x1="${num(lx2)}" y1="${num(headerTop)}" x2="${num(lx2)}" y2="${num(Math.max(bottom, rowsTop + ROW))}" stroke="${colors.selection}" stroke-width="1.5" stroke-dasharray="5 4"/>`);
  }

  const height = Math.ceil(Math.max(bottom, rowsTop + ROW) + PAD);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT_FAMILY}">`,
    `<title>${escapeXml(t('waterfall.words.svgTitle', { title: input.title, url: load.url, time: formatMs(load.start) }))}</title>`,
    `<rect width="${width}" height="${height}" fill="${colors.background}"/>`,
    ...out,
    '</svg>',
  ].join('\n');
  return { svg, width, height, texts };
}

interface LegendItem {
  readonly label: string;
  /** The phase whose colour the swatch shows; null: the dashed page-load line. */
  readonly phase: Phase | null;
  readonly width: number;
}

function legendItems(load: PageLoad, measure: TextMeasure): LegendItem[] {
  const items: Omit<LegendItem, 'width'>[] = PHASES.map((p) => ({ label: t('waterfall.legend.item', { label: p.label, detail: p.detail }), phase: p.phase }));
  if (load.outcome.kind === 'loaded') items.push({ label: t('waterfall.legend.loadedAt', { time: formatMs(load.outcome.elapsed) }), phase: null });
  return items.map((i) => ({ ...i, width: 20 + measure(i.label, SMALL, false) + 22 }));
}

/** `value` shortened with "…" in its middle until it fits `px` (a URL's end, the file, says the most). */
function elideTo(value: string, px: number, measure: TextMeasure): string {
  if (measure(value, FONT, false) <= px) return value;
  let keep = value.length - 1;
  const cut = (n: number) => `${value.slice(0, Math.ceil(n / 2))}…${value.slice(value.length - Math.floor(n / 2))}`;
  while (keep > 2 && measure(cut(keep), FONT, false) > px) keep--;
  return cut(keep);
}
