import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internetChecksum, pseudoHeader } from '../checksum';
import { decodeTcp, describeTcpSegment, encodeTcp, TCP_FIELDS, TCP_FLAGS, tcpFlagNames } from './codec';
import type { TcpSegment } from './codec';
import { tcpSegmentArbitrary } from './arbitraries.test-helper';

const SRC = 0x0a000001; // 10.0.0.1
const DST = 0x0a000002; // 10.0.0.2

/**
 * SYN 10.0.0.1:49152 → 10.0.0.2:12000, seq 1000, window 65535, MSS 1460.
 * 24-byte header (data offset 6). Checksum by hand, 16-bit words:
 *   pseudo-header 0a00 + 0001 + 0a00 + 0002 + 0006 + 0018       = 1421
 *   header        c000 + 2ee0 + 0000 + 03e8 + 0000 + 0000
 *               + 6002 + ffff + 0000 (checksum) + 0000
 *               + 0204 + 05b4                                    = 25a81
 *   sum = 1421 + 25a81 = 26ea2 → fold 6ea2 + 2 = 6ea4; checksum = ~6ea4 = 915b
 */
const SYN_BYTES = Uint8Array.of(
  0xc0, 0x00, 0x2e, 0xe0, // ports
  0x00, 0x00, 0x03, 0xe8, // seq
  0x00, 0x00, 0x00, 0x00, // ack
  0x60, 0x02, 0xff, 0xff, // offset 6, SYN, window
  0x91, 0x5b, 0x00, 0x00, // checksum, urgent pointer
  0x02, 0x04, 0x05, 0xb4, // MSS 1460
);
const SYN: TcpSegment = {
  srcPort: 49152,
  dstPort: 12000,
  seq: 1000,
  ack: 0,
  flags: TCP_FLAGS.SYN,
  window: 65535,
  urgentPointer: 0,
  options: [{ kind: 'mss', value: 1460 }],
  payload: new Uint8Array(0),
};

/** Recompute the checksum after editing bytes, so decoding gets past it. */
function fixChecksum(bytes: Uint8Array, src = SRC, dst = DST): Uint8Array {
  bytes[16] = 0;
  bytes[17] = 0;
  const sum = internetChecksum(pseudoHeader(src, dst, 6, bytes.length), bytes);
  bytes[16] = sum >>> 8;
  bytes[17] = sum & 0xff;
  return bytes;
}

describe('TCP codec (RFC 9293 §3.1)', () => {
  it('encodes the known SYN', () => {
    expect([...encodeTcp(SYN, SRC, DST)]).toEqual([...SYN_BYTES]);
  });

  it('decodes the known SYN', () => {
    expect(decodeTcp(SYN_BYTES, SRC, DST)).toEqual({ ok: true, value: { ...SYN, checksum: 0x915b } });
  });

  it('names the fixed header fields', () => {
    expect(TCP_FIELDS.seq).toEqual([4, 8]);
    expect(TCP_FIELDS.checksum).toEqual([16, 18]);
    expect(TCP_FIELDS.urgentPointer).toEqual([18, 20]);
  });

  it('pads options to 4 bytes with zeros and skips NOPs on decode', () => {
    const seg: TcpSegment = { ...SYN, options: [{ kind: 'raw', type: 4, data: new Uint8Array(0) }] }; // SACK-permitted
    const bytes = encodeTcp(seg, SRC, DST);
    expect(bytes[12]! >>> 4).toBe(6);
    expect([...bytes.subarray(20, 24)]).toEqual([4, 2, 0, 0]);
    // NOP, NOP, SACK-permitted as Linux lays it out.
    const nops = bytes.slice();
    nops.set([1, 1, 4, 2], 20);
    expect(decodeTcp(fixChecksum(nops), SRC, DST)).toMatchObject({ ok: true, value: { options: seg.options } });
  });

  it('round-trips a data segment with a payload', () => {
    const seg: TcpSegment = {
      ...SYN,
      flags: TCP_FLAGS.PSH | TCP_FLAGS.ACK,
      seq: 0xfffffff0,
      ack: 42,
      options: [],
      payload: new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'),
    };
    const result = decodeTcp(encodeTcp(seg, SRC, DST), SRC, DST);
    expect(result.ok && { ...result.value, checksum: 0 }).toEqual({ ...seg, checksum: 0 });
  });

  it('reports typed errors with offsets', () => {
    expect(decodeTcp(SYN_BYTES.subarray(0, 19), SRC, DST)).toMatchObject({ ok: false, error: { code: 'truncated', offset: 19 } });
    const smallOffset = SYN_BYTES.slice();
    smallOffset[12] = 0x40;
    expect(decodeTcp(smallOffset, SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-offset', offset: 12 } });
    const bigOffset = SYN_BYTES.slice();
    bigOffset[12] = 0x70;
    expect(decodeTcp(bigOffset, SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-offset', offset: 12 } });
    const corrupt = SYN_BYTES.slice();
    corrupt[5] = corrupt[5]! ^ 0x80;
    expect(decodeTcp(corrupt, SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-checksum', offset: 16 } });
    const badMssLength = SYN_BYTES.slice();
    badMssLength[21] = 3;
    expect(decodeTcp(fixChecksum(badMssLength), SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-option', offset: 21 } });
    const overrun = SYN_BYTES.slice();
    overrun.set([8, 10], 20);
    expect(decodeTcp(fixChecksum(overrun), SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-option', offset: 21 } });
    const zeroLength = SYN_BYTES.slice();
    zeroLength.set([8, 0], 20);
    expect(decodeTcp(fixChecksum(zeroLength), SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-option', offset: 21 } });
    const noLength = SYN_BYTES.slice();
    noLength.set([1, 1, 1, 8], 20);
    expect(decodeTcp(fixChecksum(noLength), SRC, DST)).toMatchObject({ ok: false, error: { code: 'bad-option', offset: 23 } });
  });

  it('rejects unencodable segments', () => {
    expect(() => encodeTcp({ ...SYN, options: [{ kind: 'raw', type: 1, data: new Uint8Array(0) }] }, SRC, DST)).toThrow(RangeError);
    const big = { kind: 'raw' as const, type: 30, data: new Uint8Array(20) };
    expect(() => encodeTcp({ ...SYN, options: [big, big] }, SRC, DST)).toThrow(RangeError);
    expect(() => encodeTcp({ ...SYN, window: 65536 }, SRC, DST)).toThrow(RangeError);
  });

  it('round-trips any segment', () => {
    fc.assert(
      fc.property(tcpSegmentArbitrary, fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (seg, src, dst) => {
        const result = decodeTcp(encodeTcp(seg, src, dst), src, dst);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { checksum, ...rest } = result.value;
        expect(rest).toEqual(seg);
        expect(checksum).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never throws on random bytes, with or without a valid checksum', () => {
    const codes = ['truncated', 'bad-offset', 'bad-checksum', 'bad-option'];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.boolean(), (bytes, fix) => {
        const input = fix && bytes.length >= 20 ? fixChecksum(bytes) : bytes;
        const result = decodeTcp(input, SRC, DST);
        if (!result.ok) {
          expect(codes).toContain(result.error.code);
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(bytes.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tcpFlagNames and describeTcpSegment', () => {
  it('names flags in Wireshark order', () => {
    expect(tcpFlagNames(TCP_FLAGS.SYN | TCP_FLAGS.ACK)).toBe('SYN, ACK');
    expect(tcpFlagNames(TCP_FLAGS.FIN | TCP_FLAGS.PSH | TCP_FLAGS.ACK)).toBe('FIN, PSH, ACK');
    expect(tcpFlagNames(TCP_FLAGS.RST)).toBe('RST');
    expect(tcpFlagNames(0)).toBe('<None>');
  });

  it('summarizes a SYN like Wireshark', () => {
    expect(describeTcpSegment({ ...SYN, seq: 0 }, null)).toBe('49152 → 12000 [SYN] Seq=0 Win=65535 Len=0 MSS=1460');
    expect(describeTcpSegment(SYN, { iss: 1000, irs: null })).toBe('49152 → 12000 [SYN] Seq=0 Win=65535 Len=0 MSS=1460');
  });

  it('uses relative numbers modulo 2^32', () => {
    const synAck: TcpSegment = { ...SYN, srcPort: 12000, dstPort: 49152, seq: 0xffffffff, ack: 1001, flags: TCP_FLAGS.SYN | TCP_FLAGS.ACK };
    expect(describeTcpSegment(synAck, { iss: 0xffffffff, irs: 1000 })).toBe(
      '12000 → 49152 [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460',
    );
    const data: TcpSegment = { ...synAck, seq: 100, ack: 1001, flags: TCP_FLAGS.PSH | TCP_FLAGS.ACK, options: [], payload: new Uint8Array(5) };
    expect(describeTcpSegment(data, { iss: 0xffffffff, irs: 1000 })).toBe('12000 → 49152 [PSH, ACK] Seq=101 Ack=1 Win=65535 Len=5');
  });
});
