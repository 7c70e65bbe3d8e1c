import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUdp, encodeUdp, UDP_FIELDS } from './codec';
import type { UdpDatagram } from './codec';

const SRC = 0x0a000001; // 10.0.0.1
const DST = 0x0a000002; // 10.0.0.2

/**
 * 10.0.0.1:1234 → 10.0.0.2:53, payload "hi".
 * Checksum by hand, 16-bit words:
 *   pseudo-header 0a00 + 0001 + 0a00 + 0002 + 0011 + 000a = 141e
 *   header        04d2 + 0035 + 000a + 0000             = 0511
 *   payload       6869
 *   sum = 141e + 0511 + 6869 = 8198 (no carry); checksum = ~8198 = 7e67
 */
const DATAGRAM_BYTES = Uint8Array.of(0x04, 0xd2, 0x00, 0x35, 0x00, 0x0a, 0x7e, 0x67, 0x68, 0x69);
const DATAGRAM: UdpDatagram = { srcPort: 1234, dstPort: 53, payload: Uint8Array.of(0x68, 0x69) };

const datagram = fc.record({
  srcPort: fc.integer({ min: 0, max: 0xffff }),
  dstPort: fc.integer({ min: 0, max: 0xffff }),
  payload: fc.uint8Array({ maxLength: 600 }),
});

describe('UDP codec (RFC 768)', () => {
  it('encodes the known datagram', () => {
    expect([...encodeUdp(DATAGRAM, SRC, DST)]).toEqual([...DATAGRAM_BYTES]);
  });

  it('decodes the known datagram', () => {
    const result = decodeUdp(DATAGRAM_BYTES, SRC, DST);
    expect(result).toEqual({ ok: true, value: { ...DATAGRAM, checksum: 0x7e67 } });
  });

  it('names each header field range', () => {
    expect(UDP_FIELDS).toEqual({ srcPort: [0, 2], dstPort: [2, 4], length: [4, 6], checksum: [6, 8] });
  });

  it('transmits a computed checksum of 0 as 0xffff', () => {
    // Choose the payload word so that the sum is 0xffff, i.e. the checksum would be 0.
    const base = encodeUdp({ srcPort: 1, dstPort: 2, payload: Uint8Array.of(0, 0) }, SRC, DST);
    const sum = ~((base[6]! << 8) | base[7]!) & 0xffff; // sum with payload 0000
    const word = 0xffff - sum; // adding this makes the sum ffff
    const bytes = encodeUdp({ srcPort: 1, dstPort: 2, payload: Uint8Array.of(word >>> 8, word & 0xff) }, SRC, DST);
    expect((bytes[6]! << 8) | bytes[7]!).toBe(0xffff);
    expect(decodeUdp(bytes, SRC, DST).ok).toBe(true);
  });

  it('accepts a zero checksum as "not computed"', () => {
    const bytes = DATAGRAM_BYTES.slice();
    bytes[6] = 0;
    bytes[7] = 0;
    expect(decodeUdp(bytes, SRC, DST)).toMatchObject({ ok: true, value: { checksum: 0 } });
  });

  it('reports typed errors with offsets', () => {
    expect(decodeUdp(DATAGRAM_BYTES.subarray(0, 5), SRC, DST)).toMatchObject({ ok: false, error: { code: 'truncated', offset: 5 } });
    const short = DATAGRAM_BYTES.slice();
    short[5] = 7;
    expect(decodeUdp(short, SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-length', offset: 4 } });
    const long = DATAGRAM_BYTES.slice();
    long[5] = 11;
    expect(decodeUdp(long, SRC, DST)).toMatchObject({ ok: false, error: { code: 'truncated' } });
    const corrupt = DATAGRAM_BYTES.slice();
    corrupt[9] = corrupt[9]! ^ 1;
    expect(decodeUdp(corrupt, SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-checksum', offset: 6 } });
    expect(decodeUdp(DATAGRAM_BYTES, SRC, DST + 1)).toMatchObject({ ok: false, error: { code: 'bad-checksum' } });
  });

  it('ignores bytes after the length field', () => {
    const padded = new Uint8Array(14);
    padded.set(DATAGRAM_BYTES);
    expect(decodeUdp(padded, SRC, DST)).toEqual({ ok: true, value: { ...DATAGRAM, checksum: 0x7e67 } });
  });

  it('rejects unencodable datagrams', () => {
    expect(() => encodeUdp({ ...DATAGRAM, srcPort: 70000 }, SRC, DST)).toThrow(RangeError);
    expect(() => encodeUdp({ ...DATAGRAM, payload: new Uint8Array(65528) }, SRC, DST)).toThrow(RangeError);
  });

  it('round-trips any datagram', () => {
    fc.assert(
      fc.property(datagram, fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (d, src, dst) => {
        const result = decodeUdp(encodeUdp(d, src, dst), src, dst);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { checksum, ...rest } = result.value;
        expect(rest).toEqual(d);
        expect(checksum).not.toBe(0);
      }),
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = decodeUdp(bytes, SRC, DST);
        if (!result.ok) expect(['truncated', 'bad-length', 'bad-checksum']).toContain(result.error.code);
      }),
    );
  });
});
