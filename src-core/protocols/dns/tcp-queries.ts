/**
 * The client side of DNS over TCP (RFC 7766 §5, RFC 1035 §4.2.2), shared by
 * the resolver, the recursive server and the stub: one connection per query
 * — connect, the framed query in one write (RFC 7766 §8), one framed answer
 * read, close. TCP retransmits lost segments itself; an exchange gives up
 * when its deadline passes (the connection is reset) or the connection
 * fails, and the engine is told which.
 */
import type { Cause, Deadline, EngineEnv, SocketAddr, SocketId, StreamEvent } from '../../engine/face';
import type { Outbox } from '../../engine/outbox';
import type { SimTime } from '../../sim/time';
import { DNS_PORT } from './constants';
import type { DnsEvent } from './events';
import { summarizeDns } from './summary';
import { DnsStreamReassembler, frameDnsMessage } from './tcp-framing';
import type { DnsMessage } from './types';

export type TcpExchangeFailure = 'reset' | 'timed-out' | 'closed' | 'no-free-port' | 'port-in-use' | 'not-permitted';

export interface TcpExchangeOutcome<Tag> {
  readonly tag: Tag;
  readonly connection: string | null;
  /** The answer's bytes (unframed) and the trace id of its message; null when the exchange failed. */
  readonly answer: { readonly bytes: Uint8Array; readonly message: Cause } | null;
  readonly failure: TcpExchangeFailure | null;
}

interface Exchange<Tag> {
  readonly tag: Tag;
  readonly bytes: Uint8Array;
  readonly message: DnsMessage;
  readonly cause: Cause;
  readonly deadline: SimTime;
  readonly reassembler: DnsStreamReassembler;
  connection: string | null;
}

export class DnsTcpQueries<Tag> {
  private readonly open = new Map<SocketId, Exchange<Tag>>();

  constructor(
    private readonly env: EngineEnv,
    private readonly out: Outbox<DnsEvent>,
  ) {}

  /** Starts one exchange with `server` (port 53); it ends within `timeout` with an answer or a failure. */
  start(tag: Tag, server: number, bytes: Uint8Array, message: DnsMessage, cause: Cause, now: SimTime, timeout: SimTime): void {
    const socket = this.env.socketId();
    this.open.set(socket, { tag, bytes, message, cause, deadline: now + timeout, reassembler: new DnsStreamReassembler(), connection: null });
    const to: SocketAddr = { addr: server, port: DNS_PORT };
    this.out.connect(socket, to);
  }

  /** Takes a stream event of one of its connections; an exchange that ended is returned. */
  handle(e: StreamEvent): TcpExchangeOutcome<Tag> | 'not-mine' | null {
    const x = this.open.get(e.socket);
    if (!x) return 'not-mine';
    switch (e.type) {
      case 'connected':
        x.connection = e.connection;
        this.out.write(e.socket, frameDnsMessage(x.bytes), this.out.label(summarizeDns(x.message), x.cause));
        return null;
      case 'data': {
        x.connection = e.connection;
        x.reassembler.push(e.data);
        const item = x.reassembler.poll();
        if (!item) return null;
        this.open.delete(e.socket);
        this.out.close(e.socket);
        if (item.type === 'error') return { tag: x.tag, connection: e.connection, answer: null, failure: 'closed' };
        return { tag: x.tag, connection: e.connection, answer: { bytes: item.bytes, message: e.messages[0] ?? null }, failure: null };
      }
      case 'peerClosed':
        this.out.close(e.socket);
        return null;
      case 'closed':
        this.open.delete(e.socket);
        return { tag: x.tag, connection: e.connection, answer: null, failure: e.reason };
      case 'failed':
        this.open.delete(e.socket);
        return { tag: x.tag, connection: null, answer: null, failure: e.error };
      case 'accepted':
      case 'acked':
        return null;
    }
  }

  /** Resets the exchanges whose deadline has passed and returns them as failed ('timed-out'). */
  expire(now: SimTime): TcpExchangeOutcome<Tag>[] {
    const ended: TcpExchangeOutcome<Tag>[] = [];
    for (const [socket, x] of this.open) {
      if (x.deadline > now) continue;
      this.open.delete(socket);
      this.out.abort(socket);
      ended.push({ tag: x.tag, connection: x.connection, answer: null, failure: 'timed-out' });
    }
    return ended;
  }

  pollTimeout(): Deadline | null {
    let at: SimTime | null = null;
    for (const x of this.open.values()) if (at === null || x.deadline < at) at = x.deadline;
    return at === null ? null : { at, weak: false };
  }
}
