/**
 * The two legends of the SVG export (svg.ts):
 * - the protocol legend in the title band, the one the PNG export draws
 *   (src-renderer/chart/paint-header.ts `paintTitle`): after the title, a
 *   swatch and the name of every protocol the chart draws, in colors.ts
 *   legend order, so the SVG and the PNG of a chart name the same colours;
 * - the key of line styles under the chart: line width per layer, lost,
 *   discarded at host (a hollow circle), bursts (a "×N" badge),
 *   in flight, laid out in rows LEGEND_ROW px tall that wrap at the
 *   document's width.
 * Also the arrow style per layer, which the key shows.
 */
import type { Layer } from '../trace/types';
import { DISCARDED_LEGEND } from './arrow-state';
import { chartPalette, legendFor, type ChartPalette, type ChartTheme, type LegendEntry as ProtocolEntry } from './colors';
import type { ArrowLayout, ChartLayout } from './layout';
import { CHAR_PX, escapeXml, num, svgTextWidth } from './svg-text';

/** Line width and label size per layer: application messages stand out, transport ones recede. */
export const ARROW_STYLE: Readonly<Record<Layer, { width: number; fontSize: number }>> = {
  application: { width: 2, fontSize: 11 },
  transport: { width: 1.25, fontSize: 10 },
};

export const LEGEND_ROW = 20;

interface LegendPositions {
  readonly rows: number;
  readonly positions: readonly { x: number; row: number }[];
}

export function legendLayout(labels: readonly string[], width: number): LegendPositions {
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

export function legendSvg(entries: ReturnType<typeof legendEntries>, positions: LegendPositions['positions'], y0: number, colors: ChartPalette): string[] {
  const out = [`<g class="legend" fill="${colors.text}">`];
  entries.forEach((entry, i) => {
    const p = positions[i]!;
    const y = y0 + p.row * LEGEND_ROW + 10;
    const dash = entry.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<line x1="${num(p.x)}" y1="${num(y)}" x2="${num(p.x + 26)}" y2="${num(y)}" stroke="${entry.color}" stroke-width="${entry.width}"${dash}/>`);
    if (entry.circle) {
      out.push(`<circle cx="${num(p.x + 26)}" cy="${num(y)}" r="4.5" fill="${colors.background}" stroke="${entry.color}" stroke-width="2"/>`);
    }
    if (entry.badge) {
      out.push(`<rect x="${num(p.x + 4)}" y="${num(y - 7)}" width="20" height="14" fill="${colors.background}" stroke="${entry.color}" stroke-width="1.2"/>`,
        `<text x="${num(p.x + 14)}" y="${num(y + 3.8)}" text-anchor="middle" font-size="10.5" font-weight="700" fill="${entry.color}">×N</text>`);
    }
    if (entry.cross) {
      out.push(`<path d="M${num(p.x + 22)} ${num(y - 4)}l8 8m-8 0l8 -8" stroke="${colors.lost}" stroke-width="2"/>`);
    }
    out.push(`<text x="${num(p.x + 34)}" y="${num(y + 4)}">${escapeXml(entry.label)}</text>`);
  });
  out.push('</g>');
  return out;
}

interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly width: number;
  readonly dashed?: boolean;
  readonly cross?: boolean;
  /** The discarded end: a hollow circle on the line's end. */
  readonly circle?: boolean;
  /** A burst's "×N" badge on the line. */
  readonly badge?: boolean;
}

const LAYER_LABELS: Readonly<Record<Layer, string>> = {
  application: 'application message',
  transport: 'transport: TCP segment, UDP datagram',
};

/** What a burst's badge means, in the legend. */
export const BURST_LEGEND = 'burst: N alike messages in one arrow';

/** The line styles that appear: the width of each layer drawn (application first), then lost, discarded at host, bursts, in flight. Protocols are in the title legend. */
export function legendEntries(arrows: readonly ArrowLayout[], theme: ChartTheme): LegendEntry[] {
  const muted = chartPalette(theme).muted;
  const layers = new Set(arrows.map((a) => a.layer));
  const entries: LegendEntry[] = (['application', 'transport'] as const)
    .filter((layer) => layers.has(layer))
    .map((layer) => ({ label: LAYER_LABELS[layer], color: muted, width: ARROW_STYLE[layer].width }));
  if (arrows.some((a) => a.state === 'lost')) entries.push({ label: 'lost', color: muted, width: 1.5, cross: true });
  if (arrows.some((a) => a.state === 'discarded')) entries.push({ label: DISCARDED_LEGEND, color: muted, width: 1.5, circle: true });
  if (arrows.some((a) => a.burst && !a.burst.open)) entries.push({ label: BURST_LEGEND, color: muted, width: 3.6, badge: true });
  if (arrows.some((a) => a.state === 'in-flight')) entries.push({ label: 'in flight when the run stopped', color: muted, width: 1.5, dashed: true });
  return entries;
}

// ─── The title band (the PNG export's legend) ────────────────────────────────

/** Title band sizes (px): one row holds the title and, when they fit, the protocols after it. */
export const TITLE_FONT_PX = 14;
const TITLE_ROW = 30;
const TITLE_LEGEND_ROW = 18;
const TITLE_LEGEND_FONT_PX = 12;
/** Bold text is wider than svgTextWidth's estimate for the regular weight. */
const BOLD = 1.08;

/** Every protocol the chart draws, in legend order (the PNG's title band lists the same: chartAux(layout).protocols). */
export function titleLegendEntries(layout: ChartLayout, theme: ChartTheme): ProtocolEntry[] {
  return legendFor(new Set(layout.arrows.map((a) => a.protocol)), theme);
}

export interface TitleBand {
  readonly height: number;
  readonly svg: readonly string[];
}

/**
 * The title and the protocol legend, as the PNG draws them: each entry an
 * 18 px line in the protocol's colour and its name, 16 px apart, starting
 * 28 px after the title. Entries that do not fit within `width` wrap onto
 * rows of their own, so the band grows instead of cutting a protocol off.
 */
export function titleBand(title: string, entries: readonly ProtocolEntry[], width: number, colors: ChartPalette): TitleBand {
  const out = [
    `<g class="title">`,
    `<text x="12" y="20" font-size="${TITLE_FONT_PX}" font-weight="600" fill="${colors.text}">${escapeXml(title)}</text>`,
    `</g>`,
  ];
  if (entries.length === 0) return { height: TITLE_ROW, svg: out };
  const legend = [`<g class="title-legend" font-size="${TITLE_LEGEND_FONT_PX}" fill="${colors.text}">`];
  let x = 12 + svgTextWidth(title, TITLE_FONT_PX) * BOLD + 28;
  let y = 15;
  let rows = 1;
  for (const entry of entries) {
    const w = 23 + svgTextWidth(entry.protocol, TITLE_LEGEND_FONT_PX) + 16;
    if (x + w - 16 > width - 12 && x > 12) {
      x = 12;
      y += rows === 1 ? TITLE_ROW - 15 + TITLE_LEGEND_ROW / 2 : TITLE_LEGEND_ROW;
      rows++;
    }
    legend.push(
      `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 18)}" y2="${num(y)}" stroke="${entry.color}" stroke-width="2.5"/>`,
      `<text x="${num(x + 23)}" y="${num(y + 4)}">${escapeXml(entry.protocol)}</text>`,
    );
    x += w;
  }
  legend.push('</g>');
  const height = rows === 1 ? TITLE_ROW : Math.ceil(y + TITLE_LEGEND_ROW / 2 + 4);
  return { height, svg: [...out, ...legend] };
}
