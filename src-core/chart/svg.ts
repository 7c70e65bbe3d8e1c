/**
 * The sequence chart as a standalone SVG document (light theme), for
 * reports and slides: pure string building from a ChartLayout, no DOM.
 *
 * Reading order: `chartToSvg` picks the band of the chart to draw (the whole
 * chart, or the y band of a time range [t0, t1]), then writes, top to bottom:
 * the title band (title and protocol legend, as the PNG export draws it;
 * svg-legend.ts), lane headers, time axis, lanes, group bands, arrows with their
 * labels (clipped to the band; labels placed clear of each other, of the
 * annotation texts and of the state marks by label-placement.ts, as on
 * screen), the state marks (svg-marks.ts), the other
 * annotations (svg-notes.ts), the title band's legend, the key of line
 * styles and the footnotes. Labels are
 * never cut: in full where there is room (reaching past the arrow, or
 * wrapped to up to three lines), else a marker "[n]" whose footnote n under
 * the key has the text. Coordinates of lanes and arrows
 * are the layout's own (one group translates the band under the headers),
 * so an exported arrow sits exactly where the screen draws it. Every text
 * goes through `escapeXml` (svg-text.ts).
 */
import { formatTime, type SimTime } from '../sim/time';
import type { Annotation } from './annotations';
import { chartPalette, protocolColor, type ChartPalette, type ChartTheme } from './colors';
import { arrowEndBoxes, labelRank, labelText, placeLabels, wrapText, type LabelPlacementOptions, type PlacedLabel } from './label-placement';
import { visibleArrows, type ArrowLayout, type ChartLayout } from './layout';
import { rotatedBox, type Box } from './label-boxes';
import { annotationSvg, groupBandsSvg, halo, noteBoxes } from './svg-notes';
import { markObstacles, marksSvg } from './svg-marks';
import { burstBadgeSvg, burstBandSvg, discardedEndSvg, discardedLineEnd } from './svg-bursts';
import { badgeMargin } from './bursts';
import { ARROW_STYLE, LEGEND_ROW, legendEntries, legendLayout, legendSvg, titleBand, titleLegendEntries } from './svg-legend';
import { escapeXml, num, svgTextWidth } from './svg-text';
import { timeTicks } from './time-scale';

export { legendEntries, titleLegendEntries } from './svg-legend';
export { elide, escapeXml, num } from './svg-text';

export interface TimeRange {
  /** ns, inclusive. */
  readonly t0: SimTime;
  readonly t1: SimTime;
}

/** The palette of a theme plus each protocol's arrow colour. */
interface SvgColors extends ChartPalette {
  arrow(protocol: string): string;
}

function svgColors(theme: ChartTheme): SvgColors {
  return { ...chartPalette(theme), arrow: (protocol) => protocolColor(protocol, theme) };
}

export interface SvgExportOptions {
  /** Scenario name or a caption, shown on top and as the document's <title>. */
  readonly title: string;
  /** Only this time range; null or absent: the whole chart. */
  readonly range?: TimeRange | null;
  /** From annotations.ts (layout coordinates); those outside the band are left out. */
  readonly annotations?: readonly Annotation[];
  /** Light by default: exports go to paper and slides. */
  readonly theme?: ChartTheme;
}

/** Heights of the bands above the chart (px): the title band is this tall, or taller when its legend wraps. */
export const SVG_TITLE_HEIGHT = 30;
export const SVG_HEADER_HEIGHT = 44;
/** Room right of the last lane for its annotations (px). */
const RIGHT_PAD = 90;
/**
 * The document's fonts: the system's UI font where a viewer knows it, else
 * common ones (DejaVu Sans on Linux, for resvg too). Names unquoted (CSS
 * allows a family name as a run of identifiers): resvg 2.6 ignores a quoted
 * name after the first and falls back to any font (src-main/cli/chart-export.test.ts).
 */
export const SVG_FONT_FAMILY = 'system-ui, Segoe UI, DejaVu Sans, Arial, sans-serif';
const FONT = SVG_FONT_FAMILY;

/** Arrow labels (label-placement.ts), px: a 12 px line 8 px off the arrow, clear of its ends (and of other arrows' ends, 4 px around them). */
const SVG_LABELS: Omit<LabelPlacementOptions, 'measure'> = {
  height: 12,
  offset: 8,
  tailMargin: 6,
  headMargin: 10,
  minLength: 24,
  minWidth: 24,
  maxAngle: 1.35,
  gap: 2,
  overhang: 70,
  maxLines: 3,
  footnotes: true,
  minY: 0,
};
/** Footnote lines under the legend, px. */
const FOOTNOTE_LINE = 15;

/** The y band [top, bottom] of the chart that `range` covers (whole chart when absent). */
export function bandOf(layout: ChartLayout, range: TimeRange | null | undefined): { top: number; bottom: number } {
  if (!range) return { top: 0, bottom: layout.height };
  const t0 = Math.min(range.t0, range.t1);
  const t1 = Math.max(range.t0, range.t1);
  return { top: layout.scale.y(t0), bottom: layout.scale.y(t1) };
}

/** The arrows an export of `range` shows: those that cross its band (all, for the whole chart). */
export function arrowsInRange(layout: ChartLayout, range: TimeRange | null | undefined): readonly ArrowLayout[] {
  if (!range) return layout.arrows;
  const band = bandOf(layout, range);
  return visibleArrows(layout, band.top, band.bottom);
}

export function chartToSvg(layout: ChartLayout, options: SvgExportOptions): string {
  const colors = svgColors(options.theme ?? 'light');
  const band = bandOf(layout, options.range);
  const pad = options.range ? 12 : 0;
  const top = band.top - pad;
  const bottom = band.bottom + pad;
  const arrows = arrowsInRange(layout, options.range);
  const legend = legendEntries(arrows, options.theme ?? 'light');
  const width = Math.max(layout.width + RIGHT_PAD, 360);
  const title = titleBand(options.title, titleLegendEntries(layout, options.theme ?? 'light'), width, colors);
  const chartTop = title.height + SVG_HEADER_HEIGHT;
  const legendRows = legendLayout(legend.map((l) => l.label), width);
  const notes = options.annotations ?? [];
  const noteTexts = noteBoxes(layout, notes, top, bottom, colors);
  const labels = arrowLabels(arrows, [...noteTexts, ...markObstacles(layout, top, bottom)]);
  // state marks' labels give way to the arrow labels, the annotation texts and the arrows' ends
  const taken = [...noteTexts, ...arrowEndBoxes(arrows, 4), ...[...labels.values()].map((l) => rotatedBox(l.x, l.y, l.width + 2, l.height, l.angle))];
  const arrowNotes = [...labels.values()].filter((l) => l.footnote !== undefined).sort((a, b) => a.footnote! - b.footnote!);
  const marks = marksSvg(layout, top, bottom, colors, taken, arrowNotes.length + 1);
  const footnotes = footnoteLines([...arrowNotes.map((l) => ({ n: l.footnote!, text: l.full })), ...marks.footnotes], width - 24);
  const legendBottom = chartTop + (bottom - top) + 16 + legendRows.rows * LEGEND_ROW;
  const height = Math.ceil(legendBottom + 12 + (footnotes.length === 0 ? 0 : footnotes.length * FOOTNOTE_LINE + 8));

  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${height}" viewBox="0 0 ${num(width)} ${height}" font-family="${escapeXml(FONT)}" font-size="11">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<desc>${escapeXml(describe(layout, arrows.length, options.range))}</desc>`,
    '<defs>',
    ...markers(arrows, colors),
    `<clipPath id="band"><rect x="0" y="${num(top)}" width="${num(width)}" height="${num(bottom - top)}"/></clipPath>`,
    '</defs>',
    `<rect width="100%" height="100%" fill="${colors.background}"/>`,
  );
  append(out, title.svg);
  append(out, laneHeaders(layout, colors, title.height));
  out.push(`<g transform="translate(0 ${num(chartTop - top)})">`);
  append(out, timeAxis(layout, top, bottom, colors));
  append(out, laneLines(layout, top, bottom, colors));
  out.push('<g clip-path="url(#band)">');
  append(out, groupBandsSvg(notes, top, bottom, colors));
  for (const a of arrows) append(out, arrowSvg(a, colors, labels.get(a.id)));
  append(out, marks.lines);
  out.push('</g>');
  append(out, annotationSvg(layout, notes, top, bottom, colors));
  out.push('</g>');
  append(out, legendSvg(legend, legendRows.positions, chartTop + (bottom - top) + 16, colors));
  if (footnotes.length > 0) {
    out.push(`<g class="footnotes" fill="${colors.text}">`);
    footnotes.forEach((line, i) => out.push(`<text x="${line.indent ? 36 : 12}" y="${num(legendBottom + 8 + (i + 0.75) * FOOTNOTE_LINE)}">${escapeXml(line.text)}</text>`));
    out.push('</g>');
  }
  out.push('</svg>', '');
  return out.join('\n');
}

/**
 * Appends `lines` to `out` one by one: spreading them into push() passes
 * each as an argument, and 100,000 annotations overflow the call stack.
 */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

function describe(layout: ChartLayout, count: number, range: TimeRange | null | undefined): string {
  const lanes = layout.lanes.map((l) => l.node.name).join(', ');
  const span = range ? `from ${formatTime(range.t0)} to ${formatTime(range.t1)}` : 'whole run';
  return `Message-sequence chart (${span}): ${count} messages between ${lanes}. Exported by L7 Lab.`;
}

function markers(arrows: readonly ArrowLayout[], colors: SvgColors): string[] {
  const used = new Set(arrows.map((a) => colors.arrow(a.protocol)));
  return [...used].map(
    (color) =>
      `<marker id="${markerId(color)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">` +
      `<path d="M0 0L10 5L0 10z" fill="${color}"/></marker>`,
  );
}

const markerId = (color: string) => `head-${color.replace(/[^0-9a-zA-Z]/g, '')}`;

function laneHeaders(layout: ChartLayout, colors: SvgColors, y: number): string[] {
  const out = [`<g class="lanes-header">`, `<rect x="0" y="${y}" width="100%" height="${SVG_HEADER_HEIGHT}" fill="${colors.header}"/>`];
  for (const lane of layout.lanes) {
    out.push(
      `<text x="${num(lane.x)}" y="${y + 16}" text-anchor="middle" font-size="12" font-weight="600" fill="${colors.text}">${escapeXml(lane.node.name)}</text>`,
      `<text x="${num(lane.x)}" y="${y + 31}" text-anchor="middle" fill="${colors.muted}">${escapeXml(lane.node.address)}</text>`,
    );
  }
  out.push(`<line x1="0" y1="${y + SVG_HEADER_HEIGHT - 0.5}" x2="${num(layout.width + RIGHT_PAD)}" y2="${y + SVG_HEADER_HEIGHT - 0.5}" stroke="${colors.border}"/>`, '</g>');
  return out;
}

function laneLines(layout: ChartLayout, top: number, bottom: number, colors: SvgColors): string[] {
  return layout.lanes.map(
    (lane) => `<line class="lane" x1="${num(lane.x)}" y1="${num(top)}" x2="${num(lane.x)}" y2="${num(bottom)}" stroke="${colors.lane}" stroke-width="1.5"/>`,
  );
}

/**
 * Ticks on the left margin, per linear stretch of the time scale (compressed
 * idle gaps are drawn as a band of their own, labelled with their length).
 */
function timeAxis(layout: ChartLayout, top: number, bottom: number, colors: SvgColors): string[] {
  const scale = layout.scale;
  const axisX = leftMargin(layout) - 6;
  const out = [`<g class="time-axis" fill="${colors.muted}">`];
  out.push(`<line x1="${num(axisX)}" y1="${num(top)}" x2="${num(axisX)}" y2="${num(bottom)}" stroke="${colors.border}"/>`);
  const t0 = Math.max(0, scale.t(top));
  const t1 = scale.t(bottom);
  // Linear stretches between compressed gaps.
  const stretches: [SimTime, SimTime][] = [];
  let from = t0;
  for (const gap of scale.gaps) {
    if (gap.to <= t0 || gap.from >= t1) continue;
    if (gap.from > from) stretches.push([from, gap.from]);
    from = Math.max(from, gap.to);
    out.push(
      `<rect x="0" y="${num(gap.y1)}" width="${num(layout.width)}" height="${num(gap.y2 - gap.y1)}" fill="${colors.grid}"/>`,
      `<line x1="0" y1="${num(gap.y1)}" x2="${num(layout.width)}" y2="${num(gap.y1)}" stroke="${colors.gap}" stroke-dasharray="2 3"/>`,
      `<line x1="0" y1="${num(gap.y2)}" x2="${num(layout.width)}" y2="${num(gap.y2)}" stroke="${colors.gap}" stroke-dasharray="2 3"/>`,
      `<text x="${num(axisX - 6)}" y="${num((gap.y1 + gap.y2) / 2 + 4)}" text-anchor="end" font-style="italic">${escapeXml(`≈ ${formatTime(gap.to - gap.from)} idle`)}</text>`,
    );
  }
  if (from < t1) stretches.push([from, t1]);
  for (const [a, b] of stretches) {
    const px = scale.y(b) - scale.y(a);
    const { ticks } = timeTicks(a, b, Math.max(3, Math.floor(px / 40)));
    for (const t of ticks) {
      const y = scale.y(t);
      out.push(
        `<line x1="${num(axisX - 4)}" y1="${num(y)}" x2="${num(axisX)}" y2="${num(y)}" stroke="${colors.muted}"/>`,
        `<text x="${num(axisX - 6)}" y="${num(y + 4)}" text-anchor="end">${escapeXml(formatTime(t))}</text>`,
      );
    }
  }
  out.push('</g>');
  return out;
}

function arrowSvg(a: ArrowLayout, colors: SvgColors, label: PlacedLabel | undefined): string[] {
  const color = colors.arrow(a.protocol);
  const style = ARROW_STYLE[a.layer];
  const bundle = a.burst !== undefined && !a.burst.open;
  const dash = a.state === 'in-flight' ? ' stroke-dasharray="6 4"' : '';
  const head = a.state === 'lost' || a.state === 'discarded' ? '' : ` marker-end="url(#${markerId(color)})"`;
  const end = a.state === 'discarded' ? discardedLineEnd(a) : { x: a.x2, y: a.y2 };
  const out = [
    `<g class="message ${a.state}${bundle ? ' burst' : ''}" data-id="${a.id}"${bundle ? ` data-count="${a.burst!.members.length}"` : ''}>`,
    ...(bundle ? [burstBandSvg(a, color)] : []),
    `<line x1="${num(a.x1)}" y1="${num(a.y1)}" x2="${num(end.x)}" y2="${num(end.y)}" stroke="${color}" stroke-width="${bundle ? style.width + 1.6 : style.width}"${dash}${head}/>`,
  ];
  if (a.state === 'discarded') out.push(discardedEndSvg(a, color, colors));
  out.push(...burstBadgeSvg(a, color, colors));
  if (a.state === 'lost') {
    const s = 5;
    out.push(
      `<path d="M${num(a.x2 - s)} ${num(a.y2 - s)}L${num(a.x2 + s)} ${num(a.y2 + s)}M${num(a.x2 - s)} ${num(a.y2 + s)}L${num(a.x2 + s)} ${num(a.y2 - s)}" stroke="${colors.lost}" stroke-width="2"/>`,
    );
  }
  out.push(`<title>${escapeXml(a.label)}</title>`);
  if (label) {
    // one line: the text itself; wrapped: a tspan a line, the block centred on the label's centre
    const deg = (label.angle * 180) / Math.PI;
    const step = label.height / label.lines.length;
    const y0 = style.fontSize * 0.35 - ((label.lines.length - 1) / 2) * step;
    const body = label.lines.length === 1 ? escapeXml(label.text) : label.lines.map((line, i) => `<tspan x="0" y="${num(y0 + i * step)}">${escapeXml(line)}</tspan>`).join('');
    out.push(
      `<text x="0" y="${num(y0)}" text-anchor="middle" fill="${colors.text}" font-size="${style.fontSize}"${halo(colors)} ` +
        `transform="translate(${num(label.x)} ${num(label.y)}) rotate(${num(deg)})">${body}</text>`,
    );
  }
  out.push('</g>');
  return out;
}

/** Each arrow's label, placed clear of the others, of `obstacles` (the annotation texts) and of the arrows' ends. */
function arrowLabels(arrows: readonly ArrowLayout[], obstacles: readonly Box[]): Map<number, PlacedLabel> {
  const requests = arrows.map((a) => ({ id: a.id, x1: a.x1, y1: a.y1, x2: a.x2, y2: a.y2, text: labelText(a), font: String(ARROW_STYLE[a.layer].fontSize), wins: false, rank: labelRank(a), tailMargin: badgeMargin(a) }));
  const placed = placeLabels(requests, [...obstacles, ...arrowEndBoxes(arrows, 4)], { ...SVG_LABELS, measure: (text, font) => svgTextWidth(text, Number(font)) });
  return new Map(placed.map((p) => [p.id, p]));
}

/** The footnotes as lines, "[n] text", each wrapped to `width` px (continuations indented). */
function footnoteLines(notes: readonly { readonly n: number; readonly text: string }[], width: number): { text: string; indent: boolean }[] {
  const out: { text: string; indent: boolean }[] = [];
  for (const note of notes) wrapText((t) => svgTextWidth(t, 11), `[${note.n}] ${note.text}`, width).forEach((text, i) => out.push({ text, indent: i > 0 }));
  return out;
}

/** The layout's left margin, from its lanes: x0 = margin + w/2 (layout.ts). */
function leftMargin(layout: ChartLayout): number {
  const n = layout.lanes.length;
  const x0 = layout.lanes[0]?.x;
  if (x0 === undefined) return 90;
  // lanes are a lane width apart; a single lane: width = margin + w + 24 (layout.ts, no marks to its right)
  const laneWidth = n > 1 ? layout.lanes[1]!.x - x0 : (layout.width - 24 - x0) / (n - 0.5);
  return Math.max(40, x0 - laneWidth / 2);
}
