/**
 * A field line, from its bytes without the CRLF (RFC 9112 §5, RFC 9110
 * §5.1, §5.5). Spans and error positions count from the line's first byte.
 *
 *   field-line  = field-name ":" OWS field-value OWS
 *   field-name  = token
 *   field-value = *( field-vchar / SP / HTAB ), field-vchar = VCHAR / obs-text
 *
 * - No whitespace between the name and the colon (§5.1): a server MUST
 *   reject it with 400; we reject it in responses too.
 * - CR, LF, NUL and the other controls but HTAB are invalid in a value
 *   (RFC 9110 §5.5): rejected, not replaced by SP.
 * - obs-fold (§5.2), a line that starts with SP or HTAB and so continues
 *   the field before it: rejected in a request (a server MUST reject it or
 *   unfold it; we reject), unfolded in a response (a user agent MUST
 *   replace it with SP): the parser joins the two values with one SP.
 */
import type { LineError, Span } from './start-line';
import { COLON, describeByte, isFieldVchar, isTchar, isWhitespace, latin1 } from './syntax';

export type FieldLine = { readonly ok: true; readonly name: string; readonly value: string; readonly spans: { readonly name: Span; readonly value: Span } };
export type Continuation = { readonly ok: true; readonly value: string; readonly span: Span };
type Failed = { readonly ok: false; readonly error: LineError };

const fail = (message: string, at: number): Failed => ({ ok: false, error: { code: 'bad-header', message, at } });

/** Whether the line continues the field before it (obs-fold, RFC 9112 §5.2). */
export function isContinuation(line: Uint8Array): boolean {
  return line.length > 0 && isWhitespace(line[0]!);
}

export function parseFieldLine(line: Uint8Array, what: 'header' | 'trailer'): FieldLine | Failed {
  let n = 0;
  while (n < line.length && isTchar(line[n]!)) n++;
  if (n === line.length) return fail(`the ${what} line ${JSON.stringify(latin1(line, 0, Math.min(line.length, 40)))} has no colon (field-name ":" field-value, RFC 9112 §5)`, 0);
  const b = line[n]!;
  if (n === 0 && b === COLON) return fail(`the ${what} line starts with a colon: the field name is empty (RFC 9110 §5.1)`, 0);
  if (n > 0 && isWhitespace(b)) return fail(`whitespace between the field name ${latin1(line, 0, n)} and the colon (not allowed, RFC 9112 §5.1)`, n);
  if (b !== COLON) return fail(`${describeByte(b)} is not allowed in a field name (a token, RFC 9110 §5.1)`, n);
  const name = latin1(line, 0, n);
  const value = fieldValue(line, n + 1, `the value of ${name}`);
  if (!value.ok) return value;
  return { ok: true, name, value: value.value, spans: { name: { start: 0, end: n }, value: value.span } };
}

/** An obs-fold continuation line: its text without the whitespace around it. */
export function parseContinuation(line: Uint8Array, name: string): Continuation | Failed {
  return fieldValue(line, 0, `the continued value of ${name}`);
}

/** The value in [from, end of line), OWS around it stripped, each byte checked (RFC 9110 §5.5). */
function fieldValue(line: Uint8Array, from: number, what: string): Continuation | Failed {
  for (let at = from; at < line.length; at++) {
    const b = line[at]!;
    if (!isFieldVchar(b) && !isWhitespace(b)) return fail(`${describeByte(b)} is not allowed in ${what} (RFC 9110 §5.5)`, at);
  }
  let start = from;
  while (start < line.length && isWhitespace(line[start]!)) start++;
  let end = line.length;
  while (end > start && isWhitespace(line[end - 1]!)) end--;
  return { ok: true, value: latin1(line, start, end), span: { start, end } };
}
