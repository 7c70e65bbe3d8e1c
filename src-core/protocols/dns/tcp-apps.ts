/**
 * DNS over simulated TCP (RFC 7766, RFC 1035 §4.2.2): the two halves the
 * drivers in apps.ts share.
 *
 * Server side, `listenDnsTcp`: a welcoming socket on port 53; each
 * connection gets a reassembler (tcp-framing.ts) and every query on it is
 * answered on the same connection, in the order the engine produces the
 * answers (RFC 7766 §6.2.1.1 allows any order). The server keeps a
 * connection open until its client closes it (RFC 7766 §6.2.1: the client
 * closes). We set no idle timeout (§6.2.3 recommends one): every client in
 * the simulation closes after its answer, and an idle connection holds no
 * timer, so it never keeps a run going. A zero length field makes the
 * stream unreadable: the connection is reset.
 *
 * Client side, `exchangeOverTcp`: one connection per query — connect, send
 * the framed query in one write (RFC 7766 §8), read one framed answer,
 * close. TCP retransmits lost segments itself; the exchange gives up after
 * `timeout` (the connection is reset) or when the connection fails.
 *
 * Trace labels: the application message is the framed message (what the
 * TCP stream carries), summarised like a UDP one; the DNS dissector skips
 * the length field of messages sent on a connection (dissect.ts).
 */
import type { AppContext } from '../../host/app-context';
import type { TcpSocket } from '../../host/tcp-socket';
import type { SimTime } from '../../sim/time';
import { DNS_PORT } from './constants';
import { summarizeDns } from './summary';
import { DnsStreamReassembler, frameDnsMessage } from './tcp-framing';
import type { DnsMessage } from './types';

export const PROTOCOL = 'dns';

/** A client connection as the server sees it. */
export interface DnsTcpPeer {
  readonly addr: string;
  readonly port: number;
  readonly connection: string;
  /** Sends one response, framed, labelled with its summary. */
  send(bytes: Uint8Array, message: DnsMessage, causedBy: number | null): void;
}

export interface DnsTcpService {
  /** The open connection from addr:port, if any. */
  peer(addr: string, port: number): DnsTcpPeer | null;
}

/** Listens on TCP port 53; `onQuery` gets every whole message read from any connection. */
export function listenDnsTcp(ctx: AppContext, onQuery: (bytes: Uint8Array, peer: DnsTcpPeer, messageId: number | null) => void): DnsTcpService {
  const peers = new Map<string, DnsTcpPeer>();
  ctx.stack.tcpListen(DNS_PORT, (socket) => {
    const key = `${socket.remote.addr}:${socket.remote.port}`;
    const peer: DnsTcpPeer = {
      addr: socket.remote.addr,
      port: socket.remote.port,
      connection: socket.connectionId,
      send: (bytes, message, causedBy) => {
        if (socket.state === 'CLOSED') return;
        socket.send(frameDnsMessage(bytes), { protocol: PROTOCOL, summary: summarizeDns(message), causedBy });
      },
    };
    peers.set(key, peer);
    const reassembler = new DnsStreamReassembler();
    socket.onData = (data, completed) => {
      reassembler.push(data);
      let i = 0;
      for (let item = reassembler.poll(); item; item = reassembler.poll(), i++) {
        if (item.type === 'error') {
          ctx.state({ protocol: PROTOCOL, type: 'dns.tcpFramingError', summary: `zero length field at stream byte ${item.error.offset}: resetting the connection`, connection: socket.connectionId, causedBy: completed[i] ?? null, data: { offset: item.error.offset } });
          socket.abort();
          return;
        }
        onQuery(item.bytes, peer, completed[i] ?? null);
      }
    };
    socket.onPeerClosed = () => socket.close();
    socket.onClosed = () => {
      if (peers.get(key) === peer) peers.delete(key);
    };
  });
  return { peer: (addr, port) => peers.get(`${addr}:${port}`) ?? null };
}

export type TcpExchangeFailure = 'reset' | 'timed-out' | 'closed';

export interface TcpExchange {
  readonly server: number;
  readonly bytes: Uint8Array;
  readonly message: DnsMessage;
  readonly causedBy: number | null;
  /** Give up (and reset the connection) when no answer has come by then (ns after the connect). */
  readonly timeout: SimTime;
  readonly onAnswer: (bytes: Uint8Array, messageId: number | null, connection: string) => void;
  readonly onFailure: (why: TcpExchangeFailure, connection: string) => void;
}

/** One query over a connection of its own: connect, framed query, framed answer, close. */
export function exchangeOverTcp(ctx: AppContext, x: TcpExchange): TcpSocket {
  const socket = ctx.stack.tcpConnect(x.server, DNS_PORT);
  const reassembler = new DnsStreamReassembler();
  let done = false;
  const timer = ctx.after(x.timeout, () => {
    if (done) return;
    done = true;
    socket.abort();
    x.onFailure('timed-out', socket.connectionId);
  });
  socket.onConnected = () => {
    socket.send(frameDnsMessage(x.bytes), { protocol: PROTOCOL, summary: summarizeDns(x.message), causedBy: x.causedBy });
  };
  socket.onData = (data, completed) => {
    if (done) return;
    reassembler.push(data);
    const item = reassembler.poll();
    if (!item) return;
    done = true;
    timer.cancel();
    socket.close();
    if (item.type === 'error') x.onFailure('closed', socket.connectionId);
    else x.onAnswer(item.bytes, completed[0] ?? null, socket.connectionId);
  };
  socket.onPeerClosed = () => socket.close();
  socket.onClosed = (reason) => {
    if (done) return;
    done = true;
    timer.cancel();
    x.onFailure(reason === 'closed' ? 'closed' : reason, socket.connectionId);
  };
  return socket;
}
