// The DNS codec against an oracle we did not write (dns-packet), both ways,
// plus fixed bytes, compression and malformed input.
import dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDns, encodeDns, parseIpv6, type DnsMessage, type DnsRecord, type DnsRecordData } from './codec';
import { characterStringBytes, escapeCharacterString } from './labels';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

// ---- converting between our model and dns-packet's ------------------------
type PacketAnswer = dnsPacket.Answer;

function toPacketRecord(r: DnsRecord): PacketAnswer {
  const d = r.data;
  const base = { name: r.name, ttl: r.ttl, class: 'IN' as const };
  switch (d.type) {
    case 'A':
    case 'AAAA':
      return { ...base, type: d.type, data: d.address };
    case 'NS':
    case 'CNAME':
      return { ...base, type: d.type, data: d.host };
    case 'MX':
      return { ...base, type: 'MX', data: { preference: d.preference, exchange: d.exchange } };
    case 'SOA':
      return { ...base, type: 'SOA', data: { mname: d.mname, rname: d.rname, serial: d.serial, refresh: d.refresh, retry: d.retry, expire: d.expire, minimum: d.minimum } };
    case 'TXT':
      return { ...base, type: 'TXT', data: d.strings.map((s) => Buffer.from(characterStringBytes(s))) };
    case 'unknown':
      throw new Error('not generated');
  }
}

function fromPacketRecord(a: PacketAnswer): DnsRecord {
  const data = ((): DnsRecordData => {
    switch (a.type) {
      case 'A':
      case 'AAAA':
        return { type: a.type, address: a.data };
      case 'NS':
      case 'CNAME':
        return { type: a.type, host: a.data };
      case 'MX':
        return { type: 'MX', preference: a.data.preference ?? 0, exchange: a.data.exchange };
      case 'SOA':
        return { type: 'SOA', ...a.data } as DnsRecordData;
      case 'TXT':
        return { type: 'TXT', strings: (a.data as Buffer[]).map((b) => escapeCharacterString(b)) };
      default:
        throw new Error(`unexpected ${a.type}`);
    }
  })();
  return { name: a.name, class: 1, ttl: a.ttl ?? 0, data };
}

// ---- generators -------------------------------------------------------------
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
const name = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
const ipv6 = fc.ipV6().map((a) => (dnsPacket.decode(dnsPacket.encode({ type: 'response', answers: [{ type: "AAAA", name: "x", data: a }] })).answers![0]! as { data: string }).data);
const u32 = fc.nat(0x7fffffff);
const rdata: fc.Arbitrary<DnsRecordData> = fc.oneof(
  ipv4.map((address) => ({ type: 'A' as const, address })),
  ipv6.map((address) => ({ type: 'AAAA' as const, address })),
  name.map((host) => ({ type: 'NS' as const, host })),
  name.map((host) => ({ type: 'CNAME' as const, host })),
  fc.tuple(fc.nat(65535), name).map(([preference, exchange]) => ({ type: 'MX' as const, preference, exchange })),
  fc.tuple(name, name, u32, u32, u32, u32, u32).map(([mname, rname, serial, refresh, retry, expire, minimum]) => ({ type: 'SOA' as const, mname, rname, serial, refresh, retry, expire, minimum })),
  fc.array(fc.uint8Array({ maxLength: 30 }), { minLength: 1, maxLength: 3 }).map((strings) => ({ type: 'TXT' as const, strings: strings.map(escapeCharacterString) })),
);
const record = fc.record({ name, class: fc.constant(1), ttl: u32, data: rdata });
const message: fc.Arbitrary<DnsMessage> = fc.record({
  header: fc.record({
    id: fc.nat(65535), qr: fc.boolean(), opcode: fc.constant(0), aa: fc.boolean(), tc: fc.boolean(), rd: fc.boolean(), ra: fc.boolean(), z: fc.constant(0), rcode: fc.constantFrom(0, 1, 2, 3, 5),
  }),
  questions: fc.array(fc.record({ name, type: fc.constantFrom(1, 2, 5, 6, 15, 16, 28), class: fc.constant(1) }), { maxLength: 2 }),
  answers: fc.array(record, { maxLength: 4 }),
  authorities: fc.array(record, { maxLength: 3 }),
  additionals: fc.array(record, { maxLength: 3 }),
});

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

describe('DNS codec', () => {
  it('writes a standard query byte for byte (RFC 1035 §4.1)', () => {
    const bytes = encodeDns({
      header: { id: 0x1234, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
      questions: [{ name: 'www.example.com', type: 1, class: 1 }],
      answers: [],
      authorities: [],
      additionals: [],
    });
    // id 1234, flags 0100 (RD), QDCOUNT 1, other counts 0; 3www7example3com0; QTYPE A, QCLASS IN
    expect(hex(bytes)).toBe('12340100000100000000000003777777076578616d706c6503636f6d0000010001');
  });

  it('compresses repeated names with pointers, and dns-packet reads them', () => {
    const m: DnsMessage = {
      header: { id: 7, qr: true, opcode: 0, aa: true, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
      questions: [{ name: 'example.com', type: 15, class: 1 }],
      answers: [{ name: 'example.com', class: 1, ttl: 300, data: { type: 'MX', preference: 10, exchange: 'mail.example.com' } }],
      authorities: [],
      additionals: [{ name: 'mail.example.com', class: 1, ttl: 300, data: { type: 'A', address: '192.0.2.25' } }],
    };
    const ours = encodeDns(m);
    const theirs = dnsPacket.encode({ type: 'response', id: 7, flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED, questions: [{ type: 'MX', name: 'example.com' }], answers: [toPacketRecord(m.answers[0]!)], additionals: [toPacketRecord(m.additionals[0]!)] });
    expect(ours.length).toBeLessThan(theirs.length);
    expect(hex(ours)).toContain('c00c'); // a pointer to the question's name at offset 12
    const decoded = dnsPacket.decode(Buffer.from(ours));
    expect(decoded.answers!.map(fromPacketRecord)).toEqual(m.answers);
    expect(decoded.additionals!.map(fromPacketRecord)).toEqual(m.additionals);
  });

  it('is read by dns-packet as what we meant (property)', () => {
    fc.assert(
      fc.property(message, (m) => {
        const p = dnsPacket.decode(Buffer.from(encodeDns(m)));
        expect(p.id).toBe(m.header.id);
        expect(p.type).toBe(m.header.qr ? 'response' : 'query');
        expect([p.flag_aa, p.flag_tc, p.flag_rd, p.flag_ra]).toEqual([m.header.aa, m.header.tc, m.header.rd, m.header.ra]);
        expect((p as { rcode?: string }).rcode).toBe(RCODES[m.header.rcode]);
        expect(p.questions!.map((q) => q.name)).toEqual(m.questions.map((q) => q.name));
        expect(p.answers!.map(fromPacketRecord)).toEqual(m.answers);
        expect(p.authorities!.map(fromPacketRecord)).toEqual(m.authorities);
        expect(p.additionals!.map(fromPacketRecord)).toEqual(m.additionals);
      }),
      { numRuns: 200 },
    );
  });

  /** The message with each AAAA address as its 16 bytes in hex, so two spellings of one address compare equal. */
  const sameAddresses = (m: DnsMessage) => {
    const bytes = (r: DnsMessage['answers'][number]) => (r.data.type === 'AAAA' ? { ...r, data: { type: 'AAAA', address: Array.from(parseIpv6(r.data.address), (b) => b.toString(16).padStart(2, '0')).join('') } } : r);
    return { ...m, answers: m.answers.map(bytes), authorities: m.authorities.map(bytes), additionals: m.additionals.map(bytes) };
  };

  it('reads what dns-packet writes (property)', () => {
    fc.assert(
      fc.property(message, (m) => {
        const bytes = dnsPacket.encode({
          type: m.header.qr ? 'response' : 'query',
          id: m.header.id,
          flags: (m.header.aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | (m.header.tc ? dnsPacket.TRUNCATED_RESPONSE : 0) | (m.header.rd ? dnsPacket.RECURSION_DESIRED : 0) | (m.header.ra ? dnsPacket.RECURSION_AVAILABLE : 0) | m.header.rcode,
          questions: m.questions.map((q) => ({ name: q.name, type: ({ 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 15: 'MX', 16: 'TXT', 28: 'AAAA' } as const)[q.type as 1], class: 'IN' as const })),
          answers: m.answers.map(toPacketRecord),
          authorities: m.authorities.map(toPacketRecord),
          additionals: m.additionals.map(toPacketRecord),
        });
        const ours = decodeDns(new Uint8Array(bytes));
        expect(ours.ok).toBe(true);
        // dns-packet writes an IPv6 address with its first run of zeros as "::" (::1:0:0:0:0:0), we with the longest (RFC 5952 §4.2.3: 0:0:1::): compared as addresses
        if (ours.ok) expect(sameAddresses(ours.value)).toEqual(sameAddresses(m));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips its own encoding (property)', () => {
    fc.assert(
      fc.property(message, (m) => {
        const r = decodeDns(encodeDns(m));
        expect(r).toEqual({ ok: true, value: m });
      }),
    );
  });

  it('reports malformed input with the byte offset, never throwing', () => {
    const header = [0, 1, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0];
    // a question name that points at itself: 0xc00c at offset 12
    const loop = decodeDns(new Uint8Array([...header, 0xc0, 0x0c, 0, 1, 0, 1]));
    expect(loop).toMatchObject({ ok: false, error: { code: 'pointer-loop', offset: 12 } });
    const truncated = decodeDns(new Uint8Array([...header, 3, 0x77, 0x77]));
    expect(truncated).toMatchObject({ ok: false, error: { code: 'truncated' } });
    const shortHeader = decodeDns(new Uint8Array([0, 1, 2]));
    expect(shortHeader).toMatchObject({ ok: false, error: { code: 'truncated', offset: 0 } });
    const badA = encodeDns({ header: { id: 1, qr: true, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0 }, questions: [], answers: [{ name: 'a', class: 1, ttl: 1, data: { type: 'A', address: '1.2.3.4' } }], authorities: [], additionals: [] });
    const corrupted = badA.slice();
    corrupted[12 + 3 + 8 + 1] = 5; // RDLENGTH 5 for an A record
    expect(decodeDns(corrupted)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/bad-rdata|truncated/) } });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const r = decodeDns(b);
        if (!r.ok) expect(r.error.offset).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});
