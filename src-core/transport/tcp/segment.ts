/**
 * The parsed form of a TCP segment (RFC 9293 §3.1). `codec.ts` turns it into
 * bytes and back; `connection.ts` produces and consumes it.
 *
 * Units: ports and window are 16-bit, seq/ack are uint32 sequence numbers
 * (wrap at 2^32, compare them with `seq.ts`), flags is the 8-bit control
 * field (byte 13 of the header).
 */

/** Control bits, byte 13 of the header (RFC 9293 §3.1; ECE/CWR RFC 3168). */
export const TCP_FLAGS = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
  URG: 0x20,
  ECE: 0x40,
  CWR: 0x80,
} as const;

/** Option kinds (RFC 9293 §3.2). */
export const TCP_OPTION_KIND = { EOL: 0, NOP: 1, MSS: 2 } as const;

/**
 * A TCP option. EOL and NOP are layout, not options: the encoder inserts
 * them as padding and the decoder skips them, so they never appear here.
 * `raw` covers every other kind (type 3..255, or 2 with a length other than 4
 * is rejected by the decoder) with its data bytes (without kind and length).
 */
export type TcpOption = { kind: 'mss'; value: number } | { kind: 'raw'; type: number; data: Uint8Array };

export interface TcpSegment {
  srcPort: number;
  dstPort: number;
  /** uint32 sequence number of the first octet (or of the SYN). */
  seq: number;
  /** uint32 acknowledgement number; meaningful when ACK is set. */
  ack: number;
  /** Bitwise OR of TCP_FLAGS. */
  flags: number;
  /** Receive window in bytes (no window scaling). */
  window: number;
  urgentPointer: number;
  options: TcpOption[];
  payload: Uint8Array;
}

/** Sequence space a segment occupies: data length plus one each for SYN and FIN (RFC 9293 §3.4). */
export function segmentLength(seg: TcpSegment): number {
  return seg.payload.length + (seg.flags & TCP_FLAGS.SYN ? 1 : 0) + (seg.flags & TCP_FLAGS.FIN ? 1 : 0);
}

/** The MSS option's value, or null when the segment carries none. */
export function mssOption(seg: Pick<TcpSegment, 'options'>): number | null {
  for (const option of seg.options) if (option.kind === 'mss') return option.value;
  return null;
}
