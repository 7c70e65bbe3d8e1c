/**
 * The legend of the SVG export (svg.ts): one entry per protocol drawn, then
 * the line styles that appear, laid out in rows LEGEND_ROW px tall that
 * wrap at the document's width. Also the arrow style per layer, which the
 * legend shows.
 */
import type { Layer } from '../trace/types';
import { chartPalette, legendFor, type ChartPalette, type ChartTheme } from './colors';
import type { ArrowLayout } from './layout';
import { CHAR_PX, escapeXml, num } from './svg-text';

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
