// DNS over TCP framing (RFC 1035 §4.2.2): fixed bytes, dns-packet's stream
// codec as the oracle both ways, and reassembly from random chunkings.
import { Buffer } from 'node:buffer';
import dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDns, encodeDns } from './codec';
import { DnsStreamReassembler, frameDnsMessage, type ReassembledItem } from './tcp-framing';

function drain(r: DnsStreamReassembler): ReassembledItem[] {
  const out: ReassembledItem[] = [];
  for (let item = r.poll(); item; item = r.poll()) {
    out.push(item);
    if (item.type === 'error') break;
  }
  return out;
}

/** Splits `bytes` at the given cut points (sorted, deduplicated, within range). */
function chunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

const query = encodeDns({
  header: { id: 0x1234, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, z: 0, rcode: 0 },
  questions: [{ name: 'example.com', type: 16, class: 1 }],
  answers: [],
  authorities: [],
  additionals: [],
});

describe('DNS over TCP framing', () => {
  it('prefixes the length, most significant byte first', () => {
    expect([...frameDnsMessage(new Uint8Array([1, 2, 3]))]).toEqual([0, 3, 1, 2, 3]);
    expect([...frameDnsMessage(new Uint8Array(300)).subarray(0, 2)]).toEqual([0x01, 0x2c]);
    expect(() => frameDnsMessage(new Uint8Array(65536))).toThrow(RangeError);
    expect(frameDnsMessage(new Uint8Array(65535)).length).toBe(65537);
  });

  it('agrees with dns-packet both ways', () => {
    const ours = frameDnsMessage(query);
    const theirs = dnsPacket.streamDecode(Buffer.from(ours));
    expect(theirs.id).toBe(0x1234);
    expect(theirs.questions?.[0]).toMatchObject({ name: 'example.com', type: 'TXT' });
    const encoded = dnsPacket.streamEncode({ type: 'response', id: 7, flags: dnsPacket.AUTHORITATIVE_ANSWER, questions: [{ type: 'TXT', name: 'example.com' }], answers: [{ type: 'TXT', name: 'example.com', ttl: 60, data: ['x'.repeat(200), 'y'.repeat(200), 'z'.repeat(200)] }] });
    const r = new DnsStreamReassembler();
    r.push(new Uint8Array(encoded));
    const [item] = drain(r);
    expect(item?.type).toBe('message');
    if (item?.type !== 'message') return;
    const decoded = decodeDns(item.bytes);
    expect(decoded.ok && decoded.value.answers[0]?.data).toEqual({ type: 'TXT', strings: ['x'.repeat(200), 'y'.repeat(200), 'z'.repeat(200)] });
    expect(r.pending).toBe(0);
  });

  it('yields the same messages however the stream is cut', () => {
    const message = fc.uint8Array({ minLength: 1, maxLength: 600 });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 20 }), (messages, cuts) => {
        const stream = new Uint8Array(messages.reduce((n, m) => n + m.length + 2, 0));
        let at = 0;
        for (const m of messages) {
          stream.set(frameDnsMessage(m), at);
          at += m.length + 2;
        }
        const r = new DnsStreamReassembler();
        const got: Uint8Array[] = [];
        for (const c of chunks(stream, cuts)) {
          r.push(c);
          for (const item of drain(r)) if (item.type === 'message') got.push(item.bytes);
        }
        expect(got).toEqual(messages);
        expect(r.pending).toBe(0);
      }),
    );
  });

  it('waits for the rest of a message, byte by byte', () => {
    const framed = frameDnsMessage(query);
    const r = new DnsStreamReassembler();
    for (let i = 0; i < framed.length - 1; i++) {
      r.push(framed.subarray(i, i + 1));
      expect(r.poll()).toBeNull();
    }
    r.push(framed.subarray(framed.length - 1));
    expect(r.poll()).toEqual({ type: 'message', bytes: query });
  });

  it('stops with a typed error on a zero length, at its stream offset', () => {
    const r = new DnsStreamReassembler();
    r.push(frameDnsMessage(query));
    r.push(new Uint8Array([0, 0, 0, 5, 1, 2, 3, 4, 5]));
    expect(r.poll()?.type).toBe('message');
    const error = { type: 'error', error: { code: 'zero-length', offset: query.length + 2 } };
    expect(r.poll()).toEqual(error);
    r.push(frameDnsMessage(query));
    expect(r.poll()).toEqual(error); // the stream is unusable from there on
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = new DnsStreamReassembler();
        r.push(bytes);
        drain(r);
      }),
    );
  });
});
