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
 *    sideways to stay inside.
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
 */
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

type View = { readonly width: number; readonly height: number };
const bodyBox = (n: NodeShape): Box => boxAround(n, n.width, n.height);
const radius = (n: NodeShape) => Math.max(n.width, n.height) / 2;
const inside = (b: Box, view: View) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= view.width && b.y2 <= view.height;
const clear = (b: Box, taken: readonly Box[]) => taken.every((t) => !boxesOverlap(inflate(b, GAP), t));
const round = (v: number) => Math.round(v * 10) / 10 + 0; // (+ 0 turns -0 into 0)

/** A link as drawn: its visible part runs from `from` along the unit vector `u` for `visible` px. */
interface DrawnLink {
  readonly link: LinkShape;
  readonly from: Point;
  readonly to: Point;
  readonly u: Point;
  readonly visible: number;
}

function drawnLink(link: LinkShape, s: NodeShape, t: NodeShape): DrawnLink {
  const d = Math.hypot(t.x - s.x, t.y - s.y);
  const u = d > 0 ? { x: (t.x - s.x) / d, y: (t.y - s.y) / d } : { x: 1, y: 0 };
  return {
    link, u, visible: d - radius(s) - radius(t),
    from: { x: s.x + u.x * radius(s), y: s.y + u.y * radius(s) },
    to: { x: t.x - u.x * radius(t), y: t.y - u.y * radius(t) },
  };
}

/** Rule 1: the widest a node's label may be. */
function nodeLabelWidth(n: NodeShape, nodes: readonly NodeShape[]): number {
  const row = 3 * NODE_LABEL.fontSize * LABEL_LINE_HEIGHT; // labels this close in y share a row
  let max: number = NODE_LABEL.maxWidth;
  for (const m of nodes) {
    if (m !== n && Math.abs(m.y - n.y) < row) max = Math.min(max, Math.abs(m.x - n.x) - GAP);
  }
  return Math.floor(Math.max(NODE_LABEL.minWidth, max));
}

type Placed = { readonly box: Box; readonly dx: number };

/** The four places a node's label of `w` × `h` may go; below and above, moved sideways into the drawing. */
function labelPlaces(n: NodeShape, w: number, h: number, view: View): Readonly<Record<LabelSide, Placed>> {
  const down = n.height / 2 + NODE_LABEL.margin + h / 2;
  const across = n.width / 2 + NODE_LABEL.margin + w / 2;
  const x = Math.min(Math.max(n.x, w / 2), view.width - w / 2);
  return {
    below: { box: boxAround({ x, y: n.y + down }, w, h), dx: round(x - n.x) },
    above: { box: boxAround({ x, y: n.y - down }, w, h), dx: round(x - n.x) },
    right: { box: boxAround({ x: n.x + across, y: n.y }, w, h), dx: NODE_LABEL.margin },
    left: { box: boxAround({ x: n.x - across, y: n.y }, w, h), dx: -NODE_LABEL.margin },
  };
}

const SIDES: readonly LabelSide[] = ['below', 'above', 'right', 'left'];

/** Rule 2: the full label or the name, below the node, above it or beside it; `taken` holds every node's body and the labels placed so far. */
function placeNodeLabel(n: NodeShape, nodes: readonly NodeShape[], drawn: readonly DrawnLink[], taken: Box[], view: View, measure: Measure): NodeLabelPlan {
  const maxWidth = nodeLabelWidth(n, nodes);
  const width = (t: string) => measure(t, NODE_LABEL.fontSize);
  const options = (['full', 'name'] as const).map((text) => {
    const lines = wrapLines(text === 'full' ? n.label : n.name, maxWidth, width);
    const { w, h } = labelSize(Math.max(...lines.map(width)), lines.length, NODE_LABEL.fontSize);
    return { text, places: labelPlaces(n, w, h, view) };
  });
  // (Its own body is NODE_LABEL.margin away from each place, so it never counts.)
  const fits = ({ box }: Placed, side: LabelSide) => clear(box, taken) && inside(box, view)
    && (side === 'below' || !drawn.some((e) => segmentHitsBox(e.from, e.to, box)));
  const found = options.flatMap(({ text, places }) => SIDES.filter((side) => fits(places[side], side)).map((side) => ({ text, side })))[0]
    ?? { text: 'name' as const, side: 'below' as const };
  const { box, dx } = options.find((o) => o.text === found.text)!.places[found.side];
  taken.push(box);
  return { ...found, maxWidth, dx, box };
}

const NO_LABEL: LinkLabelPlan = { text: 'none', dx: 0, dy: 0, box: null };

/** Rule 3 for one link; a placed label's box joins `taken`. */
function placeLinkLabel(e: DrawnLink, drawn: readonly DrawnLink[], taken: Box[], view: View, measure: Measure): LinkLabelPlan {
  const at = (f: number) => ({ x: e.from.x + e.u.x * f * e.visible, y: e.from.y + e.u.y * f * e.visible });
  for (const text of ['full', 'short'] as const) {
    const { w, h } = labelSize(measure(e.link[text], LINK_LABEL.fontSize), 1, LINK_LABEL.fontSize);
    const along = w * Math.abs(e.u.x) + h * Math.abs(e.u.y) + 2 * GAP; // the label's length along the link
    for (const f of ALONG) {
      if (Math.min(f, 1 - f) * e.visible < along / 2) continue;
      const box = boxAround(at(f), w, h);
      if (!inside(box, view) || !clear(box, taken)) continue;
      if (drawn.some((o) => o !== e && segmentHitsBox(o.from, o.to, inflate(box, 1)))) continue;
      taken.push(box);
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
  const taken: Box[] = nodes.map(bodyBox);
  const nodePlans = new Map(nodes.map((n) => [n.id, placeNodeLabel(n, nodes, drawn, taken, view, measure)]));
  const longestFirst = [...drawn].sort((a, b) => b.visible - a.visible || (a.link.id < b.link.id ? -1 : a.link.id > b.link.id ? 1 : 0));
  const placed = new Map(longestFirst.map((e) => [e.link.id, placeLinkLabel(e, drawn, taken, view, measure)]));
  return { nodes: nodePlans, links: new Map(links.map((l) => [l.id, placed.get(l.id) ?? NO_LABEL])) };
}
