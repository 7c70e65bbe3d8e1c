/**
 * The HTTP/1.x encoder: a message to its exact bytes (RFC 9112 §2.1).
 *
 *   request-line = method SP request-target SP HTTP-version CRLF   (§3)
 *   status-line  = HTTP-version SP status-code SP [ reason ] CRLF  (§4)
 *   *( field-name ":" SP field-value CRLF )                        (§5)
 *   CRLF
 *   [ message-body ]                                               (§6)
 *
 * Wire-exact: fields are written in the order given, as `Name: value`, with
 * the name as spelled and one SP after the colon (an empty value gives
 * `Name: `); the SP after the status code is written even when the reason
 * is empty (§4: a server MUST send it). The encoder frames nothing on its
 * own: it adds no header. With `chunks` the body is written in the chunked
 * transfer coding (§7.1) and the headers must say `Transfer-Encoding:
 * chunked` (checked); without, the body follows the empty line as it is,
 * and the caller's Content-Length (or closing the connection) frames it.
 *
 * What the grammar forbids is refused with an HttpEncodeError, never
 * written: a method or field name that is not a token, a target with
 * whitespace or controls, a field value with CR, LF, NUL or another control
 * or with whitespace at either end (RFC 9110 §5.5), a character above 0xFF
 * (strings are byte strings, message.ts). The engines never build such.
 */
import { headerValues, HTTP_VERSIONS, type HeaderField, type HttpMessage, type HttpRequest, type HttpResponse } from './message';
import { isFieldValue, isReasonPhrase, isRequestTarget, isToken, latin1Bytes, listElements } from './syntax';

export type HttpEncodeErrorCode = 'bad-method' | 'bad-target' | 'bad-version' | 'bad-status' | 'bad-reason' | 'bad-header-name' | 'bad-header-value' | 'bad-chunks';

export class HttpEncodeError extends Error {
  override readonly name = 'HttpEncodeError';
  constructor(
    readonly code: HttpEncodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface EncodeOptions {
  /**
   * Write the body in the chunked transfer coding (RFC 9112 §7.1), in chunks
   * of these sizes: each a whole number ≥ 1, together the body's length (an
   * empty list for an empty body). The message's headers must hold
   * `Transfer-Encoding: chunked`; the encoder does not add it.
   */
  readonly chunks?: readonly number[];
  /** Trailer fields after the last chunk (RFC 9112 §7.1.2); only with `chunks`. */
  readonly trailers?: readonly HeaderField[];
}

const CRLF = '\r\n';

export function encodeRequest(r: HttpRequest, options: EncodeOptions = {}): Uint8Array {
  if (!isToken(r.method)) throw new HttpEncodeError('bad-method', `the method ${JSON.stringify(r.method)} is not a token (RFC 9110 §9.1)`);
  if (!isRequestTarget(r.target)) throw new HttpEncodeError('bad-target', `the request target ${JSON.stringify(r.target)} must be visible ASCII without spaces (RFC 9112 §3.2)`);
  checkVersion(r.version);
  return withBody(`${r.method} ${r.target} ${r.version}${CRLF}`, r, options);
}

export function encodeResponse(r: HttpResponse, options: EncodeOptions = {}): Uint8Array {
  checkVersion(r.version);
  if (!Number.isInteger(r.status) || r.status < 100 || r.status > 599) throw new HttpEncodeError('bad-status', `the status code ${r.status} is not 100–599 (RFC 9110 §15)`);
  if (!isReasonPhrase(r.reason)) throw new HttpEncodeError('bad-reason', `the reason phrase ${JSON.stringify(r.reason)} holds a control character or one above 0xFF (RFC 9112 §4)`);
  return withBody(`${r.version} ${r.status} ${r.reason}${CRLF}`, r, options);
}

export function encodeMessage(m: HttpMessage, options: EncodeOptions = {}): Uint8Array {
  return m.kind === 'request' ? encodeRequest(m, options) : encodeResponse(m, options);
}

function checkVersion(version: string): void {
  if (!(HTTP_VERSIONS as readonly string[]).includes(version)) throw new HttpEncodeError('bad-version', `${JSON.stringify(version)} is not HTTP/1.0 or HTTP/1.1`);
}

/** Field lines `Name: value\r\n`, each checked (RFC 9110 §5.1, §5.5). */
function fieldLines(fields: readonly HeaderField[]): string {
  let s = '';
  for (const { name, value } of fields) {
    if (!isToken(name)) throw new HttpEncodeError('bad-header-name', `the field name ${JSON.stringify(name)} is not a token (RFC 9110 §5.1)`);
    if (!isFieldValue(value)) throw new HttpEncodeError('bad-header-value', `the value of ${name}, ${JSON.stringify(value)}, holds a control character, a character above 0xFF or whitespace at an end (RFC 9110 §5.5)`);
    s += `${name}: ${value}${CRLF}`;
  }
  return s;
}

function withBody(startLine: string, m: HttpMessage, options: EncodeOptions): Uint8Array {
  const head = latin1Bytes(startLine + fieldLines(m.headers) + CRLF);
  if (options.chunks === undefined) {
    if (options.trailers?.length) throw new HttpEncodeError('bad-chunks', 'trailer fields need the chunked coding (RFC 9112 §7.1.2): give chunks');
    return join([head, m.body]);
  }
  return join([head, ...chunkedBody(m, options.chunks, options.trailers ?? [])]);
}

/**
 * chunked-body = *chunk last-chunk trailer-section CRLF, chunk = chunk-size
 * CRLF chunk-data CRLF, last-chunk = "0" CRLF (RFC 9112 §7.1); sizes in
 * lower-case hex, no extensions.
 */
function chunkedBody(m: HttpMessage, sizes: readonly number[], trailers: readonly HeaderField[]): Uint8Array[] {
  const codings = headerValues(m.headers, 'transfer-encoding').flatMap((v) => listElements(v));
  if (codings.at(-1)?.toLowerCase() !== 'chunked') throw new HttpEncodeError('bad-chunks', 'a chunked body needs "Transfer-Encoding: chunked" in the headers (RFC 9112 §6.1); the encoder adds no header');
  const bad = sizes.find((n) => !Number.isSafeInteger(n) || n < 1);
  if (bad !== undefined) throw new HttpEncodeError('bad-chunks', `a chunk of ${bad} bytes: each chunk holds at least one byte (a size of 0 is the last chunk)`);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== m.body.length) throw new HttpEncodeError('bad-chunks', `the chunks hold ${total} bytes, the body has ${m.body.length}`);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(latin1Bytes(`${n.toString(16)}${CRLF}`), m.body.subarray(at, at + n), latin1Bytes(CRLF));
    at += n;
  }
  out.push(latin1Bytes(`0${CRLF}${fieldLines(trailers)}${CRLF}`));
  return out;
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
