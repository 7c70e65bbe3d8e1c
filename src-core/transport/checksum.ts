/**
 * The Internet checksum (RFC 1071) and the IPv4 pseudo-header that UDP
 * (RFC 768) and TCP (RFC 9293 §3.1) include in it.
 *
 * Rules (RFC 1071 §1):
 * - The data is read as a sequence of big-endian 16-bit words; an odd final
 *   byte is padded on the right with a zero byte.
 * - The words are added in ones'-complement arithmetic (carries out of bit 15
 *   are added back in), and the checksum is the ones' complement of the sum.
 * - A receiver sums the same bytes *including* the transmitted checksum; the
 *   data is intact when that sum is 0xFFFF, i.e. `internetChecksum(...)` is 0.
 *
 * The chunks are summed as if concatenated: a chunk of odd length pairs its
 * last byte with the first byte of the next chunk.
 */

/** True when this platform stores multi-byte integers little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/**
 * 32-bit words summed per block: each block adds 16-bit halves into two
 * int32 accumulators, which cannot overflow within 2^15 words.
 */
const BLOCK_WORDS = 1 << 15;

/** Ones'-complement checksum of the concatenated chunks, as a 16-bit number. */
export function internetChecksum(...chunks: Uint8Array[]): number {
  let sum = 0;
  let position = 0;
  for (const chunk of chunks) {
    const partial = chunkSum(chunk);
    // A chunk that starts at an odd position of the concatenation has its
    // bytes in the other halves of the words: its sum is byte-swapped
    // (RFC 1071 §2(B), byte-order independence).
    sum += (position & 1) === 0 ? partial : swap(partial);
    position += chunk.length;
  }
  return ~fold(sum) & 0xffff;
}

/**
 * The checksum of a UDP datagram or TCP segment with its IPv4
 * pseudo-header — the same as `internetChecksum(pseudoHeader(...), bytes)`
 * without building the pseudo-header. Returns 0 for intact received bytes.
 */
export function transportChecksum(src: number, dst: number, protocol: number, bytes: Uint8Array): number {
  const pseudo =
    (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + (protocol & 0xff) + (bytes.length & 0xffff);
  return ~fold(pseudo + chunkSum(bytes)) & 0xffff;
}

/**
 * Ones'-complement sum (folded to 16 bits) of one chunk read as big-endian
 * words from its first byte, an odd last byte padded with zero.
 *
 * Speed: the aligned middle is read as 32-bit words in the platform's byte
 * order. Because 2^16 ≡ 1 (mod 0xFFFF), a 32-bit word counts as the sum of
 * its two 16-bit halves; on a little-endian machine those halves are
 * byte-swapped, and by RFC 1071 §2(B) the sum of swapped words is the
 * swapped sum, so it is swapped back once at the end.
 */
function chunkSum(chunk: Uint8Array): number {
  const n = chunk.length;
  let sum = 0;
  let wide = 0;
  let i = 0;
  if ((chunk.byteOffset & 1) === 0) {
    if ((chunk.byteOffset & 2) !== 0 && n >= 2) {
      sum += (chunk[0]! << 8) | chunk[1]!;
      i = 2;
    }
    const words = (n - i) >>> 2;
    if (words > 0) {
      const view = new Int32Array(chunk.buffer, chunk.byteOffset + i, words);
      for (let w = 0; w < words; w += BLOCK_WORDS) {
        const stop = Math.min(words, w + BLOCK_WORDS);
        // Two words per iteration into independent accumulators (faster in V8).
        let low = 0;
        let high = 0;
        let low2 = 0;
        let high2 = 0;
        let k = w;
        for (; k + 1 < stop; k += 2) {
          const word = view[k]!;
          const next = view[k + 1]!;
          low = (low + (word & 0xffff)) | 0;
          high = (high + (word >>> 16)) | 0;
          low2 = (low2 + (next & 0xffff)) | 0;
          high2 = (high2 + (next >>> 16)) | 0;
        }
        if (k < stop) {
          const word = view[k]!;
          low = (low + (word & 0xffff)) | 0;
          high = (high + (word >>> 16)) | 0;
        }
        wide = fold(wide + low + high + low2 + high2);
      }
      i += words * 4;
    }
  }
  // The rest, or the whole chunk when it starts at an odd address.
  const pairsEnd = i + ((n - i) & ~1);
  for (; i < pairsEnd; i += 2) sum += (chunk[i]! << 8) | chunk[i + 1]!;
  if (i < n) sum += chunk[i]! << 8;
  return fold(fold(sum) + (LITTLE_ENDIAN ? swap(wide) : wide));
}

/** Swap the two bytes of a 16-bit value. */
function swap(x: number): number {
  return ((x & 0xff) << 8) | (x >>> 8);
}

/** Fold carries back into 16 bits (RFC 1071 §4.1 "end-around carry"); non-zero stays non-zero. */
function fold(x: number): number {
  let v = x;
  while (v > 0xffff) v = (v % 0x10000) + Math.floor(v / 0x10000);
  return v;
}

/**
 * The 12-byte IPv4 pseudo-header (RFC 768; RFC 9293 §3.1 "pseudo-header"):
 * source address, destination address, a zero byte, the protocol number
 * (6 = TCP, 17 = UDP) and the transport length (header + data) in bytes.
 * Addresses are IPv4 addresses as unsigned 32-bit numbers.
 */
export function pseudoHeader(src: number, dst: number, protocol: number, length: number): Uint8Array {
  const bytes = new Uint8Array(12);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, src >>> 0);
  view.setUint32(4, dst >>> 0);
  bytes[8] = 0;
  bytes[9] = protocol & 0xff;
  view.setUint16(10, length & 0xffff);
  return bytes;
}

export const IP_PROTOCOL_TCP = 6;
export const IP_PROTOCOL_UDP = 17;
