/**
 * Resets for segments that match no connection (RFC 9293 §3.10.7.1, "If the
 * state is CLOSED (i.e., TCB does not exist)") — what a host answers when
 * nobody listens on the port.
 *
 * Rules:
 * - An incoming segment with RST is discarded (never answer a RST with a RST).
 * - If the segment has no ACK: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>,
 *   where SEG.LEN counts the data plus one each for SYN and FIN.
 * - Otherwise: <SEQ=SEG.ACK><CTL=RST>.
 * The ports are swapped so the reset goes back to the sender.
 */
import { seqAdd } from './seq';
import { segmentLength, TCP_FLAGS } from './segment';
import type { TcpSegment } from './segment';

export function rstForUnknownSegment(seg: TcpSegment): TcpSegment | null {
  if (seg.flags & TCP_FLAGS.RST) return null;
  const hasAck = (seg.flags & TCP_FLAGS.ACK) !== 0;
  return {
    srcPort: seg.dstPort,
    dstPort: seg.srcPort,
    seq: hasAck ? seg.ack >>> 0 : 0,
    ack: hasAck ? 0 : seqAdd(seg.seq, segmentLength(seg)),
    flags: hasAck ? TCP_FLAGS.RST : TCP_FLAGS.RST | TCP_FLAGS.ACK,
    window: 0,
    urgentPointer: 0,
    options: [],
    payload: new Uint8Array(0),
  };
}
