/**
 * State changes in the SVG export, as on screen (src-renderer/chart/paint-marks.ts):
 * a diamond on the lane in the protocol's colour and the summary in italics
 * right of the lane, in full where that is free (across the next lanes, on
 * its halo), else a footnote marker "[n]" — never cut — giving way to the
 * arrow labels and annotation texts (placeMarkLabels), with a leader when
 * stacked. The full summary is each mark's <title> too.
 */
import { protocolColor, type ChartPalette } from './colors';
import { rectBox, type Box } from './label-boxes';
import { markLabelRoom, visibleMarks, type ChartLayout } from './layout';
import { MARK_LABEL_DX, MARK_RADIUS, placeMarkLabels } from './marks';
import { escapeXml, num, svgTextWidth } from './svg-text';

/** Room right of the layout in the SVG page (svg.ts RIGHT_PAD) a mark's label may use, px. */
const RIGHT_SPACE = 80;

const RADIUS = MARK_RADIUS;
const FONT_SIZE = 10.5;

/** The diamonds of the marks in [top, bottom]: arrow labels keep clear of them. */
export function markObstacles(layout: ChartLayout, top: number, bottom: number): Box[] {
  return visibleMarks(layout, top, bottom).map((m) => rectBox(m.x - RADIUS, m.y - RADIUS, 2 * RADIUS, 2 * RADIUS));
}

/**
 * The marks in [top, bottom]; their labels avoid `avoid` (placed arrow
 * labels, annotation texts, arrow ends). Footnotes are numbered from `firstFootnote`.
 */
export function marksSvg(
  layout: ChartLayout,
  top: number,
  bottom: number,
  colors: ChartPalette,
  avoid: readonly Box[],
  firstFootnote = 1,
): { lines: string[]; footnotes: { n: number; text: string }[] } {
  const marks = visibleMarks(layout, top, bottom);
  const labels = placeMarkLabels(marks, avoid, markLabelRoom(layout), (text, width) => {
    const w = svgTextWidth(text, FONT_SIZE);
    const cut = w <= width ? text : '';
    return { text: cut, width: cut === '' ? 0 : w };
  }, null, { wide: (m) => layout.width + RIGHT_SPACE - m.x - MARK_LABEL_DX, footnotes: { first: firstFootnote } });
  const out: string[] = [];
  const footnotes: { n: number; text: string }[] = [];
  for (const m of marks) {
    const color = protocolColor(m.protocol, colors.theme);
    const label = labels.get(m.id);
    const d = `M${num(m.x)} ${num(m.y - RADIUS)}L${num(m.x + RADIUS)} ${num(m.y)}L${num(m.x)} ${num(m.y + RADIUS)}L${num(m.x - RADIUS)} ${num(m.y)}Z`;
    out.push(`<g class="state"><title>${escapeXml(m.label)}</title>`);
    if (label && m.labelY - m.y > 1) out.push(`<line x1="${num(m.x + RADIUS)}" y1="${num(m.y)}" x2="${num(m.x + MARK_LABEL_DX - 2)}" y2="${num(m.labelY)}" stroke="${colors.muted}" stroke-width="0.8"/>`);
    out.push(`<path d="${d}" fill="${color}" stroke="${colors.background}" stroke-width="1.5"/>`);
    if (label) {
      if (label.footnote !== undefined) footnotes.push({ n: label.footnote, text: m.label });
      out.push(
        `<text x="${num(m.x + MARK_LABEL_DX)}" y="${num(m.labelY)}" dominant-baseline="middle" font-size="${FONT_SIZE}" font-style="italic" fill="${colors.muted}" stroke="${colors.background}" stroke-width="3" paint-order="stroke">${escapeXml(label.text)}</text>`,
      );
    }
    out.push('</g>');
  }
  return { lines: out, footnotes };
}
