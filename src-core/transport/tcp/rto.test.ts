import { describe, expect, it } from 'vitest';
import { ms, seconds } from '../../sim/time';
import { RtoEstimator } from './rto';

describe('RtoEstimator (RFC 6298)', () => {
  it('starts at the initial RTO (2.1)', () => {
    const e = new RtoEstimator({ initialRto: seconds(1), minRto: seconds(1), maxRto: seconds(60) });
    expect(e.rto).toBe(seconds(1));
    expect(e.srtt).toBeNull();
  });

  it('follows the formulas on a worked example (2.2, 2.3)', () => {
    // No minimum here so the formula results are visible; G = 1 ms.
    const e = new RtoEstimator({ initialRto: seconds(1), minRto: 0, maxRto: seconds(60), clockGranularity: ms(1) });
    // R = 100 ms: SRTT = 100, RTTVAR = 50, RTO = 100 + max(1, 4·50) = 300 ms.
    e.sample(ms(100));
    expect([e.srtt, e.rttvar, e.rto]).toEqual([ms(100), ms(50), ms(300)]);
    // R' = 120 ms: RTTVAR = 3/4·50 + 1/4·|100 − 120| = 42.5; SRTT = 7/8·100 + 1/8·120 = 102.5;
    // RTO = 102.5 + 4·42.5 = 272.5 ms.
    e.sample(ms(120));
    expect([e.srtt, e.rttvar, e.rto]).toEqual([ms(102.5), ms(42.5), ms(272.5)]);
    // R' = 80 ms: RTTVAR = 3/4·42.5 + 1/4·|102.5 − 80| = 37.5; SRTT = 7/8·102.5 + 1/8·80 = 99.6875;
    // RTO = 99.6875 + 150 = 249.6875 ms.
    e.sample(ms(80));
    expect([e.srtt, e.rttvar, e.rto]).toEqual([ms(99.6875), ms(37.5), ms(249.6875)]);
  });

  it('uses G when the variance vanishes', () => {
    const e = new RtoEstimator({ initialRto: seconds(1), minRto: 0, maxRto: seconds(60), clockGranularity: ms(1) });
    for (let i = 0; i < 200; i += 1) e.sample(ms(20));
    expect(e.rttvar).toBe(0);
    expect(e.rto).toBe(ms(21));
  });

  it('rounds up to the minimum of 1 s (2.4)', () => {
    const e = new RtoEstimator({ initialRto: seconds(1), minRto: seconds(1), maxRto: seconds(60) });
    e.sample(ms(20));
    expect(e.rto).toBe(seconds(1));
    expect(e.srtt).toBe(ms(20));
  });

  it('doubles on back-off up to the maximum (5.5) and recomputes on the next sample (5.7)', () => {
    const e = new RtoEstimator({ initialRto: seconds(1), minRto: seconds(1), maxRto: seconds(60) });
    const seen: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      e.backoff();
      seen.push(e.rto);
    }
    expect(seen).toEqual([2, 4, 8, 16, 32, 60, 60, 60].map(seconds));
    e.sample(ms(100));
    expect(e.rto).toBe(seconds(1));
  });

  it('falls back to 3 s after a SYN timeout when no sample exists (5.7)', () => {
    const e = new RtoEstimator({ initialRto: seconds(1), minRto: seconds(1), maxRto: seconds(60) });
    e.backoff();
    e.fallbackAfterSynTimeout();
    expect(e.rto).toBe(seconds(3));
  });
});
