/**
 * Simulated UDP sockets (RFC 768): no connection, no handshake; each sendTo
 * is one datagram, delivered whole or lost.
 */
import { formatIpv4, IP_PROTOCOL } from '../net/ipv4';
import type { IpPacket } from '../net/packet';
import { decodeUdp, encodeUdp } from '../transport/udp/codec';
import { SocketError } from './socket-error';
import type { HostStack } from './stack';
import type { AppMessageLabel } from './tracer';

export interface UdpMessage {
  readonly data: Uint8Array;
  readonly from: { readonly addr: number; readonly port: number };
  /** The trace id of the application message it carried, if labelled. */
  readonly messageId: number | null;
}

export class UdpSocket {
  /** Called for every datagram that arrives on this socket. */
  onMessage: ((message: UdpMessage) => void) | null = null;
  private open = true;

  constructor(
    private readonly stack: HostStack,
    readonly localPort: number,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  /**
   * Sends one datagram. With a label the trace also gets an application
   * message; returns its id (or null without a label).
   */
  sendTo(data: Uint8Array, addr: number, port: number, label?: AppMessageLabel): number | null {
    return this.send(data, addr, port, label, null);
  }

  /**
   * Sends a datagram with a forged source address and port (IP spoofing),
   * as an attacker does: the trace shows who really sent it (`from`) and the
   * address it claims (`src`). Only attack lessons use this.
   */
  sendSpoofed(data: Uint8Array, spoofed: { addr: number; port: number }, addr: number, port: number, label?: AppMessageLabel): number | null {
    return this.send(data, addr, port, label, spoofed);
  }

  private send(data: Uint8Array, addr: number, port: number, label: AppMessageLabel | undefined, spoofed: { addr: number; port: number } | null): number | null {
    if (!this.open) throw new Error(`UDP socket on port ${this.localPort} is closed`);
    const stack = this.stack;
    const srcAddr = spoofed?.addr ?? stack.address;
    const srcPort = spoofed?.port ?? this.localPort;
    const src = { addr: formatIpv4(srcAddr), port: srcPort };
    const dst = { addr: formatIpv4(addr), port };
    const from = stack.node.id;
    const to = stack.nodeAt(addr);
    const connection = `udp:${src.addr}:${src.port}-${dst.addr}:${dst.port}`;
    const now = stack.now;
    const tracer = stack.env.tracer;
    const appId = label
      ? tracer.appMessage(label, { from, to, src, dst, sentAt: now, bytes: data.slice(), connection })
      : null;
    const bytes = encodeUdp({ srcPort, dstPort: port, payload: data }, srcAddr, addr);
    const traceId = tracer.transportMessage({
      protocol: 'udp',
      from,
      to,
      src,
      dst,
      sentAt: now,
      summary: `${srcPort} → ${port} Len=${data.length}`,
      bytes,
      connection,
      causedBy: appId,
      carries: appId === null ? [] : [appId],
      retransmission: false,
    });
    const packet = stack.transmit(addr, IP_PROTOCOL.UDP, bytes, traceId, srcAddr);
    if (appId !== null) tracer.datagramCarries(packet.id, appId);
    return appId;
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.stack.udp.unbind(this.localPort);
  }
}

/** Demultiplexes arriving datagrams to sockets by destination port. */
export class UdpReceiver {
  private readonly sockets = new Map<number, UdpSocket>();

  constructor(private readonly stack: HostStack) {}

  isBound(port: number): boolean {
    return this.sockets.has(port);
  }

  bind(port: number): UdpSocket {
    if (this.sockets.has(port)) throw new SocketError('port-in-use', `UDP port ${port} is already bound on ${this.stack.node.id}`);
    const socket = new UdpSocket(this.stack, port);
    this.sockets.set(port, socket);
    return socket;
  }

  unbind(port: number): void {
    this.sockets.delete(port);
  }

  receive(packet: IpPacket): void {
    const tracer = this.stack.env.tracer;
    const decoded = decodeUdp(packet.payload, packet.src, packet.dst);
    if (!decoded.ok) return; // a corrupt datagram is discarded silently (RFC 768, RFC 1122 §4.1.3.4)
    const d = decoded.value;
    const socket = this.sockets.get(d.dstPort);
    if (!socket) {
      tracer.datagramRefused(packet.id, this.stack.now, this.stack.node.id);
      return;
    }
    const messageId = tracer.datagramConsumed(packet.id, this.stack.now);
    socket.onMessage?.({ data: d.payload, from: { addr: packet.src, port: d.srcPort }, messageId });
  }
}
