/**
 * Annotations drawn over the sequence chart, computed from the layout and
 * the trace (pure, once per layout):
 * - `rtt`: a bracket on one lane between two times — a TCP handshake's SYN
 *   sent → SYN-ACK received, and an application request sent → its reply
 *   (causedBy the request) received back on the requester's lane;
 * - `transmission`: a message whose transmission time is a noticeable part
 *   of its delay (> TRANSMISSION_SHARE): a bar on the sender's lane, at
 *   most one each TRANSMISSION_SPACING px of a lane (the first of a train);
 * - `metric`: a metric at (its node's lane, y(at)) with its value;
 * - `group`: "TCP handshake" / "TCP close" spans, only when the transport
 *   segments are drawn, with their band and caption placed (group-bands.ts)
 *   and their connection's colour index (`tone`, layout.ts connectionIndexes).
 * Positions are the layout's (lane index, y in px); times are SimTime (ns).
 */
import { LINK_METRIC_NAMES } from '../net/link-report';
import { PROTOCOL_MODULES } from '../protocols/registry';
import { formatMetricValue } from '../trace/metric-format';
import type { SimTime } from '../sim/time';
import type { MessageEvent, Metric, TraceEvent } from '../trace/types';
import { layoutGroupBands, type GroupSpec, type Rect } from './group-bands';
import { IdSet, messagesById } from './id-index';
import { IntervalSet } from './interval-set';
import { formatMs, RttNote, TransmissionNote } from './note-texts';
import { orderByStart } from './order-by-start';
import { connectionIndexes, type ChartLayout } from './layout';

export { formatMs };

/** A message's transmission time is annotated when it exceeds this share of its delay. */
export const TRANSMISSION_SHARE = 0.05;

/** Each protocol's test for an answer (protocols/module.ts isAnswer). */
const ANSWERS = new Map(PROTOCOL_MODULES.flatMap((m) => (m.isAnswer ? [[m.protocol, m.isAnswer] as const] : [])));
/** Least distance between two transmission annotations on a lane, px: a line of their text. */
export const TRANSMISSION_SPACING = 14;

export type Annotation =
  | { readonly kind: 'rtt'; readonly lane: number; readonly y1: number; readonly y2: number; readonly label: string }
  | { readonly kind: 'transmission'; readonly lane: number; readonly id: number; readonly y1: number; readonly y2: number; readonly label: string }
  | { readonly kind: 'metric'; readonly lane: number; readonly y: number; readonly label: string }
  | {
      readonly kind: 'group';
      readonly lanes: readonly [number, number];
      readonly y1: number;
      readonly y2: number;
      readonly label: string;
      /** The connection's colour index (colors.ts connectionColor). */
      readonly tone: number;
      /** The shaded rectangle, and the caption's box (null: no room for it). */
      readonly band: Rect;
      readonly caption: Rect | null;
    };

export function computeAnnotations(layout: ChartLayout, events: readonly TraceEvent[], metrics: readonly Metric[]): Annotation[] {
  const lane = new Map(layout.lanes.map((l, i) => [l.node.id, i]));
  const drawn = new IdSet(events.length);
  for (const a of layout.arrows) drawn.add(a.id);
  const y = (t: SimTime) => layout.scale.y(t);
  const out: Annotation[] = [];
  const messages = events.filter((e): e is MessageEvent => e.kind === 'message');
  const byId = messagesById(events);
  /** Application messages drawn, themselves or through a transport message carrying them (the carrier index, built once). */
  const shown = new IdSet(events.length);
  // TCP handshakes and closes, from the segments drawn.
  const connections = new Map<string, MessageEvent[]>();
  for (const m of messages) {
    if (!drawn.has(m.id)) continue;
    shown.add(m.id);
    for (const app of m.carries) shown.add(app);
    if (m.protocol !== 'tcp' || m.connection === null) continue;
    const segments = connections.get(m.connection);
    if (segments) segments.push(m);
    else connections.set(m.connection, [m]);
  }

  const groups: (GroupSpec & { tone: number })[] = [];
  const tones = connectionIndexes(layout);
  for (const [connection, segments] of connections) {
    const tone = tones.get(connection) ?? 0;
    const syn = segments.find((m) => m.summary.includes('[SYN]'));
    const synAck = syn && segments.find((m) => m.causedBy === syn.id && m.summary.includes('[SYN, ACK]'));
    const ack = synAck && segments.find((m) => m.causedBy === synAck.id);
    const client = syn && lane.get(syn.from);
    if (syn && synAck && synAck.receivedAt !== null && client !== undefined) {
      out.push(new RttNote(client, y(syn.sentAt), y(synAck.receivedAt), 'RTT', synAck.receivedAt - syn.sentAt));
      const end = ack ? endOf(ack) : synAck.receivedAt;
      groups.push(group(lane, syn, y(syn.sentAt), y(end), 'TCP handshake', tone));
    }
    const first = segments.find((m) => m.summary.includes('FIN') && /\bFIN\b/.test(m.summary));
    if (first) {
      const last = segments[segments.length - 1]!;
      groups.push(group(lane, first, y(first.sentAt), y(endOf(last)), 'TCP close', tone));
    }
  }
  const bands = layoutGroupBands(groups, (i) => layout.lanes[i]?.x ?? 0);
  groups.forEach((g, i) => {
    const { band, caption } = bands[i]!;
    out.push({ kind: 'group', lanes: g.lanes, y1: g.y1, y2: g.y2, label: g.label, tone: g.tone, band, caption });
  });

  // Request → reply on the requester's lane (application messages, whether drawn collapsed or expanded).
  const bracketsOn = new Map<number, IntervalSet>();
  for (const reply of messages) {
    if (reply.layer !== 'application' || reply.causedBy === null || reply.receivedAt === null) continue;
    const request = byId.get(reply.causedBy);
    if (!request || request.layer !== 'application' || reply.to !== request.from) continue;
    if (!shown.has(request.id) || !shown.has(reply.id)) continue;
    // an answer (an HTML page) that led the peer to ask again (for its images) is no question of its own: no bracket
    if (ANSWERS.get(request.protocol)?.(request.summary) === true) continue;
    const requester = lane.get(request.from);
    if (requester === undefined) continue;
    // brackets of one lane are drawn at one x: one that would overlap an earlier one (requests in flight at once,
    // a proxy's to its origins) is left out, or their texts would be written over each other
    const y1 = y(request.sentAt);
    const y2 = y(reply.receivedAt);
    let taken = bracketsOn.get(requester);
    if (!taken) bracketsOn.set(requester, (taken = new IntervalSet()));
    if (taken.meets(y1, y2)) continue;
    taken.add(y1, y2);
    out.push(new RttNote(requester, y1, y2, 'reply after', reply.receivedAt - request.sentAt));
  }

  // Transmission time of large messages; on a lane, one per TRANSMISSION_SPACING px at most (a train of
  // back-to-back segments would stack its texts on each other): the first of each stretch is written.
  const nextFree = new Map<number, number>();
  for (const m of messages) {
    if (m.timing === null || m.receivedAt === null || !drawn.has(m.id)) continue;
    const delay = m.receivedAt - m.sentAt;
    const sender = lane.get(m.from);
    if (sender === undefined || delay <= 0 || m.timing.transmission <= TRANSMISSION_SHARE * delay) continue;
    const start = m.sentAt + m.timing.queueing;
    const y1 = y(start);
    if (y1 < (nextFree.get(sender) ?? -Infinity)) continue;
    const y2 = y(start + m.timing.transmission);
    nextFree.set(sender, Math.max(y1, y2) + TRANSMISSION_SPACING);
    out.push(new TransmissionNote(sender, m.id, y1, y2, m.timing.transmission));
  }

  for (const metric of metrics) {
    // what each link carried is in the Results, not a pill at the end of every lane
    if (LINK_METRIC_NAMES.has(metric.name)) continue;
    const at = lane.get(metric.node);
    if (at === undefined) continue;
    out.push({ kind: 'metric', lane: at, y: y(metric.at), label: `${metric.name} ${formatMetricValue(metric)}` });
  }
  annotationIndex(out); // built with the list, not at its first paint
  return out;
}

function endOf(m: MessageEvent): SimTime {
  return m.receivedAt ?? m.lost?.at ?? m.sentAt;
}

function group(lane: ReadonlyMap<string, number>, m: MessageEvent, y1: number, y2: number, label: string, tone: number): GroupSpec & { tone: number } {
  const a = lane.get(m.from) ?? 0;
  const b = lane.get(m.to) ?? a;
  return { lanes: [Math.min(a, b), Math.max(a, b)], y1, y2, label, tone };
}



/**
 * Annotations sorted by where they start on the chart, for finding those in
 * a band of y by binary search (as visibleArrows does for arrows). Built
 * once per annotation list (cached); the painter asks it every frame.
 * `lo`/`hi`: the y range an annotation is drawn in (a metric's pill reaches
 * 40 px below its diamond, its diamond 20 px above; a group's band and
 * caption: `drawnRange`).
 */
export interface AnnotationIndex {
  /** Positions in the annotation list, sorted by lo. */
  readonly order: Uint32Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Largest hi − lo. */
  readonly maxSpan: number;
}

const indexCache = new WeakMap<readonly Annotation[], AnnotationIndex>();

/** How far a metric is drawn above (its diamond) and below (its pill) its y, px. */
const METRIC_ABOVE = 20;
const METRIC_BELOW = 40;

/** The y range [top, bottom] an annotation is drawn in, px. */
export function drawnRange(note: Annotation): readonly [number, number] {
  switch (note.kind) {
    case 'metric':
      return [note.y - METRIC_ABOVE, note.y + METRIC_BELOW];
    case 'group':
      return [Math.min(note.band.y, note.caption?.y ?? note.band.y), note.band.y + note.band.height];
    default:
      return [note.y1, note.y2];
  }
}

export function annotationIndex(notes: readonly Annotation[]): AnnotationIndex {
  const cached = indexCache.get(notes);
  if (cached) return cached;
  const n = notes.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b] = drawnRange(notes[i]!);
    starts[i] = a;
    ends[i] = b;
  }
  const order = orderByStart(starts);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  let maxSpan = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    lo[k] = starts[i]!;
    hi[k] = ends[i]!;
    maxSpan = Math.max(maxSpan, ends[i]! - starts[i]!);
  }
  const index = { order, lo, hi, maxSpan };
  indexCache.set(notes, index);
  return index;
}

/**
 * Positions (in `notes`, ascending: the list's own drawing order) of the
 * annotations drawn in the band [top, bottom], found by binary search.
 */
export function visibleAnnotations(notes: readonly Annotation[], top: number, bottom: number): number[] {
  const { order, lo, hi, maxSpan } = annotationIndex(notes);
  let a = 0;
  let b = order.length;
  const from = top - maxSpan;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (lo[mid]! < from) a = mid + 1;
    else b = mid;
  }
  const out: number[] = [];
  for (let k = a; k < order.length && lo[k]! <= bottom; k++) if (hi[k]! >= top) out.push(order[k]!);
  return out.sort((x, y) => x - y);
}
