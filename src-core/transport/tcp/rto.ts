/**
 * Retransmission timeout estimator (RFC 6298 §2).
 *
 * Rules, with α = 1/8, β = 1/4, K = 4, G = clock granularity:
 * - (2.1) Until a first RTT sample, RTO = initial RTO (1 s).
 * - (2.2) First sample R: SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, K·RTTVAR).
 * - (2.3) Later samples R': RTTVAR = (1 − β)·RTTVAR + β·|SRTT − R'| (using
 *   the old SRTT), then SRTT = (1 − α)·SRTT + α·R', then RTO as above.
 * - (2.4) RTO is rounded up to the minimum (1 s); (2.5) it may be capped at a
 *   maximum of at least 60 s.
 * - (5.5) On each retransmission timeout, RTO doubles (still capped): the
 *   backed-off value stays until a new sample is taken (5.7).
 * - Karn's rule (§3) is the caller's job: never call `sample()` with the
 *   RTT of a segment that was retransmitted.
 *
 * All times are SimTime integer nanoseconds. SRTT and RTTVAR are kept
 * unrounded inside (rounding every update would stall RTTVAR at a few ns)
 * and read rounded to the nearest nanosecond, like RTO.
 */
import type { SimTime } from '../../sim/time';
import { ms, seconds } from '../../sim/time';

export interface RtoConfig {
  initialRto: SimTime;
  minRto: SimTime;
  maxRto: SimTime;
  /** G in RFC 6298 §2; default 1 ms, a typical kernel timer tick. */
  clockGranularity?: SimTime;
}

const ALPHA = 1 / 8;
const BETA = 1 / 4;
const K = 4;

/** RFC 6298 §5.7: after a SYN timeout, RTO falls back to 3 s once data flows. */
export const SYN_TIMEOUT_FALLBACK_RTO: SimTime = seconds(3);

export class RtoEstimator {
  private readonly config: Required<RtoConfig>;
  /** Unrounded nanoseconds. */
  private srttValue: number | null = null;
  private rttvarValue: number | null = null;
  private rtoValue: SimTime;

  constructor(config: RtoConfig) {
    this.config = { clockGranularity: ms(1), ...config };
    this.rtoValue = this.clamp(config.initialRto);
  }

  /** Current retransmission timeout, including any back-off. */
  get rto(): SimTime {
    return this.rtoValue;
  }

  /** Smoothed RTT, or null before the first sample. */
  get srtt(): SimTime | null {
    return this.srttValue === null ? null : Math.round(this.srttValue);
  }

  /** RTT variation, or null before the first sample. */
  get rttvar(): SimTime | null {
    return this.rttvarValue === null ? null : Math.round(this.rttvarValue);
  }

  /** Feed one RTT measurement from a segment that was not retransmitted. */
  sample(rtt: SimTime): void {
    if (this.srttValue === null || this.rttvarValue === null) {
      this.srttValue = rtt;
      this.rttvarValue = rtt / 2;
    } else {
      this.rttvarValue = (1 - BETA) * this.rttvarValue + BETA * Math.abs(this.srttValue - rtt);
      this.srttValue = (1 - ALPHA) * this.srttValue + ALPHA * rtt;
    }
    this.rtoValue = this.clamp(Math.round(this.srttValue + Math.max(this.config.clockGranularity, K * this.rttvarValue)));
  }

  /** RFC 6298 (5.5): RTO ← 2·RTO, capped at the maximum. */
  backoff(): void {
    this.rtoValue = this.clamp(this.rtoValue * 2);
  }

  /**
   * RFC 6298 (5.7): if the SYN timed out and no RTT sample has been taken,
   * RTO is re-initialized to 3 s when data transmission begins.
   */
  fallbackAfterSynTimeout(): void {
    if (this.srttValue === null && this.config.initialRto < SYN_TIMEOUT_FALLBACK_RTO) {
      this.rtoValue = this.clamp(SYN_TIMEOUT_FALLBACK_RTO);
    }
  }

  private clamp(rto: SimTime): SimTime {
    return Math.min(this.config.maxRto, Math.max(this.config.minRto, rto));
  }
}
