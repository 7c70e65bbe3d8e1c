/**
 * Bodies of a given size for an image object that has only a size: a real
 * file of its type, 1×1 pixel, padded with comments, so that a protocol
 * analyser (Wireshark's JFIF, PNG and GIF dissectors) reads it as what its
 * Content-Type says instead of reporting it malformed. The padding is the
 * readable pattern "L7 Lab test data. ".
 *
 * - JPEG (ITU T.81, JFIF 1.02): SOI, an APP0 JFIF segment, COM segments
 *   (at most 65 533 bytes of text each), then 0xFF fill bytes (B.1.1.2 lets
 *   any number precede a marker) for what a COM cannot take, and EOI.
 * - GIF89a: header, a 1×1 logical screen, a comment extension of sub-blocks
 *   (≤ 255 bytes each), one image descriptor with its LZW data, trailer.
 * - PNG (RFC 2083): signature, IHDR (1×1, grey, 8 bits), tEXt chunks
 *   ("Comment"), an IDAT (zlib, one stored block) and IEND, each with its
 *   CRC-32.
 * A size below the smallest such file (JPEG 22, GIF 35, PNG 70 bytes), or
 * one whose padding no comment can hold (GIF: 1 to 4 bytes over the
 * smallest; PNG: 1 to 19), gives the plain pattern instead.
 */

const PATTERN = new TextEncoder().encode('L7 Lab test data. ');

function pattern(n: number): number[] {
  return Array.from({ length: n }, (_, i) => PATTERN[i % PATTERN.length]!);
}

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
const JPEG_EOI = [0xff, 0xd9];
const MAX_COM = 65_533;

function jpeg(size: number): number[] | null {
  let left = size - JPEG_HEAD.length - JPEG_EOI.length;
  if (left < 0) return null;
  const out = [...JPEG_HEAD];
  while (left >= 5) {
    const n = Math.min(MAX_COM, left - 4);
    out.push(0xff, 0xfe, (n + 2) >> 8, (n + 2) & 0xff, ...pattern(n));
    left -= n + 4;
  }
  for (; left > 0; left--) out.push(0xff);
  return [...out, ...JPEG_EOI];
}

const GIF_HEAD = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff];
/** Image descriptor (1×1 at 0,0), LZW minimum code size 2, one data sub-block for one pixel, terminator; then the trailer. */
const GIF_IMAGE = [0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b];

function gif(size: number): number[] | null {
  let left = size - GIF_HEAD.length - GIF_IMAGE.length;
  if (left < 0) return null;
  const out = [...GIF_HEAD];
  if (left > 0) {
    // a comment extension: 0x21 0xFE, sub-blocks of 1 + n bytes (n ≥ 1), 0x00: 5 bytes at least
    if (left < 5) return null;
    out.push(0x21, 0xfe);
    left -= 3;
    while (left > 0) {
      const n = Math.min(255, left - 1);
      // never leave a lone byte: a sub-block needs its length and one byte of data
      const take = left - 1 - n === 1 ? n - 1 : n;
      out.push(take, ...pattern(take));
      left -= take + 1;
    }
    out.push(0x00);
  }
  return [...out, ...GIF_IMAGE];
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of PNG (RFC 2083 §15, ISO 3309). */
export function crc32(bytes: readonly number[]): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function chunk(type: string, data: readonly number[]): number[] {
  const typed = [...Array.from(type, (c) => c.charCodeAt(0)), ...data];
  return [...u32(data.length), ...typed, ...u32(crc32(typed))];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = chunk('IHDR', [...u32(1), ...u32(1), 8, 0, 0, 0, 0]);
/** zlib (78 01), one stored deflate block of the scanline [filter 0, pixel 0], Adler-32 of it. */
const IDAT = chunk('IDAT', [0x78, 0x01, 0x01, 0x02, 0x00, 0xfd, 0xff, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
const IEND = chunk('IEND', []);
const TEXT_KEY = Array.from('Comment\0', (c) => c.charCodeAt(0));
/** A tEXt chunk's bytes beyond its text: length, type, CRC, the keyword and its NUL. */
const TEXT_OVERHEAD = 12 + TEXT_KEY.length;

function png(size: number): number[] | null {
  let left = size - PNG_SIGNATURE.length - IHDR.length - IDAT.length - IEND.length;
  if (left < 0 || (left > 0 && left < TEXT_OVERHEAD)) return null;
  const out = [...PNG_SIGNATURE, ...IHDR];
  while (left > 0) {
    const n = Math.min(65_536, left - TEXT_OVERHEAD);
    const take = left - TEXT_OVERHEAD - n > 0 && left - TEXT_OVERHEAD - n < TEXT_OVERHEAD ? n - TEXT_OVERHEAD : n;
    out.push(...chunk('tEXt', [...TEXT_KEY, ...pattern(take)]));
    left -= take + TEXT_OVERHEAD;
  }
  return [...out, ...IDAT, ...IEND];
}

/** A file of `mediaType` of exactly `size` bytes, or null when there is no such file (another type, or too small). */
export function imageBytes(mediaType: string, size: number): Uint8Array | null {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  const bytes = type === 'image/jpeg' ? jpeg(size) : type === 'image/gif' ? gif(size) : type === 'image/png' ? png(size) : null;
  return bytes === null ? null : Uint8Array.from(bytes);
}
