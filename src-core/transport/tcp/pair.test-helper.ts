/**
 * ConnectionPair: two TCP endpoints joined by a fake link, for tests (in the
 * style of h11's `ConnectionPair` and quinn's `Pair::step`/`drive`).
 *
 * - The clock is explicit: `pair.now` moves only when `step()` takes the
 *   next thing in time order — a segment arriving, a scheduled application
 *   action, or a connection deadline (ties in that order).
 * - The link has a one-way `delay` (plus an optional per-segment `jitter`,
 *   which reorders segments) and a `lose` predicate; every segment goes
 *   through `encodeTcp`/`decodeTcp`, so the codec is exercised too.
 * - Side "a" actively opens; side "b" is a host with a listener on its port:
 *   a SYN for it creates the connection with `TcpConnection.acceptSyn`, and
 *   a segment for a missing or CLOSED connection is answered with
 *   `rstForUnknownSegment`, as the host stack does.
 * - After every step the pair "flushes": it hands each event to `onEvent`
 *   (which may call send/close/abort), then sends everything both
 *   connections want to send, until both are quiet.
 */
import type { SimTime } from '../../sim/time';
import { ms } from '../../sim/time';
import { decodeTcp, describeTcpSegment, encodeTcp } from './codec';
import { DEFAULT_TCP_CONFIG, rstForUnknownSegment, TcpConnection } from './connection';
import type { TcpConfig, TcpEvent } from './connection';
import { TCP_FLAGS } from './segment';
import type { TcpSegment } from './segment';

export type Side = 'a' | 'b';

export interface WireRecord {
  from: Side;
  sentAt: SimTime;
  arrivesAt: SimTime;
  segment: TcpSegment;
  lost: boolean;
  retransmission: boolean;
  /** Human-readable line, Wireshark-style, with relative numbers. */
  info: string;
}

export interface EventRecord {
  side: Side;
  at: SimTime;
  event: TcpEvent;
}

export interface LossQuery {
  from: Side;
  segment: TcpSegment;
  /** 0-based count of segments sent so far in this direction. */
  index: number;
  retransmission: boolean;
  sentAt: SimTime;
}

export interface PairOptions {
  /** One-way propagation delay, both directions (default 10 ms). */
  delay?: SimTime;
  /** Return true to drop a segment. */
  lose?: (query: LossQuery) => boolean;
  /** Extra delay for one segment (default none); segments may overtake each other. */
  jitter?: (query: LossQuery) => SimTime;
  config?: Partial<TcpConfig>;
  configA?: Partial<TcpConfig>;
  configB?: Partial<TcpConfig>;
  issA?: number;
  issB?: number;
  /** Whether b listens on its port (default true). */
  listen?: boolean;
  /** Keep `wire` and `events` logs (default true; turn off for huge transfers). */
  record?: boolean;
  onEvent?: (side: Side, event: TcpEvent, pair: ConnectionPair) => void;
}

interface InFlight {
  to: Side;
  arrivesAt: SimTime;
  /** Send order, to break ties in arrival time. */
  order: number;
  bytes: Uint8Array;
}

/** Segments in flight, a binary min-heap on (arrivesAt, order). */
class LinkQueue {
  private heap: InFlight[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): InFlight | null {
    return this.heap[0] ?? null;
  }

  push(item: InFlight): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): InFlight | null {
    const heap = this.heap;
    const top = heap[0];
    if (!top) return null;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(x: InFlight, y: InFlight): boolean {
  return x.arrivesAt < y.arrivesAt || (x.arrivesAt === y.arrivesAt && x.order < y.order);
}

export const ADDR_A = 0x0a000001; // 10.0.0.1
export const ADDR_B = 0x0a000002; // 10.0.0.2
export const PORT_A = 49152;
export const PORT_B = 12000;

export class ConnectionPair {
  now: SimTime = 0;
  a: TcpConnection | null = null;
  b: TcpConnection | null = null;
  readonly wire: WireRecord[] = [];
  readonly events: EventRecord[] = [];
  readonly delay: SimTime;
  segmentsSent = 0;
  private readonly options: PairOptions;
  private readonly configA: TcpConfig;
  private readonly configB: TcpConfig;
  private readonly queue = new LinkQueue();
  private actions: { at: SimTime; seq: number; run: (pair: ConnectionPair) => void }[] = [];
  private actionSeq = 0;
  private sentCount: Record<Side, number> = { a: 0, b: 0 };

  constructor(options: PairOptions = {}) {
    this.options = options;
    this.delay = options.delay ?? ms(10);
    this.configA = { ...DEFAULT_TCP_CONFIG, ...options.config, ...options.configA };
    this.configB = { ...DEFAULT_TCP_CONFIG, ...options.config, ...options.configB };
  }

  /** a opens a connection to b now. */
  connect(): TcpConnection {
    this.a = TcpConnection.connect(
      { addr: ADDR_A, port: PORT_A },
      { addr: ADDR_B, port: PORT_B },
      this.options.issA ?? 1000,
      this.configA,
      this.now,
    );
    this.flush();
    return this.a;
  }

  conn(side: Side): TcpConnection {
    const conn = side === 'a' ? this.a : this.b;
    if (!conn) throw new Error(`no connection on side ${side}`);
    return conn;
  }

  /** Run `action` at simulated time `at` (>= now). */
  at(at: SimTime, run: (pair: ConnectionPair) => void): void {
    this.actions.push({ at, seq: this.actionSeq++, run });
    this.actions.sort((x, y) => x.at - y.at || x.seq - y.seq);
  }

  /** Take the next thing in time order. Returns false when nothing is left. */
  step(): boolean {
    const packet = this.queue.peek();
    const action = this.actions[0] ?? null;
    const timeoutA = this.a?.pollTimeout() ?? null;
    const timeoutB = this.b?.pollTimeout() ?? null;
    let best = Infinity;
    if (packet) best = packet.arrivesAt;
    if (action && action.at < best) best = action.at;
    if (timeoutA !== null && timeoutA < best) best = timeoutA;
    if (timeoutB !== null && timeoutB < best) best = timeoutB;
    if (best === Infinity) return false;
    this.now = Math.max(this.now, best);
    if (packet && packet.arrivesAt === best) {
      this.queue.pop();
      this.arrive(packet);
    } else if (action && action.at === best) {
      this.actions.shift();
      action.run(this);
    } else if (timeoutA !== null && timeoutA === best) {
      this.a!.handleTimeout(this.now);
    } else {
      this.b!.handleTimeout(this.now);
    }
    this.flush();
    return true;
  }

  /** Step until idle or until the next thing is later than `until`; returns the number of steps. */
  run(until: SimTime = Infinity, maxSteps = 10_000_000): number {
    let steps = 0;
    while (steps < maxSteps && this.nextTime() <= until && this.step()) steps += 1;
    if (steps >= maxSteps) throw new Error(`pair did not settle in ${maxSteps} steps`);
    return steps;
  }

  /** Time of the next step, or Infinity. */
  nextTime(): SimTime {
    let best = Infinity;
    const packet = this.queue.peek();
    if (packet) best = packet.arrivesAt;
    if (this.actions[0]) best = Math.min(best, this.actions[0].at);
    const ta = this.a?.pollTimeout() ?? null;
    const tb = this.b?.pollTimeout() ?? null;
    if (ta !== null) best = Math.min(best, ta);
    if (tb !== null) best = Math.min(best, tb);
    return best;
  }

  /** Events of one side (requires `record`). */
  eventsOf(side: Side): TcpEvent[] {
    return this.events.filter((e) => e.side === side).map((e) => e.event);
  }

  /** States each side went through, starting with its first state (requires `record`). */
  statePath(side: Side): string[] {
    const path: string[] = [];
    for (const { side: s, event } of this.events) {
      if (s !== side || event.type !== 'tcp.stateChanged') continue;
      if (path.length === 0) path.push(event.from);
      path.push(event.to);
    }
    return path;
  }

  /** Bytes delivered to `side` by tcp.dataReceived, concatenated, checking offsets are contiguous (requires `record`). */
  received(side: Side): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (const { side: s, event } of this.events) {
      if (s !== side || event.type !== 'tcp.dataReceived') continue;
      if (event.streamOffset !== length) throw new Error(`gap: offset ${event.streamOffset}, expected ${length}`);
      chunks.push(event.data);
      length += event.data.length;
    }
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /** Time of the first event of `side` matching `type`, or null (requires `record`). */
  timeOf(side: Side, type: TcpEvent['type']): SimTime | null {
    return this.events.find((e) => e.side === side && e.event.type === type)?.at ?? null;
  }

  /** The wire log as text, one segment per line — handy in failure messages. */
  transcript(): string {
    return this.wire
      .map((w) => `${(w.sentAt / 1e6).toFixed(3)}ms ${w.from}→${w.from === 'a' ? 'b' : 'a'} ${w.info}${w.retransmission ? ' [rtx]' : ''}${w.lost ? ' LOST' : ''}`)
      .join('\n');
  }

  /** Hand out events, then send what both sides want to send, until quiet. */
  flush(): void {
    for (;;) {
      let busy = false;
      for (const side of ['a', 'b'] as const) {
        const conn = side === 'a' ? this.a : this.b;
        if (!conn) continue;
        for (let event = conn.pollEvent(); event; event = conn.pollEvent()) {
          busy = true;
          if (this.options.record !== false) this.events.push({ side, at: this.now, event });
          this.options.onEvent?.(side, event, this);
        }
      }
      for (const side of ['a', 'b'] as const) {
        const conn = side === 'a' ? this.a : this.b;
        if (!conn) continue;
        for (let t = conn.pollTransmit(this.now); t; t = conn.pollTransmit(this.now)) {
          busy = true;
          this.transmit(side, t.segment, t.retransmission, conn);
        }
      }
      if (!busy) return;
    }
  }

  private transmit(from: Side, segment: TcpSegment, retransmission: boolean, conn: TcpConnection | null): void {
    const [src, dst] = from === 'a' ? [ADDR_A, ADDR_B] : [ADDR_B, ADDR_A];
    const bytes = encodeTcp(segment, src, dst);
    const index = this.sentCount[from]++;
    this.segmentsSent += 1;
    const query = { from, segment, index, retransmission, sentAt: this.now };
    const lost = this.options.lose?.(query) ?? false;
    const arrivesAt = this.now + this.delay + (this.options.jitter?.(query) ?? 0);
    if (this.options.record !== false) {
      const isns = conn ? { iss: conn.iss, irs: conn.irs } : null;
      this.wire.push({ from, sentAt: this.now, arrivesAt, segment, lost, retransmission, info: describeTcpSegment(segment, isns) });
    }
    if (!lost) this.queue.push({ to: from === 'a' ? 'b' : 'a', arrivesAt, order: this.segmentsSent, bytes });
  }

  private arrive(packet: InFlight): void {
    const [src, dst] = packet.to === 'b' ? [ADDR_A, ADDR_B] : [ADDR_B, ADDR_A];
    const decoded = decodeTcp(packet.bytes, src, dst);
    if (!decoded.ok) throw new Error(`link corrupted a segment: ${decoded.error.message}`);
    const seg = decoded.value;
    const conn = packet.to === 'a' ? this.a : this.b;
    if (conn && conn.state !== 'CLOSED') {
      conn.handleSegment(seg, this.now);
      return;
    }
    const isPlainSyn = (seg.flags & (TCP_FLAGS.SYN | TCP_FLAGS.ACK | TCP_FLAGS.RST)) === TCP_FLAGS.SYN;
    if (packet.to === 'b' && isPlainSyn && this.options.listen !== false) {
      this.b = TcpConnection.acceptSyn({ addr: ADDR_B, port: PORT_B }, seg, ADDR_A, this.options.issB ?? 5000, this.configB, this.now);
      return;
    }
    const rst = rstForUnknownSegment(seg);
    if (rst) this.transmit(packet.to, rst, false, null);
  }
}

/**
 * Index of the first differing byte, the shorter length if one is a prefix
 * of the other, or -1 when equal. (Deep equality on large typed arrays is
 * slow in test matchers.)
 */
export function firstDifference(x: Uint8Array, y: Uint8Array): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i += 1) if (x[i] !== y[i]) return i;
  return x.length === y.length ? -1 : n;
}
