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
 *   head: its room. Arrows steeper than `maxAngle`, or with less than
 *   `minLength` px of room, get none (the tooltip and the inspector show the
 *   text).
 * - Its box is the rotated rectangle of the text (width × lines × `height`,
 *   grown by `gap`); it must not overlap a label placed before it or an
 *   obstacle (annotation boxes, other arrows' ends).
 * - The full text is tried first, in this order of forms (the first with a
 *   free position wins): one line within the room; one line reaching up to
 *   `overhang` px past the room on either side, across the empty space
 *   beside the arrow (it sits OVERHANG_LIFT px further out, so that it
 *   passes its own head's end box, which stays an obstacle like any other); then wrapped at spaces (a word longer than a
 *   line is broken) into at most `maxLines` lines of the room's width, then
 *   of the room plus the overhang, lines as even as that many allow. Lines
 *   stack away from the arrow.
 * - Positions tried per form: the middle of the room, then 30 %, 70 %,
 *   20 %, 80 % of it (a label longer than the room slides less), each above
 *   then below the arrow; none reaching above `minY` (the chart's top).
 * - When no full form is free: on screen (`footnotes` off) the request's
 *   `brief` texts (shorter by its protocol's stated rules: label-brief.ts)
 *   are tried in the same forms, longest first; then the briefest text is
 *   abbreviated by one rule — ellipsized to SHORTER shares of the room (never
 *   below `minWidth` px), cut after a whole word where one ends in its
 *   second half and that leaves `minWidth` px ("[SYN, ACK]…" rather than
 *   "[SYN, ACK] Se…"), never shorter than its first word ("[SY…") — else
 *   skipped; hover and the inspector have the
 *   rest. In exports (`footnotes` on) nothing is cut: the label becomes a
 *   marker "[n]" at a free position (at the first one when none is free),
 *   and the full text goes to footnote n; footnotes are numbered in request
 *   (layout, so time) order.
 * - Order: winners (the selected and the hovered arrow) first, always
 *   placed in full where their arrow has room for a label (at the first free
 *   position of a full form, else the first form's first position, over
 *   whatever is there); then by rank (lower first), ties in the order given —
 *   callers pass layout order, so the result does not depend on the order
 *   anything is painted.
 */
import { BoxGrid, boundsOf, rectBox, type Box } from './label-boxes';
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
  /** Shorter forms of `text` by its protocol's rules (label-brief.ts), shortest last: tried on screen before "…". */
  readonly brief?: readonly string[];
}

export interface PlacedLabel {
  readonly id: number;
  /** The text drawn, one line: the request's, ellipsized ("…") to fit, or a footnote marker "[n]"; `lines` joined by spaces. */
  readonly text: string;
  /** The lines drawn, top to bottom (one unless wrapped). */
  readonly lines: readonly string[];
  readonly font: string;
  /** Centre of the text block. */
  readonly x: number;
  readonly y: number;
  /** Rotation of the text, within ±maxAngle. */
  readonly angle: number;
  /** Width of the widest line. */
  readonly width: number;
  /** Height of the block: lines × the options' height. */
  readonly height: number;
  /** Abbreviated below the full text, to get clear of others (never in exports). */
  readonly shortened: boolean;
  /** Exports: the footnote number whose note has the full text (the label is its marker). */
  readonly footnote?: number;
  /** The request's full text. */
  readonly full: string;
}

export interface LabelPlacementOptions {
  /** Width of `text` in `font`, px. */
  readonly measure: (text: string, font: string) => number;
  /** Height of a label's line. */
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
  /** How far a one-line label may reach past its room on either side, px (0: not at all). */
  readonly overhang?: number;
  /** Lines a label may wrap to (1: none). */
  readonly maxLines?: number;
  /** Exports: never cut a label; move one that has no room in full to a numbered footnote. */
  readonly footnotes?: boolean;
  /** No label box may reach above this y (the top of the chart, under its header); default: no bound. */
  readonly minY?: number;
}

/** Where along the room a label's centre is tried, as shares of the room. */
export const LABEL_POSITIONS: readonly number[] = [0.5, 0.3, 0.7, 0.2, 0.8];
/** Shares of its width a label is shortened to when no position is free at full width. */
export const SHORTER: readonly number[] = [0.55, 0.3];
/**
 * How much further from the arrow an overhanging label sits, px: far enough
 * that its box passes its own head's end box (a square whose corner reaches
 * √2 × 5.5 px from the head at 45°) with the usual offset and gap.
 */
const OVERHANG_LIFT = 7;

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
  const marker = `[${requests.length}]`; // as wide as any footnote number
  const noted: number[] = [];
  for (const i of order) {
    const placed = placeOne(requests[i]!, grid, options, marker);
    if (placed) {
      if (placed.footnote !== undefined) noted.push(out.length);
      out.push(placed);
    }
  }
  if (noted.length === 0) return out;
  // footnotes numbered in request order
  const index = new Map(requests.map((r, i) => [r.id, i]));
  noted.sort((a, b) => index.get(out[a]!.id)! - index.get(out[b]!.id)!);
  noted.forEach((at, n) => {
    const text = `[${n + 1}]`;
    out[at] = { ...out[at]!, text, lines: [text], footnote: n + 1 };
  });
  return out;
}

interface Slot {
  readonly x: number;
  readonly y: number;
  readonly box: Box;
}

interface Form {
  readonly lines: readonly string[];
  readonly width: number;
  /** Reaches past the room: it sits OVERHANG_LIFT further out, clear of its own head. */
  readonly over: boolean;
}

function placeOne(r: LabelRequest, grid: BoxGrid, o: LabelPlacementOptions, marker: string): PlacedLabel | null {
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
  const line: Line = { lx, ly, cos: Math.cos(angle), sin: Math.sin(angle), angle, from, to };
  const make = (slot: Slot, lines: readonly string[], w: number, shortened: boolean, footnote?: number): PlacedLabel => {
    grid.add(slot.box);
    const text = lines.join(' ');
    return { id: r.id, text, lines, font: r.font, x: slot.x, y: slot.y, angle, width: w, height: lines.length * o.height, shortened, full: r.text, ...(footnote === undefined ? {} : { footnote }) };
  };
  const forms = fullForms(r.text, r.font, room, o);
  let first: { slot: Slot; form: Form } | null = null;
  for (const form of forms) {
    const found = freeSlot(line, form, grid, o);
    first ??= { slot: found.first, form };
    if (found.free) return make(found.free, form.lines, form.width, false);
  }
  if (r.wins && first) return make(first.slot, first.form.lines, first.form.width, false);
  if (o.footnotes) {
    const w = Math.min(room, o.measure(marker, r.font));
    const found = freeSlot(line, { lines: [marker], width: w, over: false }, grid, o);
    return make(found.free ?? found.first, [marker], w, false, 0);
  }
  // the protocol's shorter forms, in full
  const brief = r.brief ?? [];
  for (const text of brief) {
    for (const form of fullForms(text, r.font, room, o)) {
      const found = freeSlot(line, form, grid, o);
      if (found.free) return make(found.free, form.lines, form.width, true);
    }
  }
  // abbreviated: the briefest text cut to the room, then to SHORTER shares of it
  const base = brief.length > 0 ? brief[brief.length - 1]! : r.text;
  const width = Math.min(room, o.measure(base, r.font));
  const firstWordLength = base.trimStart().split(' ')[0]!.length;
  for (const share of [1, ...SHORTER]) {
    const target = share === 1 ? room : Math.max(o.minWidth, width * share);
    if (share !== 1 && target >= width) continue;
    let short = fitWords(o.measure, r.font, base, target);
    if (o.measure(short, r.font) < o.minWidth) short = fitText(o.measure, r.font, base, target); // the word cut left too little
    if (short === '' || short === r.text) continue;
    if (short.length - 1 < firstWordLength) continue; // "[SY…" says nothing: better no label (hover has it)
    const w = Math.min(target, o.measure(short, r.font));
    const found = freeSlot(line, { lines: [short], width: w, over: false }, grid, o);
    if (found.free || (r.wins && forms.length === 0)) return make(found.free ?? found.first, [short], w, true);
  }
  return null;
}

/** A whole text's forms, in the order tried: one line in the room, one line overhanging, wrapped in the room, wrapped with the overhang. */
function fullForms(text: string, font: string, room: number, o: LabelPlacementOptions): Form[] {
  const measure = (t: string) => o.measure(t, font);
  const width = measure(text);
  if (width <= room) return [{ lines: [text], width, over: false }];
  const overhang = o.overhang ?? 0;
  const forms: Form[] = [];
  if (width <= room + 2 * overhang) forms.push({ lines: [text], width, over: true });
  const maxLines = o.maxLines ?? 1;
  if (maxLines > 1) {
    for (const [w, over] of [[room, false], [room + 2 * overhang, true]] as const) {
      if (over && overhang <= 0) continue;
      const lines = balancedWrap(measure, text, w);
      if (lines.length > maxLines || lines.length < 2) continue;
      const widest = Math.max(...lines.map(measure));
      forms.push({ lines, width: widest, over: over && widest > room });
    }
  }
  return forms;
}

/** wrapText at the narrowest width (to 1 px) that needs no more lines than `width` does: lines of even length. */
function balancedWrap(measure: (text: string) => number, text: string, width: number): string[] {
  const lines = wrapText(measure, text, width);
  let lo = Math.ceil(measure(text) / lines.length);
  let hi = Math.floor(width);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wrapText(measure, text, mid).length <= lines.length) hi = mid;
    else lo = mid + 1;
  }
  return hi < width ? wrapText(measure, text, hi) : lines;
}

/**
 * `text` broken into lines of at most `width` px at spaces, greedily; a
 * word wider than a line is broken between characters.
 */
export function wrapText(measure: (text: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const joined = current === '' ? word : `${current} ${word}`;
    if (measure(joined) <= width) {
      current = joined;
      continue;
    }
    if (current !== '') lines.push(current);
    current = word;
    while (measure(current) > width && current.length > 1) {
      let cut = current.length - 1;
      while (cut > 1 && measure(current.slice(0, cut)) > width) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current !== '') lines.push(current);
  return lines;
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

/** The first candidate position of a form that overlaps nothing placed (and the first candidate, free or not). */
function freeSlot(line: Line, form: Form, grid: BoxGrid, o: LabelPlacementOptions): { free: Slot | null; first: Slot } {
  let first: Slot | null = null;
  let last = NaN;
  const width = form.width;
  const reach = form.over ? (o.overhang ?? 0) : 0;
  const lo = line.from - reach + width / 2;
  const hi = line.to + reach - width / 2;
  const blockHeight = form.lines.length * o.height;
  // the centre of the block: its nearest line `offset` from the arrow, the rest stacked away from it
  const away = o.offset + (form.over ? OVERHANG_LIFT : 0) + (blockHeight - o.height) / 2;
  for (const share of LABEL_POSITIONS) {
    const s = Math.max(lo, Math.min(hi, line.from + share * (line.to - line.from)));
    if (Math.abs(s - last) < 2) continue; // the room is barely wider than the label: the same place again
    last = s;
    for (let side = -1; side <= 1; side += 2) {
      const x = line.lx + line.cos * s - line.sin * side * away;
      const y = line.ly + line.sin * s + line.cos * side * away;
      const box: Box = { cx: x, cy: y, hw: (width + o.gap) / 2, hh: (blockHeight + o.gap) / 2, cos: line.cos, sin: line.sin };
      const slot = { x, y, box };
      first ??= slot;
      if (o.minY !== undefined && y - boundsOf(box).ey < o.minY) continue; // cut off by the top of the chart
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
