/**
 * Field schemas shared by the scenario schema, each with the phrase used in
 * messages ("expected <description>, got …"). The description is attached with
 * `.describe()` and read by the loader's error map (shape-issues.ts), so every
 * field must be described after its last check and before any `.optional()` /
 * `.default()`.
 */
import { z } from './zod';

/** Ids of nodes and links: a letter, then up to 63 letters, digits, "_" or "-". */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Dotted IPv4: four decimal numbers 0..255 without leading zeros. */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
export const IPV4_PATTERN = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/*
 * Bounds of the numbers the simulator turns into time. Rule: every value a
 * scenario gives becomes an integer count of nanoseconds (sim/time.ts) that
 * is a safe integer (≤ 2^53 − 1 ≈ 9.007e15), and so do sums of a few of
 * them (a start time, plus delays and timeouts, plus a transmission time).
 * Zod's own checks already keep integers safe (`.int()`) and refuse NaN
 * and ±Infinity; these bounds keep the derived times finite and exact.
 * docs/scenario-format.md lists them; change it with them.
 */

/**
 * Longest time or duration a scenario may name: 10^9 ms = 10^15 ns, about
 * 11.6 days. Nine of them still add up to less than 2^53 ns, so a start time
 * plus delays, timeouts and transmissions stays exact.
 */
export const MAX_TIME_MS = 1_000_000_000;

/** Shortest positive duration: 1 ns. A shorter one would round to 0 ns (sim/time.ts `ms`), which is not positive. */
export const MIN_POSITIVE_MS = 0.000_001;

/**
 * Largest packet the simulator may carry: an IPv4 datagram's total length is
 * a 16-bit field (RFC 791 §3.1). Bandwidth bounds are chosen for it.
 */
export const MAX_PACKET_BYTES = 65_535;

/**
 * Slowest link: 1 bit/s. Its transmission time for the largest packet,
 * 65,535 × 8 s ≈ 6.1 days = 5.2 × 10^14 ns, is finite and exact, and less than
 * MAX_TIME_MS, so times stay within the room described above. (A bandwidth of
 * 1e-320 Mb/s would make it infinite and stop the run.)
 */
export const MIN_BANDWIDTH_MBPS = 0.000_001;

/**
 * Fastest link: 1 Tb/s. Transmission times are rounded up to whole
 * nanoseconds, so above this even a full-size Ethernet frame (12,000 bits,
 * 12 ns at 1 Tb/s) would no longer be timed faithfully.
 */
export const MAX_BANDWIDTH_MBPS = 1_000_000;

/** A number from `min` to `max` inclusive, described as "a number from <min> to <max> (<unit>)". */
export function numberFrom(min: number, max: number, unit: string): z.ZodNumber {
  return z.number().min(min).max(max).describe(`a number from ${min} to ${max} (${unit})`);
}

/** An integer from `min` to `max` inclusive (both safe integers), described as "an integer from <min> to <max>". */
export function integerFrom(min: number, max: number): z.ZodNumber {
  return z.number().int().min(min).max(max).describe(`an integer from ${min} to ${max}`);
}

/** An id that names a node or link. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN)
  .describe('an id (a letter, then up to 63 letters, digits, "_" or "-")');

/** A reference to a node by id; whether the node exists is checked after the shape (references.ts). */
export const nodeRefSchema = z.string().describe('a node id');

/** A reference to a link by id; existence is checked after the shape. */
export const linkRefSchema = z.string().describe('a link id');

export const ipv4Schema = z
  .string()
  .regex(IPV4_PATTERN)
  .describe('a dotted IPv4 address such as "10.0.0.1" (four numbers 0–255, no leading zeros)');

/** TCP or UDP port. */
export const portSchema = z.number().int().min(1).max(65535).describe('a port number (an integer from 1 to 65535)');

/** A time or duration in milliseconds, 0 to MAX_TIME_MS; fractions allowed (the simulator rounds to nanoseconds). */
export const nonNegativeMsSchema = numberFrom(0, MAX_TIME_MS, 'milliseconds');

/** A duration in milliseconds, MIN_POSITIVE_MS (1 ns) to MAX_TIME_MS. */
export const positiveMsSchema = numberFrom(MIN_POSITIVE_MS, MAX_TIME_MS, 'milliseconds');

/** A bandwidth in megabits per second (10^6 bit/s), MIN_BANDWIDTH_MBPS (1 bit/s) to MAX_BANDWIDTH_MBPS (1 Tb/s). */
export const mbpsSchema = numberFrom(MIN_BANDWIDTH_MBPS, MAX_BANDWIDTH_MBPS, 'megabits per second: 1 bit/s to 1 Tb/s');

/** A probability in [0, 1). */
export const lossRateSchema = z.number().min(0).lt(1).describe('a probability: a number ≥ 0 and < 1');

/** A human-readable name. */
export const nameSchema = z.string().min(1).max(200).describe('a name of 1 to 200 characters');

/** One line of text sent by a client. */
export const lineSchema = z.string().min(1).max(1000).describe('a text of 1 to 1000 characters');

export const integerAtLeastOne = z.number().int().min(1).describe('an integer ≥ 1');

/** Seed of the run's pseudo-random generator: an unsigned 32-bit integer. */
export const seedSchema = z.number().int().min(0).max(4_294_967_295).describe('an integer from 0 to 4294967295');

export const booleanSchema = z.boolean().describe('true or false');

/** A finite number (JSON has no NaN or Infinity). */
export const numberSchema = z.number().describe('a number');

export const textSchema = z.string().describe('a string');
