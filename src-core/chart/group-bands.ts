/**
 * Where the bands of "TCP handshake" / "TCP close" groups and their
 * captions go (pure; chart px, y down). Painted by the canvas painter and
 * the SVG exporter alike.
 *
 * Rules:
 * - A band spans its connection's two endpoint lanes only, from the
 *   leftmost to the rightmost, BAND_MARGIN px beyond each, and BAND_PAD px
 *   above its first message and below its last.
 * - Bands that meet (in time and across lanes) nest: taken in order of
 *   their top (then list order), each gets the smallest depth no earlier
 *   band it meets has, and every depth insets the band's sides by
 *   BAND_INSET px (down to MAX_DEPTH), so two bands' edges never coincide.
 * - A caption sits left-aligned on the band's top-left corner, just above
 *   its top edge. Taken in the same order, a caption that would overlap
 *   captions placed before stacks on top of them (CAPTION_HEIGHT px rows),
 *   in at most CAPTION_ROWS tries; after that the band has no caption (its
 *   tint and outline, in its connection's colour, still tell it apart).
 *   Caption widths are estimated at CAPTION_CHAR_PX a character, wider
 *   than the 10.5 px italic font draws.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GroupSpec {
  /** Lane indexes of the connection's endpoints, leftmost first. */
  readonly lanes: readonly [number, number];
  /** First and last message of the group (y of the first send, of the last arrival). */
  readonly y1: number;
  readonly y2: number;
  readonly label: string;
}

export interface GroupBand {
  readonly band: Rect;
  readonly caption: Rect | null;
  readonly depth: number;
}

export const BAND_MARGIN = 24;
export const BAND_INSET = 6;
export const MAX_DEPTH = 3;
export const BAND_PAD = 4;
export const CAPTION_HEIGHT = 13;
export const CAPTION_ROWS = 3;
export const CAPTION_CHAR_PX = 6.2;
/** From the band's left edge to its caption's. */
export const CAPTION_INDENT = 4;

/** Each group's band and caption, in the order of `groups`; `laneX(i)` is lane i's x. */
export function layoutGroupBands(groups: readonly GroupSpec[], laneX: (lane: number) => number): GroupBand[] {
  const order = groups.map((_, i) => i).sort((a, b) => groups[a]!.y1 - groups[b]!.y1 || a - b);
  const out = new Array<GroupBand>(groups.length);
  /** Bands placed whose bottom may still meet a later band (tops only grow). */
  const open: { spec: GroupSpec; depth: number }[] = [];
  /** Captions placed; a later one lands at most CAPTION_ROWS rows above the highest it meets, itself within reach. */
  const captions: Rect[] = [];
  for (const i of order) {
    const g = groups[i]!;
    const top = g.y1 - BAND_PAD;
    // drop the bands that ended above this one, and the captions too high to meet its caption
    let kept = 0;
    for (const o of open) if (o.spec.y2 + BAND_PAD > top) open[kept++] = o;
    open.length = kept;
    kept = 0;
    for (const c of captions) if (c.y + c.height > top - 2 * CAPTION_ROWS * CAPTION_HEIGHT) captions[kept++] = c;
    captions.length = kept;
    let taken = 0; // bit d: depth d is taken by a band this one meets
    for (const o of open) if (o.spec.lanes[0] <= g.lanes[1] && g.lanes[0] <= o.spec.lanes[1]) taken |= 1 << o.depth;
    let depth = 0;
    while (taken & (1 << depth) && depth < MAX_DEPTH) depth++;
    open.push({ spec: g, depth });
    const margin = BAND_MARGIN - depth * BAND_INSET;
    const x1 = laneX(g.lanes[0]) - margin;
    const band = { x: x1, y: top, width: laneX(g.lanes[1]) + margin - x1, height: g.y2 - g.y1 + 2 * BAND_PAD };
    const caption = placeCaption(band, g.label, captions);
    if (caption) captions.push(caption);
    out[i] = { band, caption, depth };
  }
  return out;
}

function placeCaption(band: Rect, label: string, placed: readonly Rect[]): Rect | null {
  const width = label.length * CAPTION_CHAR_PX;
  let y = band.y - CAPTION_HEIGHT;
  for (let row = 0; row < CAPTION_ROWS; row++) {
    const c = { x: band.x + CAPTION_INDENT, y, width, height: CAPTION_HEIGHT };
    let highest = Infinity; // top of the highest caption in the way
    for (const p of placed) if (rectsOverlap(p, c)) highest = Math.min(highest, p.y);
    if (highest === Infinity) return c;
    y = highest - CAPTION_HEIGHT; // stack on top of those in the way
  }
  return null;
}

/** Whether two rectangles share interior points. */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
