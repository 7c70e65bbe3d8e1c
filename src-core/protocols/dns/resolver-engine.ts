/**
 * The local DNS server as an engine (engine/face.ts): the resolver
 * (resolver.ts) serving stub resolvers on UDP and TCP port 53 and asking
 * servers over UDP (or TCP after a truncated answer; tcp-queries.ts).
 *
 * Rules:
 * - With port randomisation (RFC 5452 §9.2) every UDP query goes out from a
 *   fresh random port, which is closed once any datagram arrives on it or
 *   when the query's wait is over — so a late or forged answer to a port no
 *   longer open is refused by the host. Without it, queries go out from
 *   port 53 itself, as resolvers did before 2008: an attacker then knows the
 *   port and has only the 16-bit id to guess.
 * - Cache expiry and the closing of idle query ports are weak deadlines:
 *   they never keep a finished run going.
 * - What the resolver learned is reported before what it sends because of it.
 */
import type { Datagram, Deadline, EngineEnv, SocketId, StreamEvent } from '../../engine/face';
import { earlierDeadline } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { DNS_PORT } from './constants';
import { PROTOCOL, type DnsEvent } from './events';
import { Resolver, type ResolverConfig } from './resolver';
import { summarizeDns } from './summary';
import { DnsTcpQueries } from './tcp-queries';
import { DnsTcpServing } from './tcp-serving';

export interface ResolverServiceOptions extends ResolverConfig {
  readonly randomizePorts: boolean;
}

export class ResolverEngine extends EngineBase<DnsEvent> {
  readonly resolver: Resolver;
  private readonly clients: SocketId;
  private readonly serving: DnsTcpServing;
  private readonly queries: DnsTcpQueries<{ readonly id: number; readonly server: number }>;
  /** Random-port query sockets still open, with the time their wait is over. */
  private readonly queryPorts = new Map<SocketId, SimTime>();

  constructor(
    private readonly env: EngineEnv,
    private readonly options: ResolverServiceOptions,
  ) {
    super(PROTOCOL);
    this.resolver = new Resolver(options, () => env.random32() & 0xffff);
    this.clients = env.socketId();
    const listener = env.socketId();
    this.out.bind(this.clients, DNS_PORT);
    // Stub resolvers that got a truncated answer ask again over TCP (RFC 7766 §5).
    this.out.listen(listener, DNS_PORT);
    this.serving = new DnsTcpServing(this.out, listener);
    this.queries = new DnsTcpQueries(env, this.out);
  }

  override handleDatagram(d: Datagram, now: SimTime): void {
    if (d.socket === this.clients) {
      const isResponse = d.data.length > 2 && (d.data[2]! & 0x80) !== 0;
      // With random ports no query leaves from port 53, so no answer to one can arrive there (RFC 5452 §4.5):
      // a forged response must guess the port as well as the id.
      if (isResponse && this.options.randomizePorts) this.out.event({ type: 'dns.unmatched', id: (d.data[0]! << 8) | d.data[1]!, from: d.from.addr, port: DNS_PORT, cause: d.message });
      else if (isResponse) this.resolver.handleResponse(d.data, d.from.addr, now, d.message);
      else this.resolver.handleClientQuery(d.data, { addr: d.from.addr, port: d.from.port }, now, d.message);
    } else if (this.queryPorts.delete(d.socket)) {
      this.resolver.handleResponse(d.data, d.from.addr, now, d.message);
      this.out.close(d.socket);
    }
    this.drain(now);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    // No port left for a query: it is lost like an unanswered one, and the resolver's timer asks again.
    if (e.type === 'failed' && this.queryPorts.delete(e.socket)) return;
    const served = this.serving.handle(e, (bytes, client, cause) => this.resolver.handleClientQuery(bytes, client, now, cause));
    if (!served) {
      const ended = this.queries.handle(e);
      if (ended !== null && ended !== 'not-mine') {
        if (ended.answer) this.resolver.handleResponse(ended.answer.bytes, ended.tag.server, now, ended.answer.message, 'tcp');
        else this.resolver.handleTcpFailure(ended.tag.id, ended.tag.server, now);
      }
    }
    this.drain(now);
  }

  override handleTimeout(now: SimTime): void {
    for (const [socket, until] of this.queryPorts) {
      if (until > now) continue;
      this.queryPorts.delete(socket);
      this.out.close(socket);
    }
    for (const x of this.queries.expire(now)) this.resolver.handleTcpFailure(x.tag.id, x.tag.server, now);
    if (this.dueBy(this.resolver.pollTimeout(), now)) this.resolver.handleTimeout(now);
    if (this.dueBy(this.resolver.pollExpiry(), now)) this.resolver.handleExpiry(now);
    this.drain(now);
  }


  override pollTimeout(): Deadline | null {
    const retransmit = this.resolver.pollTimeout();
    const expiry = this.resolver.pollExpiry();
    let ports: SimTime | null = null;
    for (const until of this.queryPorts.values()) if (ports === null || until < ports) ports = until;
    let d = earlierDeadline(retransmit === null ? null : { at: retransmit, weak: false }, this.queries.pollTimeout());
    d = earlierDeadline(d, expiry === null ? null : { at: expiry, weak: true });
    return earlierDeadline(d, ports === null ? null : { at: ports, weak: true });
  }


  private dueBy(at: SimTime | null, now: SimTime): boolean {
    return at !== null && at <= now;
  }

  private drain(now: SimTime): void {
    this.events();
    for (let t = this.resolver.pollTransmit(); t; t = this.resolver.pollTransmit()) {
      if (t.kind === 'reply') {
        if (t.to.transport === 'tcp') this.serving.reply(t.to, t.bytes, t.message, t.cause);
        else this.out.send(this.clients, { addr: t.to.addr, port: t.to.port }, t.bytes, this.out.label(summarizeDns(t.message), t.cause));
        continue;
      }
      if (t.transport === 'tcp') {
        this.queries.start({ id: t.message.header.id, server: t.to.address }, t.to.address, t.bytes, t.message, t.cause, now, this.options.timeout);
        continue;
      }
      let socket = this.clients;
      if (this.options.randomizePorts) {
        // A fresh random port per query; closed once answered or when the wait is over.
        socket = this.env.socketId();
        this.out.bind(socket, 'random');
        this.queryPorts.set(socket, now + this.options.timeout);
      }
      this.out.send(socket, { addr: t.to.address, port: DNS_PORT }, t.bytes, this.out.label(summarizeDns(t.message), t.cause));
    }
    this.events();
  }

  private events(): void {
    for (let e = this.resolver.pollEvent(); e; e = this.resolver.pollEvent()) this.out.event(e);
  }
}
