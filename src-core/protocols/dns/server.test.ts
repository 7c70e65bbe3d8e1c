import dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DNS_RCODE, DNS_TYPE } from './constants';
import { encodeDns } from './codec';
import { AuthoritativeServer } from './server';
import { COM_ZONE, EXAMPLE_ZONE, ROOT_ZONE } from './zones.test-helper';
import type { DnsMessage } from './types';
import { ascii, plainLabels, wireLabelsArb, wireQuery } from './wire.test-helper';

function query(name: string, type: number, id = 42, rd = false): Uint8Array {
  return encodeDns({ header: { id, qr: false, opcode: 0, aa: false, tc: false, rd, ra: false, z: 0, rcode: 0 }, questions: [{ name, type, class: 1 }], answers: [], authorities: [], additionals: [] });
}

function ask(server: AuthoritativeServer, name: string, type: number): DnsMessage {
  const reply = server.handleQuery(query(name, type))!;
  // our reply bytes, read by a codec we did not write, say the same
  const theirs = dnsPacket.decode(Buffer.from(reply.bytes));
  expect(theirs.id).toBe(reply.message.header.id);
  expect((theirs.answers ?? []).length).toBe(reply.message.answers.length);
  return reply.message;
}

describe('AuthoritativeServer', () => {
  const root = new AuthoritativeServer([ROOT_ZONE]);
  const com = new AuthoritativeServer([COM_ZONE]);

  it('the root refers a .com name to the TLD servers, with glue', () => {
    const r = ask(root, 'www.example.com', DNS_TYPE.A);
    expect(r.header.aa).toBe(false);
    expect(r.answers).toEqual([]);
    expect(r.authorities.map((x) => x.data)).toEqual([{ type: 'NS', host: 'a.gtld-servers.net' }]);
    expect(r.additionals.map((x) => x.data)).toEqual([{ type: 'A', address: '192.5.6.30' }]);
  });

  it('the TLD refers to the company\'s authoritative server', () => {
    const r = ask(com, 'www.example.com', DNS_TYPE.A);
    expect(r.authorities[0]!.name).toBe('example.com');
    expect(r.additionals[0]!.data).toEqual({ type: 'A', address: '192.0.2.53' });
  });

  it('the authoritative server answers with AA set and rotates several A records', () => {
    const server = new AuthoritativeServer([EXAMPLE_ZONE]);
    const first = ask(server, 'www.example.com', DNS_TYPE.A);
    const second = ask(server, 'WWW.Example.COM', DNS_TYPE.A);
    expect(first.header.aa).toBe(true);
    const addresses = (m: DnsMessage) => m.answers.map((a) => (a.data.type === 'A' ? a.data.address : ''));
    expect(addresses(first)).toEqual(['192.0.2.10', '192.0.2.11', '192.0.2.12']);
    expect(addresses(second)).toEqual(['192.0.2.11', '192.0.2.12', '192.0.2.10']);
  });

  it('follows a CNAME inside the zone and adds the MX host address', () => {
    const server = new AuthoritativeServer([EXAMPLE_ZONE]);
    const alias = ask(server, 'web.example.com', DNS_TYPE.A);
    expect(alias.answers.map((a) => a.data.type)).toEqual(['CNAME', 'A', 'A', 'A']);
    const mx = ask(server, 'example.com', DNS_TYPE.MX);
    expect(mx.answers[0]!.data).toEqual({ type: 'MX', preference: 10, exchange: 'mail.example.com' });
    expect(mx.additionals[0]!.data).toEqual({ type: 'A', address: '192.0.2.25' });
  });

  it('says NXDOMAIN with the SOA for a name that does not exist, NODATA for a missing type', () => {
    const server = new AuthoritativeServer([EXAMPLE_ZONE]);
    const nx = ask(server, 'nope.example.com', DNS_TYPE.A);
    expect(nx.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(nx.header.aa).toBe(true);
    expect(nx.authorities[0]!.data.type).toBe('SOA');
    const nodata = ask(server, 'www.example.com', DNS_TYPE.MX);
    expect(nodata.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(nodata.answers).toEqual([]);
    expect(nodata.authorities[0]!.data.type).toBe('SOA');
  });

  it('gives the SOA of a negative answer the TTL min(SOA TTL, MINIMUM) (RFC 2308 §3)', () => {
    const server = new AuthoritativeServer([EXAMPLE_ZONE]); // SOA TTL 3600, MINIMUM 300
    const ttls = (m: DnsMessage) => m.authorities.map((r) => r.ttl);
    expect(ttls(ask(server, 'nope.example.com', DNS_TYPE.A))).toEqual([300]);
    expect(ttls(ask(server, 'www.example.com', DNS_TYPE.MX))).toEqual([300]);
    // a direct SOA query gets the record as the zone holds it
    expect(ask(server, 'example.com', DNS_TYPE.SOA).answers[0]!.ttl).toBe(3600);
    const soa = EXAMPLE_ZONE.records.find((r) => r.data.type === 'SOA')!;
    const shortTtl = new AuthoritativeServer([{ ...EXAMPLE_ZONE, records: EXAMPLE_ZONE.records.map((r) => (r === soa ? { ...r, ttl: 60 } : r)) }]);
    expect(ttls(ask(shortTtl, 'nope.example.com', DNS_TYPE.A))).toEqual([60]);
  });

  it('refuses names outside its zones, and answers bad input as the RFC says', () => {
    const server = new AuthoritativeServer([EXAMPLE_ZONE]);
    expect(ask(server, 'www.example.org', DNS_TYPE.A).header.rcode).toBe(DNS_RCODE.REFUSED);
    const garbage = new Uint8Array([0xab, 0xcd, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1]);
    const formerr = server.handleQuery(garbage)!;
    expect(formerr.message.header).toMatchObject({ id: 0xabcd, qr: true, rcode: DNS_RCODE.FORMERR });
    const notimp = query('www.example.com', 1);
    notimp[2] = notimp[2]! | (2 << 3); // opcode STATUS
    expect(server.handleQuery(notimp)!.message.header.rcode).toBe(DNS_RCODE.NOTIMP);
    const response = query('www.example.com', 1);
    response[2] = response[2]! | 0x80;
    expect(server.handleQuery(response)).toBeNull();
    expect(server.handleQuery(new Uint8Array([1, 2]))).toBeNull();
  });

  it('never throws on random input (property)', () => {
    const server = new AuthoritativeServer([ROOT_ZONE, COM_ZONE, EXAMPLE_ZONE]);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => void server.handleQuery(b)), { numRuns: 2000 });
  });

  it('answers a name whose label holds a dot, echoing the question byte for byte (RFC 2181 §11)', () => {
    const server = new AuthoritativeServer([EXAMPLE_ZONE]);
    for (const first of [ascii('www.x'), ascii('.'), Uint8Array.of(0), new Uint8Array(63).fill(0xff)]) {
      const query = wireQuery([first, ...plainLabels('example.com')]);
      const reply = server.handleQuery(query)!;
      expect(reply.outcome).toBe('nxdomain');
      expect(reply.bytes.subarray(12, query.length)).toEqual(query.subarray(12));
    }
    // "www.example.com" as one label is not www in example.com
    const oneLabel = server.handleQuery(wireQuery([ascii('www.example'), ascii('com')]))!;
    expect(oneLabel.outcome).toBe('refused');
  });

  it('never throws on a query for any label bytes, and echoes its question exactly (property)', () => {
    const server = new AuthoritativeServer([ROOT_ZONE, COM_ZONE, EXAMPLE_ZONE]);
    const suffix = fc.constantFrom('', 'com', 'example.com', 'www.example.com').map(plainLabels);
    fc.assert(
      fc.property(wireLabelsArb, suffix, fc.constantFrom(1, 2, 5, 6, 15, 16, 28, 255, 252, 251, 99), fc.constantFrom(1, 3, 255), fc.constantFrom('udp' as const, 'tcp' as const), (labels, tail, type, cls, transport) => {
        const all = [...labels, ...tail];
        if (all.reduce((n, l) => n + l.length + 1, 1) > 255) return;
        const query = wireQuery(all, type, cls);
        const reply = server.handleQuery(query, transport);
        expect(reply).not.toBeNull();
        expect(reply!.bytes.subarray(12, query.length)).toEqual(query.subarray(12));
      }),
      { numRuns: 1000 },
    );
  });
});
