/**
 * The authoritative name server as an engine (engine/face.ts): the answers
 * of AuthoritativeServer (server.ts) served on UDP port 53 (RFC 1035
 * §4.2.1) and TCP port 53 (RFC 1035 §4.2.2, RFC 7766; tcp-serving.ts). Each
 * answer is labelled with its Wireshark-style summary and caused by its query.
 */
import type { Datagram, EngineEnv, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import { DNS_PORT } from './constants';
import { PROTOCOL, type DnsEvent } from './events';
import type { AuthoritativeServer } from './server';
import { summarizeDns } from './summary';
import { DnsTcpServing } from './tcp-serving';

export class DnsServerEngine extends EngineBase<DnsEvent> {
  private readonly udp: SocketId;
  private readonly tcp: DnsTcpServing;

  constructor(
    env: EngineEnv,
    readonly server: AuthoritativeServer,
    port: number = DNS_PORT,
  ) {
    super(PROTOCOL);
    this.udp = env.socketId();
    const listener = env.socketId();
    this.out.bind(this.udp, port);
    this.out.listen(listener, port);
    this.tcp = new DnsTcpServing(this.out, listener);
  }

  override handleDatagram(d: Datagram): void {
    const reply = this.server.handleQuery(d.data, 'udp');
    if (reply) this.out.send(this.udp, d.from, reply.bytes, this.out.label(summarizeDns(reply.message), d.message));
  }

  override handleStream(e: StreamEvent): void {
    this.tcp.handle(e, (bytes, client, cause) => {
      const reply = this.server.handleQuery(bytes, 'tcp');
      if (reply) this.tcp.reply(client, reply.bytes, reply.message, cause);
    });
  }

}
