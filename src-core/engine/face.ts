/**
 * The one face of every application-protocol engine: sans-I/O, in the style
 * of quinn-proto and h11. Read this file first when adding a protocol
 * (docs/adding-a-protocol.md walks through one).
 *
 * Rules:
 * - An engine holds no socket, no scheduler, no clock and no trace. Time is
 *   always an argument (`now`, integer ns, src-core/sim/time.ts).
 * - Inputs go in through `handle…(…, now)`: a datagram, a stream event
 *   (accepted, connected, data, acked, peer closed, closed, failed), a timeout, a
 *   command from the workload.
 * - Outputs are polled until null: `pollTransmit` (open a socket, send a
 *   datagram, connect, write, close, abort — each message with its trace
 *   label), `pollTimeout` (the next deadline and whether it may keep a run
 *   alive), `pollEvent` (what happened, a past-tense tagged union).
 * - Sockets are named by numbers the engine takes from `EngineEnv.socketId()`
 *   (its own sockets) or is given (a connection accepted on a listener).
 * - Every output carries the `cause` of the input that produced it: the
 *   trace id of the message received (Datagram.message, the `messages` of a
 *   data event), a message the engine sent itself ({ sent: ref }), or null.
 *   Engines pass trace ids on untouched; the driver links trace events with
 *   them.
 * - An exception thrown by an engine is a bug in that engine: the driver
 *   contains it (a traced `engine.error` state event on the node) and the run
 *   or the server process goes on.
 *
 * Two drivers serve every engine: the simulation's (src-core/host/driver.ts)
 * and the loopback one of `l7 serve` (src-main/serve/), over real sockets.
 */
import type { SimTime } from '../sim/time';

/** An IPv4 socket address: the address is a 32-bit unsigned number (net/ipv4.ts formats and parses it). */
export interface SocketAddr {
  readonly addr: number;
  readonly port: number;
}

export type TransportName = 'udp' | 'tcp';

/** A socket of one engine: a UDP socket, a TCP listener or a TCP connection. */
export type SocketId = number;

/** The trace id of the event an output answers (a message received), or null. */
export type Cause = number | null;

/** A message this engine sent earlier, named by the `ref` it gave it (the engine never sees trace ids of its own messages). */
export interface SentRef {
  readonly sent: number;
}

/** What led to an output: a message received (its trace id), one the engine sent itself, or nothing. */
export type CauseRef = Cause | SentRef;

/** What the trace shows of an application message an engine sends. */
export interface MessageLabel {
  /** 'dns', 'sockets', 'http' … */
  readonly protocol: string;
  /** One line, as Wireshark's Info column would put it. */
  readonly summary: string;
  readonly causedBy: CauseRef;
  /** A number of the engine's choosing, so later outputs can name this message as their cause ({ sent: ref }). */
  readonly ref?: number;
}

/**
 * Where a UDP socket is bound: a well-known port, a port from the ephemeral
 * range (the next free one), or a random free one (RFC 5452 §9.2: resolvers
 * pick a fresh random port per query).
 */
export type UdpPort = number | 'ephemeral' | 'random';

export type EngineTransmit =
  /** Opens a UDP socket. */
  | { readonly kind: 'bind'; readonly socket: SocketId; readonly port: UdpPort }
  /** Opens a TCP welcoming socket on `port`; connections arrive as `accepted` stream events. */
  | { readonly kind: 'listen'; readonly socket: SocketId; readonly port: number }
  /** One UDP datagram. `spoofedFrom` forges its source (attack lessons only; the loopback driver refuses it). */
  | { readonly kind: 'send'; readonly socket: SocketId; readonly to: SocketAddr; readonly data: Uint8Array; readonly label: MessageLabel | null; readonly spoofedFrom?: SocketAddr }
  /** Opens a TCP connection (three-way handshake); `connected` or `closed` follows. */
  | { readonly kind: 'connect'; readonly socket: SocketId; readonly to: SocketAddr }
  /** Bytes for a TCP connection; with a label the trace gets an application message. */
  | { readonly kind: 'write'; readonly socket: SocketId; readonly data: Uint8Array; readonly label: MessageLabel | null }
  /** UDP socket or listener: closed at once. TCP connection: FIN once queued data is sent. */
  | { readonly kind: 'close'; readonly socket: SocketId }
  /** TCP connection: reset (RST). */
  | { readonly kind: 'abort'; readonly socket: SocketId };

export interface Datagram {
  /** The engine's UDP socket it arrived on. */
  readonly socket: SocketId;
  readonly from: SocketAddr;
  readonly data: Uint8Array;
  /** Trace id of the application message it carried. */
  readonly message: Cause;
}

export type StreamCloseReason = 'closed' | 'reset' | 'timed-out';

/** Why a socket could not be opened or used; the engine decides what follows (retry, fail the lookup …). */
export type SocketErrorCode = 'port-in-use' | 'no-free-port' | 'not-permitted';

/** Stream events of a connection carry its trace id ("tcp:10.0.0.1:49152-10.0.0.2:53"), for the engine's state events. */
export type StreamEvent =
  /** A connection arrived on `listener`; `socket` is its new id. */
  | { readonly type: 'accepted'; readonly socket: SocketId; readonly listener: SocketId; readonly remote: SocketAddr; readonly connection: string }
  /** The three-way handshake of a `connect` finished. */
  | { readonly type: 'connected'; readonly socket: SocketId; readonly connection: string }
  /** Bytes arrived in order; `messages` are the application messages whose last byte is in them, in order. */
  | { readonly type: 'data'; readonly socket: SocketId; readonly data: Uint8Array; readonly messages: readonly number[]; readonly connection: string }
  /**
   * The peer has acknowledged every byte written to this connection before
   * stream offset `upTo` (bytes written count from 0). Over real sockets
   * (l7 serve) the kernel's acknowledgements are not visible: none is sent.
   */
  | { readonly type: 'acked'; readonly socket: SocketId; readonly upTo: number; readonly connection: string }
  /** The peer closed its direction (FIN): no more data will come. */
  | { readonly type: 'peerClosed'; readonly socket: SocketId; readonly connection: string }
  /** The connection is over. */
  | { readonly type: 'closed'; readonly socket: SocketId; readonly reason: StreamCloseReason; readonly connection: string }
  /** A `bind`, `listen` or `connect` could not be done. */
  | { readonly type: 'failed'; readonly socket: SocketId; readonly error: SocketErrorCode; readonly detail: string };

/** The engine's next deadline. A weak one (a cache expiry, TIME_WAIT) does not keep a finished run alive. */
export interface Deadline {
  readonly at: SimTime;
  readonly weak: boolean;
}

export interface Engine<Event, Command = never> {
  handleDatagram(datagram: Datagram, now: SimTime): void;
  handleStream(event: StreamEvent, now: SimTime): void;
  /** Called at (or after) the deadline pollTimeout gave; handles everything due by `now`. */
  handleTimeout(now: SimTime): void;
  handleCommand(command: Command, now: SimTime): void;
  pollTransmit(): EngineTransmit | null;
  pollTimeout(): Deadline | null;
  pollEvent(): Event | null;
}

/** What a driver gives an engine when it is made: fresh socket ids and seeded random numbers. */
export interface EngineEnv {
  socketId(): SocketId;
  /** A uniformly random unsigned 32-bit integer from the run's seed (query ids …). */
  random32(): number;
}

/** The earlier of two deadlines; weak only when both are weak, so a strong deadline behind it still keeps the run going. */
export function earlierDeadline(a: Deadline | null, b: Deadline | null): Deadline | null {
  if (a === null) return b;
  if (b === null) return a;
  return { at: Math.min(a.at, b.at), weak: a.weak && b.weak };
}
