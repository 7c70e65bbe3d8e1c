/**
 * The trace of an `l7 serve` session (docs/trace-format.md, "Traces of
 * l7 serve"). There is no simulated network to observe, so it holds only
 * application messages, as the sockets saw them, and state events:
 *
 * - A message read from a client: `from` is a pseudo node for the client
 *   ("client 127.0.0.1:54321"), `to` the served node; `sentAt` and
 *   `receivedAt` are both the time it was read. Over TCP each chunk the
 *   socket delivered is one message (a stream has no message boundaries the
 *   driver could know).
 * - A message an engine sent: labelled by the engine, `receivedAt` null —
 *   what happens to it after the socket took it is not seen.
 * - A connection the served node opened to an --origin (origins.ts) draws
 *   its far end as a pseudo node of its own, "origin www.example.com:80",
 *   and is named client first, as every TCP connection: the served node's
 *   socket, then the origin's.
 * - Times are ns since serving started.
 */
import { TraceStore } from '../../src-core/trace/store';
import type { TraceContent, TraceHeader } from '../../src-core/trace/json';
import type { SocketAddress, TraceNode } from '../../src-core/trace/types';

export interface ServedMessage {
  readonly protocol: string;
  /** The far end's socket: a client's, or an origin's. */
  readonly peer: SocketAddress;
  /** The served node's socket. */
  readonly local: SocketAddress;
  /** Set when the served node connected to the peer: the origin's "host:port" (origins.ts). */
  readonly origin?: string;
  readonly at: number;
  readonly bytes: Uint8Array;
  readonly summary: string;
  readonly transport: 'udp' | 'tcp';
}

export function clientNodeId(client: SocketAddress): string {
  return `client ${client.addr}:${client.port}`;
}

export function originNodeId(origin: string): string {
  return `origin ${origin}`;
}

export class ServeTrace {
  readonly store = new TraceStore();
  /** The pseudo nodes of clients and origins, in the order they first appeared. */
  private readonly peers = new Map<string, TraceNode>();

  constructor(readonly node: TraceNode) {}

  /** A message read from a client or an origin; returns its trace id. */
  received(m: ServedMessage): number {
    const from = this.peer(m);
    const id = this.store.addMessage({
      layer: 'application',
      protocol: m.protocol,
      from,
      to: this.node.id,
      src: m.peer,
      dst: m.local,
      sentAt: m.at,
      summary: m.summary,
      bytes: m.bytes,
      connection: connectionOfMessage(m, 'in'),
      causedBy: null,
      carries: [],
      retransmission: false,
    }).id;
    this.store.markReceived(id, m.at, null);
    return id;
  }

  /** A message the engine sent to a client or an origin; returns its trace id. */
  sent(m: ServedMessage, causedBy: number | null): number {
    return this.store.addMessage({
      layer: 'application',
      protocol: m.protocol,
      from: this.node.id,
      to: this.peer(m),
      src: m.local,
      dst: m.peer,
      sentAt: m.at,
      summary: m.summary,
      bytes: m.bytes,
      connection: connectionOfMessage(m, 'out'),
      causedBy,
      carries: [],
      retransmission: false,
    }).id;
  }

  /** The served node, then every client and origin in the order it first appeared. */
  get nodes(): readonly TraceNode[] {
    return [this.node, ...this.peers.values()];
  }

  content(header: TraceHeader): TraceContent {
    return { header, nodes: this.nodes, events: this.store.events, metrics: this.store.metrics };
  }

  private peer(m: ServedMessage): string {
    const id = m.origin === undefined ? clientNodeId(m.peer) : originNodeId(m.origin);
    if (!this.peers.has(id)) this.peers.set(id, { id, name: id, kind: 'host', address: m.peer.addr });
    return id;
  }
}

function connectionOfMessage(m: ServedMessage, direction: 'in' | 'out'): string {
  return m.origin === undefined ? connectionOf(m.transport, m.peer, m.local, direction) : connectionOf('tcp', m.local, m.peer, direction);
}

/** As in a simulation's trace: a TCP connection is named client first; a UDP flow by its sender first. */
export function connectionOf(transport: 'udp' | 'tcp', client: SocketAddress, local: SocketAddress, direction: 'in' | 'out'): string {
  const c = `${client.addr}:${client.port}`;
  const l = `${local.addr}:${local.port}`;
  if (transport === 'tcp') return `tcp:${c}-${l}`;
  return direction === 'in' ? `udp:${c}-${l}` : `udp:${l}-${c}`;
}
