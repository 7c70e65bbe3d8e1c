/**
 * Arrows and their labels. An arrow is coloured by protocol; its tail
 * carries a small badge coloured by connection (messages of one connection
 * share it); delivered arrows end in a head, lost ones in a cross, those the
 * receiving host discarded (no socket on the port) in a hollow circle ○
 * on the receiver's lane, in-flight ones are dashed. A burst's bundle (bursts.ts)
 * is a thicker arrow from the first send to the last arrival over a pale
 * band between its first and last member's lines, with a "×N +" badge that
 * expands it (an open burst's first member has "×N −"). The selected arrow is drawn last, thicker, with a halo.
 * Messages after the playback cursor are faded (alpha 0.15, raised where
 * that would fall below 3:1 against the background: colors.ts fadedAlpha) or skipped.
 * Labels (paint-labels.ts) run along the arrow, clear of each other, of the
 * annotations and of other arrows' ends and handles. Where arrows are denser than one per LABEL_SPACING_PX of
 * height, only the selected and hovered arrows are labelled. Above
 * DENSE_ARROWS visible arrows, only the lines are drawn, in one path per
 * colour.
 */
import { connectionColor, fadedAlpha, FADED_MIN_ALPHA, protocolColor, type ChartPalette } from '../../src-core/chart/colors';
import { rectBox, type Box } from '../../src-core/chart/label-boxes';
import { burstBadge, BADGE_FONT_PX, type BurstBadge } from '../../src-core/chart/bursts';
import { arrowEndBoxes } from '../../src-core/chart/label-placement';
import type { ArrowLayout, ChartLayout } from '../../src-core/chart/layout';
import { chartAux, handlePoint, handleTarget, HANDLE_SIZE, type ChartAux, type Point } from './geometry';
import { paintLabels } from './paint-labels';
import type { PaintContext, PaintResult } from './paint';

export const DENSE_ARROWS = 2500;
export const FADED_ALPHA = FADED_MIN_ALPHA;
/**
 * Below this many px of chart height per visible arrow, arrows start closer
 * together than a label is tall: a label could not be told from its
 * neighbours' (and drawing them costs more than a frame), so only the
 * selected (and hovered) arrow keeps its label; the tooltip and the
 * inspector have the rest.
 */
export const LABEL_SPACING_PX = 12;

/** How far above or below its arrow's ends a label may reach (px): offset and half its height, with room to spare. */
const LABEL_REACH = 24;

export interface ArrowPaintState {
  readonly selectedId: number | null;
  readonly hoverId: number | null;
  /** Whether a message is at or before the playback cursor; undefined: everything revealed. */
  readonly isRevealed?: (id: number) => boolean;
  readonly afterCursor: 'hide' | 'fade';
}

interface Input extends ArrowPaintState {
  readonly layout: ChartLayout;
  readonly palette: ChartPalette;
  readonly options: { readonly labels: boolean };
}

/**
 * `bandHeight`: height of the band the visible arrows were taken from (px);
 * where arrows start on average closer than LABEL_SPACING_PX, only the
 * selected and hovered arrows are labelled. `obstacles(top, bottom)`: the
 * boxes labels keep clear of (annotations) in that band of chart y, asked
 * only when there are labels to place, for the band they span.
 */
export function paintArrows(
  ctx: PaintContext,
  input: Input,
  visible: readonly ArrowLayout[],
  bandHeight = Infinity,
  obstacles: (top: number, bottom: number) => readonly Box[] = () => [],
): PaintResult {
  const aux = chartAux(input.layout);
  const shown = input.isRevealed === undefined || input.afterCursor === 'fade' ? visible : visible.filter((a) => input.isRevealed!(a.id));
  if (shown.length > DENSE_ARROWS) return paintDense(ctx, input, shown);
  const drawn: number[] = [];
  let selected: ArrowLayout | null = null;
  // the state every arrow starts from (paintArrow leaves it so): no dash, butt caps
  ctx.setLineDash([]);
  ctx.lineCap = 'butt';
  for (const a of shown) {
    if (a.id === input.selectedId) selected = a;
    else paintArrow(ctx, input, aux, a, false);
    drawn.push(a.id);
  }
  if (selected) paintArrow(ctx, input, aux, selected, true);
  ctx.globalAlpha = 1;
  const crowded = shown.length * LABEL_SPACING_PX > bandHeight;
  const labelledArrows = crowded ? shown.filter((a) => a.id === input.selectedId || a.id === input.hoverId) : shown;
  if (!input.options.labels || labelledArrows.length === 0) return { drawn, labelled: [], labels: [], obstacles: [] };
  let top = Infinity;
  let bottom = -Infinity;
  for (const a of labelledArrows) {
    top = Math.min(top, a.y1, a.y2);
    bottom = Math.max(bottom, a.y1, a.y2);
  }
  const boxes = [...obstacles(top - LABEL_REACH, bottom + LABEL_REACH), ...markBoxes(aux, shown, top - LABEL_REACH, bottom + LABEL_REACH)];
  const labels = paintLabels(ctx, input, labelledArrows, boxes);
  return { drawn, labelled: labels.map((l) => l.id), labels, obstacles: boxes };
}

/** Boxes of the ends and expand/collapse handles of the arrows in the band [top, bottom]: labels keep clear of them. */
function markBoxes(aux: ChartAux, arrows: readonly ArrowLayout[], top: number, bottom: number): Box[] {
  const near = arrows.filter((a) => Math.max(a.y1, a.y2) >= top && Math.min(a.y1, a.y2) <= bottom);
  const boxes = arrowEndBoxes(near, 6); // over heads' tips, crosses (12 px) and badges; labels' own margins (24, 14 px) keep clear of their own
  const h = HANDLE_SIZE / 2 + 1;
  for (const a of near) {
    if (handleTarget(a, aux) === null) continue;
    const p = handlePoint(a);
    boxes.push(rectBox(p.x - h, p.y - h, 2 * h, 2 * h));
  }
  for (const a of near) {
    const badge = burstBadge(a);
    if (badge) boxes.push(rectBox(badge.x - badge.width / 2 - 1, badge.y - badge.height / 2 - 1, badge.width + 2, badge.height + 2));
  }
  return boxes;
}

function alphaOf(input: Input, a: ArrowLayout): number {
  return input.isRevealed === undefined || input.isRevealed(a.id) ? 1 : fadedAlpha(protocolColor(a.protocol, input.palette.theme), input.palette.theme);
}

function paintArrow(ctx: PaintContext, input: Input, aux: ChartAux, a: ArrowLayout, selected: boolean): void {
  const { palette } = input;
  const color = protocolColor(a.protocol, palette.theme);
  const hovered = a.id === input.hoverId;
  const bundle = a.burst !== undefined && !a.burst.open;
  const width = (a.layer === 'application' ? 2 : 1.4) + (bundle ? 1.6 : 0) + (selected ? 1.6 : hovered ? 0.8 : 0);
  ctx.globalAlpha = alphaOf(input, a);
  if (bundle) paintBand(ctx, a, color);
  if (selected) {
    ctx.strokeStyle = palette.halo;
    ctx.lineWidth = width + 7;
    ctx.lineCap = 'round';
    line(ctx, a.x1, a.y1, a.x2, a.y2);
    ctx.lineCap = 'butt';
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  const dashed = a.state === 'in-flight';
  if (dashed) ctx.setLineDash([6, 4]);
  const angle = Math.atan2(a.y2 - a.y1, a.x2 - a.x1);
  const head = a.state === 'lost' ? 0 : a.state === 'discarded' ? DISCARD_RADIUS / 0.8 : 7 + width;
  line(ctx, a.x1, a.y1, a.x2 - Math.cos(angle) * head * 0.8, a.y2 - Math.sin(angle) * head * 0.8);
  if (dashed) ctx.setLineDash([]);
  if (a.state === 'lost') cross(ctx, a.x2, a.y2, palette.lost);
  else if (a.state === 'discarded') discardMark(ctx, a.x2, a.y2, color, palette.background);
  else arrowHead(ctx, a.x2, a.y2, angle, head, color);
  if (a.connection !== null) {
    ctx.fillStyle = connectionColor(aux.connections.get(a.connection) ?? 0, palette.theme);
    ctx.beginPath();
    ctx.arc(a.x1, a.y1, 3.5, 0, Math.PI * 2);
    ctx.fill();
  }
  const target = handleTarget(a, aux);
  if (target !== null) paintHandle(ctx, handlePoint(a), a.expandable, color, palette);
  const badge = burstBadge(a);
  if (badge) paintBadge(ctx, badge, color, palette);
}

/** Opacity of a bundle's band: the lines of other messages stay visible through it. */
const BAND_ALPHA = 0.16;

/** A bundle's band: between its first member's line (y1 → firstY2) and its last member's (lastY1 → y2). */
function paintBand(ctx: PaintContext, a: ArrowLayout, color: string): void {
  const b = a.burst!;
  const alpha = ctx.globalAlpha;
  ctx.globalAlpha = alpha * BAND_ALPHA;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(a.x1, a.y1);
  ctx.lineTo(a.x2, b.firstY2);
  ctx.lineTo(a.x2, a.y2);
  ctx.lineTo(a.x1, b.lastY1);
  ctx.closePath();
  ctx.fill();
  ctx.globalAlpha = alpha;
}

/** The "×N +" / "×N −" badge: a rounded box in the background colour, outlined and written in the arrow's. */
function paintBadge(ctx: PaintContext, badge: BurstBadge, color: string, palette: ChartPalette): void {
  const x = badge.x - badge.width / 2;
  const y = badge.y - badge.height / 2;
  ctx.fillStyle = palette.background;
  ctx.fillRect(x, y, badge.width, badge.height);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.2;
  ctx.strokeRect(x + 0.5, y + 0.5, badge.width - 1, badge.height - 1);
  ctx.fillStyle = color;
  ctx.font = `700 ${BADGE_FONT_PX}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(badge.text, badge.x, badge.y + 0.5);
}

/** Radius of the discarded end's circle, px. */
export const DISCARD_RADIUS = 4.5;

/** The end of a message the receiving host discarded: a hollow circle ○ on the receiver's lane. */
export function discardMark(ctx: PaintContext, x: number, y: number, color: string, background: string): void {
  ctx.fillStyle = background;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(x, y, DISCARD_RADIUS, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
}
function line(ctx: PaintContext, x1: number, y1: number, x2: number, y2: number): void {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

function arrowHead(ctx: PaintContext, x: number, y: number, angle: number, size: number, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x - size * Math.cos(angle - 0.4), y - size * Math.sin(angle - 0.4));
  ctx.lineTo(x - size * Math.cos(angle + 0.4), y - size * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
}

/** The end of a lost message: an ✕. */
export function cross(ctx: PaintContext, x: number, y: number, color: string): void {
  const r = 6;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.stroke();
}

/** ⊞ (expand into transport messages) or ⊟ (collapse). */
function paintHandle(ctx: PaintContext, p: Point, expand: boolean, color: string, palette: ChartPalette): void {
  const h = HANDLE_SIZE / 2;
  ctx.fillStyle = palette.background;
  ctx.fillRect(p.x - h, p.y - h, HANDLE_SIZE, HANDLE_SIZE);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.2;
  ctx.strokeRect(p.x - h + 0.5, p.y - h + 0.5, HANDLE_SIZE - 1, HANDLE_SIZE - 1);
  ctx.beginPath();
  ctx.moveTo(p.x - h + 3, p.y);
  ctx.lineTo(p.x + h - 3, p.y);
  if (expand) {
    ctx.moveTo(p.x, p.y - h + 3);
    ctx.lineTo(p.x, p.y + h - 3);
  }
  ctx.stroke();
}

function paintDense(ctx: PaintContext, input: Input, shown: readonly ArrowLayout[]): PaintResult {
  const byColor = new Map<string, ArrowLayout[]>();
  for (const a of shown) {
    const key = a.state === 'lost' ? input.palette.lost : protocolColor(a.protocol, input.palette.theme);
    (byColor.get(key) ?? byColor.set(key, []).get(key)!).push(a);
  }
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  for (const [color, arrows] of byColor) {
    ctx.strokeStyle = color;
    ctx.beginPath();
    for (const a of arrows) {
      ctx.moveTo(a.x1, a.y1);
      ctx.lineTo(a.x2, a.y2);
    }
    ctx.stroke();
  }
  return { drawn: shown.map((a) => a.id), labelled: [], labels: [], obstacles: [] };
}
