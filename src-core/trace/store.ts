/**
 * Append-only trace store. Messages are appended when sent and completed
 * when they arrive or are lost; `takeBatch()` hands out what is new since the
 * last batch, including completions of messages handed out before, so a host
 * can stream a long run to the renderer while it goes on.
 *
 * Holds 10^6 events comfortably: events are plain objects in one array.
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

export type NewMessage = Omit<MessageEvent, 'id' | 'kind' | 'receivedAt' | 'timing' | 'lost'>;
export type NewState = Omit<StateEvent, 'id' | 'kind'>;

export class TraceStore {
  private readonly eventList: TraceEvent[] = [];
  private readonly metricList: Metric[] = [];
  private flushedEvents = 0;
  private flushedMetrics = 0;
  private readonly dirty = new Set<number>();

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

  addState(fields: NewState): StateEvent {
    const event: StateEvent = { kind: 'state', id: this.eventList.length, ...fields };
    this.eventList.push(event);
    return event;
  }

  addMetric(metric: Metric): void {
    this.metricList.push(metric);
  }

  markReceived(id: number, at: SimTime, timing: MessageTiming | null): void {
    const m = this.message(id);
    if (!m || m.receivedAt !== null || m.lost !== null) return;
    m.receivedAt = at;
    m.timing = timing;
    this.touch(id);
  }

  markLost(id: number, lost: LossInfo, timing: MessageTiming | null = null): void {
    const m = this.message(id);
    if (!m || m.receivedAt !== null || m.lost !== null) return;
    m.lost = lost;
    m.timing = timing;
    this.touch(id);
  }

  /** Everything new or changed since the previous batch. */
  takeBatch(): TraceBatch {
    const events = this.eventList.slice(this.flushedEvents);
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
