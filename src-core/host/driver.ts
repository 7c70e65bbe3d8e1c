/**
 * The engine driver: binds one sans-I/O application engine (engine/face.ts)
 * to a host of the simulation. It owns the engine's sockets, runs the one
 * re-entry-safe pump (pump.ts) after every input, keeps the engine's timer,
 * labels what it sends for the trace and turns its events into typed state
 * events and metrics (reporter.ts).
 *
 * Rules:
 * - Inputs reach the engine at once, on the call stack they arrive on; its
 *   outputs are taken in the order it queued them: first its events, then
 *   its transmits, again until both are empty.
 * - A socket call the host cannot do (port taken, no free ephemeral port) is
 *   a `failed` stream event for the engine, not an exception; what the engine
 *   queued for that socket before it heard of it is dropped.
 * - A write to a connection that has just closed under the engine (a reset
 *   it has not been told of yet) is dropped: the `closed` event follows.
 * - An exception from the engine, or a transmit that names a socket it does
 *   not have, is a fault of that engine: traced as an `engine.error` state
 *   event on the node; the run goes on, and so does the engine.
 */
import type { Datagram, Deadline, Engine, EngineEnv, EngineTransmit, MessageLabel, SocketId, StreamEvent } from '../engine/face';
import { Reporter, type StateDataMap } from './reporter';
import { drainEngine, Pump, schedulerTimers } from './pump';
import { SocketError } from './socket-error';
import type { HostStack } from './stack';
import type { TcpListener, TcpSocket } from './tcp-socket';
import type { AppMessageLabel } from './tracer';
import type { UdpSocket } from './udp-socket';

export interface DriverOptions<Event, M extends StateDataMap> {
  /** The engine's protocol ('dns', 'sockets' …): the protocol of its fault events. */
  readonly protocol: string;
  /** What the engine is, for fault messages: "DNS resolver". */
  readonly name: string;
  /** Turns one engine event into state events and metrics. */
  readonly report?: (event: Event, reporter: Reporter<M>) => void;
}

type HostSocket = { readonly kind: 'udp'; readonly socket: UdpSocket } | { readonly kind: 'listener'; readonly socket: TcpListener } | { readonly kind: 'tcp'; readonly socket: TcpSocket };

/** Socket ids and random numbers for engines on one host (ids are unique per host, so every driver there can share them). */
export function engineEnvOf(stack: HostStack): EngineEnv {
  return {
    socketId: () => stack.nextSocketId(),
    random32: () => stack.prng.nextUint32(),
  };
}

export class EngineDriver<Event, Command = never, M extends StateDataMap = StateDataMap> {
  readonly reporter: Reporter<M>;
  private readonly sockets = new Map<SocketId, HostSocket>();
  /** Sockets that could not be opened: later transmits for them are dropped (the engine was told). */
  private readonly failed = new Set<SocketId>();
  private readonly pump: Pump;
  private readonly listeners: ((event: Event) => void)[] = [];

  constructor(
    private readonly stack: HostStack,
    private readonly engine: Engine<Event, Command>,
    private readonly options: DriverOptions<Event, M>,
  ) {
    this.reporter = new Reporter<M>(stack.reportSink, options.protocol);
    this.pump = new Pump(
      schedulerTimers(stack.env.scheduler),
      () =>
        drainEngine({
          pollEvent: () => engine.pollEvent(),
          pollTransmit: () => engine.pollTransmit(),
          report: (event) => {
            options.report?.(event, this.reporter);
            for (const listener of this.listeners) listener(event);
          },
          perform: (transmit) => this.perform(transmit),
          fault: (where, error) => this.fault(where, error),
        }),
      () => this.deadline(),
      () => this.input('a timeout', () => engine.handleTimeout(this.stack.now)),
    );
  }

  /** Moves what the engine queued when it was made (its listeners, a first query …). */
  start(): this {
    this.pump.run();
    return this;
  }

  /** Also hands every event the engine emits to `listener`, after it is reported (protocols/module.ts DrivenEngine). */
  onEvent(listener: (event: Event) => void): void {
    this.listeners.push(listener);
  }

  /** A command from the workload. */
  command(command: Command): void {
    this.input('a command', () => this.engine.handleCommand(command, this.stack.now));
    this.pump.run();
  }

  // --- inputs ------------------------------------------------------------------

  private input(what: string, handle: () => void): void {
    try {
      handle();
    } catch (error) {
      this.fault(`handling ${what}`, error);
    }
  }

  private datagram(d: Datagram): void {
    this.input('a datagram', () => this.engine.handleDatagram(d, this.stack.now));
    this.pump.run();
  }

  private stream(e: StreamEvent): void {
    this.input(`a stream event (${e.type})`, () => this.engine.handleStream(e, this.stack.now));
    this.pump.run();
  }

  // --- outputs -----------------------------------------------------------------

  private deadline(): Deadline | null {
    try {
      return this.engine.pollTimeout();
    } catch (error) {
      this.fault('pollTimeout', error);
      return null;
    }
  }

  private perform(t: EngineTransmit): void {
    const stack = this.stack;
    if (this.failed.has(t.socket)) return;
    switch (t.kind) {
      case 'bind': {
        const socket = this.opening(t.socket, () => (t.port === 'random' ? stack.udpSocketOnRandomPort() : stack.udpSocket(t.port === 'ephemeral' ? undefined : t.port)));
        if (!socket) return;
        this.sockets.set(t.socket, { kind: 'udp', socket });
        socket.onMessage = (m) => this.datagram({ socket: t.socket, from: m.from, data: m.data, message: m.messageId });
        return;
      }
      case 'listen': {
        const listener = this.opening(t.socket, () => stack.tcpListen(t.port, (conn) => this.accepted(t.socket, conn)));
        if (listener) this.sockets.set(t.socket, { kind: 'listener', socket: listener });
        return;
      }
      case 'connect': {
        const socket = this.opening(t.socket, () => stack.tcpConnect(t.to.addr, t.to.port));
        if (socket) this.attach(t.socket, socket);
        return;
      }
      case 'send': {
        const udp = this.udp(t.socket);
        const label = t.label ? this.labelOf(t.label) : undefined;
        const id = t.spoofedFrom ? udp.sendSpoofed(t.data, t.spoofedFrom, t.to.addr, t.to.port, label) : udp.sendTo(t.data, t.to.addr, t.to.port, label);
        this.remember(t.label?.ref, id);
        return;
      }
      case 'write': {
        const tcp = this.tcp(t.socket);
        if (tcp.state === 'CLOSED') return;
        const id = tcp.send(t.data, t.label ? this.labelOf(t.label) : undefined);
        this.remember(t.label?.ref, id);
        return;
      }
      case 'close': {
        const s = this.socket(t.socket);
        if (s.kind === 'tcp') s.socket.close();
        else {
          s.socket.close();
          this.sockets.delete(t.socket);
        }
        return;
      }
      case 'abort':
        this.tcp(t.socket).abort();
        return;
    }
  }

  /** Runs a socket call; a SocketError becomes a `failed` event for the engine. */
  private opening<T>(socket: SocketId, open: () => T): T | null {
    try {
      return open();
    } catch (error) {
      if (!(error instanceof SocketError)) throw error;
      this.failed.add(socket);
      const e: StreamEvent = { type: 'failed', socket, error: error.code, detail: error.message };
      this.input('a socket error', () => this.engine.handleStream(e, this.stack.now));
      return null;
    }
  }

  private accepted(listener: SocketId, conn: TcpSocket): void {
    const id = this.stack.nextSocketId();
    this.attach(id, conn);
    this.stream({ type: 'accepted', socket: id, listener, remote: { addr: conn.connection.remote.addr, port: conn.connection.remote.port }, connection: conn.connectionId });
  }

  private attach(id: SocketId, conn: TcpSocket): void {
    this.sockets.set(id, { kind: 'tcp', socket: conn });
    const connection = conn.connectionId;
    conn.onConnected = () => this.stream({ type: 'connected', socket: id, connection });
    conn.onData = (data, completed) => this.stream({ type: 'data', socket: id, data, messages: completed, connection });
    conn.onAcked = (upTo) => this.stream({ type: 'acked', socket: id, upTo, connection });
    conn.onPeerClosed = () => this.stream({ type: 'peerClosed', socket: id, connection });
    // A closed connection stays known: a close, abort or write after its end is harmless (tcp-socket.ts ignores it).
    conn.onClosed = (reason) => this.stream({ type: 'closed', socket: id, reason, connection });
  }

  private socket(id: SocketId): HostSocket {
    const s = this.sockets.get(id);
    if (!s) throw new Error(`socket ${id} is not open`);
    return s;
  }

  private udp(id: SocketId): UdpSocket {
    const s = this.socket(id);
    if (s.kind !== 'udp') throw new Error(`socket ${id} is not a UDP socket`);
    return s.socket;
  }

  private tcp(id: SocketId): TcpSocket {
    const s = this.socket(id);
    if (s.kind !== 'tcp') throw new Error(`socket ${id} is not a TCP connection`);
    return s.socket;
  }

  private labelOf(label: MessageLabel): AppMessageLabel {
    return { protocol: label.protocol, summary: label.summary, causedBy: this.reporter.resolve(label.causedBy) };
  }

  private remember(ref: number | undefined, id: number | null): void {
    if (ref !== undefined && id !== null) this.reporter.sent(ref, id);
  }

  /** An engine bug: traced on the node, contained. */
  private fault(where: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.reporter.fault(this.options.name, where, message);
  }
}

