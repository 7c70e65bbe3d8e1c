/**
 * DNS over the simulated network: application drivers binding the sans-I/O
 * engines (server.ts, recursive-server.ts, resolver.ts) to UDP port 53
 * (RFC 1035 §4.2.1) and TCP port 53 (RFC 1035 §4.2.2, RFC 7766; tcp-apps.ts).
 * The stub resolver hosts use to look names up is in stub.ts.
 *
 * Every DNS message is labelled for the trace with its Wireshark-style
 * summary and linked to the message that caused it. The resolver's cache
 * changes (stored, expired, hits) become state events; its expiry timer is
 * weak, so cached entries do not keep a finished run going.
 */
import type { AppContext } from '../../host/app-context';
import { HostSlot } from '../../host/host-slot';
import type { UdpSocket } from '../../host/udp-socket';
import { formatIpv4, parseIpv4 } from '../../net/ipv4';
import type { TimerHandle } from '../../sim/scheduler';
import type { SimTime } from '../../sim/time';
import { DNS_PORT, rcodeName, typeName } from './constants';
import { displayName } from './names';
import { describeData } from './dissect';
import { Resolver, type ResolverConfig, type ResolverEvent } from './resolver';
import { RecursiveServer } from './recursive-server';
import { AuthoritativeServer } from './server';
import { summarizeDns } from './summary';
import { exchangeOverTcp, listenDnsTcp, PROTOCOL } from './tcp-apps';
import type { Zone } from './zone';

export { PROTOCOL } from './tcp-apps';
export { runDnsLookup } from './stub';

/** The authoritative data of the name servers running on a host, for the administrator's edits (zone-edit.ts). */
export const ZONE_SERVERS = new HostSlot<AuthoritativeServer>('dns zone servers');

export function startDnsServer(ctx: AppContext, zones: readonly Zone[], recursive = false, timeout: SimTime = 2_000_000_000): void {
  if (recursive) return startRecursiveDnsServer(ctx, zones, timeout);
  const engine = new AuthoritativeServer(zones);
  ctx.stack.slots.add(ZONE_SERVERS, engine);
  const socket = ctx.stack.udpSocket(DNS_PORT);
  socket.onMessage = (m) => {
    const reply = engine.handleQuery(m.data);
    if (!reply) return;
    socket.sendTo(reply.bytes, m.from.addr, m.from.port, { protocol: PROTOCOL, summary: summarizeDns(reply.message), causedBy: m.messageId });
  };
  listenDnsTcp(ctx, (bytes, peer, messageId) => {
    const reply = engine.handleQuery(bytes, 'tcp');
    if (reply) peer.send(reply.bytes, reply.message, messageId);
  });
}

/** A server answering recursively: queries and the answers to its own queries share port 53. */
function startRecursiveDnsServer(ctx: AppContext, zones: readonly Zone[], timeout: SimTime): void {
  const engine = new RecursiveServer(zones, timeout, () => ctx.randomUint32() & 0xffff);
  ctx.stack.slots.add(ZONE_SERVERS, engine.authority);
  const socket = ctx.stack.udpSocket(DNS_PORT);
  let timer: TimerHandle | null = null;
  const tcp = listenDnsTcp(ctx, (bytes, peer, messageId) => {
    engine.handleQuery(bytes, { addr: peer.addr, port: peer.port, transport: 'tcp' }, ctx.now, messageId);
    pump();
  });
  const pump = (): void => {
    for (let t = engine.pollTransmit(); t; t = engine.pollTransmit()) {
      if (t.to.transport !== 'tcp') {
        socket.sendTo(t.bytes, parseIpv4(t.to.addr) ?? 0, t.to.port, { protocol: PROTOCOL, summary: summarizeDns(t.message), causedBy: t.cause });
      } else if (t.message.header.qr) {
        tcp.peer(t.to.addr, t.to.port)?.send(t.bytes, t.message, t.cause);
      } else {
        const id = t.message.header.id;
        const upstream = t.to.addr;
        exchangeOverTcp(ctx, {
          server: parseIpv4(upstream) ?? 0,
          bytes: t.bytes,
          message: t.message,
          causedBy: t.cause,
          timeout,
          onAnswer: (bytes, messageId) => {
            engine.handleResponse(bytes, upstream, messageId, 'tcp');
            pump();
          },
          onFailure: () => {
            engine.handleTcpFailure(id, upstream);
            pump();
          },
        });
      }
    }
    const at = engine.pollTimeout();
    if (timer && (at === null || timer.at !== at)) {
      timer.cancel();
      timer = null;
    }
    if (at !== null && !timer) {
      timer = ctx.after(Math.max(0, at - ctx.now), () => {
        timer = null;
        engine.handleTimeout(ctx.now);
        pump();
      });
    }
  };
  socket.onMessage = (m) => {
    const isResponse = m.data.length > 2 && (m.data[2]! & 0x80) !== 0;
    if (isResponse) engine.handleResponse(m.data, formatIpv4(m.from.addr), m.messageId);
    else engine.handleQuery(m.data, { addr: formatIpv4(m.from.addr), port: m.from.port }, ctx.now, m.messageId);
    pump();
  };
}

export interface ResolverServiceOptions extends ResolverConfig {
  readonly randomizePorts: boolean;
}

export function startDnsResolver(ctx: AppContext, options: ResolverServiceOptions): void {
  const resolver = new Resolver(options, () => ctx.randomUint32() & 0xffff);
  const clients = ctx.stack.udpSocket(DNS_PORT);
  // Without port randomisation the resolver asks from port 53 itself, as resolvers did before 2008
  // (RFC 5452 §9.2): an attacker then knows the port and has only the 16-bit id to guess.
  const fixedUpstream = options.randomizePorts ? null : clients;
  let retransmitTimer: TimerHandle | null = null;
  let expiryTimer: TimerHandle | null = null;

  const listenUpstream = (socket: UdpSocket, closeAfterReply: boolean) => {
    socket.onMessage = (m) => {
      resolver.handleResponse(m.data, formatIpv4(m.from.addr), ctx.now, m.messageId);
      if (closeAfterReply) socket.close();
      pump();
    };
  };

  // Stub resolvers that got a truncated answer ask again over TCP (RFC 7766 §5).
  const tcpClients = listenDnsTcp(ctx, (bytes, peer, messageId) => {
    resolver.handleClientQuery(bytes, { addr: peer.addr, port: peer.port, transport: 'tcp' }, ctx.now, messageId);
    pump();
  });

  const pump = (): void => {
    // What the resolver learned first (cache entries stored on a response), then what it sends because of it.
    for (let e = resolver.pollEvent(); e; e = resolver.pollEvent()) report(ctx, e);
    for (let t = resolver.pollTransmit(); t; t = resolver.pollTransmit()) {
      const label = { protocol: PROTOCOL, summary: summarizeDns(t.message), causedBy: t.cause };
      if (t.kind === 'reply') {
        if (t.to.transport === 'tcp') tcpClients.peer(t.to.addr, t.to.port)?.send(t.bytes, t.message, t.cause);
        else clients.sendTo(t.bytes, parseIpv4(t.to.addr) ?? 0, t.to.port, label);
        continue;
      }
      if (t.transport === 'tcp') {
        const id = t.message.header.id;
        const server = t.to.address;
        exchangeOverTcp(ctx, {
          server: parseIpv4(server) ?? 0,
          bytes: t.bytes,
          message: t.message,
          causedBy: t.cause,
          timeout: options.timeout,
          onAnswer: (bytes, messageId) => {
            resolver.handleResponse(bytes, server, ctx.now, messageId, 'tcp');
            pump();
          },
          onFailure: () => {
            resolver.handleTcpFailure(id, server, ctx.now);
            pump();
          },
        });
        continue;
      }
      let socket = fixedUpstream;
      if (!socket) {
        // A fresh random port per query; closed once answered or when the wait is over.
        const own = ctx.stack.udpSocketOnRandomPort();
        listenUpstream(own, true);
        ctx.after(options.timeout, () => own.close(), { weak: true });
        socket = own;
      }
      socket.sendTo(t.bytes, parseIpv4(t.to.address) ?? 0, DNS_PORT, label);
    }
    for (let e = resolver.pollEvent(); e; e = resolver.pollEvent()) report(ctx, e);
    retransmitTimer = rearm(ctx, retransmitTimer, resolver.pollTimeout(), false, () => resolver.handleTimeout(ctx.now));
    expiryTimer = rearm(ctx, expiryTimer, resolver.pollExpiry(), true, () => resolver.handleExpiry(ctx.now));
  };

  function rearm(c: AppContext, timer: TimerHandle | null, at: SimTime | null, weak: boolean, fire: () => void): TimerHandle | null {
    if (timer && !timer.cancelled && timer.at === at) return timer;
    timer?.cancel();
    if (at === null) return null;
    return c.after(Math.max(0, at - c.now), () => {
      fire();
      pump();
    }, { weak });
  }

  clients.onMessage = (m) => {
    const isResponse = m.data.length > 2 && (m.data[2]! & 0x80) !== 0;
    if (isResponse) resolver.handleResponse(m.data, formatIpv4(m.from.addr), ctx.now, m.messageId);
    else resolver.handleClientQuery(m.data, { addr: formatIpv4(m.from.addr), port: m.from.port }, ctx.now, m.messageId);
    pump();
  };
}

function report(ctx: AppContext, e: ResolverEvent): void {
  switch (e.type) {
    case 'dns.cacheHit':
      ctx.state({ protocol: PROTOCOL, type: 'dns.cacheHit', summary: `cache hit: ${displayName(e.name)} ${typeName(e.qtype)}`, causedBy: e.cause, data: { name: e.name, type: typeName(e.qtype) } });
      break;
    case 'dns.cache': {
      const entry = e.change.entry;
      const what = entry.negative ? (entry.negative === 'nxdomain' ? 'no such name' : `no ${typeName(entry.type)} records`) : entry.records.map((r) => describeData(r)).join(', ');
      const ttl = Math.round((entry.expiresAt - ctx.now) / 1e9);
      const type = entry.negative === 'nxdomain' ? 'any' : typeName(entry.type);
      ctx.state({
        protocol: PROTOCOL,
        type: e.change.type === 'stored' ? 'dns.cacheStored' : 'dns.cacheExpired',
        summary: e.change.type === 'stored' ? `cached ${displayName(entry.name)} ${type} for ${ttl} s: ${what}` : `expired from cache: ${displayName(entry.name)} ${type}`,
        causedBy: e.cause,
        data: { name: entry.name, type, negative: entry.negative, expiresAt: entry.expiresAt, records: entry.records.map((r) => describeData(r)) },
      });
      break;
    }
    case 'dns.retransmit':
      ctx.state({ protocol: PROTOCOL, type: 'dns.timeout', summary: `no answer from ${e.server.address} for ${displayName(e.name)}: asking again`, causedBy: e.cause, data: { server: e.server.address, name: e.name } });
      break;
    case 'dns.truncated':
      ctx.state({ protocol: PROTOCOL, type: 'dns.truncated', summary: `truncated answer from ${e.server.address} for ${displayName(e.name)}: asking again over TCP`, causedBy: e.cause, data: { server: e.server.address, name: e.name } });
      break;
    case 'dns.tcpFailed':
      ctx.state({ protocol: PROTOCOL, type: 'dns.tcpFailed', summary: `TCP connection to ${e.server.address} for ${displayName(e.name)} failed`, causedBy: e.cause, data: { server: e.server.address, name: e.name } });
      break;
    case 'dns.bogus':
      ctx.state({ protocol: PROTOCOL, type: 'dns.bogus', summary: `ignored an answer for ${displayName(e.name)} from ${e.from}: its signature does not check out`, causedBy: e.cause, data: { name: e.name, from: e.from } });
      break;
    case 'dns.unmatched':
      ctx.state({ protocol: PROTOCOL, type: 'dns.unmatched', summary: `dropped a response from ${e.from} with id 0x${e.id.toString(16).padStart(4, '0')}: no query of ours matches it`, causedBy: e.cause, data: { id: e.id, from: e.from } });
      break;
    case 'dns.resolved':
      ctx.state({
        protocol: PROTOCOL,
        type: 'dns.resolved',
        summary: `resolved ${displayName(e.name)} ${typeName(e.qtype)}: ${rcodeName(e.rcode)} after ${e.queries} ${e.queries === 1 ? 'query' : 'queries'}`,
        causedBy: e.cause,
        data: { name: e.name, rcode: rcodeName(e.rcode), queries: e.queries },
      });
      break;
  }
}
