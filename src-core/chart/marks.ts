/**
 * State changes on the chart: a small diamond on the node's lane at the time
 * of the change (a cache entry stored or expired, a zone edited, an answer
 * received, a TCP connection established …) with its summary beside it.
 *
 * Rules:
 * - Application-level changes always show; transport-level ones (TCP, UDP)
 *   only when transport messages are shown, as with the arrows.
 * - A change on a node without a lane (hidden, or it never sent nor received
 *   a message) is left out; so is one the filter rejects.
 * - Labels of changes close together on one lane are stacked downwards,
 *   MARK_LABEL_STEP apart, so they never overlap; the diamond stays at the
 *   exact time.
 * - Many alike changes at one moment (mark-groups.ts has the rule) are one
 *   mark, "×99 dropped a response … , 6.018–6.6 ms", with the first one's
 *   id and time.
 * - Marks are in id order, which is time order, so a painter finds the
 *   visible ones by binary search on y.
 */
import type { StateEvent, TraceEvent } from '../trace/types';
import { BoxGrid, rectBox, type Box } from './label-boxes';
import { groupStates } from './mark-groups';
import type { TimeScale } from './time-scale';

export interface MarkLayout {
  /** The state event's id. */
  readonly id: number;
  readonly lane: number;
  readonly x: number;
  /** y of the change's time. */
  readonly y: number;
  /** y of its label's baseline (≥ y when stacked under a neighbour). */
  readonly labelY: number;
  readonly protocol: string;
  readonly label: string;
  /** How many state changes the mark stands for (mark-groups.ts); absent: 1. */
  readonly count?: number;
}

export interface MarkOptions {
  readonly showTransport: boolean;
  /** Filter on the changes drawn (protocol, node, text …). */
  readonly include?: (e: StateEvent) => boolean;
}

/** Vertical distance between stacked mark labels, px (one line of 11 px text). */
export const MARK_LABEL_STEP = 13;

const TRANSPORT_PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'udp']);

/** A transport-layer state change (a TCP connection's state …): shown only with transport messages. */
export function isTransportState(e: StateEvent): boolean {
  return TRANSPORT_PROTOCOLS.has(e.protocol);
}

/** The state events the chart marks, in id order. */
export function markedStates(events: readonly TraceEvent[], laneOf: ReadonlyMap<string, number>, options: MarkOptions): StateEvent[] {
  const out: StateEvent[] = [];
  for (const e of events) {
    if (e.kind !== 'state' || !laneOf.has(e.node)) continue;
    if (!options.showTransport && isTransportState(e)) continue;
    if (options.include !== undefined && !options.include(e)) continue;
    out.push(e);
  }
  return out;
}

/** Places the marks of `states` (from markedStates) on their lanes. */
export function layoutMarks(states: readonly StateEvent[], laneOf: ReadonlyMap<string, number>, laneX: readonly number[], scale: TimeScale): MarkLayout[] {
  const lastLabelY = new Map<number, number>();
  return groupStates(states).map(({ event: e, label, count }) => {
    const lane = laneOf.get(e.node)!;
    const y = scale.y(e.at);
    const previous = lastLabelY.get(lane);
    const labelY = previous !== undefined && previous + MARK_LABEL_STEP > y ? previous + MARK_LABEL_STEP : y;
    lastLabelY.set(lane, labelY);
    return { id: e.id, lane, x: laneX[lane]!, y, labelY, protocol: e.protocol, label, count };
  });
}

/** The mark of state event `id` (binary search: marks are in id order), or null. */
export function findMark(marks: readonly MarkLayout[], id: number): MarkLayout | null {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return marks[lo]?.id === id ? marks[lo]! : null;
}

/** Half the diagonal of a mark's diamond, px. */
export const MARK_RADIUS = 4.5;
/** From the lane to the start of a mark's label, px. */
export const MARK_LABEL_DX = 9;
/** Kept free between a mark's label and the next lane's line, px. */
export const MARK_LABEL_END_MARGIN = 8;
/** Height of a mark's label box, px. */
export const MARK_LABEL_HEIGHT = 12;

export interface MarkLabel {
  readonly text: string;
  readonly width: number;
  /** Exports: the footnote number whose note has the full summary (the label is its marker "[n]"). */
  readonly footnote?: number;
}

export interface MarkLabelOptions {
  /** How wide mark m's label may be written in full, px (to the chart's right edge, across the lanes on its halo); default: the room. */
  readonly wide?: (m: MarkLayout) => number;
  /** Exports: never cut a summary; one with no free room in full becomes marker "[n]", numbered from `first` in time order. */
  readonly footnotes?: { readonly first: number };
}

/**
 * The labels of `marks` that fit, clear of `avoid` (arrow labels and
 * annotation texts, which are placed first: marks are secondary) and of the
 * mark labels placed before it. Each is tried in full (up to `wide` px,
 * past the next lane on its halo), then — on screen — cut to `room` px,
 * else to half of it (a whole word when possible, as `fit` does); in
 * exports a footnote marker instead, written even where it overlaps. The
 * selected mark's label is always written (in full where it fits `wide`).
 * A mark without a label keeps its diamond and its tooltip.
 */
export function placeMarkLabels(
  marks: readonly MarkLayout[],
  avoid: readonly Box[],
  room: number,
  fit: (text: string, width: number) => MarkLabel,
  selectedId: number | null,
  options: MarkLabelOptions = {},
): Map<number, MarkLabel> {
  const grid = new BoxGrid();
  for (const b of avoid) grid.add(b);
  const placed = new Map<number, MarkLabel>();
  const boxOf = (m: MarkLayout, width: number) => rectBox(m.x + MARK_LABEL_DX - 1, m.labelY - MARK_LABEL_HEIGHT / 2, width + 2, MARK_LABEL_HEIGHT);
  let footnote = options.footnotes?.first ?? 0;
  const full = (m: MarkLayout): MarkLabel | null => {
    const label = fit(m.label, Math.max(room, options.wide?.(m) ?? room));
    return label.text === m.label ? label : null;
  };
  const selected = selectedId === null ? null : findMark(marks, selectedId);
  if (selected && selected.label !== '') {
    const label = full(selected) ?? fit(selected.label, room);
    placed.set(selected.id, label);
    grid.add(boxOf(selected, label.width));
  }
  for (const m of marks) {
    if (m === selected || m.label === '') continue;
    const whole = full(m);
    if (whole && !grid.overlaps(boxOf(m, whole.width))) {
      grid.add(boxOf(m, whole.width));
      placed.set(m.id, whole);
      continue;
    }
    if (options.footnotes) {
      const marker = fit(`[${footnote}]`, Infinity);
      grid.add(boxOf(m, marker.width));
      placed.set(m.id, { ...marker, footnote: footnote++ });
      continue;
    }
    for (const width of [room, room / 2]) {
      const label = fit(m.label, width);
      if (label.text === '') break;
      const box = boxOf(m, label.width);
      if (grid.overlaps(box)) continue;
      grid.add(box);
      placed.set(m.id, label);
      break;
    }
  }
  return placed;
}
