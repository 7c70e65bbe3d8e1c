/**
 * Bulk transfer over UDP, sans-I/O. UDP has no flow or congestion control,
 * so the sender paces itself: one datagram every T = ⌈datagramBytes·8 / rate⌉
 * ns (transmissionDelay: as if its UDP payloads were pushed onto a link of
 * that rate), the first at once. It holds no more than the counters; each
 * datagram is made when it is due.
 *
 * The sink keeps one record per source (address and port): which sequence
 * numbers arrived (a bitset), the bytes, the first and last arrival. A
 * transfer ends when every datagram is in, when the last one (seq = count)
 * arrives — the simulated network keeps datagrams of one flow in order (one
 * route, FIFO links), so nothing earlier is still coming — or after
 * UDP_IDLE_TIMEOUT without a datagram of it, when the last one was lost.
 * Datagrams of a source whose transfer has ended are ignored.
 */
import type { Cause, Datagram, Deadline, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { formatIpv4 } from '../../net/ipv4';
import { seconds, transmissionDelay, type SimTime } from '../../sim/time';
import { datagramCount, decodeDatagram, encodeDatagram, isPattern } from './codec';
import { PROTOCOL, type BulkEvent } from './events';

/** How long a sink waits for a datagram of an unfinished transfer before it reports it (and its losses). */
export const UDP_IDLE_TIMEOUT: SimTime = seconds(1);

export interface UdpBulkRequest {
  readonly server: SocketAddr;
  /** Size of the file, bytes. */
  readonly bytes: number;
  /** Pace of the datagrams' UDP payloads, bit/s. */
  readonly rate: number;
  /** UDP payload of each datagram (16-byte header included), bytes. */
  readonly datagramBytes: number;
}

/** The time between two datagrams of `datagramBytes` at `rate` bit/s. */
export function datagramInterval(datagramBytes: number, rate: number): SimTime {
  return transmissionDelay(datagramBytes, rate);
}

export function datagramSummary(seq: number, count: number): string {
  return `Datagram ${seq}/${count}`;
}

/** The `ref` of the last datagram, which the sender's `bulk.sent` names. */
const LAST = 1;

export class UdpBulkSender extends EngineBase<BulkEvent, UdpBulkRequest> {
  private readonly socket: SocketId;
  private request: UdpBulkRequest | null = null;
  private count = 0;
  private interval: SimTime = 0;
  private startedAt: SimTime = 0;
  /** Sequence number of the next datagram to send (1-based); past `count` when all are sent. */
  private next = 1;
  /** `bulk.sent` (or `bulk.failed`) is out: nothing more to do. */
  private reported = false;

  constructor(env: EngineEnv) {
    super(PROTOCOL);
    this.socket = env.socketId();
  }

  override handleCommand(request: UdpBulkRequest, now: SimTime): void {
    if (this.request !== null) throw new Error('a bulk sender makes one transfer');
    this.request = request;
    this.count = datagramCount(request.bytes, request.datagramBytes);
    this.interval = datagramInterval(request.datagramBytes, request.rate);
    this.startedAt = now;
    const server = `${formatIpv4(request.server.addr)}:${request.server.port}`;
    this.out.event({ type: 'bulk.started', transport: 'udp', bytes: request.bytes, datagrams: this.count, server });
    this.out.bind(this.socket, 'ephemeral');
    this.sendDue(now);
  }

  override handleTimeout(now: SimTime): void {
    this.sendDue(now);
  }

  override handleStream(e: StreamEvent): void {
    // Only a failed bind reaches a UDP engine this way: stop sending.
    if (e.type !== 'failed' || e.socket !== this.socket || this.request === null) return;
    this.reported = true;
    this.out.event({ type: 'bulk.failed', reason: e.detail, received: null, expected: this.request.bytes, connection: null });
  }

  /**
   * The next datagram's time; after the last, that same instant once more:
   * the driver sends what an input queued after the events it queued, so
   * `bulk.sent` waits for a timeout of its own to name the last datagram.
   */
  override pollTimeout(): Deadline | null {
    if (this.request === null || this.reported) return null;
    return { at: this.sendTime(Math.min(this.next, this.count)), weak: false };
  }

  private sendTime(seq: number): SimTime {
    return this.startedAt + (seq - 1) * this.interval;
  }

  private sendDue(now: SimTime): void {
    const r = this.request;
    if (r === null || this.reported) return;
    if (this.next > this.count) {
      this.reported = true;
      this.out.event({ type: 'bulk.sent', transport: 'udp', bytes: r.bytes, elapsed: this.sendTime(this.count) - this.startedAt, cause: { sent: LAST }, connection: null });
      this.out.close(this.socket);
      return;
    }
    while (this.next <= this.count && this.sendTime(this.next) <= now) {
      const seq = this.next++;
      const label = this.out.label(datagramSummary(seq, this.count), null, seq === this.count ? LAST : undefined);
      this.out.send(this.socket, r.server, encodeDatagram(seq, r.bytes, r.datagramBytes), label);
    }
  }

}

interface Flow {
  readonly count: number;
  readonly total: number;
  /** Bit seq − 1 is set once datagram seq arrived; released when the transfer is reported. */
  seen: Uint8Array | null;
  datagrams: number;
  bytes: number;
  readonly firstAt: SimTime;
  lastAt: SimTime;
  /** When to look again whether it has gone quiet; moves only when looked at, so arrivals do not re-arm a timer. */
  checkAt: SimTime;
  intact: boolean;
  lastCause: Cause;
}

export class UdpBulkSink extends EngineBase<BulkEvent> {
  private readonly socket: SocketId;
  /** By source "address:port"; an ended transfer stays, with `seen` null. */
  private readonly flows = new Map<string, Flow>();

  constructor(
    env: EngineEnv,
    port: number,
    private readonly idle: SimTime = UDP_IDLE_TIMEOUT,
  ) {
    super(PROTOCOL);
    this.socket = env.socketId();
    this.out.bind(this.socket, port);
  }

  override handleDatagram(d: Datagram, now: SimTime): void {
    const decoded = decodeDatagram(d.data);
    if (!decoded.ok) {
      this.out.event({ type: 'bulk.malformed', reason: decoded.error.message, cause: d.message, connection: null });
      return;
    }
    const { header, data, offset } = decoded.value;
    const key = `${d.from.addr}:${d.from.port}`;
    let flow = this.flows.get(key);
    if (!flow) {
      flow = { count: header.count, total: header.total, seen: new Uint8Array(Math.ceil(header.count / 8)), datagrams: 0, bytes: 0, firstAt: now, lastAt: now, checkAt: now + this.idle, intact: true, lastCause: null };
      this.flows.set(key, flow);
    }
    const seen = flow.seen;
    if (seen === null) return; // its transfer was reported: a late datagram
    if (flow.count !== header.count || flow.total !== header.total) {
      this.out.event({ type: 'bulk.malformed', reason: `datagram ${header.seq} says ${header.count} datagrams of ${header.total} bytes, earlier ones ${flow.count} of ${flow.total}`, cause: d.message, connection: null });
      return;
    }
    const i = header.seq - 1;
    if ((seen[i >> 3]! & (1 << (i & 7))) !== 0) return; // a duplicate
    seen[i >> 3]! |= 1 << (i & 7);
    flow.datagrams += 1;
    flow.bytes += data.length;
    flow.lastAt = now;
    flow.lastCause = d.message;
    if (!isPattern(data, offset)) flow.intact = false;
    if (flow.datagrams === flow.count || header.seq === flow.count) this.complete(flow);
  }

  override handleTimeout(now: SimTime): void {
    for (const flow of this.flows.values()) {
      if (flow.seen === null || flow.checkAt > now) continue;
      if (now - flow.lastAt >= this.idle) this.complete(flow);
      else flow.checkAt = flow.lastAt + this.idle;
    }
  }

  override pollTimeout(): Deadline | null {
    let at: SimTime | null = null;
    for (const flow of this.flows.values()) if (flow.seen !== null && (at === null || flow.checkAt < at)) at = flow.checkAt;
    return at === null ? null : { at, weak: false };
  }

  private complete(flow: Flow): void {
    flow.seen = null;
    this.out.event({
      type: 'bulk.completed',
      transport: 'udp',
      bytes: flow.bytes,
      expected: flow.total,
      elapsed: flow.lastAt - flow.firstAt,
      intact: flow.intact,
      datagrams: flow.count,
      lost: flow.count - flow.datagrams,
      cause: flow.lastCause,
      connection: null,
    });
  }

}
