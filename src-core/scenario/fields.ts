/**
 * Field schemas shared by the scenario schema, each with the phrase used in
 * messages ("expected <description>, got …"). The description is attached with
 * `.describe()` and read by the loader's error map (shape-issues.ts), so every
 * field must be described after its last check and before any `.optional()` /
 * `.default()`.
 */
import { z } from './zod';
import { describeValue } from './describe-value';

/** Ids of nodes and links: a letter, then up to 63 letters, digits, "_" or "-". */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Dotted IPv4: four decimal numbers 0..255 without leading zeros. */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
export const IPV4_PATTERN = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/**
 * Longest time a scenario may name, in milliseconds: ⌊2^53 ns / 10^6⌋ ≈ 104 days.
 * The simulator counts integer nanoseconds in a JavaScript number, which is
 * exact only up to 2^53 (see sim/time.ts).
 */
export const MAX_TIME_MS = 9_007_199_254;

const timeTooLong = {
  error: (iss: { input?: unknown }) =>
    `expected at most ${MAX_TIME_MS} ms (about 104 days, the longest time that can be simulated exactly), got ${describeValue(iss.input)}`,
};

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

/** A time or duration in milliseconds, ≥ 0; fractions allowed (the simulator rounds to nanoseconds). */
export const nonNegativeMsSchema = z.number().min(0).max(MAX_TIME_MS, timeTooLong).describe('a number ≥ 0 (milliseconds)');

/** A duration in milliseconds, > 0. */
export const positiveMsSchema = z.number().gt(0).max(MAX_TIME_MS, timeTooLong).describe('a number > 0 (milliseconds)');

/** A bandwidth in megabits per second (10^6 bit/s), > 0. */
export const mbpsSchema = z.number().gt(0).describe('a number > 0 (megabits per second)');

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
