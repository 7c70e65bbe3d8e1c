/**
 * The trace: the product's central data. An ordered list of events produced
 * by the engines and the network during a run, plus metrics.
 *
 * Rules:
 * - Times are SimTime (integer ns since the run started).
 * - `id` is the event's index in the trace; events are appended in the order
 *   they happen (a message when it is sent).
 * - A message's `receivedAt` is filled in when it arrives, `null` while in
 *   flight and for ever if it is lost (then `lost` says where and why).
 * - `bytes` is the message as it is on the wire at its layer: for a TCP
 *   segment the TCP header and payload, for a UDP datagram the UDP header and
 *   payload, for an application message the application bytes.
 */
import type { SimTime } from '../sim/time';

export type Layer = 'application' | 'transport';

export interface SocketAddress {
  /** Dotted IPv4. */
  readonly addr: string;
  readonly port: number;
}

export interface MessageTiming {
  readonly queueing: SimTime;
  readonly transmission: SimTime;
  readonly propagation: SimTime;
}

export type LossReason = 'random' | 'rule' | 'queue-full' | 'no-route' | 'ttl-expired' | 'connection-closed' | 'port-unreachable';

export interface LossInfo {
  readonly at: SimTime;
  readonly reason: LossReason;
  /** The link it was lost on, if any. */
  readonly link: string | null;
  /** The node where it was dropped. */
  readonly node: string;
}

export interface MessageEvent {
  readonly kind: 'message';
  readonly id: number;
  readonly layer: Layer;
  /** 'tcp', 'udp', 'sockets', later 'http', 'dns' … */
  readonly protocol: string;
  /** Node ids. */
  readonly from: string;
  readonly to: string;
  readonly src: SocketAddress;
  readonly dst: SocketAddress;
  readonly sentAt: SimTime;
  receivedAt: SimTime | null;
  /** One line, as Wireshark's Info column would put it. */
  readonly summary: string;
  readonly bytes: Uint8Array;
  /** Connection (TCP) or flow (UDP) id shared by every message of it, e.g. "tcp:10.0.0.1:49152-10.0.0.2:12000". */
  readonly connection: string | null;
  /** The event that led to this one, or null. */
  readonly causedBy: number | null;
  /** Transport messages: the application messages whose bytes this one carries. */
  readonly carries: readonly number[];
  /** Transport messages: a retransmission of data sent before. */
  readonly retransmission: boolean;
  timing: MessageTiming | null;
  lost: LossInfo | null;
}

export interface StateEvent {
  readonly kind: 'state';
  readonly id: number;
  readonly at: SimTime;
  readonly node: string;
  readonly protocol: string;
  /** What changed, dotted: 'tcp.state', 'dns.cacheStored' … */
  readonly type: string;
  readonly summary: string;
  readonly connection: string | null;
  readonly causedBy: number | null;
  /** Details for the inspector; plain JSON. */
  readonly data: Readonly<Record<string, JsonValue>>;
}

export type TraceEvent = MessageEvent | StateEvent;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** `ratio`: a share (0.25 = 25 %); `factor`: a multiple (8.7 = ×8.7). */
export type MetricUnit = 's' | 'bytes' | 'count' | 'ratio' | 'factor' | 'bit/s';

export interface Metric {
  readonly node: string;
  /** camelCase name: 'replyTime', 'pageLoadTime' … */
  readonly name: string;
  /** In `unit`; times in seconds. */
  readonly value: number;
  readonly unit: MetricUnit;
  readonly at: SimTime;
  readonly summary: string;
}

export interface TraceNode {
  readonly id: string;
  readonly name: string;
  readonly kind: 'host' | 'router';
  readonly address: string;
  /** The types of the services the node runs ("dns-server", "tcp-uppercase" …), in the scenario's order; absent in traces of format 1 before it was added (read as none). */
  readonly services?: readonly string[];
}

/** A change to a message already handed out (it arrived or was lost). */
export interface MessageUpdate {
  readonly id: number;
  readonly receivedAt: SimTime | null;
  readonly timing: MessageTiming | null;
  readonly lost: LossInfo | null;
}

export interface TraceBatch {
  readonly events: readonly TraceEvent[];
  readonly updates: readonly MessageUpdate[];
  readonly metrics: readonly Metric[];
}
