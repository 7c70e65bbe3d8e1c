/**
 * An authoritative DNS server, sans-I/O: `handleQuery(bytes)` returns the
 * response bytes (or null when nothing is to be sent). It reads no clock and
 * owns no socket; DnsServerEngine (server-engine.ts) binds it to UDP and TCP port 53.
 *
 * Rules:
 * - A message that cannot be parsed gets FORMERR if its 12-byte header can
 *   be read (the id is echoed), else no answer (RFC 1035 §4.1.1).
 * - A response (QR=1) is never answered (no loops between servers).
 * - Opcodes other than QUERY get NOTIMP; a query without exactly one
 *   question gets FORMERR.
 * - Questions of another class than IN, and zone transfers (AXFR, IXFR),
 *   are declined before any lookup: REFUSED, or FORMERR for AXFR over UDP
 *   (policy.ts).
 * - QTYPE ANY gets one RRset (RFC 8482 §4.1; zone.ts).
 * - A CNAME chain ending at a name the zone does not hold is NXDOMAIN, one
 *   ending at a name without data of the type NODATA, the chain in the
 *   answer section either way (RFC 6604 §3; zone.ts).
 * - A name outside every zone of the server gets REFUSED.
 * - RA is set only on a server that offers recursion; this one does not.
 * - Several records of one RRset are returned in rotating order, one step per
 *   query, so clients spread over the addresses (load distribution).
 * - A response our own zone data cannot be written into (a name over 255
 *   bytes, say: our mistake, a RangeError from the encoder) goes out as
 *   SERVFAIL (RFC 1035 §4.1.1: "a problem with the name server") instead
 *   of throwing at the driver.
 * - Responses over UDP longer than 512 bytes are truncated to the header and
 *   question with TC set (RFC 1035 §4.2.1); over TCP they are whole
 *   (RFC 7766 §6.2, up to 65535 bytes; truncate.ts).
 */
import { DNS_OPCODE, DNS_RCODE } from './constants';
import { canonicalName } from './names';
import { declineQuestion } from './policy';
import { decodeDns } from './codec';
import { fitToTransport, type DnsTransport } from './truncate';
import type { DnsHeader, DnsMessage, DnsQuestion, DnsRecord } from './types';
import { withSignatures } from './sign';
import { ZoneData, type Zone } from './zone';

export type ServerOutcome = 'answer' | 'referral' | 'nodata' | 'nxdomain' | 'refused' | 'formerr' | 'notimp' | 'servfail' | 'ignored';

export interface ServerReply {
  readonly bytes: Uint8Array;
  readonly message: DnsMessage;
  readonly outcome: ServerOutcome;
}

export class AuthoritativeServer {
  private readonly zones: ZoneData[];
  private readonly rotation = new Map<string, number>();
  /** The transport of the query being answered. */
  private transport: DnsTransport = 'udp';

  constructor(zones: readonly Zone[]) {
    // The deepest zone first, so a server holding both example.com and a.example.com answers from the closer one.
    this.zones = zones.map((z) => new ZoneData(z)).sort((a, b) => b.origin.length - a.origin.length);
  }

  /**
   * Replaces the records of `name` and `type` in the deepest zone holding the
   * name (the zone file edited by hand, then reloaded). Answers from now on
   * carry the new data; caches elsewhere keep the old one until its TTL runs
   * out (RFC 1034 §3.6). Null when no zone of this server holds the name.
   */
  editZone(name: string, type: number, records: readonly DnsRecord[]): { readonly origin: string; readonly serial: number | null } | null {
    const zone = this.zones.find((z) => z.contains(name));
    if (!zone) return null;
    const serial = zone.replaceRecords(name, type, records);
    for (const key of [...this.rotation.keys()]) if (key.startsWith(`${canonicalName(name)}/`)) this.rotation.delete(key);
    return { origin: zone.origin, serial };
  }

  /** `transport` sets the size limit of the response (truncate.ts). */
  handleQuery(bytes: Uint8Array, transport: DnsTransport = 'udp'): ServerReply | null {
    this.transport = transport;
    const decoded = decodeDns(bytes);
    if (!decoded.ok) {
      if (bytes.length < 12) return null;
      const id = (bytes[0]! << 8) | bytes[1]!;
      const qr = (bytes[2]! & 0x80) !== 0;
      if (qr) return null;
      return this.reply(header(id, DNS_RCODE.FORMERR, false, false), [], [], [], [], 'formerr');
    }
    const q = decoded.value;
    if (q.header.qr) return null;
    const rd = q.header.rd;
    if (q.header.opcode !== DNS_OPCODE.QUERY) return this.reply(header(q.header.id, DNS_RCODE.NOTIMP, false, rd, q.header.opcode), q.questions, [], [], [], 'notimp');
    if (q.questions.length !== 1) return this.reply(header(q.header.id, DNS_RCODE.FORMERR, false, rd), q.questions, [], [], [], 'formerr');
    return this.answer(q.header.id, rd, q.questions[0]!);
  }

  private answer(id: number, rd: boolean, question: DnsQuestion): ServerReply {
    const declined = declineQuestion(question, this.transport);
    if (declined) return this.reply(header(id, declined.rcode, false, rd), [question], [], [], [], declined.outcome);
    const zone = this.zones.find((z) => z.contains(question.name));
    if (!zone) return this.reply(header(id, DNS_RCODE.REFUSED, false, rd), [question], [], [], [], 'refused');
    const found = zone.lookup(question.name, question.type);
    switch (found.kind) {
      case 'answer': {
        const answers = this.rotate(found.answers);
        return this.reply(header(id, DNS_RCODE.NOERROR, true, rd), [question], this.signed(zone, answers), [], found.additionals, 'answer');
      }
      case 'referral':
        return this.reply(header(id, DNS_RCODE.NOERROR, false, rd), [question], [], found.authorities, found.additionals, 'referral');
      // A CNAME chain that led to the name without data goes with the negative answer (RFC 6604 §3), signed like any answer.
      case 'nodata':
        return this.reply(header(id, DNS_RCODE.NOERROR, true, rd), [question], this.signed(zone, found.answers), found.authorities, [], 'nodata');
      case 'nxdomain':
        return this.reply(header(id, DNS_RCODE.NXDOMAIN, true, rd), [question], this.signed(zone, found.answers), found.authorities, [], 'nxdomain');
    }
  }

  private signed(zone: ZoneData, answers: DnsRecord[]): DnsRecord[] {
    return zone.signingKey ? withSignatures(answers, zone.signingKey) : answers;
  }

  /** Round-robin within each RRset of the answer (RFC 1794's idea). */
  private rotate(records: DnsRecord[]): DnsRecord[] {
    const groups = new Map<string, DnsRecord[]>();
    for (const r of records) {
      const key = `${canonicalName(r.name)}/${r.data.type}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
    }
    const out: DnsRecord[] = [];
    for (const [key, set] of groups) {
      if (set.length < 2) {
        out.push(...set);
        continue;
      }
      const step = this.rotation.get(key) ?? 0;
      this.rotation.set(key, (step + 1) % set.length);
      for (let i = 0; i < set.length; i++) out.push(set[(i + step) % set.length]!);
    }
    return out;
  }

  private reply(h: DnsHeader, questions: readonly DnsQuestion[], answers: DnsRecord[], authorities: DnsRecord[], additionals: DnsRecord[], outcome: ServerOutcome): ServerReply {
    try {
      const { bytes, message } = fitToTransport({ header: h, questions, answers, authorities, additionals }, this.transport);
      return { bytes, message, outcome };
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // Our records cannot be written; the question came off the wire, so it can.
      const failed: DnsMessage = { header: { ...h, aa: false, rcode: DNS_RCODE.SERVFAIL }, questions, answers: [], authorities: [], additionals: [] };
      const { bytes, message } = fitToTransport(failed, this.transport);
      return { bytes, message, outcome: 'servfail' };
    }
  }
}

function header(id: number, rcode: number, aa: boolean, rd: boolean, opcode: number = DNS_OPCODE.QUERY): DnsHeader {
  return { id, qr: true, opcode, aa, tc: false, rd, ra: false, z: 0, rcode };
}
