/**
 * Quoted-Printable Content-Transfer-Encoding (RFC 2045 §6.7).
 *
 * Encoding rules, by number in §6.7:
 * (1) any byte may be "=" and two upper-case hex digits; we use it for "=",
 *     bytes outside 33–126, and white space before a line end;
 * (2) bytes 33–60 and 62–126 stand for themselves;
 * (3) space and tab stand for themselves except at the end of an encoded
 *     line (there they are =20 / =09: trailing white space may be lost);
 * (4) for text, a CRLF of the text is a hard line break (CRLF on the wire);
 *     a bare CR or LF is not a line break and is encoded (=0D, =0A). For
 *     binary data (`binary: true`) CRLF is encoded too;
 * (5) encoded lines are at most 76 characters: longer ones are cut with a
 *     soft line break "=" CRLF, never inside an "=XX".
 *
 * Decoding: "=XX" (hex, either case) is the byte; "=" at the end of a line
 * (after optional white space) is a soft break; white space at the end of a
 * line is dropped (rule 3). An "=" followed by anything else is kept as it
 * is with an error (the "robust" reading of §6.7 note 1).
 */
import type { MailProblem } from './types';

/** RFC 2045 §6.7 rule 5: encoded lines are no more than 76 characters. */
export const QP_LINE = 76;

const HEX = '0123456789ABCDEF';
const esc = (c: number) => `=${HEX[c >> 4]!}${HEX[c & 15]!}`;

export function encodeQuotedPrintable(bytes: Uint8Array, options: { binary?: boolean } = {}): string {
  const lines: string[] = [];
  let line = '';
  const push = (token: string) => {
    // Room for the soft break's "=": at most 75 characters of data per line.
    if (line.length + token.length > QP_LINE - 1) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (!options.binary && c === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(line);
      line = '';
      i++;
      continue;
    }
    const atLineEnd = i + 1 === bytes.length || (!options.binary && bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a);
    if (c === 0x20 || c === 0x09) push(atLineEnd ? esc(c) : String.fromCharCode(c));
    else if (c >= 33 && c <= 126 && c !== 61) push(String.fromCharCode(c));
    else push(esc(c));
  }
  lines.push(line);
  return lines.join('\r\n');
}

const hexValue = (c: number | undefined): number => {
  if (c === undefined) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
};

/** Decodes b[start, end); problems get offsets in b. */
export function decodeQuotedPrintable(b: Uint8Array, start: number, end: number, problems: MailProblem[]): Uint8Array {
  const out: number[] = [];
  let reported = 0;
  let at = start;
  while (at < end) {
    let lineEnd = at;
    while (lineEnd < end && b[lineEnd] !== 0x0a) lineEnd++;
    const hasLf = lineEnd < end;
    let contentEnd = hasLf && lineEnd > at && b[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
    // Rule 3: trailing white space is not part of the data.
    while (contentEnd > at && (b[contentEnd - 1] === 0x20 || b[contentEnd - 1] === 0x09)) contentEnd--;
    let soft = false;
    for (let i = at; i < contentEnd; i++) {
      const c = b[i]!;
      if (c !== 0x3d) {
        out.push(c);
        continue;
      }
      if (i + 1 === contentEnd) {
        soft = true;
        break;
      }
      const hi = hexValue(b[i + 1]);
      const lo = i + 2 < contentEnd ? hexValue(b[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        out.push(hi * 16 + lo);
        i += 2;
      } else {
        if (reported++ < 8) problems.push({ code: 'bad-quoted-printable', message: '"=" not followed by two hex digits or a line end (RFC 2045 §6.7): kept as it is', offset: i, severity: 'error' });
        out.push(c);
      }
    }
    if (hasLf && !soft) out.push(0x0d, 0x0a);
    at = hasLf ? lineEnd + 1 : end;
  }
  return Uint8Array.from(out);
}
