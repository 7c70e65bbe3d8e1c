/**
 * Sequence-chart layout: lanes and arrows as plain data, computed once per
 * change of trace or view options and shared by the on-screen painter and
 * the exporters (PNG, SVG).
 *
 * Rules:
 * - One lane per node that sends or receives a message, in the scenario's
 *   lane order, then in order of first appearance. Hidden lanes and their
 *   messages are left out.
 * - A message is an arrow from (sender lane, y(sentAt)) to (receiver lane,
 *   y(receivedAt)): its slope shows delay. A lost message stops part-way at
 *   y(lost.at) and ends in a cross; one still in flight when the run stopped
 *   reaches the receiver at the end time, dashed. One the receiving host
 *   discarded (no socket on its port) ends at the receiver, in a bar
 *   (arrow-state.ts).
 * - Bursts of alike messages draw as one bundle arrow unless opened
 *   (bursts.ts has the rule).
 * - An application message is either collapsed (one arrow) or expanded into
 *   the TCP segments / UDP datagram carrying it. `showTransport` sets the
 *   default for all, `toggled` flips single messages, and also decides
 *   whether segments that carry no data (handshake, ACKs, FIN, RST) show.
 * - Arrows are sorted by id, which is also the order of sentAt, so a painter
 *   finds the visible ones by binary search on y1.
 */
import type { SimTime } from '../sim/time';
import type { Layer, MessageEvent, StateEvent, TraceEvent, TraceNode } from '../trace/types';
import { arrowEndOf, type ArrowEnd } from './arrow-state';
import { groupBursts, type ArrowBurst } from './bursts';
import { IdSet, messagesById, type MessageLookup } from './id-index';
import { layoutMarks, markedStates, MARK_LABEL_DX, MARK_LABEL_END_MARGIN, type MarkLayout } from './marks';
import { groupLanes, type LaneGroup } from './lane-groups';
import { TimeScale } from './time-scale';

export interface LayoutOptions {
  readonly laneOrder?: readonly string[];
  readonly hiddenLanes?: ReadonlySet<string>;
  /** Lane groups (lane-groups.ts) and the ids of those drawn as one lane. */
  readonly laneGroups?: readonly LaneGroup[];
  readonly collapsedGroups?: ReadonlySet<string>;
  /** Expand every application message into its transport messages, and show control segments. */
  readonly showTransport: boolean;
  /** Application message ids whose expansion is the opposite of the default. */
  readonly toggled?: ReadonlySet<number>;
  /** Filter on the messages drawn (protocol, node, text …). */
  readonly include?: (m: MessageEvent) => boolean;
  /** Mark state changes on the lanes (marks.ts); default true. */
  readonly showStates?: boolean;
  /** Filter on the state changes marked. */
  readonly includeState?: (e: StateEvent) => boolean;
  /** Group bursts of alike messages into bundles (bursts.ts); default true. */
  readonly bursts?: boolean;
  /** First-member ids of the bursts drawn expanded. */
  readonly openBursts?: ReadonlySet<number>;
  /** Distance between lanes, px; with `fitWidth`, the widest allowed. */
  readonly laneWidth: number;
  /** Spread the lanes over this width (the pane's), between MIN_LANE_WIDTH and `laneWidth` apart (fittedLaneWidth). */
  readonly fitWidth?: number;
  readonly leftMargin: number;
  readonly top: number;
  readonly pxPerMs: number;
  readonly compressGapsOver: SimTime | null;
  readonly compressedGapPx: number;
  /** When the run stopped: where in-flight messages end. */
  readonly endTime: SimTime;
  /**
   * More moments the time scale keeps uncompressed, as if something were
   * drawn then: another run's times, so that two charts laid out with each
   * other's times share one time axis (the comparison view).
   */
  readonly alsoTimes?: ArrayLike<SimTime>;
}

export const DEFAULT_LAYOUT: Omit<LayoutOptions, 'showTransport' | 'endTime'> = {
  laneWidth: 190,
  leftMargin: 90,
  top: 16,
  pxPerMs: 8,
  compressGapsOver: null,
  compressedGapPx: 28,
};

/** The narrowest lane spacing a fitted layout uses, px: below it the chart scrolls sideways instead. */
export const MIN_LANE_WIDTH = 170;
/** The widest lane spacing of a fitted layout (the pane's width shared out), px: wider lanes only stretch arrows. */
export const MAX_FITTED_LANE_WIDTH = 340;
/** Room a layout keeps right of its last lane, as a share of the lane spacing, when state changes are marked there (their labels run right of the lane). */
const LAST_LANE_MARK_ROOM = 0.5;
/** Room right of the last lane otherwise, px. */
const LAST_LANE_ROOM = 24;

/**
 * Lane spacing that spreads `lanes` lanes over `width` px after the left
 * margin (the time axis) and the room right of the last lane: the lanes
 * fill the pane, never closer than MIN_LANE_WIDTH (then the chart scrolls
 * sideways) nor wider than `max`. Whole px, so that small changes of the
 * pane's width do not move the lanes.
 */
export function fittedLaneWidth(width: number, lanes: number, leftMargin: number, marksOnLastLane: boolean, max: number = MAX_FITTED_LANE_WIDTH): number {
  if (lanes === 0) return Math.max(MIN_LANE_WIDTH, max);
  const spacing = marksOnLastLane ? (width - leftMargin) / (lanes + LAST_LANE_MARK_ROOM) : (width - leftMargin - LAST_LANE_ROOM) / lanes;
  return Math.floor(Math.max(MIN_LANE_WIDTH, Math.min(max, spacing)));
}

export interface LaneLayout {
  readonly node: TraceNode;
  readonly x: number;
}

export type ArrowState = ArrowEnd;

export interface ArrowLayout {
  /** The message event's id. */
  readonly id: number;
  readonly from: number;
  readonly to: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly state: ArrowState;
  readonly label: string;
  readonly protocol: string;
  readonly layer: Layer;
  readonly connection: string | null;
  /** Application message carried by transport messages: can be expanded/collapsed. */
  readonly expandable: boolean;
  /** For an expanded transport message: the application message(s) it carries. */
  readonly carries: readonly number[];
  /** A burst's bundle (collapsed), or the first member of an open burst. */
  readonly burst?: ArrowBurst;
}

export interface ChartLayout {
  readonly lanes: readonly LaneLayout[];
  readonly arrows: readonly ArrowLayout[];
  readonly scale: TimeScale;
  readonly width: number;
  readonly height: number;
  /** Largest y2 − y1 of any arrow (for visible-range queries). */
  readonly maxSpan: number;
  /** Event ids of the application messages drawn expanded. */
  readonly expanded: ReadonlySet<number>;
  /** State changes marked on the lanes, in id (= time) order. */
  readonly marks: readonly MarkLayout[];
  /** Largest labelY − y of any mark (for visible-range queries). */
  readonly maxMarkDrop: number;
}

/** Fraction of the way to the receiver at which a lost message's cross is drawn. */
export const LOST_FRACTION = 0.6;

const NO_IDS: readonly number[] = Object.freeze([]);
/** A linear time scale needs no times. */
const EMPTY_TIMES = new Float64Array(0);

/** Every time something is drawn at, for the time scale's idle gaps: the other run's times, sends and ends, and state changes (an idle gap never swallows one). */
function drawnTimes(drawn: readonly MessageEvent[], states: readonly StateEvent[], options: LayoutOptions): Float64Array {
  const also = options.alsoTimes ?? [];
  const times = new Float64Array(drawn.length * 2 + states.length + also.length);
  let k = 0;
  for (let i = 0; i < also.length; i++) times[k++] = also[i]!;
  for (const m of drawn) {
    times[k++] = m.sentAt;
    times[k++] = m.receivedAt ?? m.lost?.at ?? options.endTime;
  }
  for (const e of states) times[k++] = e.at;
  return times;
}

/** The ids of `carries` drawn expanded: `carries` itself when all are (no copy), else those. */
function expandedOf(carries: readonly number[], expanded: (id: number) => boolean): readonly number[] {
  let all = true;
  for (let i = 0; i < carries.length && all; i++) all = expanded(carries[i]!);
  return all ? carries : carries.filter(expanded);
}

export function layoutChart(nodes: readonly TraceNode[], events: readonly TraceEvent[], options: LayoutOptions): ChartLayout {
  const messages: MessageEvent[] = [];
  const byId = messagesById(events);
  /** Application messages carried by some transport message. */
  const carried = new IdSet(events.length);
  for (const e of events) {
    if (e.kind !== 'message') continue;
    messages.push(e);
    for (let i = 0; i < e.carries.length; i++) carried.add(e.carries[i]!);
  }

  const expanded = new Set<number>();
  /** The same ids as `expanded`, for the lookups below (a byte per id: cheaper than the Set's). */
  const isExpanded = new IdSet(events.length);
  for (const m of messages) {
    if (m.layer !== 'application' || !carried.has(m.id)) continue;
    if (options.showTransport !== (options.toggled?.has(m.id) ?? false)) {
      expanded.add(m.id);
      isExpanded.add(m.id);
    }
  }
  const hidden = options.hiddenLanes ?? new Set<string>();
  const include = options.include;
  if (include !== undefined) {
    // An expanded message whose carriers the filter hides all (e.g. only "sockets" ticked while transport
    // is shown) is drawn collapsed, so that what the filter keeps stays visible.
    const kept = new IdSet(events.length);
    for (const m of messages) if (m.layer === 'transport' && include(m)) for (const app of m.carries) kept.add(app);
    for (const id of [...expanded]) if (!kept.has(id)) expanded.delete(id);
  }
  const expandedHas = include === undefined ? (id: number) => isExpanded.has(id) : (id: number) => expanded.has(id);
  const grouped = groupLanes(nodes, options.laneGroups ?? [], options.collapsedGroups ?? new Set());
  const laneOf = grouped.laneOf;
  const drawn = messages.filter((m) => {
    if (hidden.size > 0 && (hidden.has(m.from) || hidden.has(m.to))) return false;
    if (grouped.nodes !== nodes && m.from !== m.to && laneOf(m.from) === laneOf(m.to)) return false; // within a collapsed group
    if (m.layer === 'application') {
      if (expandedHas(m.id)) return false;
    } else if (m.carries.length > 0) {
      if (!m.carries.some(expandedHas)) return false;
    } else if (!options.showTransport) {
      return false;
    }
    return include === undefined || include(m);
  });

  const laneNodes = laneOrder(grouped.nodes, messages, options.laneOrder ?? [], hidden, laneOf);
  const laneIndex = new Map(laneNodes.map((node, i) => [node.id, i]));
  // members of a collapsed group are found on its lane
  for (const n of nodes) {
    const lane = laneIndex.get(laneOf(n.id));
    if (lane !== undefined && !laneIndex.has(n.id)) laneIndex.set(n.id, lane);
  }
  const states = options.showStates === false ? [] : markedStates(events, laneIndex, { showTransport: options.showTransport, include: options.includeState });
  const marksOnLast = states.some((e) => laneIndex.get(e.node) === laneNodes.length - 1);
  const laneWidth =
    options.fitWidth === undefined ? options.laneWidth : fittedLaneWidth(options.fitWidth, laneNodes.length, options.leftMargin, marksOnLast, Math.max(options.laneWidth, MIN_LANE_WIDTH));
  const lanes = laneNodes.map((node, i) => ({ node, x: options.leftMargin + i * laneWidth + laneWidth / 2 }));

  const scale = new TimeScale(options.compressGapsOver === null ? EMPTY_TIMES : drawnTimes(drawn, states, options), options);
  const marks = layoutMarks(states, laneIndex, lanes.map((l) => l.x), scale);
  let maxMarkDrop = 0;
  for (const m of marks) if (m.labelY - m.y > maxMarkDrop) maxMarkDrop = m.labelY - m.y;

  let maxSpan = 0;
  let arrows: ArrowLayout[] = [];
  for (const m of drawn) {
    const from = laneIndex.get(m.from);
    const to = laneIndex.get(m.to);
    if (from === undefined || to === undefined) continue;
    const x1 = lanes[from]!.x;
    const xTo = lanes[to]!.x;
    const y1 = scale.y(m.sentAt);
    const state: ArrowState = arrowEndOf(m);
    const x2 = state === 'lost' ? x1 + (xTo - x1) * LOST_FRACTION : xTo;
    const y2 = scale.y(m.receivedAt ?? m.lost?.at ?? options.endTime);
    if (y2 - y1 > maxSpan) maxSpan = y2 - y1;
    const carries = m.layer === 'transport' && m.carries.length > 0 ? expandedOf(m.carries, expandedHas) : NO_IDS;
    arrows.push({
      id: m.id,
      from,
      to,
      x1,
      y1,
      x2,
      y2,
      state,
      label: labelOf(m, carries, byId),
      protocol: m.protocol,
      layer: m.layer,
      connection: m.connection,
      expandable: m.layer === 'application' && carried.has(m.id),
      carries,
    });
  }
  if (options.bursts !== false) arrows = groupBursts(arrows, byId, { open: options.openBursts, endTime: options.endTime, pxPerMs: options.pxPerMs });
  for (const a of arrows) if (a.y2 - a.y1 > maxSpan) maxSpan = a.y2 - a.y1; // a bundle spans more than any member
  let lastY = scale.y(options.endTime);
  for (const a of arrows) if (a.y2 > lastY) lastY = a.y2;
  for (const m of marks) if (m.labelY > lastY) lastY = m.labelY;
  const layout: ChartLayout = {
    lanes,
    arrows,
    scale,
    // a mark's label runs right of its lane, up to a lane width: room for it on the last lane too
    width: options.leftMargin + lanes.length * laneWidth + (marks.some((m) => m.lane === lanes.length - 1) ? laneWidth * LAST_LANE_MARK_ROOM : LAST_LANE_ROOM),
    height: lastY + 40,
    maxSpan,
    expanded,
    marks,
    maxMarkDrop,
  };
  // built with the layout, not at its first paint: the painter's work per frame follows the screen, not the trace
  connectionIndexes(layout);
  return layout;
}

/** Room for a mark's label between its lane and the next one, px (canvas, SVG and hit testing alike). */
export function markLabelRoom(layout: ChartLayout): number {
  const lanes = layout.lanes;
  const spacing = lanes.length > 1 ? lanes[1]!.x - lanes[0]!.x : DEFAULT_LAYOUT.laneWidth;
  return spacing - MARK_LABEL_DX - MARK_LABEL_END_MARGIN;
}

/** The marks whose diamond or label lies in [top, bottom] (binary search on y). */
export function visibleMarks(layout: ChartLayout, top: number, bottom: number): MarkLayout[] {
  const marks = layout.marks;
  let lo = 0;
  let hi = marks.length;
  const from = top - layout.maxMarkDrop;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.y < from) lo = mid + 1;
    else hi = mid;
  }
  const out: MarkLayout[] = [];
  for (let i = lo; i < marks.length; i++) {
    const m = marks[i]!;
    if (m.y > bottom) break;
    if (m.labelY >= top) out.push(m);
  }
  return out;
}

function labelOf(m: MessageEvent, carried: readonly number[], byId: MessageLookup): string {
  if (carried.length === 0) return m.summary;
  if (carried.length === 1) {
    const summary = byId.get(carried[0]!)?.summary;
    return summary === undefined ? `${m.summary} — ` : `${m.summary} — ${summary}`;
  }
  const apps: string[] = [];
  for (const id of carried) {
    const summary = byId.get(id)?.summary;
    if (summary !== undefined) apps.push(summary);
  }
  return `${m.summary} — ${apps.join(', ')}`;
}

function laneOrder(nodes: readonly TraceNode[], messages: readonly MessageEvent[], preferred: readonly string[], hidden: ReadonlySet<string>, laneOf: (node: string) => string): TraceNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ends = new Set<string>();
  for (const m of messages) {
    ends.add(m.from);
    ends.add(m.to);
  }
  const seen = new Set<string>();
  for (const node of ends) seen.add(laneOf(node));
  const order: TraceNode[] = [];
  const added = new Set<string>();
  const add = (nodeId: string): void => {
    const id = laneOf(nodeId);
    if (added.has(id)) return;
    const node = byId.get(id);
    if (!node || hidden.has(id) || !seen.has(id)) return;
    added.add(id);
    order.push(node);
  };
  preferred.forEach(add);
  for (const m of messages) {
    if (added.size === seen.size) break; // every lane placed
    add(m.from);
    add(m.to);
  }
  return order;
}

/** Index of the first arrow whose start is at or below y (arrows sorted by y1). */
export function firstArrowAtOrAfter(arrows: readonly ArrowLayout[], y: number): number {
  let lo = 0;
  let hi = arrows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrows[mid]!.y1 < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Arrows that cross the band [top, bottom] of the chart. */
export function visibleArrows(layout: ChartLayout, top: number, bottom: number): ArrowLayout[] {
  const out: ArrowLayout[] = [];
  const arrows = layout.arrows;
  for (let i = firstArrowAtOrAfter(arrows, top - layout.maxSpan); i < arrows.length; i++) {
    const a = arrows[i]!;
    if (a.y1 > bottom) break;
    if (a.y2 >= top) out.push(a);
  }
  return out;
}

const connectionCache = new WeakMap<ChartLayout, ReadonlyMap<string, number>>();

/**
 * Connection id → index, in order of first appearance among the arrows
 * (once per layout): the connection's colour (colors.ts connectionColor)
 * on arrow badges and group bands alike.
 */
export function connectionIndexes(layout: ChartLayout): ReadonlyMap<string, number> {
  let indexes = connectionCache.get(layout);
  if (!indexes) {
    const map = new Map<string, number>();
    let last: string | null = null; // runs of one connection's segments skip the lookup
    for (const a of layout.arrows) {
      if (a.connection === null || a.connection === last) continue;
      last = a.connection;
      if (!map.has(last)) map.set(last, map.size);
    }
    connectionCache.set(layout, (indexes = map));
  }
  return indexes;
}
