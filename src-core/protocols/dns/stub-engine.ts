/**
 * The stub resolver hosts use to look names up (the operating system's, RFC
 * 1123 §6.1.3.1), as an engine (engine/face.ts): one query with RD set to the
 * local DNS server over UDP, asked again after `timeout`, up to three times.
 *
 * Rules:
 * - Only a response with the query's id and QR set is taken (RFC 5452 §3).
 * - An answer with TC set (RFC 1035 §4.2.1) is not used: the same query
 *   goes to the same server over TCP (RFC 7766 §5; tcp-queries.ts), and
 *   that answer is the result. The TCP attempt gets `timeout` too; if it
 *   fails, the lookup fails (or falls back to the hosts file).
 * - When DNS gives no address, the hosts file may.
 */
import type { Datagram, Deadline, EngineEnv, SocketId, StreamEvent } from '../../engine/face';
import { EngineBase } from '../../engine/base';
import type { SimTime } from '../../sim/time';
import { decodeDns, encodeDns } from './codec';
import { DNS_PORT, DNS_TYPE, rcodeName } from './constants';
import { describeData } from './dissect';
import { PROTOCOL, type DnsEvent } from './events';
import { canonicalName, displayName } from './names';
import { summarizeDns } from './summary';
import { DnsTcpQueries } from './tcp-queries';
import type { DnsMessage } from './types';

const STUB_TRIES = 3;

export interface HostsEntry {
  readonly name: string;
  readonly address: string;
}

export interface LookupCommand {
  /** The local DNS server's address (32-bit). */
  readonly server: number;
  readonly name: string;
  readonly qtype: number;
  /** How long to wait for each answer (ns). */
  readonly timeout: SimTime;
  readonly hostsFile: readonly HostsEntry[];
}

export class StubResolver extends EngineBase<DnsEvent, LookupCommand> {
  private readonly socket: SocketId;
  private readonly tcp: DnsTcpQueries<null>;
  private lookup: LookupCommand | null = null;
  private message: DnsMessage | null = null;
  private bytes: Uint8Array = new Uint8Array(0);
  private startedAt: SimTime = 0;
  private tries = 0;
  /** While waiting for a UDP answer: when to ask again (or give up). */
  private deadline: SimTime | null = null;
  private done = false;

  constructor(private readonly env: EngineEnv) {
    super(PROTOCOL);
    this.socket = env.socketId();
    this.tcp = new DnsTcpQueries(env, this.out);
  }

  override handleCommand(c: LookupCommand, now: SimTime): void {
    if (this.lookup) return; // one lookup per stub engine
    this.lookup = c;
    this.startedAt = now;
    this.out.bind(this.socket, 'ephemeral');
    const id = this.env.random32() & 0xffff;
    this.message = {
      header: { id, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
      questions: [{ name: c.name, type: c.qtype, class: 1 }],
      answers: [],
      authorities: [],
      additionals: [],
    };
    this.bytes = encodeDns(this.message);
    this.send(now);
  }

  override handleDatagram(d: Datagram, now: SimTime): void {
    const c = this.lookup;
    if (!c || this.deadline === null || d.socket !== this.socket) return;
    const reply = decodeDns(d.data);
    if (!reply.ok || reply.value.header.id !== this.message!.header.id || !reply.value.header.qr) return; // not ours
    this.deadline = null;
    this.out.close(this.socket);
    if (reply.value.header.tc) {
      this.out.event({ type: 'dns.stubTruncated', name: c.name, cause: d.message });
      this.tcp.start(null, c.server, this.bytes, this.message!, d.message, now, c.timeout);
      return;
    }
    this.answered(reply.value, d.message, null, now);
  }

  override handleStream(e: StreamEvent, now: SimTime): void {
    const c = this.lookup;
    if (e.type === 'failed' && e.socket === this.socket) {
      this.deadline = null;
      return this.failed(`no lookup of ${displayName(c?.name ?? '')}: ${e.detail}`, null, now);
    }
    const ended = this.tcp.handle(e);
    if (!c || ended === null || ended === 'not-mine') return;
    if (!ended.answer) return this.failed(`no answer for ${displayName(c.name)} over TCP (connection ${ended.failure})`, ended.connection, now);
    const reply = decodeDns(ended.answer.bytes);
    if (!reply.ok || reply.value.header.id !== this.message!.header.id || !reply.value.header.qr) return this.failed(`no usable answer for ${displayName(c.name)} over TCP`, ended.connection, now);
    this.answered(reply.value, ended.answer.message, ended.connection, now);
  }

  override handleTimeout(now: SimTime): void {
    const c = this.lookup;
    if (!c) return;
    for (const x of this.tcp.expire(now)) this.failed(`no answer for ${displayName(c.name)} over TCP (connection ${x.failure})`, x.connection, now);
    if (this.deadline === null || this.deadline > now) return;
    if (this.tries < STUB_TRIES) return this.send(now);
    this.deadline = null;
    this.out.close(this.socket);
    this.failed(`no answer for ${displayName(c.name)} after ${this.tries} tries`, null, now);
  }

  override pollTimeout(): Deadline | null {
    const tcp = this.tcp.pollTimeout();
    if (this.deadline === null) return tcp;
    return { at: tcp === null ? this.deadline : Math.min(tcp.at, this.deadline), weak: false };
  }


  private send(now: SimTime): void {
    this.tries++;
    this.out.send(this.socket, { addr: this.lookup!.server, port: DNS_PORT }, this.bytes, this.out.label(summarizeDns(this.message!), null));
    this.deadline = now + this.lookup!.timeout;
  }

  private answered(r: DnsMessage, cause: number | null, connection: string | null, now: SimTime): void {
    const c = this.lookup!;
    if (!r.answers.some((a) => a.data.type === 'A') && this.fallback(rcodeName(r.header.rcode), now)) return;
    this.finish();
    const answers = r.answers.map((a) => describeData(a));
    const addresses = r.answers.flatMap((a) => (a.data.type === 'A' ? [a.data.address] : []));
    const exchanges = r.answers.flatMap((a) => (a.data.type === 'MX' ? [{ preference: a.data.preference, exchange: a.data.exchange }] : []));
    this.out.event({ type: 'dns.answered', name: c.name, qtype: c.qtype, rcode: r.header.rcode, answers, addresses, exchanges, elapsed: now - this.startedAt, cause, connection });
  }

  private failed(summary: string, connection: string | null, now: SimTime): void {
    if (this.done || this.fallback('nothing', now)) return;
    this.finish();
    this.out.event({ type: 'dns.lookupFailed', summary, connection });
  }

  /** When DNS gives no address, the hosts file may (only for A lookups). */
  private fallback(why: string, now: SimTime): boolean {
    const c = this.lookup!;
    if (this.done) return true;
    const entry = c.qtype === DNS_TYPE.A ? c.hostsFile.find((h) => canonicalName(h.name) === canonicalName(c.name)) : undefined;
    if (!entry) return false;
    this.finish();
    this.out.event({ type: 'dns.answeredFromHosts', name: c.name, address: entry.address, why, elapsed: now - this.startedAt });
    return true;
  }

  private finish(): void {
    this.done = true;
  }
}
