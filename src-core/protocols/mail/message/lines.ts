/**
 * Lines of a message (RFC 5322 §2.1, §2.3): a line ends with CRLF. We also
 * end a line at a bare LF (a common habit of local mail files) and report
 * it; a bare CR is not a line end. The 998-octet limit (RFC 5322 §2.1.1,
 * RFC 5321 §4.5.3.1.6) counts the octets before the CRLF.
 */
import type { ByteRange } from './types';

export const CR = 0x0d;
export const LF = 0x0a;
/** RFC 5322 §2.1.1: each line MUST be no more than 998 characters, excluding the CRLF. */
export const MAX_LINE_OCTETS = 998;
/** RFC 5322 §2.1.1: each line SHOULD be no more than 78 characters, excluding the CRLF. */
export const RECOMMENDED_LINE_OCTETS = 78;

export interface Line {
  /** The line's content, without its line end. */
  readonly content: ByteRange;
  /** Content plus the line end (CRLF, LF, or nothing at the end of the range). */
  readonly whole: ByteRange;
  readonly ending: 'crlf' | 'lf' | 'none';
}

/** The line starting at `at`, within [at, end). */
export function lineAt(b: Uint8Array, at: number, end: number): Line {
  let i = at;
  while (i < end && b[i] !== LF) i++;
  if (i >= end) return { content: { start: at, end }, whole: { start: at, end }, ending: 'none' };
  const crlf = i > at && b[i - 1] === CR;
  return { content: { start: at, end: crlf ? i - 1 : i }, whole: { start: at, end: i + 1 }, ending: crlf ? 'crlf' : 'lf' };
}

/** Every line of [start, end). */
export function* lines(b: Uint8Array, start = 0, end = b.length): Generator<Line> {
  let at = start;
  while (at < end) {
    const line = lineAt(b, at, end);
    yield line;
    at = line.whole.end;
  }
}
