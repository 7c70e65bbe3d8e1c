/**
 * UDP datagram codec (RFC 768).
 *
 * Header layout (8 bytes, big-endian), byte ranges in `UDP_FIELDS`:
 *
 *   0      2      4      6      8
 *   +------+------+------+------+---- - -
 *   | src  | dst  |length| csum | payload
 *   +------+------+------+------+---- - -
 *
 * Rules (RFC 768):
 * - length = header + payload in bytes (so at least 8).
 * - The checksum covers the IPv4 pseudo-header, the header (with the checksum
 *   field zero) and the payload. A computed checksum of 0 is transmitted as
 *   0xFFFF (the other ones'-complement zero); a transmitted 0 means "no
 *   checksum was computed" and is not verified.
 *
 * Decoded payloads are views into the input bytes (no copy): do not mutate
 * bytes after decoding them.
 */
import { IP_PROTOCOL_UDP, transportChecksum } from '../checksum';
import { decodeError } from '../errors';
import type { DecodeResult } from '../errors';

export interface UdpDatagram {
  srcPort: number;
  dstPort: number;
  payload: Uint8Array;
}

/** Byte range [start, end) of each header field, for the inspector. */
export const UDP_FIELDS = {
  srcPort: [0, 2],
  dstPort: [2, 4],
  length: [4, 6],
  checksum: [6, 8],
} as const;

export const UDP_HEADER_LENGTH = 8;
/** The length field is 16 bits, so header + payload cannot exceed this. */
export const UDP_MAX_LENGTH = 0xffff;

/**
 * Serialize a datagram with a real checksum. Throws RangeError for a port
 * outside 0..65535 or a payload too long for the 16-bit length field; those
 * are programming errors, not network input.
 */
export function encodeUdp(d: UdpDatagram, srcAddr: number, dstAddr: number): Uint8Array {
  checkPort(d.srcPort, 'srcPort');
  checkPort(d.dstPort, 'dstPort');
  const length = UDP_HEADER_LENGTH + d.payload.length;
  if (length > UDP_MAX_LENGTH) {
    throw new RangeError(`UDP payload of ${d.payload.length} bytes exceeds the 16-bit length field`);
  }
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, d.srcPort);
  view.setUint16(2, d.dstPort);
  view.setUint16(4, length);
  bytes.set(d.payload, UDP_HEADER_LENGTH);
  const sum = transportChecksum(srcAddr, dstAddr, IP_PROTOCOL_UDP, bytes);
  // RFC 768: "If the computed checksum is zero, it is transmitted as all ones."
  view.setUint16(6, sum === 0 ? 0xffff : sum);
  return bytes;
}

/**
 * Parse a datagram. Bytes past the length field (link-layer padding) are
 * ignored. `checksum` is the transmitted field value (0 = none).
 */
export function decodeUdp(
  bytes: Uint8Array,
  srcAddr: number,
  dstAddr: number,
): DecodeResult<UdpDatagram & { checksum: number }> {
  if (bytes.length < UDP_HEADER_LENGTH) {
    return decodeError('truncated', `UDP header needs 8 bytes, got ${bytes.length}`, bytes.length);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint16(4);
  if (length < UDP_HEADER_LENGTH) {
    return decodeError('bad-length', `UDP length ${length} is less than the 8-byte header`, UDP_FIELDS.length[0]);
  }
  if (length > bytes.length) {
    return decodeError('truncated', `UDP length ${length} exceeds the ${bytes.length} bytes received`, bytes.length);
  }
  const datagram = bytes.subarray(0, length);
  const checksum = view.getUint16(6);
  if (checksum !== 0) {
    if (transportChecksum(srcAddr, dstAddr, IP_PROTOCOL_UDP, datagram) !== 0) {
      return decodeError('bad-checksum', `UDP checksum 0x${hex16(checksum)} does not match the data`, UDP_FIELDS.checksum[0]);
    }
  }
  return {
    ok: true,
    value: {
      srcPort: view.getUint16(0),
      dstPort: view.getUint16(2),
      payload: datagram.subarray(UDP_HEADER_LENGTH),
      checksum,
    },
  };
}

function checkPort(port: number, name: string): void {
  if (!Number.isInteger(port) || port < 0 || port > 0xffff) throw new RangeError(`${name} ${port} is not a 16-bit port`);
}

function hex16(value: number): string {
  return value.toString(16).padStart(4, '0');
}
