/**
 * An authoritative server that also answers recursively (the "recursive
 * query" figure of Kurose & Ross §2.4.2, RFC 1034 §4.3.1): when a query asks
 * for recursion (RD) and its own zones only give a referral, it asks the
 * server it would refer to — itself with RD set — and relays that answer to
 * its client, with RA set. Without RD, or when it has the answer, it behaves
 * exactly like AuthoritativeServer.
 *
 * Sans-I/O: handleQuery / handleResponse / handleTcpFailure / handleTimeout
 * in, pollTransmit / pollTimeout out; each output carries the cause tag of
 * its input.
 *
 * Transports: a client's endpoint says whether it asked over UDP or TCP;
 * the answer is fitted to it (truncate.ts: over UDP above 512 bytes, TC set).
 * An upstream answer over UDP with TC set is not relayed: the same question
 * goes to the same server over TCP (RFC 7766 §5), within the same deadline.
 */
import { parseIpv4 } from '../../net/ipv4';
import type { SimTime } from '../../sim/time';
import { decodeDns, encodeDns } from './codec';
import { fitToTransport, type DnsTransport } from './truncate';
import { DNS_RCODE } from './constants';
import { canonicalName } from './names';
import type { Endpoint } from './resolver';
import { AuthoritativeServer } from './server';
import type { DnsMessage, DnsQuestion } from './types';
import type { Zone } from './zone';

/** A query upstream when the message is a query (QR=0), else a reply to a client; `to.transport` says how it goes. */
export type RecursiveTransmit = { readonly to: Endpoint; readonly bytes: Uint8Array; readonly message: DnsMessage; readonly cause: number | null };

interface Pending {
  readonly client: Endpoint;
  readonly clientId: number;
  readonly question: DnsQuestion;
  readonly upstreamId: number;
  /** IPv4, 32-bit. */
  readonly upstream: number;
  readonly transport: DnsTransport;
  readonly deadline: SimTime;
}

export class RecursiveServer {
  /** The zones this server holds itself, answered as an authoritative server would. */
  readonly authority: AuthoritativeServer;
  private readonly pending: Pending[] = [];
  private readonly out: RecursiveTransmit[] = [];

  constructor(
    zones: readonly Zone[],
    private readonly timeout: SimTime,
    private readonly random16: () => number,
  ) {
    this.authority = new AuthoritativeServer(zones);
  }

  handleQuery(bytes: Uint8Array, client: Endpoint, now: SimTime, cause: number | null): void {
    const local = this.authority.handleQuery(bytes, client.transport ?? 'udp');
    if (!local) return;
    const m = local.message;
    const question = m.questions[0];
    const decoded = decodeDns(bytes);
    const rd = decoded.ok && decoded.value.header.rd;
    const glue = m.additionals.find((r) => r.data.type === 'A');
    const next = glue?.data.type === 'A' ? parseIpv4(glue.data.address) : null;
    if (local.outcome !== 'referral' || !rd || !question || next === null) {
      this.out.push({ to: client, bytes: local.bytes, message: m, cause });
      return;
    }
    this.ask({ client, clientId: m.header.id, question, upstream: next, transport: 'udp', deadline: now + this.timeout }, cause);
  }

  handleResponse(bytes: Uint8Array, from: number, cause: number | null, transport: DnsTransport = 'udp'): void {
    const decoded = decodeDns(bytes);
    if (!decoded.ok || !decoded.value.header.qr) return;
    const r = decoded.value;
    const q = r.questions[0];
    const i = this.pending.findIndex(
      (p) => p.upstreamId === r.header.id && p.upstream === from && p.transport === transport && q !== undefined && canonicalName(q.name) === canonicalName(p.question.name) && q.type === p.question.type,
    );
    if (i < 0) return;
    const [p] = this.pending.splice(i, 1);
    // RFC 7766 §5: a truncated UDP answer is not relayed; ask again over TCP.
    if (r.header.tc && transport === 'udp') return this.ask({ ...p!, transport: 'tcp' }, cause);
    this.reply(p!, r.header.rcode, r, cause);
  }

  /** The TCP connection carrying upstream query `id` failed: the client gets SERVFAIL. */
  handleTcpFailure(id: number, from: number): void {
    const i = this.pending.findIndex((p) => p.upstreamId === id && p.upstream === from && p.transport === 'tcp');
    if (i < 0) return;
    const [p] = this.pending.splice(i, 1);
    this.reply(p!, DNS_RCODE.SERVFAIL, null, null);
  }

  private ask(p: Omit<Pending, 'upstreamId'>, cause: number | null): void {
    const upstreamId = this.random16() & 0xffff;
    const query: DnsMessage = {
      header: { id: upstreamId, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
      questions: [p.question],
      answers: [],
      authorities: [],
      additionals: [],
    };
    this.pending.push({ ...p, upstreamId });
    this.out.push({ to: { addr: p.upstream, port: 53, transport: p.transport }, bytes: encodeDns(query), message: query, cause });
  }

  handleTimeout(now: SimTime): void {
    for (const p of this.pending.filter((x) => x.deadline <= now)) {
      this.pending.splice(this.pending.indexOf(p), 1);
      this.reply(p, DNS_RCODE.SERVFAIL, null, null);
    }
  }

  pollTransmit(): RecursiveTransmit | null {
    return this.out.shift() ?? null;
  }

  pollTimeout(): SimTime | null {
    return this.pending.reduce<SimTime | null>((t, p) => (t === null || p.deadline < t ? p.deadline : t), null);
  }

  private reply(p: Pending, rcode: number, upstream: DnsMessage | null, cause: number | null): void {
    const { bytes, message } = fitToTransport(
      {
        header: { id: p.clientId, qr: true, opcode: 0, aa: false, tc: false, rd: true, ra: true, z: 0, rcode },
        questions: [p.question],
        answers: upstream?.answers ?? [],
        authorities: upstream?.authorities ?? [],
        additionals: upstream?.additionals ?? [],
      },
      p.client.transport ?? 'udp',
    );
    this.out.push({ to: p.client, bytes, message, cause });
  }
}
