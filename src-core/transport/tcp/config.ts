/**
 * TCP connection parameters. Times are SimTime integer nanoseconds.
 */
import type { SimTime } from '../../sim/time';
import { seconds } from '../../sim/time';

export interface TcpConfig {
  /** Largest payload we accept per segment, announced in our SYN (RFC 9293 §3.7.1). */
  mss: number;
  /** Receive window advertised in every segment, bytes (16-bit, no window scaling). */
  receiveWindow: number;
  /** RTO before any RTT sample, RFC 6298 (2.1): 1 s. */
  initialRto: SimTime;
  /** Lower bound on RTO, RFC 6298 (2.4): 1 s. */
  minRto: SimTime;
  /** Upper bound on RTO, RFC 6298 (2.5): at least 60 s. */
  maxRto: SimTime;
  /**
   * Retransmissions of one segment without progress before the connection
   * gives up with `tcp.timedOut` (RFC 9293 §3.8.3, threshold R2).
   */
  maxRetransmissions: number;
  /** Maximum segment lifetime; TIME_WAIT lasts 2·MSL (RFC 9293 §3.4.2). */
  msl: SimTime;
  /** Retransmit on the third duplicate ACK (RFC 5681 §3.2). */
  fastRetransmit: boolean;
  /** G in RFC 6298 §2 (default 1 ms). */
  clockGranularity?: SimTime;
}

/**
 * Defaults. RFC 9293 defines MSL as 2 minutes; like Linux (TIME_WAIT = 60 s)
 * we use 30 s so that runs do not idle for 4 simulated minutes.
 */
export const DEFAULT_TCP_CONFIG: TcpConfig = Object.freeze({
  mss: 1460,
  receiveWindow: 65535,
  initialRto: seconds(1),
  minRto: seconds(1),
  maxRto: seconds(60),
  maxRetransmissions: 8,
  msl: seconds(30),
  fastRetransmit: true,
});

/** RFC 9293 §3.7.1: without an MSS option, assume 536 bytes (IPv4). */
export const DEFAULT_PEER_MSS = 536;
