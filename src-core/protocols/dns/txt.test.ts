// TXT data wire-exact (RFC 1035 §3.3.14): each character-string is 0 to 255
// arbitrary bytes, held as the text dig prints between its quotes (\DDD for
// bytes outside 0x20–0x7e, \" and \\), so decode → encode gives the same
// bytes whatever they are; a scenario's TXT string stands for its UTF-8
// bytes. Bytes are checked against dns-packet, a codec we did not write.
import dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ip, ResolverWorld } from './resolver.test-helper';
import { decodeDns, encodeDns } from './codec';
import { DNS_RCODE, DNS_TYPE } from './constants';
import { describeData } from './dissect';
import { recordOf } from './from-scenario';
import { characterStringBytes, characterStringOf, escapeCharacterString } from './labels';
import { AuthoritativeServer } from './server';
import type { DnsRecord } from './types';
import { EXAMPLE_ZONE } from './zones.test-helper';

const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!, (x) => parseInt(x, 16));
const bytes = (...b: number[]) => Uint8Array.from(b);

/** A response for "t" TXT with one answer of this RDATA, written byte by byte: no encoder of ours involved. */
function txtResponse(rdata: Uint8Array): Uint8Array {
  const head = fromHex('424284000001000100000000' + '017400' + '00100001' + 'c00c' + '00100001' + '0000012c');
  return Uint8Array.from([...head, rdata.length >> 8, rdata.length & 0xff, ...rdata]);
}

/** RDATA of character-strings: a length byte before each. */
const rdataOf = (strings: readonly Uint8Array[]) => Uint8Array.from(strings.flatMap((s) => [s.length, ...s]));

/** One to four strings of 0 to 255 arbitrary bytes (an RDATA of at most 1024 bytes). */
const stringsArb = fc.array(fc.uint8Array({ maxLength: 255 }), { minLength: 1, maxLength: 4 });

describe('TXT character-strings as text', () => {
  it('escapes as dig prints between its quotes: \\" and \\\\, \\DDD outside 0x20–0x7e, space as it is', () => {
    expect(escapeCharacterString(bytes(0x22, 0x5c, 0x20, 0x00, 0x1f, 0x7f, 0xff, 0x61, 0x3b, 0x28))).toBe('\\"\\\\ \\000\\031\\127\\255a;(');
    expect(escapeCharacterString(new TextEncoder().encode('v=spf1 mx -all'))).toBe('v=spf1 mx -all');
    expect(characterStringBytes('\\"\\\\ \\000\\255a')).toEqual(bytes(0x22, 0x5c, 0x20, 0, 0xff, 0x61));
    expect(characterStringBytes('ü')).toEqual(bytes(0xc3, 0xbc));
    expect(() => characterStringBytes('a\\')).toThrow(RangeError);
  });

  it('reads any bytes back from their text (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 255 }), (b) => {
        expect(characterStringBytes(escapeCharacterString(b))).toEqual(b);
      }),
    );
  });

  it('decodes the fuzzer\'s TXT of 86 bytes 0xff and encodes it to the same bytes (it used to throw "at most 255 bytes")', () => {
    const wire = fromHex('42428400000100010000000001740000100001c00c001000010000012c005756' + 'ff'.repeat(86));
    const decoded = decodeDns(wire);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.answers[0]!.data).toEqual({ type: 'TXT', strings: ['\\255'.repeat(86)] });
    expect(encodeDns(decoded.value)).toEqual(wire);
  });

  it('survives decode → encode byte for byte, whatever the bytes, as dns-packet reads them too (property)', () => {
    fc.assert(
      fc.property(stringsArb, (strings) => {
        const wire = txtResponse(rdataOf(strings));
        const decoded = decodeDns(wire);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(encodeDns(decoded.value)).toEqual(wire);
        const data = decoded.value.answers[0]!.data;
        expect(data.type === 'TXT' && data.strings.map(characterStringBytes)).toEqual(strings);
        const theirs = dnsPacket.decode(Buffer.from(encodeDns(decoded.value))).answers![0] as { data: Buffer[] };
        expect(theirs.data.map((b) => Uint8Array.from(b))).toEqual(strings);
      }),
      { numRuns: 300 },
    );
  });

  it('is served and resolved without a throw, the RDATA bytes unchanged end to end (property)', () => {
    fc.assert(
      fc.property(stringsArb, (strings) => {
        const decoded = decodeDns(txtResponse(rdataOf(strings)));
        if (!decoded.ok) throw new Error('does not decode');
        const record: DnsRecord = { ...decoded.value.answers[0]!, name: 'odd.example.com' };
        // the authoritative server holds it
        const server = new AuthoritativeServer([{ ...EXAMPLE_ZONE, records: [...EXAMPLE_ZONE.records, record] }]);
        const query = encodeDns({ header: { id: 1, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0 }, questions: [{ name: 'odd.example.com', type: DNS_TYPE.TXT, class: 1 }], answers: [], authorities: [], additionals: [] });
        for (const transport of ['udp', 'tcp'] as const) {
          const reply = server.handleQuery(query, transport)!;
          expect(decodeDns(reply.bytes)).toEqual({ ok: true, value: reply.message });
          if (!reply.message.header.tc) expect(reply.message.answers).toEqual([record]);
        }
        // a resolver forwards to a server that gives it, and relays it
        const forwarder = { name: 'upstream', address: ip('192.0.2.1') };
        const w = new ResolverWorld({ mode: 'forward', forwarder });
        w.fakes.set(forwarder.address, (q) => ({ header: { ...q.header, qr: true, ra: true }, questions: q.questions, answers: [record], authorities: [], additionals: [] }));
        const relayed = w.lookup('odd.example.com', DNS_TYPE.TXT).reply;
        expect(relayed.header.rcode).toBe(DNS_RCODE.NOERROR);
        if (!relayed.header.tc) expect(relayed.answers).toEqual([record]);
        expect(() => describeData(record)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});

describe('TXT strings of a scenario', () => {
  it('stand for their UTF-8 bytes, a backslash or a quote included', () => {
    const text = ['v=spf1 mx -all', 'C:\\dir "x"', 'héllo'];
    const record = recordOf({ type: 'TXT', name: 'example.com', ttl: 60, text });
    expect(record.data).toEqual({ type: 'TXT', strings: text.map(characterStringOf) });
    const encoded = encodeDns({ header: { id: 1, qr: true, opcode: 0, aa: true, tc: false, rd: false, ra: false, z: 0, rcode: 0 }, questions: [], answers: [record], authorities: [], additionals: [] });
    const theirs = dnsPacket.decode(Buffer.from(encoded)).answers![0] as { data: Buffer[] };
    expect(theirs.data.map((b) => b.toString('utf8'))).toEqual(text);
    expect(describeData(record)).toBe('"v=spf1 mx -all" "C:\\\\dir \\"x\\"" "h\\195\\169llo"');
  });
});
