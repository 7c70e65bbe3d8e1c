/**
 * Valid DNS inputs for the fuzz targets, all made by our own encoder and
 * servers: queries of every type the servers know (and some they do not),
 * and the real answers of a root, a TLD and two authoritative servers to
 * them — referrals with glue, CNAME chains, MX additionals, NXDOMAIN and
 * NODATA with the SOA, rotated RRsets, signed answers, truncated answers —
 * with compressed names throughout.
 *
 * The zones are the test zones (zones.test-helper.ts) plus what those lack:
 * AAAA, a delegation below example.com, a TXT set too long for UDP, a CNAME
 * out of the zone, and a signed zone (example.org).
 */
import { encodeDns } from '../../../src-core/protocols/dns/codec';
import { DNS_TYPE } from '../../../src-core/protocols/dns/constants';
import { L7SIG_TYPE } from '../../../src-core/protocols/dns/sign';
import { AuthoritativeServer } from '../../../src-core/protocols/dns/server';
import { frameDnsMessage } from '../../../src-core/protocols/dns/tcp-framing';
import type { DnsTransport } from '../../../src-core/protocols/dns/truncate';
import type { DnsMessage, DnsQuestion, DnsRecord, DnsRecordData } from '../../../src-core/protocols/dns/types';
import type { Zone } from '../../../src-core/protocols/dns/zone';
import { COM_ZONE, EXAMPLE_ZONE, ROOT_ZONE } from '../../../src-core/protocols/dns/zones.test-helper';
import { concat } from './target';

/** The id of every query the fuzzed engines send (face-world.ts: the low 16 bits of their env.random32), so seed responses match them. */
export const ENGINE_QUERY_ID = 0x4242;

export const ROOT_SERVER = { name: 'a.root-servers.net', address: '198.41.0.4' };
export const COM_SERVER = '192.5.6.30';
export const EXAMPLE_SERVER = '192.0.2.53';
export const ORG_SERVER = '199.19.56.1';
export const SIGNING_KEY = 'fuzz-key';

export const LONG_LABEL = `${'l'.repeat(63)}.example.com`;
/** 255 bytes on the wire: three 63-byte labels, one of 49, and example.com. */
export const LONGEST_NAME = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(49)}.example.com`;

const rr = (name: string, ttl: number, data: DnsRecordData): DnsRecord => ({ name, class: 1, ttl, data });

export const ZONES = {
  root: {
    ...ROOT_ZONE,
    records: [...ROOT_ZONE.records, rr('org', 172800, { type: 'NS', host: 'a0.org.afilias-nst.info' }), rr('a0.org.afilias-nst.info', 172800, { type: 'A', address: ORG_SERVER })],
  },
  com: COM_ZONE,
  example: {
    ...EXAMPLE_ZONE,
    records: [
      ...EXAMPLE_ZONE.records,
      rr('www.example.com', 300, { type: 'AAAA', address: '2001:db8::10' }),
      rr('www.example.com', 300, { type: 'AAAA', address: '2001:db8:0:1:0:0:0:11' }),
      rr('alias.example.com', 300, { type: 'CNAME', host: 'www.example.org' }),
      rr('loop.example.com', 300, { type: 'CNAME', host: 'loop2.example.com' }),
      rr('loop2.example.com', 300, { type: 'CNAME', host: 'loop.example.com' }),
      rr('sub.example.com', 3600, { type: 'NS', host: 'ns.sub.example.com' }),
      rr('ns.sub.example.com', 3600, { type: 'A', address: '192.0.2.54' }),
      ...Array.from({ length: 10 }, (_, i) => rr('big.example.com', 300, { type: 'TXT', strings: [`token-${i}=${'x'.repeat(60)}`, 'é'] })),
      rr('raw.example.com', 300, { type: 'unknown', code: 99, raw: new Uint8Array([1, 2, 3, 4]) }),
      // The limits of RFC 1035 §2.3.4 and §3.3: a 63-byte label, a 255-byte name, a 255-byte character-string.
      rr(LONG_LABEL, 300, { type: 'A', address: '192.0.2.63' }),
      rr(LONGEST_NAME, 300, { type: 'CNAME', host: LONG_LABEL }),
      rr('long.example.com', 300, { type: 'TXT', strings: ['t'.repeat(255), ''] }),
    ],
  },
  org: {
    origin: 'org',
    signingKey: SIGNING_KEY,
    records: [
      rr('org', 900, { type: 'SOA', mname: 'a0.org.afilias-nst.info', rname: 'noc.afilias-nst.info', serial: 1, refresh: 1800, retry: 900, expire: 604800, minimum: 86400 }),
      rr('www.example.org', 300, { type: 'A', address: '203.0.113.7' }),
      rr('www.example.org', 300, { type: 'A', address: '203.0.113.8' }),
    ],
  },
} satisfies Record<string, Zone>;

/** Fresh servers by address (they keep rotation state, so each world gets its own). */
export function dnsServers(): Map<string, AuthoritativeServer> {
  return new Map([
    [ROOT_SERVER.address, new AuthoritativeServer([ZONES.root])],
    [COM_SERVER, new AuthoritativeServer([ZONES.com])],
    [EXAMPLE_SERVER, new AuthoritativeServer([ZONES.example])],
    [ORG_SERVER, new AuthoritativeServer([ZONES.org])],
  ]);
}

/** Questions worth asking: answers, aliases, referrals, NXDOMAIN, NODATA, odd types and classes, mixed case. */
export const QUESTIONS: readonly DnsQuestion[] = [
  ['www.example.com', DNS_TYPE.A],
  ['WWW.Example.COM', DNS_TYPE.A],
  ['web.example.com', DNS_TYPE.A],
  ['alias.example.com', DNS_TYPE.A],
  ['loop.example.com', DNS_TYPE.A],
  ['example.com', DNS_TYPE.MX],
  ['example.com', DNS_TYPE.TXT],
  ['example.com', DNS_TYPE.SOA],
  ['example.com', DNS_TYPE.NS],
  ['www.example.com', DNS_TYPE.AAAA],
  ['mail.example.com', DNS_TYPE.AAAA],
  ['nothere.example.com', DNS_TYPE.A],
  ['host.sub.example.com', DNS_TYPE.A],
  ['big.example.com', DNS_TYPE.TXT],
  ['raw.example.com', 99],
  ['www.example.org', DNS_TYPE.A],
  ['com', DNS_TYPE.NS],
  ['', DNS_TYPE.NS],
  ['', DNS_TYPE.SOA],
  ['www.example.net', DNS_TYPE.A],
  [LONG_LABEL, DNS_TYPE.A],
  [LONGEST_NAME, DNS_TYPE.A],
  ['long.example.com', DNS_TYPE.TXT],
  ['www.example.com', 255],
  ['www.example.com', L7SIG_TYPE],
].map(([name, type]) => ({ name: name as string, type: type as number, class: 1 }));

export function queryMessage(question: DnsQuestion | null, id: number, rd: boolean, extra: Partial<DnsMessage['header']> = {}): DnsMessage {
  return {
    header: { id, qr: false, opcode: 0, aa: false, tc: false, rd, ra: false, z: 0, rcode: 0, ...extra },
    questions: question ? [question] : [],
    answers: [],
    authorities: [],
    additionals: [],
  };
}

/** Queries, including ones a server must refuse: two questions, none, a response, STATUS, class CH. */
export function dnsQueries(id: number, rd: boolean): Uint8Array[] {
  const q = QUESTIONS[0]!;
  return [
    ...QUESTIONS.map((question) => encodeDns(queryMessage(question, id, rd))),
    encodeDns({ ...queryMessage(q, id, rd), questions: [q, QUESTIONS[5]!] }),
    encodeDns(queryMessage(null, id, rd)),
    encodeDns(queryMessage(q, id, rd, { qr: true })),
    encodeDns(queryMessage(q, id, rd, { opcode: 2 })),
    encodeDns(queryMessage({ ...q, class: 3 }, id, rd)),
    encodeDns({ ...queryMessage(q, id, rd), additionals: [rr('', 0, { type: 'unknown', code: 41, raw: new Uint8Array(0) })] }),
  ];
}

/** Every server's answer to every question, over `transport`. */
export function dnsResponses(id: number, rd: boolean, transport: DnsTransport = 'udp'): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const server of dnsServers().values()) {
    for (const question of QUESTIONS) {
      const reply = server.handleQuery(encodeDns(queryMessage(question, id, rd)), transport);
      if (reply) out.push(reply.bytes);
    }
  }
  return out;
}

/** Queries and answers: what the decoder and the dissector see. */
export function dnsMessages(): Uint8Array[] {
  return [...dnsQueries(0xbeef, true), ...dnsResponses(0xbeef, false), ...dnsResponses(0x1234, true, 'tcp').filter((b) => b.length > 512)];
}

/** Streams of a DNS-over-TCP connection: one framed message, several back to back, and a message cut short. */
export function dnsTcpStreams(messages: readonly Uint8Array[]): Uint8Array[] {
  const framed = messages.map(frameDnsMessage);
  const out: Uint8Array[] = [...framed];
  for (let i = 0; i + 2 < framed.length; i += 3) out.push(concat(framed.slice(i, i + 3)));
  out.push(framed[0]!.subarray(0, framed[0]!.length - 3));
  return out;
}

/** Name pointers, labels, types, lengths and TTLs that the decoder treats specially. */
export function dnsDictionary(): Uint8Array[] {
  const b = (...bytes: number[]) => new Uint8Array(bytes);
  return [
    b(0xc0, 0x0c),
    b(0xc0, 0x00),
    b(0xc0, 0x0b),
    b(0x3f, 0xff),
    b(0x00),
    b(0x01, 0x2e),
    b(0x01, 0xff),
    b(0x02, 0xc3, 0xa9),
    b(0x03, 0x77, 0x77, 0x77),
    b(0x00, 0x01, 0x00, 0x01),
    b(0x00, 0x05, 0x00, 0x01),
    b(0x00, 0x06, 0x00, 0x01),
    b(0x00, 0x0f),
    b(0x00, 0x10),
    b(0x00, 0x1c),
    b(0xff, 0x14),
    b(0x00, 0x29),
    b(0x7f, 0xff, 0xff, 0xff),
    b(0xff, 0xff, 0xff, 0xff),
    b(0x00, 0x00, 0x00, 0x00),
    b(0x81, 0x80),
    b(0x83, 0x80),
    b(0x00, 0x00),
  ];
}
