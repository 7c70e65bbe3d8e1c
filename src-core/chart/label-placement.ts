/**
 * Where arrow labels go, so that no two overlap and none covers an
 * annotation: pure (no DOM), shared by the canvas painter and the SVG
 * exporter, each passing its own text-width function. Lengths are chart px,
 * angles radians with y pointing down.
 *
 * Rules:
 * - A label runs along its arrow, rotated to read left to right, on a line
 *   `offset` px above (else below) the arrow, between `tailMargin` px from
 *   its tail (connection badge, expand handle) and `headMargin` px from its
 *   head. Arrows steeper than `maxAngle`, or with less than `minLength` px
 *   of room, get none (the tooltip and the inspector show the text).
 * - Its box is the rotated rectangle of the text (width × `height`, grown by
 *   `gap`); it must not overlap a label placed before it or an obstacle
 *   (annotation boxes).
 * - Positions tried, in order: the middle of the room, then 30 %, 70 %,
 *   20 %, 80 % of it (a label longer than the room allows slides less), each
 *   above then below the arrow. If none is free, the same with the text
 *   ellipsized to SHORTER shares of its width (never below `minWidth` px),
 *   cut after a whole word where one ends in its second half and that
 *   leaves `minWidth` px ("[SYN, ACK]…" rather than "[SYN, ACK] Se…");
 *   else the label is skipped.
 * - Order: winners (the selected and the hovered arrow) first, always
 *   placed where their arrow has room for a label (at the first free
 *   position, else the first position, over whatever is there); then by
 *   rank (lower first), ties in the order given — callers pass layout
 *   order, so the result does not depend on the order anything is painted.
 */
import { BoxGrid, rectBox, type Box } from './label-boxes';
import type { ArrowLayout } from './layout';

export interface LabelRequest {
  /** The arrow's id. */
  readonly id: number;
  /** The arrow, tail (x1, y1) to head (x2, y2). */
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly text: string;
  /** Passed to `measure` as it is (a CSS font, or a size key). */
  readonly font: string;
  /** Selected or hovered: placed first, and drawn even where it overlaps. */
  readonly wins: boolean;
  /** Lower ranks are placed before higher ones. */
  readonly rank: number;
  /** This arrow's tail margin when it needs more than the options' (a handle near its tail), px. */
  readonly tailMargin?: number;
}

export interface PlacedLabel {
  readonly id: number;
  /** The text drawn: the request's, or ellipsized ("…") to fit. */
  readonly text: string;
  readonly font: string;
  /** Centre of the text. */
  readonly x: number;
  readonly y: number;
  /** Rotation of the text, within ±maxAngle. */
  readonly angle: number;
  /** Width of the text. */
  readonly width: number;
  /** Shortened below what the arrow has room for, to get clear of others. */
  readonly shortened: boolean;
}

export interface LabelPlacementOptions {
  /** Width of `text` in `font`, px. */
  readonly measure: (text: string, font: string) => number;
  /** Height of a label's box. */
  readonly height: number;
  /** From the arrow to the centre line of its label. */
  readonly offset: number;
  readonly tailMargin: number;
  readonly headMargin: number;
  readonly minLength: number;
  readonly minWidth: number;
  readonly maxAngle: number;
  /** Added to each label box's width and height: the space kept between labels. */
  readonly gap: number;
}

/** Where along the room a label's centre is tried, as shares of the room. */
export const LABEL_POSITIONS: readonly number[] = [0.5, 0.3, 0.7, 0.2, 0.8];
/** Shares of its width a label is shortened to when no position is free at full width. */
export const SHORTER: readonly number[] = [0.55, 0.3];

/** Labels placed, in placement order; requests that got no room are left out. */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], options: LabelPlacementOptions): PlacedLabel[] {
  const grid = new BoxGrid();
  for (const o of obstacles) grid.add(o);
  const order = requests.map((_, i) => i);
  order.sort((i, j) => {
    const a = requests[i]!;
    const b = requests[j]!;
    return Number(b.wins) - Number(a.wins) || (a.wins ? 0 : a.rank - b.rank) || i - j;
  });
  const out: PlacedLabel[] = [];
  for (const i of order) {
    const placed = placeOne(requests[i]!, grid, options);
    if (placed) out.push(placed);
  }
  return out;
}

interface Slot {
  readonly x: number;
  readonly y: number;
  readonly box: Box;
}

function placeOne(r: LabelRequest, grid: BoxGrid, o: LabelPlacementOptions): PlacedLabel | null {
  // read left to right: the text's axis runs from the arrow's left end to its right end
  const ltr = r.x1 <= r.x2;
  const lx = ltr ? r.x1 : r.x2;
  const ly = ltr ? r.y1 : r.y2;
  const angle = Math.atan2((ltr ? r.y2 : r.y1) - ly, (ltr ? r.x2 : r.x1) - lx);
  if (Math.abs(angle) > o.maxAngle) return null;
  const length = Math.hypot(r.x2 - r.x1, r.y2 - r.y1);
  const tail = Math.max(o.tailMargin, r.tailMargin ?? 0);
  const from = ltr ? tail : o.headMargin;
  const to = length - (ltr ? o.headMargin : tail);
  const room = to - from;
  if (room < o.minLength) return null;
  const line = { lx, ly, cos: Math.cos(angle), sin: Math.sin(angle), angle, from, to };
  const text = fitText(o.measure, r.font, r.text, room);
  if (text === '') return null;
  const width = Math.min(room, o.measure(text, r.font));
  const make = (slot: Slot, t: string, w: number, shortened: boolean): PlacedLabel => {
    grid.add(slot.box);
    return { id: r.id, text: t, font: r.font, x: slot.x, y: slot.y, angle, width: w, shortened };
  };
  const full = freeSlot(line, width, grid, o);
  if (full.free) return make(full.free, text, width, false);
  for (const share of SHORTER) {
    const target = Math.max(o.minWidth, width * share);
    if (target >= width) continue;
    let short = fitWords(o.measure, r.font, r.text, target);
    if (o.measure(short, r.font) < o.minWidth) short = fitText(o.measure, r.font, r.text, target); // the word cut left too little
    if (short === '') continue;
    const w = Math.min(target, o.measure(short, r.font));
    const slot = freeSlot(line, w, grid, o).free;
    if (slot) return make(slot, short, w, true);
  }
  return r.wins ? make(full.first, text, width, false) : null;
}

interface Line {
  readonly lx: number;
  readonly ly: number;
  readonly cos: number;
  readonly sin: number;
  readonly angle: number;
  /** The room along the line, from its left end. */
  readonly from: number;
  readonly to: number;
}

/** The first candidate position of a `width`-px label that overlaps nothing placed (and the first candidate, free or not). */
function freeSlot(line: Line, width: number, grid: BoxGrid, o: LabelPlacementOptions): { free: Slot | null; first: Slot } {
  let first: Slot | null = null;
  let last = NaN;
  const lo = line.from + width / 2;
  const hi = line.to - width / 2;
  for (const share of LABEL_POSITIONS) {
    const s = Math.max(lo, Math.min(hi, line.from + share * (line.to - line.from)));
    if (Math.abs(s - last) < 2) continue; // the room is barely wider than the label: the same place again
    last = s;
    for (let side = -1; side <= 1; side += 2) {
      const x = line.lx + line.cos * s - line.sin * side * o.offset;
      const y = line.ly + line.sin * s + line.cos * side * o.offset;
      const box: Box = { cx: x, cy: y, hw: (width + o.gap) / 2, hh: (o.height + o.gap) / 2, cos: line.cos, sin: line.sin };
      const slot = { x, y, box };
      first ??= slot;
      if (!grid.overlaps(box)) return { free: slot, first };
    }
  }
  return { free: null, first: first! };
}

/**
 * `text` cut to fit `width` px in `font`, ending in "…" (binary search on
 * the cut point); '' when not even one character fits.
 */
export function fitText(measure: (text: string, font: string) => number, font: string, text: string, width: number): string {
  if (measure(text, font) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${text.slice(0, mid)}…`, font) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${text.slice(0, lo)}…`;
}

/**
 * Squares `2 × half` px wide around the arrows' ends — heads, the crosses
 * of lost messages, connection badges at tails — that other arrows' labels
 * keep clear of. `half` must stay below the margins (less the gap) so that
 * an arrow's own label, kept between them, never meets its own ends.
 */
export function arrowEndBoxes(arrows: Iterable<ArrowLayout>, half: number): Box[] {
  const out: Box[] = [];
  for (const a of arrows) out.push(rectBox(a.x1 - half, a.y1 - half, 2 * half, 2 * half), rectBox(a.x2 - half, a.y2 - half, 2 * half, 2 * half));
  return out;
}

/** fitText, but a cut text ends after a whole word when that keeps at least half of it. */
export function fitWords(measure: (text: string, font: string) => number, font: string, text: string, width: number): string {
  const cut = fitText(measure, font, text, width);
  if (cut === text || cut === '') return cut;
  const kept = cut.slice(0, -1);
  if ((kept.endsWith(' ') || text[kept.length] === ' ') && kept.trim() !== '') return `${kept.trimEnd()}…`; // cut at the end of a word
  const space = kept.lastIndexOf(' ');
  return space < kept.length / 2 ? cut : `${kept.slice(0, space).trimEnd()}…`;
}

/**
 * Where labels compete, the telling ones win: application data (0), then
 * SYN/FIN/RST and data segments (1), then bare ACKs and the rest (2).
 */
export function labelRank(a: ArrowLayout): 0 | 1 | 2 {
  if (a.layer === 'application') return 0;
  if (a.carries.length > 0) return 1;
  let rank = rankCache.get(a);
  if (rank === undefined) {
    rank = /\[(SYN|FIN|RST)/.test(a.label) || /\b(SYN|FIN|RST)\b/.test(a.label) ? 1 : 2;
    rankCache.set(a, rank);
  }
  return rank as 1 | 2;
}

const rankCache = new WeakMap<ArrowLayout, number>();
const PORTS = /^\d+ → \d+ /;
const textCache = new WeakMap<ArrowLayout, string>();

/** The text written on an arrow: its label without the leading ports, the same on every segment of a connection (tooltips and the inspector show them). */
export function labelText(a: ArrowLayout): string {
  let text = textCache.get(a);
  if (text === undefined) textCache.set(a, (text = a.label.replace(PORTS, '')));
  return text;
}
