/**
 * The recursive name server as an engine (engine/face.ts): RecursiveServer
 * (recursive-server.ts) on UDP and TCP port 53. Its own queries upstream go
 * out from port 53 too, and their answers come back there; a truncated
 * upstream answer is asked again over a TCP connection of its own
 * (tcp-queries.ts), within the same deadline.
 */
import type { Datagram, Deadline, EngineEnv, SocketId, StreamEvent } from '../../engine/face';
import { earlierDeadline } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { DNS_PORT } from './constants';
import { PROTOCOL, type DnsEvent } from './events';
import type { RecursiveServer } from './recursive-server';
import { summarizeDns } from './summary';
import { DnsTcpQueries } from './tcp-queries';
import { DnsTcpServing } from './tcp-serving';

export class RecursiveServerEngine extends EngineBase<DnsEvent> {
  private readonly udp: SocketId;
  private readonly serving: DnsTcpServing;
  private readonly queries: DnsTcpQueries<{ readonly id: number; readonly upstream: number }>;

  constructor(
    env: EngineEnv,
    readonly server: RecursiveServer,
    private readonly timeout: SimTime,
  ) {
    super(PROTOCOL);
    this.udp = env.socketId();
    const listener = env.socketId();
    this.out.bind(this.udp, DNS_PORT);
    this.out.listen(listener, DNS_PORT);
    this.serving = new DnsTcpServing(this.out, listener);
    this.queries = new DnsTcpQueries(env, this.out);
  }

  override handleDatagram(d: Datagram, now: SimTime): void {
    const isResponse = d.data.length > 2 && (d.data[2]! & 0x80) !== 0;
    if (isResponse) this.server.handleResponse(d.data, d.from.addr, d.message);
    else this.server.handleQuery(d.data, { addr: d.from.addr, port: d.from.port }, now, d.message);
    this.drain(now);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    const served = this.serving.handle(e, (bytes, client, cause) => this.server.handleQuery(bytes, client, now, cause));
    if (!served) {
      const ended = this.queries.handle(e);
      if (ended !== null && ended !== 'not-mine') {
        if (ended.answer) this.server.handleResponse(ended.answer.bytes, ended.tag.upstream, ended.answer.message, 'tcp');
        else this.server.handleTcpFailure(ended.tag.id, ended.tag.upstream);
      }
    }
    this.drain(now);
  }

  override handleTimeout(now: SimTime): void {
    for (const x of this.queries.expire(now)) this.server.handleTcpFailure(x.tag.id, x.tag.upstream);
    this.server.handleTimeout(now);
    this.drain(now);
  }


  override pollTimeout(): Deadline | null {
    const at = this.server.pollTimeout();
    return earlierDeadline(at === null ? null : { at, weak: false }, this.queries.pollTimeout());
  }


  /** Moves the server's outputs to sockets: replies to clients, queries upstream. */
  private drain(now: SimTime): void {
    for (let t = this.server.pollTransmit(); t; t = this.server.pollTransmit()) {
      if (t.to.transport !== 'tcp') {
        this.out.send(this.udp, { addr: t.to.addr, port: t.to.port }, t.bytes, this.out.label(summarizeDns(t.message), t.cause));
      } else if (t.message.header.qr) {
        this.serving.reply(t.to, t.bytes, t.message, t.cause);
      } else {
        this.queries.start({ id: t.message.header.id, upstream: t.to.addr }, t.to.addr, t.bytes, t.message, t.cause, now, this.timeout);
      }
    }
  }
}
