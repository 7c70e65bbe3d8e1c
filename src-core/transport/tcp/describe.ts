/**
 * One-line summaries of TCP segments, like Wireshark's Info column:
 *
 *   49152 → 12000 [SYN] Seq=0 Win=65535 Len=0 MSS=1460
 *   12000 → 49152 [SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460
 *   49152 → 12000 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=120
 *
 * Sequence and acknowledgement numbers are shown relative to the initial
 * sequence numbers when these are known (Wireshark's default "relative
 * sequence numbers"), computed modulo 2^32.
 */
import { readOptions } from './options';
import { mssOption, TCP_FLAGS } from './segment';
import type { TcpSegment } from './segment';

/** Flag names in Wireshark's order (low bit first). */
const FLAG_ORDER: ReadonlyArray<readonly [string, number]> = [
  ['FIN', TCP_FLAGS.FIN],
  ['SYN', TCP_FLAGS.SYN],
  ['RST', TCP_FLAGS.RST],
  ['PSH', TCP_FLAGS.PSH],
  ['ACK', TCP_FLAGS.ACK],
  ['URG', TCP_FLAGS.URG],
  ['ECE', TCP_FLAGS.ECE],
  ['CWR', TCP_FLAGS.CWR],
];

/** "SYN, ACK"; "<None>" when no flag is set (as Wireshark writes it). */
export function tcpFlagNames(flags: number): string {
  const names: string[] = [];
  for (const [name, bit] of FLAG_ORDER) if (flags & bit) names.push(name);
  return names.length > 0 ? names.join(', ') : '<None>';
}

/**
 * Initial sequence numbers seen from the *sender* of the segment being
 * described: `iss` is the sender's own ISN (subtracted from `seq`), `irs` the
 * ISN it received from its peer (subtracted from `ack`; null while unknown,
 * e.g. for the first SYN). For a segment received by a connection, pass
 * `{ iss: conn.irs, irs: conn.iss }`.
 */
export interface SegmentIsns {
  iss: number;
  irs: number | null;
}

/** The header fields an Info line shows. */
export type TcpSummaryFields = Pick<TcpSegment, 'srcPort' | 'dstPort' | 'seq' | 'ack' | 'flags' | 'window' | 'urgentPointer' | 'options'>;

/** Wireshark-style Info line; absolute numbers when `isns` is null. */
export function describeTcpSegment(seg: TcpSegment, isns: SegmentIsns | null): string {
  return describeTcpFields(seg, seg.payload.length, isns);
}

/**
 * The same line from a header as sent (the trace keeps headers, not
 * segments): fields read big-endian at their RFC 9293 §3.1 offsets, options
 * from byte 20 to the data offset.
 */
export function describeTcpHeader(header: Uint8Array, payloadLength: number, isns: SegmentIsns | null): string {
  const options = readOptions(header, 20, (header[12]! >>> 4) * 4);
  return describeTcpFields(
    {
      srcPort: (header[0]! << 8) | header[1]!,
      dstPort: (header[2]! << 8) | header[3]!,
      seq: ((header[4]! << 24) | (header[5]! << 16) | (header[6]! << 8) | header[7]!) >>> 0,
      ack: ((header[8]! << 24) | (header[9]! << 16) | (header[10]! << 8) | header[11]!) >>> 0,
      flags: header[13]!,
      window: (header[14]! << 8) | header[15]!,
      urgentPointer: (header[18]! << 8) | header[19]!,
      options: options.ok ? options.value : [],
    },
    payloadLength,
    isns,
  );
}

function describeTcpFields(seg: TcpSummaryFields, payloadLength: number, isns: SegmentIsns | null): string {
  const seq = isns ? (seg.seq - isns.iss) >>> 0 : seg.seq >>> 0;
  const parts = [`${seg.srcPort} → ${seg.dstPort} [${tcpFlagNames(seg.flags)}] Seq=${seq}`];
  if (seg.flags & TCP_FLAGS.ACK) {
    const ack = isns && isns.irs !== null ? (seg.ack - isns.irs) >>> 0 : seg.ack >>> 0;
    parts.push(`Ack=${ack}`);
  }
  parts.push(`Win=${seg.window}`, `Len=${payloadLength}`);
  if (seg.flags & TCP_FLAGS.URG) parts.push(`Urg=${seg.urgentPointer}`);
  const mss = mssOption(seg);
  if (mss !== null) parts.push(`MSS=${mss}`);
  return parts.join(' ');
}
