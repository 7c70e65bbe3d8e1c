/** UDP dissector (RFC 768). */
import { parseIpv4 } from '../net/ipv4';
import { IP_PROTOCOL_UDP, transportChecksum } from '../transport/checksum';
import type { MessageEvent } from '../trace/types';
import { field, hex, problem, type FieldNode } from './field';

export function dissectUdp(message: MessageEvent): FieldNode[] {
  const b = message.bytes;
  if (b.length < 8) return [problem('UDP', 'udp', `truncated: ${b.length} bytes, a UDP header needs 8`, 0, b.length)];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const length = v.getUint16(4);
  const checksum = v.getUint16(6);
  const src = parseIpv4(message.src.addr);
  const dst = parseIpv4(message.dst.addr);
  const status =
    checksum === 0 ? 'not present' : src === null || dst === null ? 'unverified' : transportChecksum(src, dst, IP_PROTOCOL_UDP, b) === 0 ? 'correct' : 'incorrect';
  const fields: FieldNode[] = [
    field('Source Port', 'udp.srcport', v.getUint16(0), 0, 2),
    field('Destination Port', 'udp.dstport', v.getUint16(2), 2, 2),
    length === b.length ? field('Length', 'udp.length', `${length} bytes`, 4, 2) : problem('Length', 'udp.length', `${length}, but the datagram has ${b.length} bytes`, 4, 2),
    status === 'incorrect' ? problem('Checksum', 'udp.checksum', `${hex(checksum, 4)} [incorrect]`, 6, 2) : field('Checksum', 'udp.checksum', `${hex(checksum, 4)} [${status}]`, 6, 2),
  ];
  if (b.length > 8) fields.push(field('UDP payload', 'udp.payload', `${b.length - 8} bytes`, 8, b.length - 8));
  return [field('User Datagram Protocol', 'udp', message.summary, 0, b.length, fields)];
}
