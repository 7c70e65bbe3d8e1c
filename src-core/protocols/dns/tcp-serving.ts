/**
 * The server side of DNS over TCP (RFC 7766, RFC 1035 §4.2.2), shared by
 * every DNS engine that listens on TCP port 53: the connections accepted on
 * its listener, each with a reassembler (tcp-framing.ts), and the answers
 * written back on the connection their query came on.
 *
 * Rules:
 * - Every whole message read from a connection is a query for the engine;
 *   answers go back on the same connection in the order the engine makes
 *   them (RFC 7766 §6.2.1.1 allows any order).
 * - The server keeps a connection open until its client closes it (RFC 7766
 *   §6.2.1). There is no idle timeout (§6.2.3 recommends one): every client
 *   in the simulation closes after its answer, and an idle connection holds
 *   no timer, so it never keeps a run going.
 * - A zero length field makes the stream unreadable: the connection is
 *   reset (reported as `dns.tcpFramingError`).
 */
import type { Cause, SocketId, StreamEvent } from '../../engine/face';
import type { Outbox } from '../../engine/outbox';
import { summarizeDns } from './summary';
import { DnsStreamReassembler, frameDnsMessage } from './tcp-framing';
import type { DnsEvent } from './events';
import type { Endpoint } from './resolver-types';
import type { DnsMessage } from './types';

interface Connection {
  readonly remote: Endpoint;
  readonly reassembler: DnsStreamReassembler;
}

export class DnsTcpServing {
  private readonly connections = new Map<SocketId, Connection>();
  /** Open connections by client "addr:port", for answers addressed to a client endpoint. */
  private readonly byClient = new Map<string, SocketId>();

  constructor(
    private readonly out: Outbox<DnsEvent>,
    private readonly listener: SocketId,
  ) {}

  /**
   * Takes a stream event if it concerns this listener's connections; `onQuery`
   * gets each whole message with the client's endpoint (transport 'tcp').
   */
  handle(e: StreamEvent, onQuery: (bytes: Uint8Array, client: Endpoint, cause: Cause) => void): boolean {
    if (e.type === 'accepted') {
      if (e.listener !== this.listener) return false;
      const remote: Endpoint = { addr: e.remote.addr, port: e.remote.port, transport: 'tcp' };
      this.connections.set(e.socket, { remote, reassembler: new DnsStreamReassembler() });
      this.byClient.set(clientKey(remote), e.socket);
      return true;
    }
    const c = this.connections.get(e.socket);
    if (!c) return false;
    switch (e.type) {
      case 'data': {
        c.reassembler.push(e.data);
        let i = 0;
        for (let item = c.reassembler.poll(); item; item = c.reassembler.poll(), i++) {
          if (item.type === 'error') {
            this.out.event({ type: 'dns.tcpFramingError', offset: item.error.offset, connection: e.connection, cause: e.messages[i] ?? null });
            this.out.abort(e.socket);
            return true;
          }
          onQuery(item.bytes, c.remote, e.messages[i] ?? null);
        }
        return true;
      }
      case 'peerClosed':
        this.out.close(e.socket);
        return true;
      case 'closed':
        this.connections.delete(e.socket);
        if (this.byClient.get(clientKey(c.remote)) === e.socket) this.byClient.delete(clientKey(c.remote));
        return true;
      default:
        return true;
    }
  }

  /** Writes an answer, framed, on the client's open connection (none: the client has gone, nothing to do). */
  reply(client: Endpoint, bytes: Uint8Array, message: DnsMessage, cause: Cause): void {
    const socket = this.byClient.get(clientKey(client));
    if (socket === undefined) return;
    this.out.write(socket, frameDnsMessage(bytes), this.out.label(summarizeDns(message), cause));
  }
}

function clientKey(e: Endpoint): string {
  return `${e.addr}:${e.port}`;
}
