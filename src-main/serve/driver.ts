/**
 * The loopback driver: the second driver of the one engine face
 * (src-core/engine/face.ts), after the simulation's (src-core/host/driver.ts).
 * It binds one engine to real sockets on 127.0.0.1 — Node's dgram and net —
 * with the same vocabulary: a `bind` is a UDP socket, a `listen` a
 * net.Server, `send`/`write`/`close`/`abort` the socket calls, and what the
 * sockets deliver comes back as datagrams and stream events.
 *
 * Rules (those of host/driver.ts, plus what real sockets need):
 * - Inputs reach the engine on the callback they arrive on; its outputs are
 *   taken in the order it queued them — events, then transmits, until both
 *   are empty — and then its one timer is armed (setTimeout; a weak
 *   deadline's timer is unref'd): the same pump and drain as the
 *   simulation's (src-core/host/pump.ts), with Node's timers.
 * - `bind` or `listen` of a scenario port takes the socket opened for it
 *   (sockets.ts, port-plan.ts); any other port is opened here, an
 *   ephemeral or random one on port 0. A socket that cannot be opened is a
 *   `failed` stream event for the engine.
 * - `l7 serve` talks to nobody but its clients and the origins it was
 *   given: a datagram goes only to an address and port that has sent one to
 *   that socket; a `connect` goes to 127.0.0.1:LOCAL when an --origin names
 *   its address and port (origins.ts: a proxy cache reaching its origin
 *   servers), and otherwise fails with 'not-permitted' (a recursive server
 *   or resolver asking upstream); a forged source (`spoofedFrom`) is
 *   refused. Each refusal is a traced `serve.refused` state event. Nothing
 *   leaves the machine.
 * - An outbound connection is a TCP connection like an accepted one: its
 *   `connected` event when the handshake is done, and a connect the origin
 *   refuses is `closed` with reason 'reset' before any `connected`, as a
 *   simulated RST is.
 * - A write to a connection already closed is dropped (the `closed` event
 *   follows or has been given); a connection is forgotten once its `closed`
 *   event has been handled.
 * - An exception from the engine, or a transmit naming a socket it does not
 *   have, is a fault of that engine: a traced `engine.error` state event on
 *   the node; what it was handling is dropped and the server keeps serving.
 *   A fault in this driver's own callbacks is contained the same way.
 */
import type { Socket as UdpSocket } from 'node:dgram';
import type { Server, Socket as TcpSocket } from 'node:net';
import type { CauseRef, Datagram, EngineTransmit, SocketAddr, SocketId, StreamEvent, UdpPort } from '../../src-core/engine/face';
import { formatIpv4, parseIpv4 } from '../../src-core/net/ipv4';
import type { DrivenEngine, EngineBinding } from '../../src-core/protocols/module';
import { drainEngine, Pump, type PumpTimers } from '../../src-core/host/pump';
import { Reporter, type StateDataMap } from '../../src-core/host/reporter';
import type { SimTime } from '../../src-core/sim/time';
import type { SocketAddress } from '../../src-core/trace/types';
import type { LoopbackHost } from './host';
import { NOT_AN_ORIGIN, type OriginTarget } from './origins';
import { bindUdp, closeOpenSocket, describeSocketError, listenTcp, LOOPBACK, newTcpServer, newTcpSocket, newUdpSocket, socketErrorCode } from './sockets';
import { summarizeIncoming } from './summaries';
import { connectionOf } from './trace';

/** The state events of the loopback driver itself (docs/trace-format.md). */
export type ServeStateData = {
  readonly 'serve.refused': { readonly transmit: 'send' | 'connect'; readonly to: string; readonly reason: string };
};

export const NOBODY_BUT_CLIENTS = 'l7 serve talks to nobody but its clients';

type Held =
  | { readonly kind: 'udp'; readonly socket: UdpSocket; port: number; readonly peers: Set<string> }
  | { readonly kind: 'listener'; readonly server: Server }
  | TcpHeld;

/** A TCP connection: accepted from a client, or opened to an origin (then `origin` names it, and its ends are known once connected). */
interface TcpHeld {
  readonly kind: 'tcp';
  readonly socket: TcpSocket;
  peer: SocketAddress;
  local: SocketAddress;
  connection: string;
  readonly origin?: string;
}

/** How many client endpoints a UDP socket remembers as allowed destinations (the oldest is forgotten first). */
const MAX_PEERS = 4096;
/** setTimeout's longest delay (2^31 − 1 ms); a later deadline is re-armed when this one fires. */
const MAX_DELAY_MS = 0x7fffffff;
/** A timer firing this much before its deadline (Node counts whole ms from a cached loop time) counts as on time. */
const EARLY_NS = 5_000_000;

export class LoopbackDriver<Event, Command, M extends StateDataMap> implements DrivenEngine<Command, Event> {
  readonly reporter: Reporter<M>;
  private readonly refusals: Reporter<ServeStateData>;
  private readonly sockets = new Map<SocketId, Held>();
  /** Sockets that could not be opened: later transmits for them are dropped (the engine was told). */
  private readonly failed = new Set<SocketId>();
  private readonly pump: Pump;
  private stopped = false;
  private readonly listeners: ((event: Event) => void)[] = [];

  constructor(
    private readonly host: LoopbackHost,
    private readonly binding: EngineBinding<Event, Command, M>,
  ) {
    this.reporter = new Reporter<M>(host.reportSink, binding.protocol);
    this.refusals = new Reporter<ServeStateData>(host.reportSink, binding.protocol);
    const engine = binding.engine;
    this.pump = new Pump(
      this.realTimers(),
      () => {
        if (this.stopped) return;
        drainEngine({
          pollEvent: () => engine.pollEvent(),
          pollTransmit: () => engine.pollTransmit(),
          report: (event) => {
            binding.report(event, this.reporter);
            for (const listener of this.listeners) listener(event);
          },
          perform: (transmit) => this.perform(transmit),
          fault: (where, error) => this.fault(binding.name, where, error),
        });
      },
      () => (this.stopped ? null : this.poll('pollTimeout', () => engine.pollTimeout())),
      (at) => {
        // Early by more than the timers' rounding only when the deadline is beyond setTimeout's range: then it is armed again.
        if (this.stopped || at - this.now > EARLY_NS) return;
        this.host.clock.advanceTo(at);
        this.input('a timeout', () => engine.handleTimeout(this.now));
      },
    );
  }

  /** Node's timers for the pump: whole ms, at most setTimeout's range; a weak deadline's timer is unref'd. */
  private realTimers(): PumpTimers {
    return {
      set: (at, weak, fire) => {
        const delay = Math.min(MAX_DELAY_MS, Math.max(0, Math.ceil((at - this.now) / 1e6)));
        const timer = setTimeout(() => this.guard('its timer', fire), delay);
        if (weak) timer.unref();
        return { at, cancel: () => clearTimeout(timer) };
      },
    };
  }

  /** Moves what the engine queued when it was made (its listeners). */
  start(): this {
    this.pump.run();
    return this;
  }

  /** Also hands every event the engine emits to `listener`, after it is reported. */
  onEvent(listener: (event: Event) => void): void {
    this.listeners.push(listener);
  }

  command(command: Command): void {
    if (this.stopped) return;
    this.input('a command', () => this.binding.engine.handleCommand(command, this.now));
    this.pump.run();
  }

  /** Ends serving: the timer is cancelled and every socket closed; nothing reaches the engine any more. */
  stop(): void {
    this.stopped = true;
    this.pump.stop();
    for (const held of this.sockets.values()) {
      if (held.kind === 'udp') closeOpenSocket({ kind: 'udp', socket: held.socket });
      else if (held.kind === 'listener') closeOpenSocket({ kind: 'tcp', server: held.server });
      else held.socket.destroy();
    }
    this.sockets.clear();
  }

  private get now(): SimTime {
    return this.host.clock.now();
  }

  // --- inputs --------------------------------------------------------------------

  private input(what: string, handle: () => void): void {
    try {
      handle();
    } catch (error) {
      this.fault(this.binding.name, `handling ${what}`, error);
    }
  }

  private poll<T>(what: string, poll: () => T | null): T | null {
    try {
      return poll();
    } catch (error) {
      this.fault(this.binding.name, what, error);
      return null;
    }
  }

  /** Runs a socket callback of this driver; a bug in it is traced, not thrown into Node's event loop. */
  private guard(what: string, body: () => void): void {
    try {
      body();
    } catch (error) {
      this.fault(`loopback driver of the ${this.binding.name}`, `handling ${what}`, error);
    }
  }

  private datagram(d: Datagram): void {
    this.input('a datagram', () => this.binding.engine.handleDatagram(d, this.now));
    this.pump.run();
  }

  private stream(e: StreamEvent): void {
    if (this.stopped) return;
    this.input(`a stream event (${e.type})`, () => this.binding.engine.handleStream(e, this.now));
    this.pump.run();
  }

  // --- outputs -------------------------------------------------------------------

  private perform(t: EngineTransmit): void {
    if (this.failed.has(t.socket) || this.stopped) return;
    switch (t.kind) {
      case 'bind':
        return this.bind(t.socket, t.port);
      case 'listen':
        return this.listen(t.socket, t.port);
      case 'connect': {
        const origin = this.host.origins.target(t.to);
        if (origin) return this.connect(t.socket, origin);
        const reason = this.host.origins.isEmpty ? NOBODY_BUT_CLIENTS : NOT_AN_ORIGIN;
        this.refuse('connect', t.to, null, reason);
        this.failed.add(t.socket);
        this.stream({ type: 'failed', socket: t.socket, error: 'not-permitted', detail: reason });
        return;
      }
      case 'send': {
        const udp = this.udp(t.socket);
        if (t.spoofedFrom) return this.refuse('send', t.to, t.label?.causedBy ?? null, 'a forged source address is for simulated attacks only');
        if (!udp.peers.has(endpointKey(t.to))) return this.refuse('send', t.to, t.label?.causedBy ?? null);
        const host = formatIpv4(t.to.addr);
        udp.socket.send(t.data, t.to.port, host, () => undefined);
        if (t.label) {
          const client = { addr: host, port: t.to.port };
          const id = this.host.trace.sent({ protocol: t.label.protocol, peer: client, local: { addr: LOOPBACK, port: udp.port }, at: this.now, bytes: t.data.slice(), summary: t.label.summary, transport: 'udp' }, this.reporter.resolve(t.label.causedBy));
          if (t.label.ref !== undefined) this.reporter.sent(t.label.ref, id);
        }
        return;
      }
      case 'write': {
        const tcp = this.tcp(t.socket);
        if (tcp.socket.destroyed || tcp.socket.writableEnded) return;
        tcp.socket.write(t.data);
        if (t.label) {
          const id = this.host.trace.sent({ ...this.ends(tcp), protocol: t.label.protocol, at: this.now, bytes: t.data.slice(), summary: t.label.summary, transport: 'tcp' }, this.reporter.resolve(t.label.causedBy));
          if (t.label.ref !== undefined) this.reporter.sent(t.label.ref, id);
        }
        return;
      }
      case 'close': {
        const held = this.socket(t.socket);
        if (held.kind === 'tcp') {
          if (!held.socket.destroyed && !held.socket.writableEnded) held.socket.end();
          return;
        }
        if (held.kind === 'udp') closeOpenSocket({ kind: 'udp', socket: held.socket });
        else closeOpenSocket({ kind: 'tcp', server: held.server });
        this.sockets.delete(t.socket);
        return;
      }
      case 'abort': {
        const tcp = this.tcp(t.socket);
        if (!tcp.socket.destroyed) tcp.socket.resetAndDestroy();
        return;
      }
    }
  }

  private bind(id: SocketId, port: UdpPort): void {
    if (this.sockets.has(id)) throw new Error(`socket ${id} is already open`);
    const pooled = typeof port === 'number' ? this.host.pool.take('udp', port) : null;
    if (pooled?.open.kind === 'udp') {
      this.attachUdp(id, pooled.open.socket, pooled.port);
      return;
    }
    const local = typeof port === 'number' ? this.host.localOf(port).port : 0;
    const socket = newUdpSocket();
    const held = this.attachUdp(id, socket, local);
    // Datagrams sent while it binds are queued by Node until it is bound.
    bindUdp(socket, local).then(
      (bound) => {
        held.port = bound;
      },
      (error: unknown) => this.openFailed(id, 'udp', local, error),
    );
  }

  private listen(id: SocketId, port: number): void {
    if (this.sockets.has(id)) throw new Error(`socket ${id} is already open`);
    const pooled = this.host.pool.take('tcp', port);
    if (pooled?.open.kind === 'tcp') {
      this.attachListener(id, pooled.open.server);
      return;
    }
    const local = this.host.localOf(port).port;
    const server = newTcpServer();
    this.attachListener(id, server);
    listenTcp(server, local).catch((error: unknown) => this.openFailed(id, 'tcp', local, error));
  }

  private openFailed(id: SocketId, transport: 'udp' | 'tcp', port: number, error: unknown): void {
    const held = this.sockets.get(id);
    // Stopped, or closed by the engine before its bind could finish: nobody to tell.
    if (this.stopped || !held) return;
    if (held.kind === 'udp') closeOpenSocket({ kind: 'udp', socket: held.socket });
    this.sockets.delete(id);
    this.failed.add(id);
    this.stream({ type: 'failed', socket: id, error: socketErrorCode(error, port), detail: `${transport} ${LOOPBACK}:${port}: ${describeSocketError(error)}` });
  }

  private attachUdp(id: SocketId, socket: UdpSocket, port: number): Held & { kind: 'udp' } {
    const held = { kind: 'udp' as const, socket, port, peers: new Set<string>() };
    this.sockets.set(id, held);
    socket.on('error', () => undefined);
    socket.on('message', (msg, rinfo) =>
      this.guard('a datagram', () => {
        if (this.stopped) return;
        const addr = parseIpv4(rinfo.address);
        if (addr === null) return; // bound to 127.0.0.1: never happens
        const from: SocketAddr = { addr, port: rinfo.port };
        remember(held.peers, endpointKey(from));
        const bytes = new Uint8Array(msg);
        const client = { addr: rinfo.address, port: rinfo.port };
        const message = this.host.trace.received({ protocol: this.binding.protocol, peer: client, local: { addr: LOOPBACK, port: held.port }, at: this.now, bytes, summary: this.summary(bytes, 'udp'), transport: 'udp' });
        this.datagram({ socket: id, from, data: bytes, message });
      }),
    );
    return held;
  }

  private attachListener(id: SocketId, server: Server): void {
    this.sockets.set(id, { kind: 'listener', server });
    server.on('error', () => undefined);
    server.on('connection', (socket) => this.guard('a connection', () => this.accepted(id, socket)));
  }

  private accepted(listener: SocketId, socket: TcpSocket): void {
    const addr = parseIpv4(socket.remoteAddress ?? '');
    if (this.stopped || addr === null || socket.remotePort === undefined) {
      socket.destroy();
      return;
    }
    const id = this.host.nextSocketId();
    const client = { addr: socket.remoteAddress!, port: socket.remotePort };
    const local = { addr: LOOPBACK, port: socket.localPort ?? 0 };
    const held: TcpHeld = { kind: 'tcp', socket, peer: client, local, connection: connectionOf('tcp', client, local, 'in') };
    this.attachTcp(id, held);
    this.stream({ type: 'accepted', socket: id, listener, remote: { addr, port: client.port }, connection: held.connection });
  }

  /** Opens a connection to an origin on 127.0.0.1; until it is connected its local port is not known (0). */
  private connect(id: SocketId, origin: OriginTarget): void {
    if (this.sockets.has(id)) throw new Error(`socket ${id} is already open`);
    const socket = newTcpSocket();
    const peer = { addr: LOOPBACK, port: origin.local };
    const local = { addr: LOOPBACK, port: 0 };
    const held: TcpHeld = { kind: 'tcp', socket, peer, local, connection: connectionOf('tcp', local, peer, 'out'), origin: origin.label };
    this.attachTcp(id, held);
    socket.once('connect', () =>
      this.guard('a connection made', () => {
        held.local = { addr: LOOPBACK, port: socket.localPort ?? 0 };
        held.connection = connectionOf('tcp', held.local, peer, 'out');
        this.stream({ type: 'connected', socket: id, connection: held.connection });
      }),
    );
    socket.connect({ host: LOOPBACK, port: origin.local });
  }

  /** A TCP connection's events for the engine: its data (each chunk a traced message), its peer's FIN, its end. */
  private attachTcp(id: SocketId, held: TcpHeld): void {
    const socket = held.socket;
    this.sockets.set(id, held);
    socket.on('error', () => undefined); // 'close' follows, with hadError
    socket.on('data', (chunk: Buffer) =>
      this.guard('data', () => {
        if (this.stopped) return;
        const bytes = new Uint8Array(chunk);
        const message = this.host.trace.received({ ...this.ends(held), protocol: this.binding.protocol, at: this.now, bytes, summary: this.summary(bytes, 'tcp'), transport: 'tcp' });
        this.stream({ type: 'data', socket: id, data: bytes, messages: [message], connection: held.connection });
      }),
    );
    socket.on('end', () => this.guard('the end of a stream', () => this.stream({ type: 'peerClosed', socket: id, connection: held.connection })));
    socket.on('close', (hadError) =>
      this.guard('a closed connection', () => {
        this.stream({ type: 'closed', socket: id, reason: hadError ? 'reset' : 'closed', connection: held.connection });
        this.sockets.delete(id);
      }),
    );
  }

  /** The two ends of a connection as the trace names them. */
  private ends(held: TcpHeld): { peer: SocketAddress; local: SocketAddress; origin?: string } {
    return held.origin === undefined ? { peer: held.peer, local: held.local } : { peer: held.peer, local: held.local, origin: held.origin };
  }

  private summary(bytes: Uint8Array, transport: 'udp' | 'tcp'): string {
    try {
      return summarizeIncoming(this.binding.protocol, bytes, transport);
    } catch {
      return `${bytes.length} bytes`;
    }
  }

  private refuse(transmit: 'send' | 'connect', to: SocketAddr, cause: CauseRef, reason: string = NOBODY_BUT_CLIENTS): void {
    const where = `${formatIpv4(to.addr)}:${to.port}`;
    const verb = transmit === 'send' ? 'a datagram to' : 'a connection to';
    this.refusals.state('serve.refused', { summary: `refused ${verb} ${where}: ${reason}`, causedBy: this.reporter.resolve(cause), data: { transmit, to: where, reason } });
  }

  private socket(id: SocketId): Held {
    const s = this.sockets.get(id);
    if (!s) throw new Error(`socket ${id} is not open`);
    return s;
  }

  private udp(id: SocketId): Held & { kind: 'udp' } {
    const s = this.socket(id);
    if (s.kind !== 'udp') throw new Error(`socket ${id} is not a UDP socket`);
    return s;
  }

  private tcp(id: SocketId): Held & { kind: 'tcp' } {
    const s = this.socket(id);
    if (s.kind !== 'tcp') throw new Error(`socket ${id} is not a TCP connection`);
    return s;
  }

  /** An engine bug (or one of this driver's): traced on the node, contained. */
  private fault(engine: string, where: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.reporter.fault(engine, where, message);
  }
}

function endpointKey(a: SocketAddr): string {
  return `${a.addr}:${a.port}`;
}

function remember(peers: Set<string>, key: string): void {
  peers.delete(key);
  peers.add(key);
  if (peers.size > MAX_PEERS) peers.delete(peers.values().next().value!);
}
