/**
 * Simulated time.
 *
 * Rule: every time in src-core is a `SimTime`, an integer count of nanoseconds
 * since the start of the run. Durations use the same unit. A JavaScript number
 * holds integers exactly up to 2^53 ns ≈ 104 days, far beyond any run.
 * Nothing in src-core reads a wall clock.
 */
export type SimTime = number;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_S = 1_000_000_000;

/** Milliseconds (may be fractional) to SimTime, rounded to the nearest nanosecond. */
export function ms(value: number): SimTime {
  return Math.round(value * NS_PER_MS);
}

/** Microseconds (may be fractional) to SimTime. */
export function us(value: number): SimTime {
  return Math.round(value * NS_PER_US);
}

/** Seconds (may be fractional) to SimTime. */
export function seconds(value: number): SimTime {
  return Math.round(value * NS_PER_S);
}

export function toMs(t: SimTime): number {
  return t / NS_PER_MS;
}

export function toSeconds(t: SimTime): number {
  return t / NS_PER_S;
}

/**
 * Transmission delay L/R: the time to push `bytes` onto a link of
 * `bitsPerSecond`, in nanoseconds, rounded up so that a packet is never
 * received before its last bit could have been sent.
 */
export function transmissionDelay(bytes: number, bitsPerSecond: number): SimTime {
  return Math.ceil((bytes * 8 * NS_PER_S) / bitsPerSecond);
}

/** Human-readable time: "0 s", "1.2 ms", "350 µs", "2.043 s". */
export function formatTime(t: SimTime): string {
  const abs = Math.abs(t);
  if (abs === 0) return '0 s';
  if (abs >= NS_PER_S) return `${trim(t / NS_PER_S)} s`;
  if (abs >= NS_PER_MS) return `${trim(t / NS_PER_MS)} ms`;
  if (abs >= NS_PER_US) return `${trim(t / NS_PER_US)} µs`;
  return `${t} ns`;
}

function trim(value: number): string {
  return Number(value.toFixed(3)).toString();
}
