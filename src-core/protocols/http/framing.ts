/**
 * How a message's body is delimited, decided when its header section ends
 * (RFC 9112 §6.3, in the RFC's order):
 *
 * 1. A response to HEAD, and every 1xx, 204 and 304 response, ends at the
 *    empty line: no body, whatever its fields say.
 * 2. A 2xx response to CONNECT turns the connection into a tunnel; so does
 *    101 (Switching Protocols): the message ends at the empty line and what
 *    follows is not HTTP.
 * 3. Transfer-Encoding overrides Content-Length (§6.1; a message with both
 *    is processed by Transfer-Encoding alone, as §6.1 allows). This codec
 *    knows one transfer coding, chunked, and it must be the only one:
 *    chunked twice or not last is faulty framing (§6.1, §6.3 rule 4), so is
 *    Transfer-Encoding in an HTTP/1.0 message (§6.1) or with no coding
 *    listed; any other coding (gzip, …) is not supported (a server answers
 *    501, §6.1). (A response whose last coding is not chunked would be
 *    read until close, §6.3 rule 4; we cannot undo such a coding, so it is
 *    refused too.)
 * 4. Content-Length (RFC 9110 §8.6) is 1*DIGIT; a field holding a list
 *    ("42, 42", as combining repeated fields gives) or repeated fields are
 *    accepted when every value is the same number, and are an error when
 *    they differ or one is not digits (§6.3 rule 5).
 * 5. A request with neither has no body (§6.3 rule 6).
 * 6. A response with neither is read until the server closes (rule 8).
 */
import type { HeaderField, HttpVersion } from './message';
import type { BodyFraming, HttpParseErrorCode } from './parse-result';
import { listElements } from './syntax';

export interface FramingInput {
  readonly kind: 'request' | 'response';
  readonly version: HttpVersion;
  readonly headers: readonly HeaderField[];
  /** Where each header's value starts, counted from the message's first byte (for error offsets). */
  readonly valueStarts: readonly number[];
  /** Responses: the status code and the method of the request it answers. */
  readonly status?: number;
  readonly method?: string;
}

export type Framing =
  | { readonly ok: true; readonly framing: Exclude<BodyFraming, 'content-length'>; readonly length: 0; readonly after: 'next' | 'interim' | 'switch' }
  | { readonly ok: true; readonly framing: 'content-length'; readonly length: number; readonly after: 'next' };

export type FramingError = { readonly ok: false; readonly code: HttpParseErrorCode; readonly message: string; readonly at: number };

const fail = (code: HttpParseErrorCode, message: string, at: number): FramingError => ({ ok: false, code, message, at });
const none = (after: 'next' | 'interim' | 'switch'): Framing => ({ ok: true, framing: 'none', length: 0, after });

export function bodyFraming(m: FramingInput, maxBodyBytes: number): Framing | FramingError {
  if (m.kind === 'response') {
    const status = m.status ?? 200;
    if (status === 101) return none('switch');
    if (status < 200) return none('interim');
    if (m.method === 'HEAD' || status === 204 || status === 304) return none('next');
    if (m.method === 'CONNECT' && status < 300) return none('switch');
  }
  const named = (name: string) => m.headers.flatMap((h, i) => (h.name.toLowerCase() === name ? [{ value: h.value, at: m.valueStarts[i]! }] : []));
  const te = named('transfer-encoding');
  if (te.length > 0) return transferCoding(m, te);
  const cl = named('content-length');
  if (cl.length > 0) return contentLength(cl, maxBodyBytes);
  return m.kind === 'request' ? none('next') : { ok: true, framing: 'close', length: 0, after: 'next' };
}

/** RFC 9112 §6.1: transfer-coding = token *( OWS ";" OWS transfer-parameter ); only "chunked", once, last. */
function transferCoding(m: FramingInput, fields: readonly { value: string; at: number }[]): Framing | FramingError {
  const first = fields[0]!.at;
  if (m.version === 'HTTP/1.0') return fail('bad-transfer-encoding', 'Transfer-Encoding in an HTTP/1.0 message makes its framing faulty (RFC 9112 §6.1)', first);
  const codings = fields.flatMap((f) => listElements(f.value).map((coding) => ({ coding, at: f.at })));
  if (codings.length === 0) return fail('bad-transfer-encoding', 'Transfer-Encoding lists no transfer coding (RFC 9112 §6.1)', first);
  const chunked = codings.filter((c) => c.coding.toLowerCase() === 'chunked');
  if (chunked.length > 1) return fail('bad-transfer-encoding', 'chunked is applied twice, which a sender MUST NOT do (RFC 9112 §6.1)', chunked[1]!.at);
  const last = codings.at(-1)!;
  if (chunked.length === 1 && last.coding.toLowerCase() !== 'chunked') return fail('bad-transfer-encoding', "chunked is not the last transfer coding, so the body's end cannot be found (RFC 9112 §6.3)", chunked[0]!.at);
  const other = codings.find((c) => c.coding.toLowerCase() !== 'chunked');
  if (other) return fail('unsupported-transfer-coding', `the transfer coding ${JSON.stringify(other.coding)} is not supported: only chunked is (RFC 9112 §6.1, §7)`, other.at);
  return { ok: true, framing: 'chunked', length: 0, after: 'next' };
}

/** RFC 9110 §8.6: Content-Length = 1*DIGIT; repeated equal values are one. */
function contentLength(fields: readonly { value: string; at: number }[], maxBodyBytes: number): Framing | FramingError {
  let length: number | null = null;
  for (const f of fields) {
    for (const element of listElements(f.value, true)) {
      if (!/^\d+$/.test(element)) return fail('bad-content-length', `Content-Length ${JSON.stringify(f.value)} is not a number of bytes (1*DIGIT, RFC 9110 §8.6)`, f.at);
      const n = Number(element);
      if (!Number.isSafeInteger(n)) return fail('bad-content-length', `Content-Length ${element} is too large to be exact`, f.at);
      if (length !== null && n !== length) return fail('bad-content-length', `Content-Length says both ${length} and ${n}: the body's end cannot be found (RFC 9112 §6.3)`, f.at);
      length = n;
    }
  }
  if (length! > maxBodyBytes) return fail('body-too-large', `Content-Length ${length} is over the limit of ${maxBodyBytes} bytes`, fields[0]!.at);
  return { ok: true, framing: 'content-length', length: length!, after: 'next' };
}
