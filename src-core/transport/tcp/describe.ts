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

/** Wireshark-style Info line; absolute numbers when `isns` is null. */
export function describeTcpSegment(seg: TcpSegment, isns: SegmentIsns | null): string {
  const seq = isns ? (seg.seq - isns.iss) >>> 0 : seg.seq >>> 0;
  const parts = [`${seg.srcPort} → ${seg.dstPort} [${tcpFlagNames(seg.flags)}] Seq=${seq}`];
  if (seg.flags & TCP_FLAGS.ACK) {
    const ack = isns && isns.irs !== null ? (seg.ack - isns.irs) >>> 0 : seg.ack >>> 0;
    parts.push(`Ack=${ack}`);
  }
  parts.push(`Win=${seg.window}`, `Len=${seg.payload.length}`);
  if (seg.flags & TCP_FLAGS.URG) parts.push(`Urg=${seg.urgentPointer}`);
  const mss = mssOption(seg);
  if (mss !== null) parts.push(`MSS=${mss}`);
  return parts.join(' ');
}
