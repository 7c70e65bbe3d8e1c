/**
 * Arrow labels on the canvas: placed by src-core/chart/label-placement.ts
 * (along the arrow, clear of each other and of annotation boxes; in full
 * where there is room, reaching past the arrow or wrapped to two lines where
 * that is free; the selected and hovered arrows' labels always drawn in
 * full), then written on a halo: a box of the background colour, so a label
 * stays legible over lane lines, arrows and brackets. Where labels compete,
 * the telling ones win (labelRank); within a rank, layout order. On screen a
 * label with no room in full takes its protocol's shorter form
 * (label-brief.ts), else is abbreviated by placeLabels' rule (the hover
 * tooltip, the inspector and the message list have it whole); exports ask
 * for footnotes instead and never cut one.
 */
import { badgeMargin } from '../../src-core/chart/bursts';
import type { Box } from '../../src-core/chart/label-boxes';
import { labelRank, labelText, placeLabels, type LabelPlacementOptions, type LabelRequest, type PlacedLabel } from '../../src-core/chart/label-placement';
import { protocolColor, type ChartPalette } from '../../src-core/chart/colors';
import { briefForms } from '../../src-core/chart/label-brief';
import type { ArrowLayout, ChartLayout } from '../../src-core/chart/layout';
import { chartAux, handlePoint, handleTarget, HANDLE_SIZE, type ChartAux } from './geometry';
import { fontMeasurer } from './text-width';
import type { PaintContext } from './paint';

export const LABEL_FONT = '11.5px system-ui, sans-serif';
export const BOLD_LABEL_FONT = `600 ${LABEL_FONT}`;

/** Label geometry on the canvas, px: a 12 px line 8 px off the arrow, clear of the tail's badge and handle and of the head. */
export const CANVAS_LABELS: Omit<LabelPlacementOptions, 'measure'> = {
  height: 12,
  offset: 8,
  tailMargin: 24,
  headMargin: 14,
  minLength: 40,
  minWidth: 36,
  maxAngle: 1.2,
  gap: 2,
  overhang: 70,
  maxLines: 3,
  minY: 0,
};

/** Opacity of a label's halo box: lines under it stay faintly visible. */
const HALO_ALPHA = 0.85;
/** The halo reaches this far past the text on each side, px. */
const HALO_PAD = 2;

interface Input {
  readonly layout: ChartLayout;
  readonly palette: ChartPalette;
  readonly selectedId: number | null;
  readonly hoverId: number | null;
  readonly isRevealed?: (id: number) => boolean;
  /** Exports ask for footnotes instead of abbreviations (PaintOptions.footnotes). */
  readonly options?: { readonly labels: boolean; readonly footnotes?: boolean };
}

/**
 * Places and writes the labels of `arrows` (in layout order); `obstacles`:
 * boxes labels keep clear of. Returns the labels written, in placement order.
 */
export function paintLabels(ctx: PaintContext, input: Input, arrows: readonly ArrowLayout[], obstacles: readonly Box[]): readonly PlacedLabel[] {
  const aux = chartAux(input.layout);
  const requests: LabelRequest[] = [];
  const protocols = new Map<number, string>();
  const footnotes = input.options?.footnotes === true;
  for (const a of arrows) {
    if (input.isRevealed && !input.isRevealed(a.id)) continue;
    const selected = a.id === input.selectedId;
    const text = labelText(a);
    requests.push({
      id: a.id,
      x1: a.x1,
      y1: a.y1,
      x2: a.x2,
      y2: a.y2,
      text,
      // exports never shorten a label (footnotes instead)
      ...(footnotes ? {} : { brief: briefForms(a.protocol, text) }),
      font: a.layer === 'application' || selected ? BOLD_LABEL_FONT : LABEL_FONT,
      wins: selected || a.id === input.hoverId,
      rank: labelRank(a),
      tailMargin: badgeMargin(a) ?? handleMargin(a, aux),
    });
    protocols.set(a.id, a.protocol);
  }
  if (requests.length === 0) return [];
  const placed = placeLabels(requests, obstacles, { ...CANVAS_LABELS, footnotes, measure: fontMeasurer(ctx) });
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  let font = ''; // the measurer left the context's font unknown
  for (const p of placed) {
    if (p.font !== font) ctx.font = font = p.font; // set only when it changes: parsing a font is not free
    ctx.save();
    ctx.translate(p.x, p.y);
    ctx.rotate(p.angle);
    ctx.globalAlpha = HALO_ALPHA;
    ctx.fillStyle = input.palette.background;
    ctx.fillRect(-p.width / 2 - HALO_PAD, -p.height / 2, p.width + 2 * HALO_PAD, p.height);
    ctx.globalAlpha = 1;
    ctx.fillStyle = p.id === input.selectedId ? input.palette.text : protocolColor(protocols.get(p.id)!, input.palette.theme);
    const step = p.height / p.lines.length;
    for (const [i, line] of p.lines.entries()) ctx.fillText(line, 0, (i - (p.lines.length - 1) / 2) * step);
    ctx.restore();
  }
  return placed;
}

/**
 * The tail margin an arrow with an expand/collapse handle needs, so that its
 * label starts past the handle (which sits further from the tail on steep
 * arrows: handlePoint); undefined for an arrow without one.
 */
function handleMargin(a: ArrowLayout, aux: ChartAux): number | undefined {
  if (handleTarget(a, aux) === null) return undefined;
  const p = handlePoint(a);
  // the handle's square reaches up to √2 × half its size along any direction, and the labels' obstacles grow it by 1 px
  return Math.hypot(p.x - a.x1, p.y - a.y1) + (HANDLE_SIZE / 2 + 1) * Math.SQRT2 + 1;
}
