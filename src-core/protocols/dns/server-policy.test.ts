// What the authoritative server declines or answers specially: other
// classes, zone transfers (RFC 5936), QTYPE ANY (RFC 8482), and records it
// cannot write. Replies are checked by dns-packet, a codec we did not write.
import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { DNS_CLASS, DNS_QTYPE, DNS_RCODE, DNS_TYPE } from './constants';
import { encodeDns } from './codec';
import { AuthoritativeServer, type ServerReply } from './server';
import type { DnsTransport } from './truncate';
import { COM_ZONE, EXAMPLE_ZONE } from './zones.test-helper';

function query(name: string, type: number, cls: number = DNS_CLASS.IN): Uint8Array {
  return encodeDns({ header: { id: 7, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0 }, questions: [{ name, type, class: cls }], answers: [], authorities: [], additionals: [] });
}

function ask(server: AuthoritativeServer, name: string, type: number, cls: number = DNS_CLASS.IN, transport: DnsTransport = 'udp'): ServerReply {
  const reply = server.handleQuery(query(name, type, cls), transport)!;
  const theirs = dnsPacket.decode(Buffer.from(reply.bytes));
  expect(theirs.questions).toHaveLength(1);
  expect((theirs.answers ?? []).length).toBe(reply.message.answers.length);
  return reply;
}

describe('AuthoritativeServer: classes', () => {
  const server = new AuthoritativeServer([EXAMPLE_ZONE]);

  it('refuses a CH question about an IN name and echoes the class (it holds no CH zone)', () => {
    const r = ask(server, 'www.example.com', DNS_TYPE.TXT, DNS_CLASS.CH);
    expect(r.outcome).toBe('refused');
    expect(r.message.header).toMatchObject({ rcode: DNS_RCODE.REFUSED, aa: false });
    expect(r.message.answers).toEqual([]);
    expect(r.message.questions).toEqual([{ name: 'www.example.com', type: DNS_TYPE.TXT, class: DNS_CLASS.CH }]);
    expect(dnsPacket.decode(Buffer.from(r.bytes)).questions![0]!.class).toBe('CH');
  });

  it('refuses QCLASS ANY (no authoritative answer for every class, RFC 1035 §7.1) and unknown classes', () => {
    expect(ask(server, 'www.example.com', DNS_TYPE.A, DNS_CLASS.ANY).message.header.rcode).toBe(DNS_RCODE.REFUSED);
    expect(ask(server, 'www.example.com', DNS_TYPE.A, DNS_CLASS.HS).message.header.rcode).toBe(DNS_RCODE.REFUSED);
    expect(ask(server, 'www.example.com', DNS_TYPE.A, 2).message.questions[0]!.class).toBe(2);
    expect(ask(server, 'www.example.com', DNS_TYPE.A).outcome).toBe('answer');
  });
});

describe('AuthoritativeServer: zone transfers', () => {
  const server = new AuthoritativeServer([EXAMPLE_ZONE]);

  it('answers AXFR over UDP with FORMERR: AXFR is defined over TCP only (RFC 5936 §4.2)', () => {
    const r = ask(server, 'example.com', DNS_QTYPE.AXFR, DNS_CLASS.IN, 'udp');
    expect(r.outcome).toBe('formerr');
    expect(r.message.header.rcode).toBe(DNS_RCODE.FORMERR);
    expect(r.message.questions[0]!.type).toBe(DNS_QTYPE.AXFR);
  });

  it('refuses AXFR over TCP and IXFR over both: transfers are allowed to nobody (RFC 5936 §5)', () => {
    for (const [type, transport] of [[DNS_QTYPE.AXFR, 'tcp'], [DNS_QTYPE.IXFR, 'tcp'], [DNS_QTYPE.IXFR, 'udp']] as const) {
      const r = ask(server, 'example.com', type, DNS_CLASS.IN, transport);
      expect(r.outcome).toBe('refused');
      expect(r.message.answers).toEqual([]);
      expect(r.message.questions[0]!.type).toBe(type);
    }
  });
});

describe('AuthoritativeServer: QTYPE ANY (RFC 8482 §4.1)', () => {
  const server = new AuthoritativeServer([EXAMPLE_ZONE]);
  const types = (r: ServerReply) => r.message.answers.map((a) => a.data.type);

  it('answers with one RRset: that of the name\'s first record in zone order', () => {
    expect(types(ask(server, 'www.example.com', DNS_QTYPE.ANY))).toEqual(['A', 'A', 'A']);
    // example.com holds SOA, NS, MX and TXT: only the SOA, listed first, comes back
    const apex = ask(server, 'example.com', DNS_QTYPE.ANY);
    expect(types(apex)).toEqual(['SOA']);
    expect(apex.message.header.aa).toBe(true);
    // a CNAME is alone at its name: it is the RRset, not followed
    expect(types(ask(server, 'web.example.com', DNS_QTYPE.ANY))).toEqual(['CNAME']);
  });

  it('answers the same over TCP, and negative or referral answers as for any type', () => {
    const udp = server.handleQuery(query('mail.example.com', DNS_QTYPE.ANY), 'udp')!;
    const tcp = server.handleQuery(query('mail.example.com', DNS_QTYPE.ANY), 'tcp')!;
    expect(tcp.bytes).toEqual(udp.bytes);
    expect(ask(server, 'nope.example.com', DNS_QTYPE.ANY).outcome).toBe('nxdomain');
    const com = new AuthoritativeServer([COM_ZONE]);
    expect(ask(com, 'www.example.com', DNS_QTYPE.ANY).outcome).toBe('referral');
  });
});

describe('AuthoritativeServer: records it cannot write', () => {
  it('answers SERVFAIL instead of throwing when its own data cannot be encoded', () => {
    const broken = new AuthoritativeServer([{ ...EXAMPLE_ZONE, records: [...EXAMPLE_ZONE.records, { name: 'bad.example.com', class: 1, ttl: 60, data: { type: 'CNAME', host: `${'x'.repeat(64)}.example.com` } }] }]);
    const r = ask(broken, 'bad.example.com', DNS_TYPE.A);
    expect(r.outcome).toBe('servfail');
    expect(r.message.header).toMatchObject({ rcode: DNS_RCODE.SERVFAIL, aa: false });
    expect(r.message.questions[0]!.name).toBe('bad.example.com');
    expect(ask(broken, 'www.example.com', DNS_TYPE.A).outcome).toBe('answer');
  });
});
