/**
 * 7-bit transport rules (RFC 5321 §2.4; RFC 6152 for 8BITMIME): without the
 * 8BITMIME extension, SMTP carries only octets below 128, and in any case
 * lines of at most 998 octets plus CRLF (RFC 5322 §2.1.1, RFC 5321
 * §4.5.3.1.6). `sevenBitProblems` lists the lines that break either rule.
 */
import { lines, MAX_LINE_OCTETS } from './lines';
import type { ByteRange } from './types';

export interface SevenBitProblem {
  readonly kind: 'eight-bit' | 'line-too-long';
  /** The line's content (without its line end). */
  readonly line: ByteRange;
  /** The first 8-bit byte, or the first octet past 998. */
  readonly offset: number;
}

/** The lines of the bytes with 8-bit octets or more than 998 octets, in order (a line may appear twice, once per kind). */
export function sevenBitProblems(bytes: Uint8Array, start = 0, end = bytes.length): SevenBitProblem[] {
  const out: SevenBitProblem[] = [];
  for (const line of lines(bytes, start, end)) {
    const { start: s, end: e } = line.content;
    for (let i = s; i < e; i++) {
      if (bytes[i]! >= 0x80) {
        out.push({ kind: 'eight-bit', line: line.content, offset: i });
        break;
      }
    }
    if (e - s > MAX_LINE_OCTETS) out.push({ kind: 'line-too-long', line: line.content, offset: s + MAX_LINE_OCTETS });
  }
  return out;
}
