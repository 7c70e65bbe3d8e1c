/** TCP dissector (RFC 9293 §3.1 header, §3.2 options). */
import { parseIpv4 } from '../net/ipv4';
import { IP_PROTOCOL_TCP, transportChecksum } from '../transport/checksum';
import { TCP_FIELDS, TCP_FLAGS, tcpFlagNames } from '../transport/tcp/codec';
import type { MessageEvent } from '../trace/types';
import { field, hex, problem, type FieldNode } from './field';

const FLAG_BITS: ReadonlyArray<[keyof typeof TCP_FLAGS, string, string]> = [
  ['CWR', 'Congestion Window Reduced', 'cwr'],
  ['ECE', 'ECN-Echo', 'ece'],
  ['URG', 'Urgent', 'urg'],
  ['ACK', 'Acknowledgment', 'ack'],
  ['PSH', 'Push', 'push'],
  ['RST', 'Reset', 'reset'],
  ['SYN', 'Syn', 'syn'],
  ['FIN', 'Fin', 'fin'],
];

export function dissectTcp(message: MessageEvent): FieldNode[] {
  const b = message.bytes;
  if (b.length < 20) return [problem('TCP', 'tcp', `truncated: ${b.length} bytes, a TCP header needs at least 20`, 0, b.length)];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const at = (r: readonly [number, number]) => [r[0], r[1] - r[0]] as const;
  const headerLength = (b[12]! >> 4) * 4;
  const flags = b[13]!;
  const fields: FieldNode[] = [
    field('Source Port', 'tcp.srcport', v.getUint16(0), ...at(TCP_FIELDS.srcPort)),
    field('Destination Port', 'tcp.dstport', v.getUint16(2), ...at(TCP_FIELDS.dstPort)),
    field('Sequence Number (raw)', 'tcp.seq_raw', v.getUint32(4), ...at(TCP_FIELDS.seq)),
    field('Acknowledgment Number (raw)', 'tcp.ack_raw', v.getUint32(8), ...at(TCP_FIELDS.ack)),
    field('Header Length', 'tcp.hdr_len', `${headerLength} bytes (${headerLength / 4})`, ...at(TCP_FIELDS.dataOffset)),
    field(
      'Flags',
      'tcp.flags',
      `${hex(flags, 2)} (${tcpFlagNames(flags) || 'none'})`,
      ...at(TCP_FIELDS.flags),
      FLAG_BITS.map(([key, name, id]) => field(name, `tcp.flags.${id}`, flags & TCP_FLAGS[key] ? 'Set' : 'Not set', 13, 1)),
    ),
    field('Window', 'tcp.window_size_value', v.getUint16(14), ...at(TCP_FIELDS.window)),
    checksumField(message, v.getUint16(16)),
    field('Urgent Pointer', 'tcp.urgent_pointer', v.getUint16(18), ...at(TCP_FIELDS.urgentPointer)),
  ];
  if (headerLength < 20 || headerLength > b.length) {
    fields.push(problem('Header Length', 'tcp.hdr_len', `bad header length ${headerLength} for a ${b.length}-byte segment`, 12, 1));
    return [field('Transmission Control Protocol', 'tcp', message.summary, 0, b.length, fields)];
  }
  if (headerLength > 20) fields.push(field('Options', 'tcp.options', `${headerLength - 20} bytes`, 20, headerLength - 20, options(b, headerLength)));
  const payload = b.length - headerLength;
  if (payload > 0) fields.push(field('TCP payload', 'tcp.payload', `${payload} bytes`, headerLength, payload));
  return [field('Transmission Control Protocol', 'tcp', message.summary, 0, b.length, fields)];
}

function checksumField(message: MessageEvent, value: number): FieldNode {
  const src = parseIpv4(message.src.addr);
  const dst = parseIpv4(message.dst.addr);
  const status = src === null || dst === null ? 'unverified' : transportChecksum(src, dst, IP_PROTOCOL_TCP, message.bytes) === 0 ? 'correct' : 'incorrect';
  const node = field('Checksum', 'tcp.checksum', `${hex(value, 4)} [${status}]`, 16, 2);
  return status === 'incorrect' ? { ...node, severity: 'error' } : node;
}

function options(b: Uint8Array, end: number): FieldNode[] {
  const out: FieldNode[] = [];
  let i = 20;
  while (i < end) {
    const kind = b[i]!;
    if (kind === 0) {
      out.push(field('End of Option List (EOL)', 'tcp.option_kind', 0, i, end - i));
      break;
    }
    if (kind === 1) {
      out.push(field('No-Operation (NOP)', 'tcp.option_kind', 1, i, 1));
      i++;
      continue;
    }
    const length = b[i + 1];
    if (length === undefined || length < 2 || i + length > end) {
      out.push(problem('Option', 'tcp.option_len', `option ${kind} has a bad length`, i, end - i));
      break;
    }
    if (kind === 2 && length === 4) {
      const mss = (b[i + 2]! << 8) | b[i + 3]!;
      out.push(field('Maximum segment size', 'tcp.options.mss_val', `${mss} bytes`, i, 4));
    } else {
      out.push(field(`Option kind ${kind}`, 'tcp.option_kind', `${length} bytes`, i, length));
    }
    i += length;
  }
  return out;
}
