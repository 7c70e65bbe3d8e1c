/**
 * The start line of a message, from its bytes without the CRLF (RFC 9112
 * §2.1). Ranges and error positions count from the line's first byte.
 *
 *   request-line = method SP request-target SP HTTP-version   (§3)
 *   status-line  = HTTP-version SP status-code SP [ reason-phrase ]  (§4)
 *   HTTP-version = "HTTP" "/" DIGIT "." DIGIT, case-sensitive  (§2.3)
 *
 * Each element is separated by exactly one SP: §3 lets a recipient split on
 * any whitespace (MAY); we do not, and §3 says not to autocorrect an
 * invalid line. The request target is one or more visible ASCII bytes
 * (its four forms, §3.2, are the server's to tell apart). A status line
 * that ends right after the status code, without the SP, is taken with an
 * empty reason: §4 requires the SP of senders, and clients and llhttp
 * accept it missing.
 */
import type { HttpParseErrorCode } from './parse-result';
import { describeByte, HTAB, isDigit, isFieldVchar, isTchar, isVchar, latin1, SP } from './syntax';
import type { HttpVersion } from './message';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface LineError {
  readonly code: HttpParseErrorCode;
  readonly message: string;
  /** Position in the line of the byte at fault. */
  readonly at: number;
}

export type RequestLine = { readonly ok: true; readonly method: string; readonly target: string; readonly version: HttpVersion; readonly spans: { readonly method: Span; readonly target: Span; readonly version: Span } };
export type StatusLine = { readonly ok: true; readonly version: HttpVersion; readonly status: number; readonly reason: string; readonly spans: { readonly version: Span; readonly status: Span; readonly reason: Span } };
type Failed = { readonly ok: false; readonly error: LineError };

const fail = (code: HttpParseErrorCode, message: string, at: number): Failed => ({ ok: false, error: { code, message, at } });

/** Scans from `from` while `ok` holds; returns the first position where it does not. */
function scan(line: Uint8Array, from: number, ok: (b: number) => boolean): number {
  let at = from;
  while (at < line.length && ok(line[at]!)) at++;
  return at;
}

export function parseRequestLine(line: Uint8Array): RequestLine | Failed {
  if (line.length === 0) return fail('bad-start-line', 'the request line is empty', 0);
  const m = scan(line, 0, isTchar);
  if (m === 0) return fail('bad-method', `the request line starts with ${describeByte(line[0]!)}, not a method (a token, RFC 9110 §9.1)`, 0);
  if (m === line.length) return fail('bad-start-line', 'the request line ends after the method: a target and a version must follow (RFC 9112 §3)', m);
  if (line[m] !== SP) return fail('bad-method', `${describeByte(line[m]!)} is not allowed in a method (a token, RFC 9110 §9.1)`, m);
  const t = scan(line, m + 1, isVchar);
  if (t === line.length && t === m + 1) return fail('bad-start-line', 'the request line ends after the method and a space: a target and a version must follow (RFC 9112 §3)', t);
  if (t === m + 1) return fail('bad-target', `the request target starts with ${describeByte(line[t]!)} (one space between the parts, visible ASCII in the target: RFC 9112 §3)`, t);
  if (t === line.length) return fail('bad-start-line', 'the request line ends after the target: the HTTP version must follow (RFC 9112 §3)', t);
  if (line[t] !== SP) return fail('bad-target', `${describeByte(line[t]!)} is not allowed in a request target (visible ASCII, RFC 9112 §3.2)`, t);
  const version = httpVersion(line, t + 1, line.length);
  if (!version.ok) return version;
  return {
    ok: true,
    method: latin1(line, 0, m),
    target: latin1(line, m + 1, t),
    version: version.version,
    spans: { method: { start: 0, end: m }, target: { start: m + 1, end: t }, version: { start: t + 1, end: line.length } },
  };
}

export function parseStatusLine(line: Uint8Array): StatusLine | Failed {
  const sp = line.indexOf(SP);
  const v = sp < 0 ? line.length : sp;
  const version = httpVersion(line, 0, v);
  if (!version.ok) return version;
  if (sp < 0) return fail('bad-start-line', 'the status line ends after the version: a status code must follow (RFC 9112 §4)', v);
  const s = v + 1;
  const digits = scan(line, s, isDigit);
  if (digits - s !== 3 || (digits < line.length && line[digits] !== SP)) return fail('bad-status', 'the status code is not three digits (RFC 9112 §4)', s);
  const status = Number(latin1(line, s, digits));
  if (status < 100 || status > 599) return fail('bad-status', `the status code ${status} is not 100–599 (RFC 9110 §15)`, s);
  const r = Math.min(digits + 1, line.length);
  const bad = scan(line, r, (b) => isFieldVchar(b) || b === SP || b === HTAB);
  if (bad < line.length) return fail('bad-start-line', `${describeByte(line[bad]!)} is not allowed in a reason phrase (RFC 9112 §4)`, bad);
  return {
    ok: true,
    version: version.version,
    status,
    reason: latin1(line, r, line.length),
    spans: { version: { start: 0, end: v }, status: { start: s, end: digits }, reason: { start: r, end: line.length } },
  };
}

/** HTTP-version in [from, to) (RFC 9112 §2.3); only 1.0 and 1.1 are spoken. */
function httpVersion(line: Uint8Array, from: number, to: number): { readonly ok: true; readonly version: HttpVersion } | Failed {
  const text = latin1(line, from, Math.min(to, from + 16));
  if (to - from !== 8 || !/^HTTP\/\d\.\d$/.test(text)) return fail('bad-version', `${JSON.stringify(text)} is not an HTTP version (HTTP/1.1 or HTTP/1.0, case-sensitive: RFC 9112 §2.3)`, from);
  if (text !== 'HTTP/1.0' && text !== 'HTTP/1.1') return fail('unsupported-version', `${text}: this parser speaks HTTP/1.0 and HTTP/1.1 only (a server answers 505)`, from);
  return { ok: true, version: text };
}
