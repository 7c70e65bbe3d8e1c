/**
 * TCP segment codec (RFC 9293 §3.1).
 *
 * Header layout (big-endian), byte ranges in `TCP_FIELDS`:
 *
 *    0       2       4               8              12  13  14      16      18      20
 *    +-------+-------+---------------+---------------+---+---+-------+-------+-------+---- - -
 *    | src   | dst   | sequence      | acknowledgment|off|flg| window| csum  | urgent| options, data
 *    +-------+-------+---------------+---------------+---+---+-------+-------+-------+---- - -
 *
 * Byte 12 holds the data offset (header length in 32-bit words, 5..15) in
 * its high nibble and reserved bits in its low nibble; byte 13 holds the
 * control flags. There is no length field: the segment length comes from
 * the IP layer, i.e. the length of `bytes`.
 *
 * Rules:
 * - data offset >= 5 and 4·offset <= segment length;
 * - options as in `options.ts`, padded with zeros to a multiple of 4 bytes;
 * - the checksum covers the IPv4 pseudo-header (protocol 6, TCP length),
 *   header and data (RFC 9293 §3.1 "Checksum"); unlike UDP it is mandatory.
 *
 * Decoded payloads are views into the input bytes (no copy).
 */
import { IP_PROTOCOL_TCP, transportChecksum } from '../checksum';
import { decodeError } from '../errors';
import type { DecodeResult } from '../errors';
import { optionsLength, readOptions, writeOptions } from './options';
import type { TcpSegment } from './segment';
import { byteView } from '../byte-view';
import { slabBytes } from '../byte-slab';

export { TCP_FLAGS, TCP_OPTION_KIND, segmentLength, mssOption } from './segment';
export type { TcpOption, TcpSegment } from './segment';
export { tcpFlagNames, describeTcpSegment } from './describe';
export type { SegmentIsns } from './describe';

/** Byte range [start, end) of each fixed header field, for the inspector. */
export const TCP_FIELDS = {
  srcPort: [0, 2],
  dstPort: [2, 4],
  seq: [4, 8],
  ack: [8, 12],
  dataOffset: [12, 13],
  flags: [13, 14],
  window: [14, 16],
  checksum: [16, 18],
  urgentPointer: [18, 20],
} as const;

export const TCP_HEADER_LENGTH = 20;

/**
 * Serialize a segment with a real checksum. Throws RangeError for fields out
 * of range or options that do not fit in 40 bytes (programming errors).
 */
export function encodeTcp(seg: TcpSegment, srcAddr: number, dstAddr: number): Uint8Array {
  check16(seg.srcPort, 'srcPort');
  check16(seg.dstPort, 'dstPort');
  check16(seg.window, 'window');
  check16(seg.urgentPointer, 'urgentPointer');
  if (!Number.isInteger(seg.flags) || seg.flags < 0 || seg.flags > 0xff) throw new RangeError(`flags ${seg.flags} is not 8-bit`);
  const headerLength = TCP_HEADER_LENGTH + ((optionsLength(seg.options) + 3) & ~3);
  const length = headerLength + seg.payload.length;
  // Fields are written byte by byte: no DataView per segment (hot path).
  const bytes = slabBytes(length);
  put16(bytes, 0, seg.srcPort);
  put16(bytes, 2, seg.dstPort);
  put32(bytes, 4, seg.seq >>> 0);
  put32(bytes, 8, seg.ack >>> 0);
  bytes[12] = (headerLength / 4) << 4;
  bytes[13] = seg.flags;
  put16(bytes, 14, seg.window);
  put16(bytes, 18, seg.urgentPointer);
  if (seg.options.length > 0) writeOptions(bytes, TCP_HEADER_LENGTH, seg.options);
  bytes.set(seg.payload, headerLength);
  // The TCP length in the pseudo-header is 16 bits; IPv4 limits segments to
  // 65535 - 20 bytes anyway.
  put16(bytes, 16, transportChecksum(srcAddr, dstAddr, IP_PROTOCOL_TCP, bytes));
  return bytes;
}

/** Parse and verify a segment; `checksum` is the transmitted field value. */
export function decodeTcp(
  bytes: Uint8Array,
  srcAddr: number,
  dstAddr: number,
): DecodeResult<TcpSegment & { checksum: number }> {
  if (bytes.length < TCP_HEADER_LENGTH) {
    return decodeError('truncated', `TCP header needs 20 bytes, got ${bytes.length}`, bytes.length);
  }
  const dataOffset = bytes[12]! >>> 4;
  if (dataOffset < 5) {
    return decodeError('bad-offset', `data offset ${dataOffset} is less than 5 words`, TCP_FIELDS.dataOffset[0]);
  }
  const headerLength = dataOffset * 4;
  if (headerLength > bytes.length) {
    return decodeError(
      'bad-offset',
      `data offset ${dataOffset} (${headerLength} bytes) exceeds the ${bytes.length}-byte segment`,
      TCP_FIELDS.dataOffset[0],
    );
  }
  const checksum = get16(bytes, 16);
  if (transportChecksum(srcAddr, dstAddr, IP_PROTOCOL_TCP, bytes) !== 0) {
    return decodeError('bad-checksum', `TCP checksum 0x${checksum.toString(16).padStart(4, '0')} does not match`, TCP_FIELDS.checksum[0]);
  }
  const options = readOptions(bytes, TCP_HEADER_LENGTH, headerLength);
  if (!options.ok) return options;
  return {
    ok: true,
    value: {
      srcPort: get16(bytes, 0),
      dstPort: get16(bytes, 2),
      seq: get32(bytes, 4),
      ack: get32(bytes, 8),
      flags: bytes[13]!,
      window: get16(bytes, 14),
      urgentPointer: get16(bytes, 18),
      options: options.value,
      payload: byteView(bytes, headerLength),
      checksum,
    },
  };
}

function put16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 8;
  bytes[at + 1] = value & 0xff;
}

function put32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

function get16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

function get32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function check16(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError(`${name} ${value} is not 16-bit`);
}
