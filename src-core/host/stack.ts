/**
 * A host's transport stack: the simulated sockets engines use, in the words
 * of the course's socket-programming section (bind, sendto, listen, accept,
 * connect, send, close). It owns the host's TCP connections (sans-I/O
 * machines from src-core/transport), drives them with the scheduler, and
 * reports everything that crosses the network to the tracer.
 *
 * Ports: servers pick theirs; clients get ephemeral ports from the IANA
 * dynamic range 49152–65535 (RFC 6335 §6), starting at a seeded random point.
 */
import { formatIpv4, IP_PROTOCOL } from '../net/ipv4';
import type { Network, PacketSink } from '../net/network';
import { makePacket, type IpPacket } from '../net/packet';
import type { NodeSpec } from '../net/topology';
import type { Prng } from '../sim/prng';
import type { Scheduler } from '../sim/scheduler';
import type { SimTime } from '../sim/time';
import type { TcpConfig } from '../transport/tcp/connection';
import type { Tracer } from './tracer';
import { HostSlots } from './host-slot';
import type { ReportSink } from './reporter';
import { SocketError } from './socket-error';
import { TcpListener, TcpSocket, TcpReceiver } from './tcp-socket';
import { UdpSocket, UdpReceiver } from './udp-socket';

export interface StackEnv {
  readonly scheduler: Scheduler;
  readonly network: Network;
  readonly tracer: Tracer;
  readonly tcpConfig: TcpConfig;
}

const EPHEMERAL_FIRST = 49152;
const EPHEMERAL_LAST = 65535;

export class HostStack implements PacketSink {
  readonly udp: UdpReceiver;
  readonly tcp: TcpReceiver;
  /** Objects the applications on this host share (host-slot.ts). */
  readonly slots = new HostSlots();
  private nextEphemeral: number;
  private socketIds = 0;

  constructor(
    readonly node: NodeSpec,
    readonly env: StackEnv,
    readonly prng: Prng,
  ) {
    this.nextEphemeral = prng.nextInt(EPHEMERAL_FIRST, EPHEMERAL_LAST);
    this.udp = new UdpReceiver(this);
    this.tcp = new TcpReceiver(this);
    env.network.attach(node.id, this);
  }

  get now(): SimTime {
    return this.env.scheduler.now;
  }

  /** This host as a place state events and metrics are recorded (host/reporter.ts). */
  get reportSink(): ReportSink {
    const scheduler = this.env.scheduler;
    return {
      get now() {
        return scheduler.now;
      },
      nodeId: this.node.id,
      store: this.env.tracer.store,
    };
  }

  get address(): number {
    return this.node.address;
  }

  get addressText(): string {
    return formatIpv4(this.node.address);
  }

  /** Node id of the host at `addr`, or the address itself when nobody has it. */
  nodeAt(addr: number): string {
    return this.env.network.nodeIdByAddress(addr) ?? formatIpv4(addr);
  }

  /** UDP: a socket bound to `port` (or an ephemeral port when omitted). */
  udpSocket(port?: number): UdpSocket {
    return this.udp.bind(port ?? this.allocatePort((p) => this.udp.isBound(p)));
  }

  /**
   * UDP: a socket on a port drawn at random from the ephemeral range, as a
   * resolver does for every query so that forged answers must guess it
   * (RFC 5452 §4.5, §9.2).
   */
  udpSocketOnRandomPort(): UdpSocket {
    for (let tries = 0; tries < 64; tries++) {
      const port = this.prng.nextInt(EPHEMERAL_FIRST, EPHEMERAL_LAST);
      if (!this.udp.isBound(port)) return this.udp.bind(port);
    }
    return this.udpSocket();
  }

  /** TCP: a welcoming socket on `port`; `onAccept` gets one connection socket per client. */
  tcpListen(port: number, onAccept: (socket: TcpSocket) => void): TcpListener {
    return this.tcp.listen(port, onAccept);
  }

  /** TCP: starts the three-way handshake to addr:port. */
  tcpConnect(addr: number, port: number): TcpSocket {
    const localPort = this.allocatePort((p) => this.tcp.isPortInUse(p));
    return this.tcp.connect(localPort, addr, port);
  }

  /** Hands a transport message to the network. */
  transmit(dst: number, protocol: 6 | 17, bytes: Uint8Array, traceId: number | null, src: number = this.node.address): IpPacket {
    const packet = makePacket({
      id: this.env.network.allocatePacketId(),
      src,
      dst,
      protocol,
      payload: bytes,
      traceId,
      origin: this.node.id,
    });
    this.env.network.send(packet);
    return packet;
  }

  receive(packet: IpPacket): void {
    if (packet.protocol === IP_PROTOCOL.UDP) this.udp.receive(packet);
    else if (packet.protocol === IP_PROTOCOL.TCP) this.tcp.receive(packet);
  }

  /** A socket id for an engine on this host (engine/face.ts SocketId); unique per host. */
  nextSocketId(): number {
    return ++this.socketIds;
  }

  /** Random initial sequence numbers (RFC 9293 §3.4.1 asks for unpredictable ones). */
  initialSequenceNumber(): number {
    return this.prng.nextUint32();
  }

  private allocatePort(inUse: (port: number) => boolean): number {
    const span = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
    for (let tries = 0; tries < span; tries++) {
      const port = this.nextEphemeral;
      this.nextEphemeral = port === EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1;
      if (!inUse(port)) return port;
    }
    throw new SocketError('no-free-port', `host ${this.node.id} has no free ephemeral port (all ${span} of ${EPHEMERAL_FIRST}–${EPHEMERAL_LAST} are in use)`);
  }
}
