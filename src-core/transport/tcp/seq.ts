/**
 * Sequence number arithmetic (RFC 9293 §3.4).
 *
 * Rule: sequence numbers are uint32 and wrap at 2^32, so they are compared
 * modulo 2^32: a < b when the signed 32-bit difference a − b is negative
 * (serial number arithmetic, RFC 1982). This is meaningful only when the two
 * numbers are less than 2^31 apart, which a TCP window (at most 2^30 even
 * with scaling) guarantees.
 *
 * Inside the connection, positions are kept as unwrapped plain numbers; these
 * helpers convert at the wire boundary.
 */

/** a − b as a signed 32-bit difference, in [−2^31, 2^31). */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/** (a + n) mod 2^32; n may be negative. */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

export function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) < 0;
}

export function seqLeq(a: number, b: number): boolean {
  return seqDiff(a, b) <= 0;
}

export function seqGt(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

export function seqGeq(a: number, b: number): boolean {
  return seqDiff(a, b) >= 0;
}
