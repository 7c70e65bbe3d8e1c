/**
 * Base64 Content-Transfer-Encoding (RFC 2045 §6.8): 3 bytes to 4 characters
 * of A–Z a–z 0–9 + /, "=" padding, lines of at most 76 characters.
 * Decoding ignores line ends and white space, and skips any other character
 * outside the alphabet with an error at its offset (§6.8: such characters
 * "are to be ignored"; we say so). Data after the padding, or a last group
 * of 1 character, is reported too.
 */
import { decodeBase64 as decodePaddedBase64, encodeBase64 } from '../../../trace/base64';
import type { MailProblem } from './types';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** RFC 2045 §6.8: encoded lines are no more than 76 characters. */
export const BASE64_LINE = 76;

/** Base64 without line breaks (the trace's encoder: one alphabet, one padding). */
export function base64(bytes: Uint8Array): string {
  return encodeBase64(bytes);
}

/** The body encoding: lines of 76 characters joined by CRLF, no line end after the last. */
export function encodeBase64Body(bytes: Uint8Array): string {
  const s = base64(bytes);
  const out: string[] = [];
  for (let i = 0; i < s.length; i += BASE64_LINE) out.push(s.slice(i, i + BASE64_LINE));
  return out.join('\r\n');
}

/**
 * Strict base64 (RFC 4648 §4), for protocol fields that must be exactly
 * base64, as an AUTH response (RFC 4954 §4: a server rejects what is not
 * base64 with 501): no line ends or white space (§3.1), no character outside
 * the alphabet (§3.3), a length that is a multiple of 4 with "=" padding
 * only at the end, at most two (§3.2) — the trace's decoder's rules — and
 * pad bits of zero (§3.5: the one encoding of the data, so encoding the
 * result gives the text back). Null when the text breaks any of these;
 * never throws.
 */
export function decodeBase64Strict(text: string): Uint8Array | null {
  const bytes = decodePaddedBase64(text);
  return bytes !== null && base64(bytes) === text ? bytes : null;
}

/** Decodes base64 in b[start, end); `problems` get offsets in b. */
export function decodeBase64(b: Uint8Array, start: number, end: number, problems: MailProblem[]): Uint8Array {
  const out = new Uint8Array(Math.floor(((end - start) * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let count = 0;
  let padded = -1;
  let reported = 0;
  const report = (offset: number, message: string) => {
    if (reported++ < 8) problems.push({ code: 'bad-base64', message, offset, severity: 'error' });
  };
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c === 0x0d || c === 0x0a || c === 0x20 || c === 0x09) continue;
    if (c === 0x3d) {
      if (padded < 0) padded = i;
      continue;
    }
    const v = VALUE[c]!;
    if (v < 0) {
      report(i, `the byte 0x${c.toString(16).padStart(2, '0')} is not base64 (RFC 2045 §6.8): ignored`);
      continue;
    }
    if (padded >= 0) {
      report(i, 'base64 data after the "=" padding (RFC 2045 §6.8): read on');
      padded = -1;
    }
    acc = (acc << 6) | v;
    count++;
    if (count === 4) {
      out[n++] = (acc >> 16) & 0xff;
      out[n++] = (acc >> 8) & 0xff;
      out[n++] = acc & 0xff;
      acc = 0;
      count = 0;
    }
  }
  if (count === 1) problems.push({ code: 'base64-truncated', message: 'the base64 data ends with a single character, 6 bits of a byte (RFC 2045 §6.8): dropped', offset: end, severity: 'error' });
  else if (count === 2) out[n++] = (acc >> 4) & 0xff;
  else if (count === 3) {
    out[n++] = (acc >> 10) & 0xff;
    out[n++] = (acc >> 2) & 0xff;
  }
  return out.slice(0, n);
}
