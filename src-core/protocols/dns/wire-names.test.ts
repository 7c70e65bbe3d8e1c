// Names of any label bytes survive the codec byte for byte (RFC 2181 §11:
// a label may hold any byte, including 0x00 and the dot 0x2e).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDns, encodeDns, type DnsMessage } from './codec';
import { ascii, plainLabels, textName, wireLabelsArb, wireQuery } from './wire.test-helper';

describe('names on the wire', () => {
  it('a label holding a dot decodes escaped and encodes back to the same bytes', () => {
    const labels = [ascii('a.b'), ...plainLabels('example.com')];
    const query = wireQuery(labels);
    const decoded = decodeDns(query);
    expect(decoded.ok && decoded.value.questions[0]!.name).toBe('a\\.b.example.com');
    expect(decoded.ok && encodeDns(decoded.value)).toEqual(query);
    const dotOnly = wireQuery([Uint8Array.of(0x2e), Uint8Array.of(0)]);
    const d2 = decodeDns(dotOnly);
    expect(d2.ok && d2.value.questions[0]!.name).toBe('\\..\\000');
    expect(d2.ok && encodeDns(d2.value)).toEqual(dotOnly);
  });

  it('encode(decode(bytes)) is the same bytes for any labels (property)', () => {
    fc.assert(
      fc.property(wireLabelsArb, (labels) => {
        const query = wireQuery(labels);
        const decoded = decodeDns(query);
        expect(decoded.ok).toBe(true);
        if (decoded.ok) expect(encodeDns(decoded.value)).toEqual(query);
      }),
      { numRuns: 1000 },
    );
  });

  it('decode(encode(message)) is the same message for any labels, in questions and in RDATA (property)', () => {
    fc.assert(
      fc.property(wireLabelsArb, wireLabelsArb, (owner, target) => {
        const m: DnsMessage = {
          header: { id: 9, qr: true, opcode: 0, aa: true, tc: false, rd: false, ra: false, z: 0, rcode: 0 },
          questions: [{ name: textName(owner), type: 5, class: 1 }],
          answers: [{ name: textName(owner), class: 1, ttl: 60, data: { type: 'CNAME', host: textName(target) } }],
          authorities: [],
          additionals: [],
        };
        expect(decodeDns(encodeDns(m))).toEqual({ ok: true, value: m });
      }),
      { numRuns: 500 },
    );
  });

  it('compresses only suffixes of equal bytes, so every name keeps its own case (property)', () => {
    const m = (q: string, owner: string): DnsMessage => ({
      header: { id: 3, qr: true, opcode: 0, aa: true, tc: false, rd: false, ra: false, z: 0, rcode: 0 },
      questions: [{ name: q, type: 1, class: 1 }],
      answers: [{ name: owner, class: 1, ttl: 60, data: { type: 'A', address: '192.0.2.1' } }],
      authorities: [],
      additionals: [],
    });
    const mixed = m('WWW.Example.COM', 'www.example.com');
    expect(decodeDns(encodeDns(mixed))).toEqual({ ok: true, value: mixed });
    const same = encodeDns(m('www.example.com', 'www.example.com'));
    expect(same.length).toBe(12 + 17 + 4 + 2 + 14); // the owner is one pointer
    const cased = fc.tuple(fc.stringMatching(/^[a-zA-Z]{1,10}$/), fc.stringMatching(/^[a-zA-Z]{1,10}$/)).map(([a, b]) => `${a}.${b}`);
    fc.assert(
      fc.property(cased, cased, (q, owner) => {
        expect(decodeDns(encodeDns(m(q, owner)))).toEqual({ ok: true, value: m(q, owner) });
      }),
    );
  });

  it('reads at most 128 pointers in one name: the most a name of 127 labels needs', () => {
    // an answer of unknown type whose RDATA is a root byte and a chain of pointers, each to the one before,
    // then an A record whose owner points at the chain's end
    const chain = (n: number) => {
      const to = (t: number) => [0xc0 | (t >> 8), t & 0xff];
      const rdata = [0, ...Array.from({ length: n }, (_, j) => to(j === 0 ? 23 : 24 + 2 * (j - 1))).flat()];
      const last = 24 + 2 * (n - 1);
      return Uint8Array.from([0, 1, 0x84, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0xff, 0x00, 0, 1, 0, 0, 0, 60, rdata.length >> 8, rdata.length & 0xff, ...rdata, ...to(last), 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1]);
    };
    const fine = decodeDns(chain(127)); // 127 in the chain + the owner's own pointer
    expect(fine.ok && fine.value.answers[1]!.name).toBe('');
    expect(decodeDns(chain(128))).toMatchObject({ ok: false, error: { code: 'bad-pointer' } });
  });

  it('refuses to encode a name over 255 bytes or with an empty label (our mistake: RangeError)', () => {
    const m = (name: string): DnsMessage => ({ header: { id: 1, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0 }, questions: [{ name, type: 1, class: 1 }], answers: [], authorities: [], additionals: [] });
    expect(() => encodeDns(m(Array(5).fill('x'.repeat(60)).join('.')))).toThrow(RangeError);
    expect(() => encodeDns(m('a..b'))).toThrow(RangeError);
  });
});
