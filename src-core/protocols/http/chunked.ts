/**
 * The chunk-size line of the chunked transfer coding (RFC 9112 §7.1), from
 * its bytes without the CRLF:
 *
 *   chunk          = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *   chunk-size     = 1*HEXDIG          (last-chunk: 1*("0") [ chunk-ext ] CRLF)
 *   chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 *   chunk-ext-name = token
 *   chunk-ext-val  = token / quoted-string
 *
 * Extensions are checked against the grammar and then ignored (§7.1.1: a
 * recipient MUST ignore extensions it does not understand). Sizes up to
 * 13 significant hex digits are read (2^52 − 1: exact as a number); the
 * body limit stops far smaller ones.
 */
import type { LineError, Span } from './start-line';
import { BACKSLASH, describeByte, DQUOTE, EQUALS, HTAB, isFieldVchar, isHexDigit, isTchar, isWhitespace, latin1, SEMICOLON, SP } from './syntax';

export type ChunkSizeLine = { readonly ok: true; readonly size: number; readonly digits: Span; readonly extensions: Span };
type Failed = { readonly ok: false; readonly error: LineError };

const MAX_SIZE_DIGITS = 13;

const fail = (message: string, at: number): Failed => ({ ok: false, error: { code: 'bad-chunk', message, at } });

export function parseChunkSizeLine(line: Uint8Array): ChunkSizeLine | Failed {
  let d = 0;
  while (d < line.length && isHexDigit(line[d]!)) d++;
  if (d === 0) return fail(line.length === 0 ? 'the chunk-size line is empty: a chunk starts with its size in hex (RFC 9112 §7.1)' : `the chunk-size line starts with ${describeByte(line[0]!)}, not a hex digit (RFC 9112 §7.1)`, 0);
  let significant = 0;
  while (significant < d - 1 && line[significant] === 0x30) significant++;
  if (d - significant > MAX_SIZE_DIGITS) return fail(`the chunk size ${latin1(line, 0, d)} is too large`, 0);
  const size = parseInt(latin1(line, significant, d), 16);
  const end = extensionsEnd(line, d);
  if (typeof end !== 'number') return end;
  return { ok: true, size, digits: { start: 0, end: d }, extensions: { start: d, end: line.length } };
}

const skipWhitespace = (line: Uint8Array, at: number): number => {
  while (at < line.length && isWhitespace(line[at]!)) at++;
  return at;
};

const skipToken = (line: Uint8Array, at: number): number => {
  while (at < line.length && isTchar(line[at]!)) at++;
  return at;
};

/** Checks chunk-ext from `at` to the end of the line; returns the line's length, or the error. */
function extensionsEnd(line: Uint8Array, at: number): number | Failed {
  while (at < line.length) {
    const ws = at;
    at = skipWhitespace(line, at);
    if (line[at] !== SEMICOLON) return at === line.length ? fail('whitespace after the chunk size with no extension after it (RFC 9112 §7.1)', ws) : fail( `${describeByte(line[at]!)} after the chunk size: only ";" and an extension may follow (RFC 9112 §7.1.1)`, at);
    const name = skipWhitespace(line, at + 1);
    const nameEnd = skipToken(line, name);
    if (nameEnd === name) return fail('a chunk extension has no name (a token, RFC 9112 §7.1.1)', name);
    at = nameEnd;
    const eq = skipWhitespace(line, at);
    if (line[eq] !== EQUALS) continue;
    const value = skipWhitespace(line, eq + 1);
    const valueEnd = line[value] === DQUOTE ? quotedStringEnd(line, value) : skipToken(line, value);
    if (typeof valueEnd !== 'number') return valueEnd;
    if (valueEnd === value) return fail(`the chunk extension ${latin1(line, name, nameEnd)} has "=" and no value (a token or a quoted string, RFC 9112 §7.1.1)`, value);
    at = valueEnd;
  }
  return at;
}

/** quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 §5.6.4); returns the position after its closing quote. */
function quotedStringEnd(line: Uint8Array, open: number): number | Failed {
  for (let at = open + 1; at < line.length; at++) {
    const b = line[at]!;
    if (b === DQUOTE) return at + 1;
    if (b === BACKSLASH) {
      const next = line[at + 1];
      if (next === undefined || !(isFieldVchar(next) || next === SP || next === HTAB)) return fail('a backslash in a quoted string escapes nothing that may be escaped (RFC 9110 §5.6.4)', at);
      at++;
    } else if (!(isFieldVchar(b) || b === SP || b === HTAB)) return fail(`${describeByte(b)} is not allowed in a quoted string (RFC 9110 §5.6.4)`, at);
  }
  return fail('a quoted string in the chunk extensions has no closing quote', open);
}
