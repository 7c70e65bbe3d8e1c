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
 * - Times are ns since serving started.
 */
import { TraceStore } from '../../src-core/trace/store';
import type { TraceContent, TraceHeader } from '../../src-core/trace/json';
import type { SocketAddress, TraceNode } from '../../src-core/trace/types';

export interface ServedMessage {
  readonly protocol: string;
  readonly client: SocketAddress;
  /** The served node's socket. */
  readonly local: SocketAddress;
  readonly at: number;
  readonly bytes: Uint8Array;
  readonly summary: string;
  readonly transport: 'udp' | 'tcp';
}

export function clientNodeId(client: SocketAddress): string {
  return `client ${client.addr}:${client.port}`;
}

export class ServeTrace {
  readonly store = new TraceStore();
  private readonly clients = new Map<string, TraceNode>();

  constructor(readonly node: TraceNode) {}

  /** A message read from a client; returns its trace id. */
  received(m: ServedMessage): number {
    const from = this.client(m.client);
    const id = this.store.addMessage({
      layer: 'application',
      protocol: m.protocol,
      from,
      to: this.node.id,
      src: m.client,
      dst: m.local,
      sentAt: m.at,
      summary: m.summary,
      bytes: m.bytes,
      connection: connectionOf(m.transport, m.client, m.local, 'in'),
      causedBy: null,
      carries: [],
      retransmission: false,
    }).id;
    this.store.markReceived(id, m.at, null);
    return id;
  }

  /** A message the engine sent to a client; returns its trace id. */
  sent(m: ServedMessage, causedBy: number | null): number {
    return this.store.addMessage({
      layer: 'application',
      protocol: m.protocol,
      from: this.node.id,
      to: this.client(m.client),
      src: m.local,
      dst: m.client,
      sentAt: m.at,
      summary: m.summary,
      bytes: m.bytes,
      connection: connectionOf(m.transport, m.client, m.local, 'out'),
      causedBy,
      carries: [],
      retransmission: false,
    }).id;
  }

  /** The served node, then every client in the order it first spoke. */
  get nodes(): readonly TraceNode[] {
    return [this.node, ...this.clients.values()];
  }

  content(header: TraceHeader): TraceContent {
    return { header, nodes: this.nodes, events: this.store.events, metrics: this.store.metrics };
  }

  private client(addr: SocketAddress): string {
    const id = clientNodeId(addr);
    if (!this.clients.has(id)) this.clients.set(id, { id, name: id, kind: 'host', address: addr.addr });
    return id;
  }
}

/** As in a simulation's trace: a TCP connection is named client first; a UDP flow by its sender first. */
export function connectionOf(transport: 'udp' | 'tcp', client: SocketAddress, local: SocketAddress, direction: 'in' | 'out'): string {
  const c = `${client.addr}:${client.port}`;
  const l = `${local.addr}:${local.port}`;
  if (transport === 'tcp') return `tcp:${c}-${l}`;
  return direction === 'in' ? `udp:${c}-${l}` : `udp:${l}-${c}`;
}
