/**
 * Append-only trace store. Messages are appended when sent and completed
 * when they arrive or are lost; `takeBatch()` hands out what is new since the
 * last batch, including completions of messages handed out before, so a host
 * can stream a long run to the renderer while it goes on.
 *
 * Memory: TCP segments, the bulk of any transfer, are rows of typed columns
 * (tcp-rows.ts) behind small view objects (tcp-message-view.ts), with their
 * payload referenced from the sender's stream; other events are plain
 * objects. `memory()` accounts for what the segments hold.
 */
import type { SimTime } from '../sim/time';
import type {
  LossInfo,
  MessageEvent,
  MessageTiming,
  MessageUpdate,
  Metric,
  StateEvent,
  TraceBatch,
  TraceEvent,
} from './types';
import { plainMessage, TcpMessageView } from './tcp-message-view';
import { TcpRows, type NewTcpRow, type TcpFlow } from './tcp-rows';

export type NewMessage = Omit<MessageEvent, 'id' | 'kind' | 'receivedAt' | 'timing' | 'lost'>;
export type NewState = Omit<StateEvent, 'id' | 'kind'>;

/** A TCP segment as sent: its header and a reference to its payload in the sender's stream (tcp-rows.ts). */
export type NewTcpSegment = NewTcpRow;

/**
 * A view object (two fields: ~40 bytes in V8 on 64-bit) and its slot in the
 * event array (8 bytes).
 */
export const VIEW_BYTES = 48;

export interface TraceMemory {
  readonly tcpSegments: number;
  /** Everything the segments hold but the application's own buffers: rows, header pool, stream references, views. */
  readonly tcpSegmentBytes: number;
  readonly bytesPerTcpSegment: number;
  /** The distinct buffers the applications wrote, which the segments' payloads point into. */
  readonly applicationBufferBytes: number;
}

export class TraceStore {
  private readonly eventList: TraceEvent[] = [];
  private readonly metricList: Metric[] = [];
  private flushedEvents = 0;
  private flushedMetrics = 0;
  private readonly dirty = new Set<number>();
  private readonly tcp = new TcpRows();

  get events(): readonly TraceEvent[] {
    return this.eventList;
  }

  get metrics(): readonly Metric[] {
    return this.metricList;
  }

  get size(): number {
    return this.eventList.length;
  }

  get(id: number): TraceEvent | undefined {
    return this.eventList[id];
  }

  message(id: number): MessageEvent | undefined {
    const e = this.eventList[id];
    return e?.kind === 'message' ? e : undefined;
  }

  addMessage(fields: NewMessage): MessageEvent {
    const event: MessageEvent = {
      kind: 'message',
      id: this.eventList.length,
      layer: fields.layer,
      protocol: fields.protocol,
      from: fields.from,
      to: fields.to,
      src: fields.src,
      dst: fields.dst,
      sentAt: fields.sentAt,
      receivedAt: null,
      summary: fields.summary,
      bytes: fields.bytes,
      connection: fields.connection,
      causedBy: fields.causedBy,
      carries: fields.carries,
      retransmission: fields.retransmission,
      timing: null,
      lost: null,
    };
    this.eventList.push(event);
    return event;
  }

  /** Records a TCP segment compactly; returns its event id. */
  addTcpSegment(fields: NewTcpSegment): number {
    const id = this.eventList.length;
    const row = this.tcp.add(id, fields);
    this.eventList.push(new TcpMessageView(this.tcp, row));
    return id;
  }

  /** One side of a TCP connection, for addTcpSegment's `flow`; returns its number. */
  openTcpFlow(flow: TcpFlow): number {
    return this.tcp.openFlow(flow);
  }

  /** The application of `flow` wrote `data` (kept by reference: it must not change afterwards). */
  streamWritten(flow: number, data: Uint8Array): void {
    this.tcp.archive(flow).append(data);
  }

  addState(fields: NewState): StateEvent {
    const event: StateEvent = { kind: 'state', id: this.eventList.length, ...fields };
    this.eventList.push(event);
    return event;
  }

  addMetric(metric: Metric): void {
    this.metricList.push(metric);
  }

  /** The message arrived; `timing` is copied. */
  markReceived(id: number, at: SimTime, timing: MessageTiming | null): void {
    this.complete(id, at, null, timing);
  }

  /** The message was lost; `timing` (what it had been through) is copied. */
  markLost(id: number, lost: LossInfo, timing: MessageTiming | null = null): void {
    this.complete(id, null, lost, timing);
  }

  /** A message is completed once: received at `at` or lost. */
  private complete(id: number, at: SimTime | null, lost: LossInfo | null, timing: MessageTiming | null): void {
    const m = this.message(id);
    if (!m || m.receivedAt !== null || m.lost !== null) return;
    if (m instanceof TcpMessageView) {
      if (at !== null) this.tcp.setReceived(m.row, at);
      if (lost !== null) this.tcp.setLost(m.row, lost);
      if (timing) this.tcp.setTiming(m.row, timing.queueing, timing.transmission, timing.propagation);
    } else {
      m.receivedAt = at;
      m.lost = lost;
      m.timing = timing && { queueing: timing.queueing, transmission: timing.transmission, propagation: timing.propagation };
    }
    this.touch(id);
  }

  /** What the TCP segments hold, from the sizes allocated (not from the heap). */
  memory(): TraceMemory {
    const m = this.tcp.memory();
    const tcpSegmentBytes = m.rowBytes + m.streamReferenceBytes + m.rows * VIEW_BYTES;
    return {
      tcpSegments: m.rows,
      tcpSegmentBytes,
      bytesPerTcpSegment: m.rows === 0 ? 0 : tcpSegmentBytes / m.rows,
      applicationBufferBytes: m.streamBufferBytes,
    };
  }

  /** Everything new or changed since the previous batch, as plain objects (they may cross a thread). */
  takeBatch(): TraceBatch {
    const events = this.eventList.slice(this.flushedEvents).map((e) => (e.kind === 'message' ? plainMessage(e) : e));
    const updates: MessageUpdate[] = [];
    for (const id of [...this.dirty].sort((a, b) => a - b)) {
      const m = this.message(id)!;
      updates.push({ id, receivedAt: m.receivedAt, timing: m.timing, lost: m.lost });
    }
    this.dirty.clear();
    this.flushedEvents = this.eventList.length;
    const metrics = this.metricList.slice(this.flushedMetrics);
    this.flushedMetrics = this.metricList.length;
    return { events, updates, metrics };
  }

  /** Events appended since the last batch (to decide when to send one). */
  get pendingEvents(): number {
    return this.eventList.length - this.flushedEvents;
  }

  private touch(id: number): void {
    if (id < this.flushedEvents) this.dirty.add(id);
  }
}
