/**
 * The sequence chart as a standalone SVG document (light theme), for
 * reports and slides: pure string building from a ChartLayout, no DOM.
 *
 * Reading order: `chartToSvg` picks the band of the chart to draw (the whole
 * chart, or the y band of a time range [t0, t1]), then writes, top to bottom:
 * title, lane headers, time axis, lanes, arrows (clipped to the band), and a
 * legend. Coordinates of lanes and arrows are the layout's own (one group
 * translates the band under the headers), so an exported arrow sits exactly
 * where the screen draws it. Every text goes through `escapeXml`
 * (XML 1.0 §2.4: `<` and `&` never appear raw; `"` is escaped too, as
 * attribute values are quoted with it).
 */
import { formatTime, type SimTime } from '../sim/time';
import type { Layer } from '../trace/types';
import type { Annotation } from './annotations';
import { chartPalette, legendFor, protocolColor, type ChartPalette, type ChartTheme } from './colors';
import { visibleArrows, type ArrowLayout, type ChartLayout } from './layout';
import { timeTicks } from './time-scale';

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

/** Line width and label size per layer: application messages stand out, transport ones recede. */
const ARROW_STYLE: Readonly<Record<Layer, { width: number; fontSize: number }>> = {
  application: { width: 2, fontSize: 11 },
  transport: { width: 1.25, fontSize: 10 },
};

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

/** Heights of the bands above and below the chart (px). */
export const SVG_TITLE_HEIGHT = 30;
export const SVG_HEADER_HEIGHT = 44;
const LEGEND_ROW = 20;
/** Room right of the last lane for its annotations (px). */
const RIGHT_PAD = 90;
const FONT = "system-ui, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif";
/** Rough width of a character of the 11 px font, for laying out the legend (px). */
const CHAR_PX = 6.4;

/** Text safe in XML content and in double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ENTITIES[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** `text` cut to about `px` pixels of a `fontSize` font, ending in "…" when cut (the full text is in the arrow's <title>). */
export function elide(text: string, px: number, fontSize: number): string {
  const max = Math.max(4, Math.floor(px / ((CHAR_PX * fontSize) / 11)));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Numbers as short, locale-free text (two decimals at most). */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

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
  const chartTop = SVG_TITLE_HEIGHT + SVG_HEADER_HEIGHT;
  const legendRows = legendLayout(legend.map((l) => l.label), width);
  const height = Math.ceil(chartTop + (bottom - top) + 16 + legendRows.rows * LEGEND_ROW + 12);

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
    `<text x="12" y="20" font-size="14" font-weight="600" fill="${colors.text}">${escapeXml(options.title)}</text>`,
  );
  out.push(...laneHeaders(layout, colors));
  out.push(`<g transform="translate(0 ${num(chartTop - top)})">`);
  out.push(...timeAxis(layout, top, bottom, colors));
  out.push(...laneLines(layout, top, bottom, colors));
  out.push('<g clip-path="url(#band)">');
  for (const a of arrows) out.push(...arrowSvg(a, colors));
  out.push('</g>');
  out.push(...annotationSvg(layout, options.annotations ?? [], top, bottom, colors));
  out.push('</g>');
  out.push(...legendSvg(legend, legendRows.positions, chartTop + (bottom - top) + 16, colors));
  out.push('</svg>', '');
  return out.join('\n');
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

function laneHeaders(layout: ChartLayout, colors: SvgColors): string[] {
  const y = SVG_TITLE_HEIGHT;
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

function arrowSvg(a: ArrowLayout, colors: SvgColors): string[] {
  const color = colors.arrow(a.protocol);
  const style = ARROW_STYLE[a.layer];
  const dash = a.state === 'in-flight' ? ' stroke-dasharray="6 4"' : '';
  const head = a.state === 'lost' ? '' : ` marker-end="url(#${markerId(color)})"`;
  const out = [
    `<g class="message ${a.state}" data-id="${a.id}">`,
    `<line x1="${num(a.x1)}" y1="${num(a.y1)}" x2="${num(a.x2)}" y2="${num(a.y2)}" stroke="${color}" stroke-width="${style.width}"${dash}${head}/>`,
  ];
  if (a.state === 'lost') {
    const s = 5;
    out.push(
      `<path d="M${num(a.x2 - s)} ${num(a.y2 - s)}L${num(a.x2 + s)} ${num(a.y2 + s)}M${num(a.x2 - s)} ${num(a.y2 + s)}L${num(a.x2 + s)} ${num(a.y2 - s)}" stroke="${colors.lost}" stroke-width="2"/>`,
    );
  }
  // The label sits above the middle of the arrow, along it.
  const mx = (a.x1 + a.x2) / 2;
  const my = (a.y1 + a.y2) / 2;
  let angle = (Math.atan2(a.y2 - a.y1, a.x2 - a.x1) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  else if (angle < -90) angle += 180;
  const length = Math.hypot(a.x2 - a.x1, a.y2 - a.y1);
  out.push(
    `<title>${escapeXml(a.label)}</title>`,
    `<text x="${num(mx)}" y="${num(my - 4)}" text-anchor="middle" fill="${colors.text}" font-size="${style.fontSize}" transform="rotate(${num(angle)} ${num(mx)} ${num(my)})">${escapeXml(elide(a.label, length - 16, style.fontSize))}</text>`,
    '</g>',
  );
  return out;
}

/** Annotations (annotations.ts) whose y range meets the band [top, bottom]. */
function annotationSvg(layout: ChartLayout, notes: readonly Annotation[], top: number, bottom: number, colors: SvgColors): string[] {
  const out: string[] = [];
  const laneX = (i: number) => layout.lanes[i]?.x ?? 0;
  for (const note of notes) {
    const y1 = note.kind === 'metric' ? note.y : note.y1;
    const y2 = note.kind === 'metric' ? note.y : note.y2;
    if (y2 < top || y1 > bottom) continue;
    const label = escapeXml(note.label);
    out.push(`<g class="annotation ${note.kind}" fill="${colors.annotation}">`);
    switch (note.kind) {
      case 'group': {
        const x1 = laneX(note.lanes[0]) - 30;
        const x2 = laneX(note.lanes[1]) + 30;
        out.push(
          `<rect x="${num(x1)}" y="${num(y1 - 6)}" width="${num(x2 - x1)}" height="${num(y2 - y1 + 12)}" rx="6" fill="${colors.groupFill}" stroke="${colors.border}" stroke-dasharray="4 3"/>`,
          `<text x="${num(x1 + 6)}" y="${num(y1 + 6)}" font-size="10" font-style="italic">${label}</text>`,
        );
        break;
      }
      case 'rtt': {
        // A bracket just left of the lane, the label left of it.
        const x = laneX(note.lane) - 12;
        out.push(
          `<path d="M${num(x + 5)} ${num(y1)}H${num(x)}V${num(y2)}H${num(x + 5)}" fill="none" stroke="${colors.annotation}"/>`,
          `<text x="${num(x - 4)}" y="${num((y1 + y2) / 2 + 4)}" text-anchor="end" font-size="10">${label}</text>`,
        );
        break;
      }
      case 'transmission': {
        const x = laneX(note.lane);
        out.push(
          `<rect x="${num(x - 3)}" y="${num(y1)}" width="6" height="${num(Math.max(1, y2 - y1))}" fill="${colors.annotation}" fill-opacity="0.5"/>`,
          `<text x="${num(x + 7)}" y="${num(y2 + 10)}" font-size="10">${label}</text>`,
        );
        break;
      }
      case 'metric': {
        const x = laneX(note.lane);
        out.push(`<circle cx="${num(x)}" cy="${num(y1)}" r="3.5"/>`, `<text x="${num(x + 8)}" y="${num(y1 + 4)}" font-size="10">${label}</text>`);
        break;
      }
    }
    out.push('</g>');
  }
  return out;
}

interface LegendPositions {
  readonly rows: number;
  readonly positions: readonly { x: number; row: number }[];
}

function legendLayout(labels: readonly string[], width: number): LegendPositions {
  const positions: { x: number; row: number }[] = [];
  let x = 12;
  let row = 0;
  for (const label of labels) {
    const w = 34 + label.length * CHAR_PX + 18;
    if (x + w > width - 12 && x > 12) {
      row++;
      x = 12;
    }
    positions.push({ x, row });
    x += w;
  }
  return { rows: Math.max(1, row + 1), positions };
}

function legendSvg(entries: ReturnType<typeof legendEntries>, positions: LegendPositions['positions'], y0: number, colors: SvgColors): string[] {
  const out = [`<g class="legend" fill="${colors.text}">`];
  entries.forEach((entry, i) => {
    const p = positions[i]!;
    const y = y0 + p.row * LEGEND_ROW + 10;
    const dash = entry.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<line x1="${num(p.x)}" y1="${num(y)}" x2="${num(p.x + 26)}" y2="${num(y)}" stroke="${entry.color}" stroke-width="${entry.width}"${dash}/>`);
    if (entry.cross) {
      out.push(`<path d="M${num(p.x + 22)} ${num(y - 4)}l8 8m-8 0l8 -8" stroke="${colors.lost}" stroke-width="2"/>`);
    }
    out.push(`<text x="${num(p.x + 34)}" y="${num(y + 4)}">${escapeXml(entry.label)}</text>`);
  });
  out.push('</g>');
  return out;
}

/** The layout's left margin, from its lanes: x0 = margin + w/2 and width = margin + n·w + 24 (layout.ts). */
function leftMargin(layout: ChartLayout): number {
  const n = layout.lanes.length;
  const x0 = layout.lanes[0]?.x;
  if (x0 === undefined) return 90;
  const laneWidth = (layout.width - 24 - x0) / (n - 0.5);
  return Math.max(40, x0 - laneWidth / 2);
}

interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly width: number;
  readonly dashed?: boolean;
  readonly cross?: boolean;
}

/** One entry per protocol drawn (colors.ts legend order), then the line styles that appear: lost, in flight. */
export function legendEntries(arrows: readonly ArrowLayout[], theme: ChartTheme): LegendEntry[] {
  const layers = new Map<string, Layer>();
  for (const a of arrows) if (!layers.has(a.protocol)) layers.set(a.protocol, a.layer);
  const entries: LegendEntry[] = legendFor(layers.keys(), theme).map(({ protocol, color }) => {
    const layer = layers.get(protocol)!;
    return { label: `${protocol.toUpperCase()} (${layer})`, color, width: ARROW_STYLE[layer].width };
  });
  const muted = chartPalette(theme).muted;
  if (arrows.some((a) => a.state === 'lost')) entries.push({ label: 'lost', color: muted, width: 1.5, cross: true });
  if (arrows.some((a) => a.state === 'in-flight')) entries.push({ label: 'in flight when the run stopped', color: muted, width: 1.5, dashed: true });
  return entries;
}
