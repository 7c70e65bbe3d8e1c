/**
 * Simulated TCP sockets: a welcoming socket (listener) per server port, and
 * one connection socket per connection, each driving a sans-I/O
 * TcpConnection. After every input (a segment, a timer, an application call)
 * the socket "pumps" the machine: it sends what the machine wants sent,
 * delivers its events to the application, and re-arms its one timer.
 *
 * Demultiplexing (RFC 9293 §3.10.7): a segment goes to the connection whose
 * four-tuple matches; otherwise a SYN goes to the listener on its port;
 * anything else is answered with RST.
 */
import { formatIpv4, IP_PROTOCOL } from '../net/ipv4';
import type { IpPacket } from '../net/packet';
import { decodeTcp, describeTcpSegment, encodeTcp, TCP_FLAGS, type TcpSegment } from '../transport/tcp/codec';
import { rstForUnknownSegment, TcpConnection, type TcpState } from '../transport/tcp/connection';
import { ISN_MODE } from '../trace/tcp-rows';
import type { SocketAddress } from '../trace/types';
import { Pump, schedulerTimers } from './pump';
import { SocketError } from './socket-error';
import type { HostStack } from './stack';
import { streamKey, type AppMessageLabel } from './tracer';

export type TcpCloseReason = 'closed' | 'reset' | 'timed-out';

export class TcpSocket {
  /** The three-way handshake finished. */
  onConnected: (() => void) | null = null;
  /** Bytes arrived in order; `completed` lists the application messages whose last byte is in them. */
  onData: ((data: Uint8Array, completed: readonly number[]) => void) | null = null;
  /** The peer acknowledged every data byte before stream offset `upTo`. */
  onAcked: ((upTo: number) => void) | null = null;
  /** The peer closed its side (FIN): no more data will come. */
  onPeerClosed: (() => void) | null = null;
  /** The connection is over. */
  onClosed: ((reason: TcpCloseReason) => void) | null = null;

  readonly local: SocketAddress;
  readonly remote: SocketAddress;
  /** Trace id shared by every message of this connection: client first. */
  readonly connectionId: string;
  private readonly sendKey: string;
  private readonly receiveKey: string;
  /** This side in the trace: what its segments share, and the archive of what it writes (their payloads point into it). */
  private readonly sendFlow: number;
  private readonly pumper: Pump;
  private sentOffset = 0;
  private finished = false;
  /** The trace event being handled when the machine produced its output. */
  private cause: number | null = null;

  constructor(
    private readonly stack: HostStack,
    readonly connection: TcpConnection,
    client: 'local' | 'remote',
  ) {
    this.local = { addr: formatIpv4(connection.local.addr), port: connection.local.port };
    this.remote = { addr: formatIpv4(connection.remote.addr), port: connection.remote.port };
    const [c, s] = client === 'local' ? [this.local, this.remote] : [this.remote, this.local];
    this.connectionId = `tcp:${c.addr}:${c.port}-${s.addr}:${s.port}`;
    this.sendKey = streamKey(this.local, this.remote);
    this.receiveKey = streamKey(this.remote, this.local);
    this.sendFlow = stack.env.tracer.store.openTcpFlow({
      from: stack.node.id,
      to: this.remoteNode,
      src: this.local,
      dst: this.remote,
      connection: this.connectionId,
      iss: connection.iss,
    });
    this.pumper = new Pump(
      schedulerTimers(stack.env.scheduler),
      () => {
        this.transmitAll();
        this.deliverEvents();
      },
      () => {
        const at = connection.pollTimeout();
        // TIME_WAIT must not keep a finished run alive (like an unref'd timer).
        return at === null ? null : { at, weak: connection.state === 'TIME_WAIT' };
      },
      () => {
        this.cause = null;
        connection.handleTimeout(stack.env.scheduler.now);
      },
    );
  }

  get state(): TcpState {
    return this.connection.state;
  }

  get remoteNode(): string {
    return this.stack.nodeAt(this.connection.remote.addr);
  }

  /** Queues bytes for sending; with a label the trace gets an application message (its id is returned). */
  send(data: Uint8Array, label?: AppMessageLabel): number | null {
    const stack = this.stack;
    let appId: number | null = null;
    let kept = data;
    if (label) {
      kept = data.slice();
      appId = stack.env.tracer.appMessage(label, {
        from: stack.node.id,
        to: this.remoteNode,
        src: this.local,
        dst: this.remote,
        sentAt: stack.now,
        bytes: kept,
        connection: this.connectionId,
      });
      stack.env.tracer.streamMessage(this.sendKey, this.sentOffset, this.sentOffset + data.length, appId);
    }
    // The segments' payloads point into the application message's bytes, or
    // into `data` itself, which passes to the stack (send-buffer.ts).
    stack.env.tracer.store.streamWritten(this.sendFlow, kept);
    this.sentOffset += data.length;
    this.connection.send(data, stack.now);
    this.pump(appId);
    return appId;
  }

  /** Closes our direction with FIN once queued data is sent. */
  close(): void {
    if (this.connection.state === 'CLOSED') return;
    this.connection.close(this.stack.now);
    this.pump(null);
  }

  /** Resets the connection (RST). */
  abort(): void {
    if (this.connection.state === 'CLOSED') return;
    this.connection.abort(this.stack.now);
    this.pump(null);
  }

  /** @internal a segment for this connection arrived. */
  handleSegment(segment: TcpSegment, traceId: number | null): void {
    this.connection.handleSegment(segment, this.stack.now);
    this.pump(traceId);
  }

  /** @internal sends what the machine has queued (used right after creation). */
  start(cause: number | null): void {
    this.pump(cause);
  }

  private pump(cause: number | null): void {
    this.cause = cause;
    this.pumper.run();
  }

  private transmitAll(): void {
    const stack = this.stack;
    const tracer = stack.env.tracer;
    const conn = this.connection;
    for (let t = conn.pollTransmit(stack.now); t !== null; t = conn.pollTransmit(stack.now)) {
      const seg = t.segment;
      const bytes = encodeTcp(seg, conn.local.addr, conn.remote.addr);
      const carries = tracer.messagesIn(this.sendKey, t.streamOffset, t.streamOffset + seg.payload.length);
      const irs = conn.irs;
      const traceId = tracer.tcpSegment({
        sentAt: stack.now,
        causedBy: this.cause,
        carries,
        retransmission: t.retransmission,
        segment: bytes,
        headerLength: bytes.length - seg.payload.length,
        flow: this.sendFlow,
        streamOffset: t.streamOffset,
        // the Info line numbers Seq and Ack from the ISNs (describe.ts)
        isnMode: irs === null ? ISN_MODE.relativeNoIrs : ISN_MODE.relative,
        irs: irs ?? 0,
      });
      stack.transmit(conn.remote.addr, IP_PROTOCOL.TCP, bytes, traceId);
    }
  }

  private deliverEvents(): void {
    const stack = this.stack;
    const tracer = stack.env.tracer;
    for (let e = this.connection.pollEvent(); e !== null; e = this.connection.pollEvent()) {
      switch (e.type) {
        case 'tcp.stateChanged':
          tracer.store.addState({
            at: stack.now,
            node: stack.node.id,
            protocol: 'tcp',
            type: 'tcp.state',
            // the change first: it is what a chart mark and a link show when cut short
            summary: `${e.from} → ${e.to} (${this.local.port} ↔ ${this.remote.addr}:${this.remote.port})`,
            connection: this.connectionId,
            causedBy: this.cause,
            data: { from: e.from, to: e.to },
          });
          // The application is done with a connection in TIME_WAIT (its close() has
          // completed); the stack keeps it 2·MSL to absorb stray segments (RFC 9293 §3.6.1).
          if (e.to === 'TIME_WAIT') this.notifyClosed('closed');
          break;
        case 'tcp.connected':
          this.onConnected?.();
          break;
        case 'tcp.dataReceived': {
          const completed = tracer.streamDelivered(this.receiveKey, e.streamOffset + e.data.length, stack.now);
          this.onData?.(e.data, completed);
          break;
        }
        case 'tcp.peerClosed':
          this.onPeerClosed?.();
          break;
        case 'tcp.closed':
          this.finish('closed');
          break;
        case 'tcp.reset':
          this.finish('reset');
          break;
        case 'tcp.timedOut':
          this.finish('timed-out');
          break;
        case 'tcp.dataAcked':
          this.onAcked?.(e.upTo);
          break;
        case 'tcp.retransmitting':
          break;
      }
    }
  }

  /** The connection reached CLOSED: release it and tell the application if not yet told. */
  private finish(reason: TcpCloseReason): void {
    this.stack.tcp.forget(this);
    this.notifyClosed(reason);
  }

  private notifyClosed(reason: TcpCloseReason): void {
    if (this.finished) return;
    this.finished = true;
    const stack = this.stack;
    stack.env.tracer.streamClosed(this.receiveKey, stack.now, stack.node.id);
    if (reason !== 'closed') stack.env.tracer.streamClosed(this.sendKey, stack.now, stack.node.id);
    this.onClosed?.(reason);
  }
}

export class TcpListener {
  private open = true;

  constructor(
    private readonly receiver: TcpReceiver,
    readonly port: number,
    readonly onAccept: (socket: TcpSocket) => void,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  close(): void {
    this.open = false;
    this.receiver.unlisten(this.port);
  }
}

/** Demultiplexes arriving segments to connections and listeners. */
export class TcpReceiver {
  private readonly listeners = new Map<number, TcpListener>();
  private readonly connections = new Map<string, TcpSocket>();

  constructor(private readonly stack: HostStack) {}

  isPortInUse(port: number): boolean {
    if (this.listeners.has(port)) return true;
    for (const s of this.connections.values()) if (s.connection.local.port === port) return true;
    return false;
  }

  listen(port: number, onAccept: (socket: TcpSocket) => void): TcpListener {
    if (this.listeners.has(port)) throw new SocketError('port-in-use', `TCP port ${port} is already listening on ${this.stack.node.id}`);
    const listener = new TcpListener(this, port, onAccept);
    this.listeners.set(port, listener);
    return listener;
  }

  unlisten(port: number): void {
    this.listeners.delete(port);
  }

  connect(localPort: number, addr: number, port: number): TcpSocket {
    const stack = this.stack;
    const conn = TcpConnection.connect(
      { addr: stack.address, port: localPort },
      { addr, port },
      stack.initialSequenceNumber(),
      stack.env.tcpConfig,
      stack.now,
    );
    const socket = new TcpSocket(stack, conn, 'local');
    this.connections.set(key(addr, port, localPort), socket);
    // Let the caller attach handlers before the SYN leaves (it leaves at this same instant).
    stack.env.scheduler.after(0, () => socket.start(null));
    return socket;
  }

  forget(socket: TcpSocket): void {
    const c = socket.connection;
    const k = key(c.remote.addr, c.remote.port, c.local.port);
    if (this.connections.get(k) === socket) this.connections.delete(k);
  }

  receive(packet: IpPacket): void {
    const stack = this.stack;
    const decoded = decodeTcp(packet.payload, packet.src, packet.dst);
    if (!decoded.ok) return; // bad checksum or header: discarded (RFC 9293 §3.10.7)
    const seg = decoded.value;
    const existing = this.connections.get(key(packet.src, seg.srcPort, seg.dstPort));
    if (existing) {
      existing.handleSegment(seg, packet.traceId);
      return;
    }
    const listener = this.listeners.get(seg.dstPort);
    const isSyn = (seg.flags & (TCP_FLAGS.SYN | TCP_FLAGS.ACK | TCP_FLAGS.RST)) === TCP_FLAGS.SYN;
    if (listener && isSyn) {
      const conn = TcpConnection.acceptSyn(
        { addr: stack.address, port: seg.dstPort },
        seg,
        packet.src,
        stack.initialSequenceNumber(),
        stack.env.tcpConfig,
        stack.now,
      );
      const socket = new TcpSocket(stack, conn, 'remote');
      this.connections.set(key(packet.src, seg.srcPort, seg.dstPort), socket);
      listener.onAccept(socket);
      socket.start(packet.traceId);
      return;
    }
    this.answerWithReset(packet, seg);
  }

  /** Nobody listens: RST (RFC 9293 §3.10.7.1), traced like any segment. */
  private answerWithReset(packet: IpPacket, seg: TcpSegment): void {
    const rst = rstForUnknownSegment(seg);
    if (!rst) return;
    const stack = this.stack;
    const bytes = encodeTcp(rst, stack.address, packet.src);
    const local = { addr: stack.addressText, port: seg.dstPort };
    const remote = { addr: formatIpv4(packet.src), port: seg.srcPort };
    const traceId = stack.env.tracer.transportMessage({
      protocol: 'tcp',
      from: stack.node.id,
      to: stack.nodeAt(packet.src),
      src: local,
      dst: remote,
      sentAt: stack.now,
      summary: describeTcpSegment(rst, null),
      bytes,
      connection: `tcp:${remote.addr}:${remote.port}-${local.addr}:${local.port}`,
      causedBy: packet.traceId,
      carries: [],
      retransmission: false,
    });
    stack.transmit(packet.src, IP_PROTOCOL.TCP, bytes, traceId);
  }
}

function key(remoteAddr: number, remotePort: number, localPort: number): string {
  return `${remoteAddr}:${remotePort}>${localPort}`;
}
