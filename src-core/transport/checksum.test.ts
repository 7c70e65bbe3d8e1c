import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internetChecksum, pseudoHeader, transportChecksum } from './checksum';

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reference: RFC 1071 §4.1 straight from the text, one word at a time with end-around carry. */
function reference(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    sum += (bytes[i]! << 8) | (bytes[i + 1] ?? 0);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  return ~sum & 0xffff;
}

describe('internetChecksum (RFC 1071)', () => {
  it('matches the RFC 1071 §3 numerical example', () => {
    // Bytes 00 01 f2 03 f4 f5 f6 f7: the ones'-complement sum is 0xddf2 (§3), so the checksum is ~0xddf2.
    const bytes = Uint8Array.of(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7);
    expect(internetChecksum(bytes)).toBe(~0xddf2 & 0xffff);
  });

  it('pads an odd final byte with zero', () => {
    // 0x1234 + 0x5600 = 0x6834 → ~ = 0x97cb
    expect(internetChecksum(Uint8Array.of(0x12, 0x34, 0x56))).toBe(0x97cb);
  });

  it('pairs bytes across odd chunk boundaries', () => {
    const whole = Uint8Array.of(1, 2, 3, 4, 5, 6, 7);
    expect(internetChecksum(whole.subarray(0, 1), whole.subarray(1, 4), new Uint8Array(0), whole.subarray(4))).toBe(
      internetChecksum(whole),
    );
  });

  it('is zero when the checksum is included (receiver check)', () => {
    const data = Uint8Array.of(0xde, 0xad, 0xbe, 0xef, 0x00, 0x00);
    const sum = internetChecksum(data);
    data[4] = sum >>> 8;
    data[5] = sum & 0xff;
    expect(internetChecksum(data)).toBe(0);
  });

  it('equals the reference for any chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }), (chunks) => {
        expect(internetChecksum(...chunks)).toBe(reference(concat(chunks)));
      }),
    );
  });

  it('handles large inputs without losing carries', () => {
    const bytes = new Uint8Array(200_001).fill(0xff);
    expect(internetChecksum(bytes)).toBe(reference(bytes));
  });
});

describe('pseudoHeader', () => {
  it('lays out src, dst, zero, protocol, length', () => {
    expect([...pseudoHeader(0xc0a80001, 0x0a000002, 6, 0x1234)]).toEqual([
      192, 168, 0, 1, 10, 0, 0, 2, 0, 6, 0x12, 0x34,
    ]);
  });
});

describe('transportChecksum', () => {
  it('equals internetChecksum over pseudo-header and bytes, at any alignment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.uint8Array({ maxLength: 100 }),
        fc.integer({ min: 0, max: 3 }),
        (src, dst, data, shift) => {
          const backing = new Uint8Array(data.length + shift);
          backing.set(data, shift);
          const bytes = backing.subarray(shift);
          expect(transportChecksum(src, dst, 6, bytes)).toBe(internetChecksum(pseudoHeader(src, dst, 6, bytes.length), bytes));
          expect(internetChecksum(bytes)).toBe(reference(data));
        },
      ),
    );
  });
});
