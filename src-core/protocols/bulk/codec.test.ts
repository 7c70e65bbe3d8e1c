import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATAGRAM_FIELDS,
  DATAGRAM_HEADER_BYTES,
  datagramCount,
  decodeDatagram,
  decodeStreamHeader,
  encodeDatagram,
  encodeStreamHeader,
  fillPattern,
  isPattern,
  MAX_DATAGRAMS,
  PATTERN_CHUNK,
  STREAM_FIELDS,
  StreamHeaderReader,
} from './codec';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('the file pattern', () => {
  it('is byte i = i mod 256 from any offset', () => {
    const b = new Uint8Array(600);
    fillPattern(b, 250);
    expect([...b.subarray(0, 8)]).toEqual([250, 251, 252, 253, 254, 255, 0, 1]);
    expect(b[599]).toBe((250 + 599) & 0xff);
    expect(isPattern(b, 250)).toBe(true);
    expect(isPattern(b, 251)).toBe(false);
    b[300] = b[300]! ^ 1;
    expect(isPattern(b, 250)).toBe(false);
  });

  it('fills more than one chunk', () => {
    const b = new Uint8Array(PATTERN_CHUNK.length * 2 + 77);
    fillPattern(b, 3);
    expect(isPattern(b, 3)).toBe(true);
  });
});

describe('TCP stream header', () => {
  it('is the length as a big-endian uint64 (fixed bytes)', () => {
    expect(hex(encodeStreamHeader(100_000_000))).toBe('0000000005f5e100');
    expect(hex(encodeStreamHeader(2 ** 40 + 1))).toBe('0000010000000001');
    expect(STREAM_FIELDS.length).toEqual([0, 8]);
  });

  it('round-trips every safe length', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(decodeStreamHeader(encodeStreamHeader(n))).toEqual({ ok: true, value: { length: n } });
      }),
    );
  });

  it('refuses a short header and a length beyond 2^53 − 1, with the offset', () => {
    expect(decodeStreamHeader(new Uint8Array(7))).toMatchObject({ ok: false, error: { code: 'truncated', offset: 0 } });
    expect(decodeStreamHeader(new Uint8Array([0, 0x20, 0, 0, 0, 0, 0, 0]))).toMatchObject({ ok: false, error: { code: 'too-long' } });
    expect(() => encodeStreamHeader(-1)).toThrow(RangeError);
  });

  it('is read whole however the segments cut it', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.array(fc.nat(9), { maxLength: 10 }), (n, cuts) => {
        const stream = new Uint8Array([...encodeStreamHeader(n), 1, 2, 3]);
        const reader = new StreamHeaderReader();
        let at = 0;
        for (const c of [...cuts, stream.length]) {
          at += reader.push(stream.subarray(at, Math.min(stream.length, at + c)));
        }
        expect(at).toBe(8);
        expect(reader.complete).toBe(true);
        expect(reader.decode()).toEqual({ ok: true, value: { length: n } });
      }),
    );
  });
});

describe('UDP datagrams', () => {
  it('carry seq, count, total, then their piece of the file (fixed bytes)', () => {
    // A file of 40 bytes in datagrams of 16 + 16: three datagrams, 16 + 16 + 8 data bytes.
    expect(datagramCount(40, 32)).toBe(3);
    const second = encodeDatagram(2, 40, 32);
    expect(hex(second)).toBe('00000002' + '00000003' + '0000000000000028' + '101112131415161718191a1b1c1d1e1f');
    const last = encodeDatagram(3, 40, 32);
    expect(hex(last)).toBe('00000003000000030000000000000028' + '2021222324252627');
    expect(DATAGRAM_FIELDS).toEqual({ seq: [0, 4], count: [4, 8], total: [8, 16] });
  });

  it('round-trip: every datagram decodes to its header and its place in the file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 17, max: 600 }), fc.nat(), (total, size, pick) => {
        const count = datagramCount(total, size);
        const seq = 1 + (pick % count);
        const d = decodeDatagram(encodeDatagram(seq, total, size));
        if (!d.ok) throw new Error(d.error.message);
        expect(d.value.header).toEqual({ seq, count, total });
        expect(d.value.offset).toBe((seq - 1) * (size - DATAGRAM_HEADER_BYTES));
        expect(isPattern(d.value.data, d.value.offset)).toBe(true);
      }),
    );
  });

  it('refuses inconsistent headers with the offset of the field at fault', () => {
    const d = (seq: number, count: number, total: number, data: number) => {
      const b = new Uint8Array(DATAGRAM_HEADER_BYTES + data);
      const v = new DataView(b.buffer);
      v.setUint32(0, seq);
      v.setUint32(4, count);
      v.setUint32(12, total);
      return decodeDatagram(b);
    };
    expect(decodeDatagram(new Uint8Array(15))).toMatchObject({ ok: false, error: { code: 'truncated', offset: 0 } });
    expect(d(1, 0, 10, 10)).toMatchObject({ ok: false, error: { code: 'bad-count', offset: 4 } });
    expect(d(1, MAX_DATAGRAMS + 1, 2 ** 31, 10)).toMatchObject({ ok: false, error: { code: 'bad-count' } });
    expect(d(0, 3, 30, 10)).toMatchObject({ ok: false, error: { code: 'bad-seq', offset: 0 } });
    expect(d(4, 3, 30, 10)).toMatchObject({ ok: false, error: { code: 'bad-seq' } });
    expect(d(1, 3, 2, 1)).toMatchObject({ ok: false, error: { code: 'bad-total', offset: 8 } });
    expect(d(1, 3, 30, 0)).toMatchObject({ ok: false, error: { code: 'bad-length', offset: 16 } });
    expect(d(1, 3, 30, 20)).toMatchObject({ ok: false, error: { code: 'bad-length' } }); // ⌈30 / 20⌉ = 2 datagrams, not 3
    expect(d(3, 3, 30, 11)).toMatchObject({ ok: false, error: { code: 'bad-length' } }); // the last would start at 19: D = 9.5
    expect(d(1, 1, 30, 29)).toMatchObject({ ok: false, error: { code: 'bad-length' } });
    expect(d(3, 3, 30, 10).ok).toBe(true);
  });

  it('random bytes never throw, only give typed errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const r = decodeDatagram(b);
        if (!r.ok) expect(r.error.offset).toBeGreaterThanOrEqual(0);
        decodeStreamHeader(b);
      }),
    );
  });
});
