/**
 * A network of engines for the fuzzer, with no latency: every engine is
 * driven through the engine face alone (src-core/engine/face.ts), as
 * src-core/host/driver.ts drives it, and the fuzzer is one more host on it
 * (FUZZER_ADDR) that sends inputs and reads what comes back.
 *
 * Rules:
 * - Inputs queue up and are handled one at a time, first in first out; after
 *   each, the engine's outputs are drained by the drivers' own drain
 *   (host/pump.ts drainEngine: its events, then its transmits, again until
 *   both are empty). Messages arrive at once, so a lookup runs to its end
 *   within one `flush()`.
 * - Time moves only in `advance(to)`: each deadline up to `to` fires in turn,
 *   at its own time, with the queue flushed after each.
 * - Sockets: a datagram goes to the socket bound on its address and port (or
 *   is lost); `connect` to a listener gives `accepted` there and `connected`
 *   here, a connect to an address with no listener is reset (no host there:
 *   timed out). A write arrives whole and is `acked` at once. Closing both
 *   directions closes the connection; an abort resets both ends. Port
 *   clashes and exhausted port ranges are `failed` events, and what the
 *   engine then queues for that socket is dropped.
 * - While an engine is `held`, what it sends to any host but the fuzzer is
 *   kept in `held` instead of delivered, and its connects reach the fuzzer
 *   (which accepts them): the fuzzer then answers the last held message
 *   itself (face-target.ts, reply inputs).
 * - Faults: an exception from an engine (a handle or poll call, or its
 *   module's report function) is thrown on as an EngineFault naming the
 *   engine, with the engine's own stack. A transmit the real driver would
 *   count as a fault (a socket the engine does not have, a write after its
 *   own close), a deadline that is not an exact SimTime (integer ns up to
 *   2^53) or never stops being due, an answer to the fuzzer from a port it
 *   never sent to, and a state event of a type its module does not declare
 *   fail a check. Messages are checked by the protocol's oracle (oracle.ts).
 */
import type { Datagram, Engine, EngineTransmit, MessageLabel, SocketAddr, SocketId, StreamCloseReason, StreamEvent, TransportName, UdpPort } from '../../../src-core/engine/face';
import { formatIpv4 } from '../../../src-core/net/ipv4';
import { drainEngine } from '../../../src-core/host/pump';
import { Reporter, ENGINE_ERROR, type ReportSink } from '../../../src-core/host/reporter';
import { PROTOCOL_MODULES } from '../../../src-core/protocols/registry';
import { Prng } from '../../../src-core/sim/prng';
import type { SimTime } from '../../../src-core/sim/time';
import { TraceStore } from '../../../src-core/trace/store';
import type { Checker, Oracle } from './oracle';
import { check, FuzzCheckError } from './target';
import { Driven, EngineFault, FIRST_EPHEMERAL, FUZZER_ADDR, LAST_PORT, MAX_SAME_DEADLINE, MAX_STEPS, NetNode, type AnyBinding, type Connection, type End, type Held } from './face-net-parts';

export { Driven, EngineFault, FUZZER_ADDR, MAX_STEPS, NetNode, type Connection, type Held } from './face-net-parts';

export interface NetOptions {
  /** Oracles by protocol; an engine whose protocol has none gets only the face checks. */
  readonly oracles: ReadonlyMap<string, Oracle>;
  /** Seeds the choice of random ports. */
  readonly seed: number;
}

export class FuzzNet {
  readonly drivens: Driven[] = [];
  readonly store = new TraceStore();
  /** What held engines sent (see the file comment). */
  held: Held[] = [];
  /** New engines start held (an action run as a prompt: its first query is the fuzzer's to answer). */
  holdNew = false;
  now: SimTime = 0;
  private readonly nodes = new Map<number, NetNode>();
  private readonly checkers = new Map<string, Checker>();
  private readonly queue: { readonly driven: Driven; readonly what: string; readonly handle: (engine: Engine<unknown, unknown>) => void }[] = [];
  private head = 0;
  private flushing = false;
  private nextMessage = 1;
  private nextFuzzerPort = 40001;
  /** "addr:port" of every UDP socket the fuzzer has sent to: answers come from one of them. */
  private readonly contacted = new Set<string>();
  private readonly ports: Prng;
  private readonly stateTypes = new Map(PROTOCOL_MODULES.map((m) => [m.protocol, new Set([...m.stateTypes])]));

  constructor(private readonly options: NetOptions) {
    this.ports = new Prng(options.seed).fork('random ports');
  }

  addNode(id: string, addr: number): NetNode {
    check(addr !== FUZZER_ADDR && !this.nodes.has(addr), () => `node ${id} has address ${formatIpv4(addr)}, which is taken`);
    const node = new NetNode(id, addr);
    this.nodes.set(addr, node);
    return node;
  }

  /** The checker shared by every engine of a protocol: it knows what the fuzzer asked. */
  checker(protocol: string): Checker | null {
    const oracle = this.options.oracles.get(protocol);
    if (!oracle) return null;
    let c = this.checkers.get(protocol);
    if (!c) this.checkers.set(protocol, (c = oracle.checker()));
    return c;
  }

  sink(node: NetNode): ReportSink {
    const clock = () => this.now;
    return {
      get now() {
        return clock();
      },
      nodeId: node.id,
      store: this.store,
    };
  }

  /** Runs an engine on `node` from now on (NodeContext.drive) and moves what it queued when made. */
  attach(node: NetNode, binding: AnyBinding): Driven {
    const d = new Driven(node, binding, new Reporter(this.sink(node), binding.protocol), this.checker(binding.protocol), this.options.oracles.get(binding.protocol) ?? null);
    d.held = this.holdNew;
    this.drivens.push(d);
    this.pump(d);
    this.flush();
    return d;
  }

  command(d: Driven, command: unknown): void {
    this.call(d, 'handling a command', () => d.engine.handleCommand(command, this.now));
    this.pump(d);
    this.flush();
  }

  /** A message id for the trace links of a message the fuzzer sends (Datagram.message, a data event's messages). */
  messageId(): number {
    return this.nextMessage++;
  }

  // --- the fuzzer's side ----------------------------------------------------------

  /** A datagram from the fuzzer (from `fromPort`) to the socket bound on `port` at `node`: its trace id, or null when no socket is bound there. */
  datagramToNode(node: NetNode, port: number, data: Uint8Array, fromPort: number): number | null {
    const dest = node.udp.get(port);
    if (!dest) return null;
    this.contacted.add(`${node.addr}:${port}`);
    const id = this.messageId();
    this.enqueueDatagram(dest.driven, dest.socket, { addr: FUZZER_ADDR, port: fromPort }, data, id);
    return id;
  }

  /** Answers a held datagram: `data` comes from where it was sent, to the socket it was sent from. */
  datagramToHeld(h: Extract<Held, { kind: 'datagram' }>, data: Uint8Array): void {
    this.enqueueDatagram(h.driven, h.socket, h.to, data, this.messageId());
  }

  /** A connection from the fuzzer to the listener on `port` at `node`, or null when there is none. */
  connectToNode(node: NetNode, port: number): Connection | null {
    const listener = node.tcp.get(port);
    if (!listener) return null;
    const clientPort = this.nextFuzzerPort;
    this.nextFuzzerPort = clientPort >= FIRST_EPHEMERAL - 1 ? 40001 : clientPort + 1;
    const conn = this.connection(null, 0, clientPort, FUZZER_ADDR, listener.driven, listener.driven.node.socketId(), port, node.addr);
    const server = conn.ends[1];
    listener.driven.sockets.set(server.socket, { kind: 'tcp', conn, side: 1 });
    this.enqueue(listener.driven, 'handling a stream event (accepted)', (e) =>
      e.handleStream({ type: 'accepted', socket: server.socket, listener: listener.socket, remote: { addr: FUZZER_ADDR, port: clientPort }, connection: conn.id }, this.now),
    );
    return conn;
  }

  /** Bytes from the fuzzer's end of `conn`, with the ids of the messages whose last byte is in them. */
  fuzzerWrites(conn: Connection, data: Uint8Array, messages: readonly number[]): void {
    const fuzzer = conn.ends[0].driven === null ? 0 : 1;
    const peer = conn.ends[1 - fuzzer]!;
    if (peer.closed || conn.ends[fuzzer]!.finSent) return;
    this.enqueueStream(peer, { type: 'data', socket: peer.socket, data, messages, connection: conn.id });
  }

  /** The fuzzer closes its direction of `conn`. */
  fuzzerCloses(conn: Connection): void {
    this.closeEnd(conn, conn.ends[0].driven === null ? 0 : 1);
  }

  // --- running --------------------------------------------------------------------

  /** The world is quiet after an input: each oracle's last checks. */
  settled(): void {
    for (const c of this.checkers.values()) c.settled?.();
  }

  /** Handles every queued input, with what each one leads to. */
  flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let steps = 0; this.head < this.queue.length; steps++) {
        check(steps < MAX_STEPS, () => `over ${MAX_STEPS} inputs handled in one go: the engines loop`);
        const { driven, what, handle } = this.queue[this.head++]!;
        this.call(driven, what, () => handle(driven.engine));
        this.pump(driven);
      }
    } finally {
      this.queue.length = 0;
      this.head = 0;
      this.flushing = false;
    }
  }

  /** Fires every deadline due by `to`, each at its own time, then sets the clock to `to`. */
  advance(to: SimTime): void {
    for (let steps = 0; ; steps++) {
      let next: Driven | null = null;
      let at = Infinity;
      for (const d of this.drivens) {
        const deadline = this.call(d, 'polling its timeout', () => d.engine.pollTimeout());
        if (deadline === null) continue;
        check(Number.isInteger(deadline.at), () => `${d.label} gave a deadline at ${deadline.at} (a SimTime is integer ns)`);
        // sim/time.ts: a SimTime is exact only up to 2^53 ns (about 104 days).
        check(deadline.at <= Number.MAX_SAFE_INTEGER, () => `${d.label} gave a deadline at ${deadline.at} ns, beyond 2^53 ns, where a SimTime is no longer exact`);
        if (deadline.at <= to && deadline.at < at) [next, at] = [d, deadline.at];
      }
      if (next === null) break;
      check(steps < MAX_STEPS, () => `over ${MAX_STEPS} deadlines fired before ${to} ns: the engines loop`);
      const d = next;
      this.now = Math.max(this.now, at);
      d.sameDeadline = d.lastFired === this.now ? d.sameDeadline + 1 : 0;
      d.lastFired = this.now;
      check(d.sameDeadline < MAX_SAME_DEADLINE, () => `${d.label} is still due at ${this.now} ns after ${MAX_SAME_DEADLINE} calls of handleTimeout(${this.now})`);
      this.call(d, 'handling a timeout', () => d.engine.handleTimeout(this.now));
      this.pump(d);
      this.flush();
    }
    this.now = Math.max(this.now, to);
  }

  /** One call into an engine (or its report function); an exception is the engine's fault. */
  private call<T>(d: Driven, where: string, f: () => T): T {
    try {
      return f();
    } catch (error) {
      throw new EngineFault(d.label, where, error);
    }
  }

  private enqueue(driven: Driven, what: string, handle: (engine: Engine<unknown, unknown>) => void): void {
    this.queue.push({ driven, what, handle });
  }

  private enqueueDatagram(d: Driven, socket: SocketId, from: SocketAddr, data: Uint8Array, message: number | null): void {
    const datagram: Datagram = { socket, from, data, message };
    this.enqueue(d, 'handling a datagram', (e) => {
      // A socket closed before the datagram arrived: lost, as on a host.
      if (d.sockets.get(socket)?.kind === 'udp') e.handleDatagram(datagram, this.now);
    });
  }

  private enqueueStream(end: End, event: StreamEvent): void {
    const d = end.driven;
    if (d === null) return;
    this.enqueue(d, `handling a stream event (${event.type})`, (e) => e.handleStream(event, this.now));
  }

  /**
   * Drains the engine's outputs as every driver does (host/pump.ts
   * drainEngine): its events, then its transmits, again until both are empty.
   * Where a driver contains a fault, the fuzzer counts it: a failed check as
   * it is, an exception as the engine's.
   */
  private pump(d: Driven): void {
    let outputs = 0;
    const count = () => check(++outputs <= MAX_STEPS, () => `${d.label} keeps producing outputs (over ${MAX_STEPS} in one go)`);
    drainEngine<unknown>({
      pollEvent() {
        const e = d.engine.pollEvent();
        check(e !== undefined, () => `${d.label}'s pollEvent returned undefined (an event or null expected)`);
        return e;
      },
      pollTransmit() {
        const t = d.engine.pollTransmit();
        check(t !== undefined, () => `${d.label}'s pollTransmit returned undefined (a transmit or null expected)`);
        return t;
      },
      report: (e) => {
        count();
        this.event(d, e);
      },
      perform: (t) => {
        count();
        this.perform(d, t);
      },
      fault(where, error) {
        throw error instanceof FuzzCheckError || error instanceof EngineFault ? error : new EngineFault(d.label, where, error);
      },
    });
  }

  /** An event: reported as the driver would, and each state event it makes checked. */
  private event(d: Driven, e: unknown): void {
    d.outputs++;
    if (d.checker?.event?.(e) === 'refusal') d.refusals++;
    const before = this.store.size;
    const metrics = this.store.metrics.length;
    this.call(d, 'reporting an event', () => d.binding.report(e, d.reporter));
    for (const listener of d.listeners) this.call(d, 'handing an event to a listener', () => listener(e));
    const declared = this.stateTypes.get(d.binding.protocol);
    for (let id = before; id < this.store.size; id++) {
      const s = this.store.get(id);
      if (s?.kind !== 'state') continue;
      check(s.type !== ENGINE_ERROR && (!declared || declared.has(s.type)), () => `${d.label} reported a state event of type ${s.type}, which its module does not declare`);
      check(!/\b(undefined|NaN)\b/.test(s.summary), () => `${d.label} reported "${s.summary}"`);
    }
    for (const m of this.store.metrics.slice(metrics)) check(Number.isFinite(m.value), () => `${d.label} reported the metric ${m.name} = ${m.value}`);
  }

  private perform(d: Driven, t: EngineTransmit): void {
    if (d.failed.has(t.socket)) return;
    switch (t.kind) {
      case 'bind':
        return this.open(d, t.socket, 'udp', t.port);
      case 'listen':
        return this.open(d, t.socket, 'listener', t.port);
      case 'connect':
        return this.connect(d, t.socket, t.to);
      case 'send':
        return this.send(d, t);
      case 'write':
        return this.write(d, t);
      case 'close':
        return this.close(d, t.socket);
      case 'abort': {
        const s = d.sockets.get(t.socket);
        check(s?.kind === 'tcp', () => `${d.label} aborted socket ${t.socket}, which is not a TCP connection of its own`);
        if (!s.conn.ends[s.side].closed) this.finish(s.conn, 'reset');
        return;
      }
      default: {
        const unknown: never = t;
        check(false, () => `${d.label} sent a transmit of kind ${(unknown as { kind: string }).kind}`);
      }
    }
  }

  private fresh(d: Driven, socket: SocketId, what: string): void {
    check(!d.sockets.has(socket), () => `${d.label} opened socket ${socket} (${what}) while it is still open`);
  }

  private open(d: Driven, socket: SocketId, kind: 'udp' | 'listener', want: UdpPort): void {
    this.fresh(d, socket, kind === 'udp' ? 'bind' : 'listen');
    const node = d.node;
    const table = kind === 'udp' ? node.udp : node.tcp;
    let port: number | null;
    if (want === 'ephemeral') port = node.ephemeralPort(table);
    else if (want === 'random') port = this.randomPort(table) ?? node.ephemeralPort(table);
    else if (table.has(want)) return this.fail(d, socket, 'port-in-use', `${kind === 'udp' ? 'UDP' : 'TCP'} port ${want} is in use`);
    else port = want;
    if (port === null) return this.fail(d, socket, 'no-free-port', 'no free ephemeral port');
    table.set(port, { driven: d, socket });
    d.sockets.set(socket, { kind, port });
  }

  private randomPort(taken: ReadonlyMap<number, unknown>): number | null {
    for (let i = 0; i < 64; i++) {
      const port = this.ports.nextInt(FIRST_EPHEMERAL, LAST_PORT);
      if (!taken.has(port)) return port;
    }
    return null;
  }

  private fail(d: Driven, socket: SocketId, error: 'port-in-use' | 'no-free-port', detail: string): void {
    d.failed.add(socket);
    this.call(d, 'handling a stream event (failed)', () => d.engine.handleStream({ type: 'failed', socket, error, detail }, this.now));
  }

  private connect(d: Driven, socket: SocketId, to: SocketAddr): void {
    this.fresh(d, socket, 'connect');
    const node = d.node;
    const port = node.ephemeralPort(node.tcp) ?? 0;
    if (d.held) {
      // The fuzzer plays the server: it accepts, and answers with the next input.
      const conn = this.connection(d, socket, port, node.addr, null, 0, to.port, to.addr);
      d.sockets.set(socket, { kind: 'tcp', conn, side: 0 });
      this.held.push({ kind: 'stream', driven: d, conn });
      this.enqueueStream(conn.ends[0], { type: 'connected', socket, connection: conn.id });
      return;
    }
    const host = this.nodes.get(to.addr);
    const listener = host?.tcp.get(to.port);
    if (!listener) {
      const conn = this.connection(d, socket, port, node.addr, null, 0, to.port, to.addr);
      d.sockets.set(socket, { kind: 'tcp', conn, side: 0 });
      this.finish(conn, host ? 'reset' : 'timed-out');
      return;
    }
    const peer = listener.driven;
    const conn = this.connection(d, socket, port, node.addr, peer, peer.node.socketId(), to.port, to.addr);
    d.sockets.set(socket, { kind: 'tcp', conn, side: 0 });
    peer.sockets.set(conn.ends[1].socket, { kind: 'tcp', conn, side: 1 });
    this.enqueueStream(conn.ends[1], { type: 'accepted', socket: conn.ends[1].socket, listener: listener.socket, remote: { addr: node.addr, port }, connection: conn.id });
    this.enqueueStream(conn.ends[0], { type: 'connected', socket, connection: conn.id });
  }

  private connection(client: Driven | null, clientSocket: SocketId, clientPort: number, clientAddr: number, server: Driven | null, serverSocket: SocketId, serverPort: number, serverAddr: number): Connection {
    const end = (driven: Driven | null, socket: SocketId): End => ({ driven, socket, finSent: false, closed: false, unread: new Uint8Array(0), written: 0 });
    return {
      id: `tcp:${formatIpv4(clientAddr)}:${clientPort}-${formatIpv4(serverAddr)}:${serverPort}`,
      ends: [end(client, clientSocket), end(server, serverSocket)],
    };
  }

  private send(d: Driven, t: Extract<EngineTransmit, { kind: 'send' }>): void {
    const s = d.sockets.get(t.socket);
    check(s?.kind === 'udp', () => `${d.label} sent a datagram on socket ${t.socket}, which is not an open UDP socket of its own`);
    const message = this.label(d, t.label);
    const toFuzzer = t.to.addr === FUZZER_ADDR;
    // A client takes an answer only from where it sent its question (RFC 5452 §9.1 for DNS; any socket client that connects its UDP socket).
    check(!toFuzzer || t.spoofedFrom !== undefined || this.contacted.has(`${d.node.addr}:${s.port}`), () => `${d.label} answered the fuzzer from UDP port ${s.port}, which the fuzzer never sent to`);
    this.observe(d, t.data, 'udp', toFuzzer, t.label ? d.reporter.resolve(t.label.causedBy) : null);
    if (toFuzzer) return;
    if (d.held) {
      this.held.push({ kind: 'datagram', driven: d, socket: t.socket, to: t.to, data: t.data });
      return;
    }
    const dest = this.nodes.get(t.to.addr)?.udp.get(t.to.port);
    if (dest) this.enqueueDatagram(dest.driven, dest.socket, t.spoofedFrom ?? { addr: d.node.addr, port: s.port }, t.data, message);
  }

  private write(d: Driven, t: Extract<EngineTransmit, { kind: 'write' }>): void {
    const { socket, data } = t;
    const s = d.sockets.get(socket);
    check(s?.kind === 'tcp', () => `${d.label} wrote on socket ${socket}, which is not a TCP connection of its own`);
    const conn = s.conn;
    const end = conn.ends[s.side];
    // A write to a connection that has closed under the engine is dropped (host/driver.ts).
    if (end.closed) return;
    check(!end.finSent, () => `${d.label} wrote on connection ${conn.id} after closing it`);
    const peer = conn.ends[1 - s.side]!;
    // Only the fuzzer's own connections carry replies to it; on a held one the fuzzer plays a server.
    const message = this.label(d, t.label);
    this.observeStream(d, end, data, peer.driven === null && s.side === 1, t.label ? d.reporter.resolve(t.label.causedBy) : null);
    if (peer.closed) return;
    end.written += data.length;
    this.enqueueStream(peer, { type: 'data', socket: peer.socket, data, messages: message === null ? [] : [message], connection: conn.id });
    // The peer has it at once: acknowledged (the fuzzer reads everything too).
    this.enqueueStream(end, { type: 'acked', socket: end.socket, upTo: end.written, connection: conn.id });
  }

  private close(d: Driven, socket: SocketId): void {
    const s = d.sockets.get(socket);
    check(s !== undefined, () => `${d.label} closed socket ${socket}, which is not open`);
    if (s.kind === 'tcp') return this.closeEnd(s.conn, s.side);
    (s.kind === 'udp' ? d.node.udp : d.node.tcp).delete(s.port);
    d.sockets.delete(socket);
  }

  /** One end closes its direction: the other end hears peerClosed; both closed ends the connection. */
  private closeEnd(conn: Connection, side: 0 | 1): void {
    const end = conn.ends[side];
    if (end.closed || end.finSent) return;
    end.finSent = true;
    const peer = conn.ends[1 - side]!;
    if (!peer.closed) this.enqueueStream(peer, { type: 'peerClosed', socket: peer.socket, connection: conn.id });
    if (peer.finSent) this.finish(conn, 'closed');
  }

  private finish(conn: Connection, reason: StreamCloseReason): void {
    for (const end of conn.ends) {
      if (end.closed) continue;
      end.closed = true;
      this.enqueueStream(end, { type: 'closed', socket: end.socket, reason, connection: conn.id });
    }
  }

  /** The trace id of a labelled message, remembered under the engine's ref as the driver does; null without a label. */
  private label(d: Driven, label: MessageLabel | null): number | null {
    if (!label) return null;
    const id = this.messageId();
    if (label.ref !== undefined) d.reporter.sent(label.ref, id);
    return id;
  }

  /** A message an engine sent, for its oracle: outputs counted, refusals noted. `cause`: the trace id its label names. */
  private observe(d: Driven, message: Uint8Array, transport: TransportName, toFuzzer: boolean, cause: number | null): void {
    d.outputs++;
    if (d.checker?.sent(message, { transport, toFuzzer, cause, who: d.label }) === 'refusal') d.refusals++;
  }

  /** Bytes an engine wrote: the oracle reads them as whole messages, however they were cut. */
  private observeStream(d: Driven, end: End, data: Uint8Array, toFuzzer: boolean, cause: number | null): void {
    if (!d.oracle || !d.checker) {
      d.outputs++;
      return;
    }
    const unread = new Uint8Array(end.unread.length + data.length);
    unread.set(end.unread);
    unread.set(data, end.unread.length);
    const framed = d.oracle.frames(unread);
    check(framed.error === null, () => `${d.label} wrote a stream its peer cannot read: ${framed.error}`);
    let consumed = 0;
    for (const m of framed.messages) {
      this.observe(d, m.payload, 'tcp', toFuzzer, cause);
      consumed = m.end;
    }
    end.unread = unread.subarray(consumed);
  }
}
