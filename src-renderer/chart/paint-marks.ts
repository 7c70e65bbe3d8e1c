/**
 * State changes on the canvas (src-core/chart/marks.ts): a diamond on the
 * lane in the protocol's colour, the summary in italics to the right of the
 * lane, in full where that is free (across the next lanes, on a halo box of
 * the background colour), else cut before the next lane; exports write a
 * footnote marker instead of a cut. Marks are secondary to arrows: their
 * labels are placed after the arrow labels and annotation texts and give way
 * to them (placeMarkLabels); the tooltip always has the full text. A label
 * stacked under a neighbour is tied to its diamond by a thin leader. The
 * selected mark is ringed and its label bold; marks after the playback
 * cursor fade or hide like arrows.
 */
import { fadedAlpha, protocolColor, type ChartPalette } from '../../src-core/chart/colors';
import { rectBox, type Box } from '../../src-core/chart/label-boxes';
import { markLabelRoom, type ChartLayout } from '../../src-core/chart/layout';
import { MARK_LABEL_DX, MARK_LABEL_HEIGHT, MARK_RADIUS, placeMarkLabels, type MarkLayout } from '../../src-core/chart/marks';
import type { PaintContext } from './paint';
import { ellipsizeIn, textWidth } from './text-width';

export const MARK_FONT = 'italic 11px system-ui, sans-serif';
export const SELECTED_MARK_FONT = `600 ${MARK_FONT}`;
/** Average width of a character of MARK_FONT, px: hit tests have no canvas to measure with. */
const MARK_CHAR_WIDTH = 5.6;

interface Input {
  readonly layout: ChartLayout;
  readonly palette: ChartPalette;
  readonly selectedId: number | null;
  readonly isRevealed?: (id: number) => boolean;
  readonly afterCursor: 'hide' | 'fade';
  readonly options?: { readonly labels: boolean; readonly footnotes?: boolean };
  /** What the canvas shows (chart px): a label may run to its right edge where that is past the chart. */
  readonly viewport?: { readonly left: number; readonly width: number };
}

/** Opacity of a mark label's halo box. */
const HALO_ALPHA = 0.85;

export interface PaintedMarks {
  /** Ids of the marks drawn, in order. */
  readonly drawn: number[];
  /** Exports: the footnotes of marks whose summary is a marker, in number order. */
  readonly footnotes: { readonly n: number; readonly text: string }[];
  /** The labels written: mark id and text. */
  readonly labels: { readonly id: number; readonly text: string }[];
}

/** The marks drawn under the playback state (hidden ones left out). */
function shownMarks(input: Input, marks: readonly MarkLayout[]): readonly MarkLayout[] {
  return input.isRevealed === undefined || input.afterCursor === 'fade' ? marks : marks.filter((m) => input.isRevealed!(m.id));
}

/** The marks' diamonds: arrow labels keep clear of them. */
export function markBoxes(input: Input, marks: readonly MarkLayout[]): Box[] {
  return shownMarks(input, marks).map((m) => rectBox(m.x - MARK_RADIUS, m.y - MARK_RADIUS, 2 * MARK_RADIUS, 2 * MARK_RADIUS));
}

/**
 * Draws the marks, their labels clear of `avoid` (arrow labels, annotation
 * texts); footnotes (exports) are numbered from `firstFootnote`.
 */
export function paintMarks(ctx: PaintContext, input: Input, marks: readonly MarkLayout[], avoid: readonly Box[], firstFootnote = 1): PaintedMarks {
  const { palette } = input;
  const shown = shownMarks(input, marks);
  const labels = placeMarkLabels(shown, avoid, markLabelRoom(input.layout), (text, width) => {
    ctx.font = MARK_FONT; // text-width.ts measures in the context's current font
    const cut = ellipsizeIn(ctx, MARK_FONT, text, width);
    return { text: cut, width: textWidth(ctx, MARK_FONT, cut) };
  }, input.selectedId, {
    wide: (m) => Math.max(input.layout.width, input.viewport === undefined ? 0 : input.viewport.left + input.viewport.width) - m.x - MARK_LABEL_DX - 4,
    ...(input.options?.footnotes === true ? { footnotes: { first: firstFootnote } } : {}),
  });
  const drawn: number[] = [];
  const footnotes: { n: number; text: string }[] = [];
  const written: { id: number; text: string }[] = [];
  ctx.setLineDash([]);
  for (const m of shown) {
    const selected = m.id === input.selectedId;
    const label = labels.get(m.id);
    // after the playback cursor: faded no further than 3:1 against the background, for the diamond and its text (WCAG 1.4.11)
    ctx.globalAlpha =
      input.isRevealed === undefined || input.isRevealed(m.id) ? 1 : Math.max(fadedAlpha(protocolColor(m.protocol, palette.theme), palette.theme), fadedAlpha(palette.muted, palette.theme));
    if (label && m.labelY - m.y > 1) {
      ctx.strokeStyle = palette.muted;
      ctx.lineWidth = 0.8;
      ctx.beginPath();
      ctx.moveTo(m.x + MARK_RADIUS, m.y);
      ctx.lineTo(m.x + MARK_LABEL_DX - 2, m.labelY);
      ctx.stroke();
    }
    if (selected) {
      ctx.fillStyle = palette.halo;
      diamond(ctx, m.x, m.y, MARK_RADIUS + 4);
    }
    ctx.fillStyle = protocolColor(m.protocol, palette.theme);
    ctx.strokeStyle = palette.background;
    ctx.lineWidth = 1.5;
    diamond(ctx, m.x, m.y, MARK_RADIUS, true);
    if (label) {
      ctx.font = selected ? SELECTED_MARK_FONT : MARK_FONT;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      const alpha = ctx.globalAlpha;
      ctx.globalAlpha = alpha * HALO_ALPHA;
      ctx.fillStyle = palette.background;
      ctx.fillRect(m.x + MARK_LABEL_DX - 2, m.labelY - MARK_LABEL_HEIGHT / 2, label.width + 4, MARK_LABEL_HEIGHT);
      ctx.globalAlpha = alpha;
      ctx.fillStyle = selected ? palette.text : palette.muted;
      ctx.fillText(label.text, m.x + MARK_LABEL_DX, m.labelY);
      if (label.footnote !== undefined) footnotes.push({ n: label.footnote, text: m.label });
      written.push({ id: m.id, text: label.text });
    }
    drawn.push(m.id);
  }
  ctx.globalAlpha = 1;
  return { drawn, footnotes, labels: written };
}

function diamond(ctx: PaintContext, x: number, y: number, r: number, outline = false): void {
  ctx.beginPath();
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
  if (outline) ctx.stroke();
  ctx.fill();
}

/** The mark under point (x, y) (chart px): on its diamond or where its label goes; later marks win. */
export function markAt(layout: ChartLayout, marks: readonly MarkLayout[], x: number, y: number): MarkLayout | null {
  let found: MarkLayout | null = null;
  const room = markLabelRoom(layout);
  for (const m of marks) {
    const onDiamond = Math.abs(x - m.x) + Math.abs(y - m.y) <= MARK_RADIUS + 2;
    const onLabel = Math.abs(y - m.labelY) <= MARK_LABEL_HEIGHT / 2 && x >= m.x + MARK_LABEL_DX - 1 && x <= m.x + MARK_LABEL_DX + Math.min(room, m.label.length * MARK_CHAR_WIDTH);
    if (onDiamond || onLabel) found = m;
  }
  return found;
}
