/**
 * Arrows and their labels. An arrow is coloured by protocol; its tail
 * carries a small badge coloured by connection (messages of one connection
 * share it); delivered arrows end in a head, lost ones in a cross, in-flight
 * ones are dashed. The selected arrow is drawn last, thicker, with a halo.
 * Messages after the playback cursor are faded (alpha 0.15) or skipped.
 * Labels run along the arrow (rotated to its slope) above or below its
 * middle, ellipsized to the arrow's length, and skipped where they would
 * overlap a label already placed (the hover tooltip shows them in full).
 * Where arrows are denser than one per LABEL_SPACING_PX of height, only the
 * selected arrow is labelled. Above DENSE_ARROWS visible arrows, only the
 * lines are drawn, in one path per colour.
 */
import { connectionColor, protocolColor, type ChartPalette } from '../../src-core/chart/colors';
import type { ArrowLayout, ChartLayout } from '../../src-core/chart/layout';
import { chartAux, handlePoint, handleTarget, HANDLE_SIZE, type ChartAux, type Point } from './geometry';
import { LabelGrid } from './label-grid';
import { ellipsizeIn, textWidth } from './text-width';
import type { PaintContext, PaintResult } from './paint';

export const DENSE_ARROWS = 2500;
export const FADED_ALPHA = 0.15;
const LABEL_HEIGHT = 12;
/**
 * Below this many px of chart height per visible arrow, arrows start closer
 * together than a label is tall: a label could not be told from its
 * neighbours' (and drawing them costs more than a frame), so only the
 * selected arrow keeps its label; the tooltip and the inspector have the rest.
 */
export const LABEL_SPACING_PX = 12;

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
 * selected arrow is labelled.
 */
export function paintArrows(ctx: PaintContext, input: Input, visible: readonly ArrowLayout[], bandHeight = Infinity): PaintResult {
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
  const labelled = !input.options.labels ? [] : crowded ? (selected ? paintLabels(ctx, input, [selected], selected) : []) : paintLabels(ctx, input, shown, selected);
  return { drawn, labelled };
}

function alphaOf(input: Input, id: number): number {
  return input.isRevealed === undefined || input.isRevealed(id) ? 1 : FADED_ALPHA;
}

function paintArrow(ctx: PaintContext, input: Input, aux: ChartAux, a: ArrowLayout, selected: boolean): void {
  const { palette } = input;
  const color = protocolColor(a.protocol, palette.theme);
  const hovered = a.id === input.hoverId;
  const width = (a.layer === 'application' ? 2 : 1.4) + (selected ? 1.6 : hovered ? 0.8 : 0);
  ctx.globalAlpha = alphaOf(input, a.id);
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
  const head = a.state === 'lost' ? 0 : 7 + width;
  line(ctx, a.x1, a.y1, a.x2 - Math.cos(angle) * head * 0.8, a.y2 - Math.sin(angle) * head * 0.8);
  if (dashed) ctx.setLineDash([]);
  if (a.state === 'lost') cross(ctx, a.x2, a.y2, palette.lost);
  else arrowHead(ctx, a.x2, a.y2, angle, head, color);
  if (a.connection !== null) {
    ctx.fillStyle = connectionColor(aux.connections.get(a.connection) ?? 0, palette.theme);
    ctx.beginPath();
    ctx.arc(a.x1, a.y1, 3.5, 0, Math.PI * 2);
    ctx.fill();
  }
  const target = handleTarget(a, aux);
  if (target !== null) paintHandle(ctx, handlePoint(a), a.expandable, color, palette);
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
  return { drawn: shown.map((a) => a.id), labelled: [] };
}

function paintLabels(ctx: PaintContext, input: Input, shown: readonly ArrowLayout[], selected: ArrowLayout | null): number[] {
  const placed = new LabelGrid(LABEL_HEIGHT);
  const labelled: number[] = [];
  // where labels compete, the telling ones win: application data, then SYN/FIN/RST and data segments, then bare ACKs
  // (three buckets in drawing order: the same as a stable sort by rank)
  const ranked: ArrowLayout[][] = [[], [], []];
  for (const a of shown) if (a !== selected) ranked[labelRank(a)]!.push(a);
  const order = selected ? [selected, ...ranked[0]!, ...ranked[1]!, ...ranked[2]!] : [...ranked[0]!, ...ranked[1]!, ...ranked[2]!];
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.lineJoin = 'round';
  const fonts = { current: '' };
  for (const a of order) {
    if (input.isRevealed && !input.isRevealed(a.id)) continue;
    if (paintLabel(ctx, input, a, a === selected, placed, fonts)) labelled.push(a.id);
  }
  return labelled;
}

const LABEL_FONT = '11.5px system-ui, sans-serif';
const BOLD_LABEL_FONT = `600 ${LABEL_FONT}`;

function paintLabel(ctx: PaintContext, input: Input, a: ArrowLayout, selected: boolean, placed: LabelGrid, fonts: { current: string }): boolean {
  // read left to right: orient the text along the arrow's rightward direction
  const ltr = a.x1 <= a.x2;
  const lx = ltr ? a.x1 : a.x2;
  const ly = ltr ? a.y1 : a.y2;
  const rx = ltr ? a.x2 : a.x1;
  const ry = ltr ? a.y2 : a.y1;
  const angle = Math.atan2(ry - ly, rx - lx);
  if (Math.abs(angle) > 1.2) return false; // too steep to read along: the tooltip has it
  const length = Math.hypot(rx - lx, ry - ly) - 36;
  if (length < 40) return false;
  const font = a.layer === 'application' || selected ? BOLD_LABEL_FONT : LABEL_FONT;
  if (fonts.current !== font) {
    ctx.font = font; // set only when it changes: parsing a font is not free
    fonts.current = font;
  }
  const { text, half } = labelText(ctx, a, font, length);
  const mx = (lx + rx) / 2;
  const my = (ly + ry) / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let side = -1; side <= 1; side += 2) {
    const off = side * (LABEL_HEIGHT / 2 + 2);
    const cx = mx - sin * off;
    const cy = my + cos * off;
    const from = { x: cx - cos * half, y: cy - sin * half };
    const to = { x: cx + cos * half, y: cy + sin * half };
    if (!selected && placed.near(from, to)) continue;
    placed.add(from, to);
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate(angle);
    ctx.strokeStyle = input.palette.background;
    ctx.lineWidth = 3;
    ctx.strokeText(text, 0, 0);
    ctx.fillStyle = selected ? input.palette.text : protocolColor(a.protocol, input.palette.theme);
    ctx.fillText(text, 0, 0);
    ctx.restore();
    return true;
  }
  return false;
}

interface LabelText {
  readonly font: string;
  readonly text: string;
  /** Half the width it takes on the arrow. */
  readonly half: number;
}

/** Per measuring context, each arrow's label as last fitted (an arrow's length is fixed per layout). */
const labelTexts = new WeakMap<object, WeakMap<ArrowLayout, LabelText>>();

function labelText(ctx: PaintContext, a: ArrowLayout, font: string, length: number): LabelText {
  let byArrow = labelTexts.get(ctx);
  if (!byArrow) labelTexts.set(ctx, (byArrow = new WeakMap()));
  const cached = byArrow.get(a);
  if (cached && cached.font === font) return cached;
  const text = ellipsizeIn(ctx, font, chartLabel(a.label), length);
  const fitted = { font, text, half: Math.min(length, textWidth(ctx, font, text)) / 2 };
  byArrow.set(a, fitted);
  return fitted;
}

const rankCache = new WeakMap<ArrowLayout, number>();

function labelRank(a: ArrowLayout): 0 | 1 | 2 {
  if (a.layer === 'application') return 0;
  if (a.carries.length > 0) return 1;
  let rank = rankCache.get(a);
  if (rank === undefined) {
    rank = /\[(SYN|FIN|RST)/.test(a.label) || /\b(SYN|FIN|RST)\b/.test(a.label) ? 1 : 2;
    rankCache.set(a, rank);
  }
  return rank as 1 | 2;
}

const PORTS = /^\d+ → \d+ /;

/** The label drawn on an arrow: the ports, the same on every segment of a connection, are left to the inspector and the tooltip. */
export function chartLabel(label: string): string {
  return label.replace(PORTS, '');
}

/** `text` cut to fit `width` px in the context's current font, with "…" (widths cached: text-width.ts). */
export function ellipsize(ctx: Pick<PaintContext, 'measureText' | 'font'>, text: string, width: number): string {
  return ellipsizeIn(ctx, ctx.font, text, width);
}
