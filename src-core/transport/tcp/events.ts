/**
 * What a TcpConnection reports (past tense, in order, via `pollEvent()`) and
 * what it asks to transmit (via `pollTransmit()`).
 *
 * Every connection ends with exactly one of `tcp.closed`, `tcp.reset` or
 * `tcp.timedOut`, right after its `tcp.stateChanged` to CLOSED; the host may
 * forget the connection once that event has been read and `pollTransmit()`
 * returns null (an abort still has its RST to send).
 *
 * Stream offsets count data bytes from 0 (the first byte after the SYN) and
 * are plain, unwrapped numbers; only the wire uses uint32 sequence numbers.
 */
import type { SimTime } from '../../sim/time';
import type { TcpSegment } from './segment';
import type { TcpState } from './state';

export interface TcpTransmit {
  segment: TcpSegment;
  /** True when this segment (or its SYN/FIN) was sent before. */
  retransmission: boolean;
  /** Stream offset of payload[0] in the sender's byte stream (0 = first data byte after SYN). */
  streamOffset: number;
}

export type TcpEvent =
  | { type: 'tcp.stateChanged'; from: TcpState; to: TcpState }
  | { type: 'tcp.connected' }
  /** In order, exactly once per byte. `data` may be a view of received bytes: copy to keep it. */
  | { type: 'tcp.dataReceived'; data: Uint8Array; streamOffset: number }
  /** The peer has acknowledged every data byte before stream offset `upTo`. */
  | { type: 'tcp.dataAcked'; upTo: number }
  /** FIN received, after all data before it was delivered. */
  | { type: 'tcp.peerClosed' }
  /** Reached CLOSED normally (after TIME_WAIT or LAST_ACK, or close() in SYN_SENT). */
  | { type: 'tcp.closed' }
  | { type: 'tcp.reset'; by: 'peer' | 'us' }
  /** Gave up after `maxRetransmissions` timeouts without progress. */
  | { type: 'tcp.timedOut' }
  /** About to retransmit the segment starting at uint32 `seq`; `rto` is the timer now running. */
  | { type: 'tcp.retransmitting'; seq: number; reason: 'timeout' | 'fast-retransmit'; rto: SimTime };

/** Thrown by `send()` after `close()`/`abort()` or once the connection is CLOSED. */
export class TcpUsageError extends Error {
  override readonly name = 'TcpUsageError';
  constructor(
    readonly code: 'closing' | 'closed' | 'not-a-syn',
    message: string,
  ) {
    super(message);
  }
}
