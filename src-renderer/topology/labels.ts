/**
 * Which labels the topology drawing shows, and where, so that none overlaps
 * another in a small pane. Works on the drawing as shown: positions at zoom
 * 1 (useCytoscape), so model px are CSS px. Text widths come from `measure`
 * (a canvas in the page, a fake in tests); everything else is arithmetic, so
 * the same geometry always gives the same plan.
 *
 * Rules, in order:
 * 1. A node's label ("name\naddress") wraps at NODE_LABEL.maxWidth, or
 *    narrower where another node's label shares its row (at the distance
 *    between the two nodes less a gap), but not below NODE_LABEL.minWidth.
 *    Near a side of the drawing, a label below or above its node moves
 *    sideways to stay inside. A node outside the drawing (the editor's view
 *    panned or zoomed off it) is left alone: its full label hangs below it,
 *    unmoved, as with room to spare, and takes that place (rule 2).
 * 2. Node labels hang below their node; one that would still hit another
 *    node or a label placed before it, or leave the drawing, goes above
 *    its node, else to its right, else to its left: the first of these
 *    that is free, inside the drawing and crosses no link (a label on a
 *    link would read as the link's). If none is, the name alone (without
 *    the address: the tooltip and the list have it) is tried the same way;
 *    if that does not fit either, the name stays below (the pane is too
 *    small for the network: the least text in the usual place).
 * 3. Links in order of on-screen length (longest first, then id): the full
 *    text ("20 ms · 10 Mbit/s") on one line, else the delay alone ("20 ms"),
 *    each tried at the middle of the link's visible part and then a little
 *    either side; taken where it fits along the link inside the drawing,
 *    clear of every node, label and other link. Else no label: the drawing's
 *    tooltip and the list of links below it always have the full text.
 *
 * Every "clear of" asks a spatial grid (box-index.ts) for what is near, not
 * every box and link, so a plan for 500 nodes and 1,000 links takes
 * milliseconds (it is made again on every frame a node is dragged in); the
 * answers, and so the plan, are the same as testing everything.
 */
import { BoxIndex } from './box-index';
import { boxAround, boxesOverlap, inflate, segmentHitsBox, type Box, type Point } from './geometry';

export const NODE_LABEL = { fontSize: 10.5, maxWidth: 112, minWidth: 56, margin: 5 } as const;
export const LINK_LABEL = { fontSize: 9 } as const;
/** Line height (× font size), background padding and the free space kept around labels, in px. */
export const LABEL_LINE_HEIGHT = 1.15;
export const LABEL_PAD = 1;
const GAP = 3;
/** Where along a link's visible part a label may sit (fractions, first choice first). */
const ALONG = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7] as const;

/** Width of `text` in px at `fontSize` in the drawing's font. */
export type Measure = (text: string, fontSize: number) => number;

export interface NodeShape {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** "name\naddress". */
  readonly label: string;
  readonly name: string;
}

export interface LinkShape {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly full: string;
  readonly short: string;
}

export type LabelSide = 'below' | 'above' | 'right' | 'left';

/**
 * `text`: the full label, or the name alone; `dx`: its offset across (cytoscape's text-margin-x) from where
 * `side` puts it; `box`: where it is (estimated from `measure`).
 */
export interface NodeLabelPlan {
  readonly text: 'full' | 'name';
  readonly maxWidth: number;
  readonly side: LabelSide;
  readonly dx: number;
  readonly box: Box;
}

/** `dx`, `dy`: the label's offset from the middle of the link's visible part; `box` null when none is shown. */
export interface LinkLabelPlan {
  readonly text: 'full' | 'short' | 'none';
  readonly dx: number;
  readonly dy: number;
  readonly box: Box | null;
}

export interface LabelPlan {
  readonly nodes: ReadonlyMap<string, NodeLabelPlan>;
  readonly links: ReadonlyMap<string, LinkLabelPlan>;
}

/** Cytoscape's wrapping: each line of `text` broken at spaces where it is wider than `maxWidth`; a long word overflows. */
export function wrapLines(text: string, maxWidth: number, width: (line: string) => number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (width(line) <= maxWidth) {
      out.push(line);
      continue;
    }
    let current = '';
    for (const word of line.split(/\s+/).filter((w) => w !== '')) {
      const next = current === '' ? word : `${current} ${word}`;
      if (current !== '' && width(next) > maxWidth) {
        out.push(current);
        current = word;
      } else current = next;
    }
    out.push(current);
  }
  return out;
}

/** A label's size: `lines` lines of `fontSize` px, the widest `width` px, with its background padding. */
function labelSize(width: number, lines: number, fontSize: number): { w: number; h: number } {
  return { w: width + 2 * LABEL_PAD, h: lines * fontSize + (lines - 1) * (LABEL_LINE_HEIGHT - 1) * fontSize + 2 * LABEL_PAD };
}

/**
 * Sizes of wrapped node labels, by measure function, then by width and text: a plan is made on every frame
 * a node is dragged in, and wrapping every label again was a good part of it. (A Measure gives the same width
 * for the same text and size every time, so this only saves work.)
 */
const MAX_WRAPPED_SIZES = 20_000;
const wrappedSizes = new WeakMap<Measure, Map<string, { w: number; h: number }>>();

/** A node label's size, wrapped at `maxWidth` (rule 1). */
function nodeLabelSize(text: string, maxWidth: number, measure: Measure): { w: number; h: number } {
  let sizes = wrappedSizes.get(measure);
  if (!sizes) wrappedSizes.set(measure, (sizes = new Map()));
  const key = `${maxWidth}\u0000${text}`;
  let size = sizes.get(key);
  if (!size) {
    if (sizes.size >= MAX_WRAPPED_SIZES) sizes.clear(); // dragging changes widths without end: start again rather than grow
    const width = (t: string) => measure(t, NODE_LABEL.fontSize);
    const lines = wrapLines(text, maxWidth, width);
    size = labelSize(Math.max(...lines.map(width)), lines.length, NODE_LABEL.fontSize);
    sizes.set(key, size);
  }
  return size;
}

type View = { readonly width: number; readonly height: number };
const bodyBox = (n: NodeShape): Box => boxAround(n, n.width, n.height);
const radius = (n: NodeShape) => Math.max(n.width, n.height) / 2;
const inside = (b: Box, view: View) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= view.width && b.y2 <= view.height;
/** Boxes of node bodies and of the labels placed so far. */
type Taken = BoxIndex<Box>;
const clear = (b: Box, taken: Taken) => {
  const grown = inflate(b, GAP);
  return !taken.some(grown, (t) => boxesOverlap(grown, t));
};
const round = (v: number) => Math.round(v * 10) / 10 + 0; // (+ 0 turns -0 into 0)

/** A link as drawn: its visible part runs from `from` along the unit vector `u` for `visible` px. */
interface DrawnLink {
  readonly link: LinkShape;
  readonly from: Point;
  readonly to: Point;
  readonly u: Point;
  readonly visible: number;
}

/** The links as drawn, filed by where their visible parts lie. */
type Drawn = BoxIndex<DrawnLink>;
const hitsAny = (drawn: Drawn, box: Box, except?: DrawnLink) => drawn.some(box, (e) => e !== except && segmentHitsBox(e.from, e.to, box));
const segmentBounds = (e: DrawnLink): Box => ({
  x1: Math.min(e.from.x, e.to.x), y1: Math.min(e.from.y, e.to.y), x2: Math.max(e.from.x, e.to.x), y2: Math.max(e.from.y, e.to.y),
});

function drawnLink(link: LinkShape, s: NodeShape, t: NodeShape): DrawnLink {
  const d = Math.hypot(t.x - s.x, t.y - s.y);
  const u = d > 0 ? { x: (t.x - s.x) / d, y: (t.y - s.y) / d } : { x: 1, y: 0 };
  return {
    link, u, visible: d - radius(s) - radius(t),
    from: { x: s.x + u.x * radius(s), y: s.y + u.y * radius(s) },
    to: { x: t.x - u.x * radius(t), y: t.y - u.y * radius(t) },
  };
}

/** Labels this close in y share a row (rule 1), px. */
const ROW = 3 * NODE_LABEL.fontSize * LABEL_LINE_HEIGHT;

/** Rule 1: the widest a node's label may be; `byY` holds every node, sorted by y. */
function nodeLabelWidth(n: NodeShape, byY: readonly NodeShape[]): number {
  let max: number = NODE_LABEL.maxWidth;
  // the first node less than a row above n, then on while less than a row below
  let lo = 0;
  let hi = byY.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byY[mid]!.y <= n.y - ROW) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < byY.length && byY[i]!.y < n.y + ROW; i++) {
    const m = byY[i]!;
    if (m !== n && Math.abs(m.y - n.y) < ROW) max = Math.min(max, Math.abs(m.x - n.x) - GAP);
  }
  return Math.floor(Math.max(NODE_LABEL.minWidth, max));
}

type Placed = { readonly box: Box; readonly dx: number };

const outsideView = (n: NodeShape, view: View) => n.x < 0 || n.y < 0 || n.x > view.width || n.y > view.height;

/** The four places a node's label of `w` × `h` may go; below and above moved sideways into the drawing, unless the node is outside it. */
function labelPlaces(n: NodeShape, w: number, h: number, view: View): Readonly<Record<LabelSide, Placed>> {
  const down = n.height / 2 + NODE_LABEL.margin + h / 2;
  const across = n.width / 2 + NODE_LABEL.margin + w / 2;
  const x = outsideView(n, view) ? n.x : Math.min(Math.max(n.x, w / 2), view.width - w / 2);
  return {
    below: { box: boxAround({ x, y: n.y + down }, w, h), dx: round(x - n.x) },
    above: { box: boxAround({ x, y: n.y - down }, w, h), dx: round(x - n.x) },
    right: { box: boxAround({ x: n.x + across, y: n.y }, w, h), dx: NODE_LABEL.margin },
    left: { box: boxAround({ x: n.x - across, y: n.y }, w, h), dx: -NODE_LABEL.margin },
  };
}

const SIDES: readonly LabelSide[] = ['below', 'above', 'right', 'left'];

/** Rule 2: the full label or the name, below the node, above it or beside it; `taken` holds every node's body and the labels placed so far. */
function placeNodeLabel(n: NodeShape, byY: readonly NodeShape[], drawn: Drawn, taken: Taken, view: View, measure: Measure): NodeLabelPlan {
  const maxWidth = nodeLabelWidth(n, byY);
  const options = (['full', 'name'] as const).map((text) => {
    const { w, h } = nodeLabelSize(text === 'full' ? n.label : n.name, maxWidth, measure);
    return { text, places: labelPlaces(n, w, h, view) };
  });
  // (Its own body is NODE_LABEL.margin away from each place, so it never counts.)
  const fits = ({ box }: Placed, side: LabelSide) => inside(box, view) && clear(box, taken) && (side === 'below' || !hitsAny(drawn, box));
  const choice = (): { text: 'full' | 'name'; side: LabelSide } => {
    if (outsideView(n, view)) return { text: 'full', side: 'below' };
    for (const { text, places } of options) for (const side of SIDES) if (fits(places[side], side)) return { text, side };
    return { text: 'name', side: 'below' };
  };
  const found = choice();
  const { box, dx } = options.find((o) => o.text === found.text)!.places[found.side];
  taken.add(box, box);
  return { ...found, maxWidth, dx, box };
}

const NO_LABEL: LinkLabelPlan = { text: 'none', dx: 0, dy: 0, box: null };

/** Rule 3 for one link; a placed label's box joins `taken`. */
function placeLinkLabel(e: DrawnLink, drawn: Drawn, taken: Taken, view: View, measure: Measure): LinkLabelPlan {
  const at = (f: number) => ({ x: e.from.x + e.u.x * f * e.visible, y: e.from.y + e.u.y * f * e.visible });
  for (const text of ['full', 'short'] as const) {
    const { w, h } = labelSize(measure(e.link[text], LINK_LABEL.fontSize), 1, LINK_LABEL.fontSize);
    const along = w * Math.abs(e.u.x) + h * Math.abs(e.u.y) + 2 * GAP; // the label's length along the link
    for (const f of ALONG) {
      if (Math.min(f, 1 - f) * e.visible < along / 2) continue;
      const box = boxAround(at(f), w, h);
      if (!inside(box, view) || !clear(box, taken)) continue;
      if (hitsAny(drawn, inflate(box, 1), e)) continue;
      taken.add(box, box);
      const shift = (f - 0.5) * e.visible;
      return { text, dx: round(e.u.x * shift), dy: round(e.u.y * shift), box };
    }
  }
  return NO_LABEL;
}


export function planLabels(nodes: readonly NodeShape[], links: readonly LinkShape[], view: View, measure: Measure): LabelPlan {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const drawn = links.flatMap((l) => {
    const s = byId.get(l.source);
    const t = byId.get(l.target);
    return s && t ? [drawnLink(l, s, t)] : [];
  });
  const taken: Taken = new BoxIndex();
  for (const n of nodes) {
    const body = bodyBox(n);
    taken.add(body, body);
  }
  const lines: Drawn = new BoxIndex();
  for (const e of drawn) lines.add(e, segmentBounds(e));
  const byY = [...nodes].sort((a, b) => a.y - b.y);
  const nodePlans = new Map(nodes.map((n) => [n.id, placeNodeLabel(n, byY, lines, taken, view, measure)]));
  const longestFirst = [...drawn].sort((a, b) => b.visible - a.visible || (a.link.id < b.link.id ? -1 : a.link.id > b.link.id ? 1 : 0));
  const placed = new Map(longestFirst.map((e) => [e.link.id, placeLinkLabel(e, lines, taken, view, measure)]));
  return { nodes: nodePlans, links: new Map(links.map((l) => [l.id, placed.get(l.id) ?? NO_LABEL])) };
}
