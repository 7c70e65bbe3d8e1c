/**
 * The tracer turns what happens in a run into trace events, from outside the
 * engines: it observes the network (deliveries and drops complete transport
 * messages) and keeps, for every TCP byte stream, which application message
 * occupies which stream offsets — so it can say which segments carry a
 * message and when its last byte reached the receiving application.
 */
import type { NetworkObserver } from '../net/network';
import type { DropReason } from '../net/faults';
import type { IpPacket } from '../net/packet';
import type { SimTime } from '../sim/time';
import type { NewMessage, NewTcpSegment, TraceStore } from '../trace/store';
import type { SocketAddress } from '../trace/types';

/** What an engine says about a message it sends, for the trace. */
export interface AppMessageLabel {
  /** 'sockets', 'http', 'dns' … */
  readonly protocol: string;
  /** One line: "GET /index.html HTTP/1.1", "Standard query A www.example.com". */
  readonly summary: string;
  /** The event that led to this message (usually a message received). */
  readonly causedBy?: number | null;
}

interface StreamMessage {
  readonly start: number;
  readonly end: number;
  readonly id: number;
}

interface Stream {
  readonly messages: StreamMessage[];
  /** Index of the first message not yet fully delivered. */
  nextUndelivered: number;
}

const NO_MESSAGES: readonly number[] = Object.freeze([]);

export class Tracer implements NetworkObserver {
  private readonly streams = new Map<string, Stream>();
  /** UDP packet id → the application message it carries. */
  private readonly datagramMessages = new Map<number, number>();

  constructor(readonly store: TraceStore) {}

  delivered(packet: IpPacket, at: SimTime): void {
    if (packet.traceId !== null) this.store.markReceived(packet.traceId, at, packet.timing);
  }

  dropped(packet: IpPacket, at: SimTime, reason: DropReason, link: string | null, node: string): void {
    if (packet.traceId !== null) this.store.markLost(packet.traceId, { at, reason, link, node }, packet.timing);
    const app = this.datagramMessages.get(packet.id);
    if (app !== undefined) {
      this.datagramMessages.delete(packet.id);
      this.store.markLost(app, { at, reason, link, node });
    }
  }

  /** Records an application message being sent; returns its event id. */
  appMessage(label: AppMessageLabel, fields: Omit<NewMessage, 'layer' | 'protocol' | 'summary' | 'causedBy' | 'carries' | 'retransmission'>): number {
    return this.store.addMessage({
      ...fields,
      layer: 'application',
      protocol: label.protocol,
      summary: label.summary,
      causedBy: label.causedBy ?? null,
      carries: [],
      retransmission: false,
    }).id;
  }

  transportMessage(fields: Omit<NewMessage, 'layer'>): number {
    return this.store.addMessage({ ...fields, layer: 'transport' }).id;
  }

  /** A TCP segment of a connection, kept compactly (trace/tcp-rows.ts); returns its event id. */
  tcpSegment(fields: NewTcpSegment): number {
    return this.store.addTcpSegment(fields);
  }

  // --- UDP: one datagram carries one application message -------------------

  datagramCarries(packetId: number, appId: number): void {
    this.datagramMessages.set(packetId, appId);
  }

  /** The datagram reached a bound socket: its application message is received. Returns the message id. */
  datagramConsumed(packetId: number, at: SimTime): number | null {
    const app = this.datagramMessages.get(packetId);
    if (app === undefined) return null;
    this.datagramMessages.delete(packetId);
    this.store.markReceived(app, at, null);
    return app;
  }

  /** The datagram arrived but nobody listens on its port (the host would answer ICMP port unreachable). */
  datagramRefused(packetId: number, at: SimTime, node: string): void {
    const app = this.datagramMessages.get(packetId);
    if (app === undefined) return;
    this.datagramMessages.delete(packetId);
    this.store.markLost(app, { at, reason: 'port-unreachable', link: null, node });
  }

  // --- TCP: application messages laid along a byte stream ------------------

  /** An application message occupies stream offsets [start, end) of direction `key`. */
  streamMessage(key: string, start: number, end: number, id: number): void {
    let s = this.streams.get(key);
    if (!s) {
      s = { messages: [], nextUndelivered: 0 };
      this.streams.set(key, s);
    }
    s.messages.push({ start, end, id });
  }

  /** Application messages overlapping stream offsets [start, end) of direction `key` (a shared empty array when none: do not modify). */
  messagesIn(key: string, start: number, end: number): readonly number[] {
    const s = this.streams.get(key);
    if (!s || end <= start) return NO_MESSAGES;
    const list = s.messages;
    // binary search for the first message ending after `start`
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= list.length || list[lo]!.start >= end) return NO_MESSAGES;
    const ids: number[] = [];
    for (let i = lo; i < list.length && list[i]!.start < end; i++) ids.push(list[i]!.id);
    return ids;
  }

  /** The receiver's application has every byte before `upTo`; returns the messages completed now. */
  streamDelivered(key: string, upTo: number, at: SimTime): number[] {
    const s = this.streams.get(key);
    if (!s) return [];
    const done: number[] = [];
    while (s.nextUndelivered < s.messages.length && s.messages[s.nextUndelivered]!.end <= upTo) {
      const m = s.messages[s.nextUndelivered++]!;
      this.store.markReceived(m.id, at, null);
      done.push(m.id);
    }
    return done;
  }

  /** The connection is gone: messages never delivered are lost. */
  streamClosed(key: string, at: SimTime, node: string): void {
    const s = this.streams.get(key);
    if (!s) return;
    for (let i = s.nextUndelivered; i < s.messages.length; i++) {
      this.store.markLost(s.messages[i]!.id, { at, reason: 'connection-closed', link: null, node });
    }
    this.streams.delete(key);
  }
}

export function streamKey(src: SocketAddress, dst: SocketAddress): string {
  return `${src.addr}:${src.port}>${dst.addr}:${dst.port}`;
}
