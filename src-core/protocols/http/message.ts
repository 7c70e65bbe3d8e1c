/**
 * HTTP/1.x messages as the engines build them and the parser returns them
 * (RFC 9112 §2.1: a start line, header fields, an empty line, a body).
 *
 * Strings are byte strings: the start line and every field are ISO-8859-1,
 * one character per byte (RFC 9110 §5.5: field values are octets; bytes
 * 0x80–0xFF are obs-text), so what goes on the wire and what comes back
 * are the same characters. The body is bytes, after any transfer coding is
 * removed (chunked, RFC 9112 §7.1).
 */

/** One field line. The name is kept as written; names compare case-insensitively (RFC 9110 §5.1). */
export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

/** The versions this codec speaks (RFC 9112 §2.3). */
export type HttpVersion = 'HTTP/1.0' | 'HTTP/1.1';

export const HTTP_VERSIONS: readonly HttpVersion[] = ['HTTP/1.0', 'HTTP/1.1'];

export interface HttpRequest {
  readonly kind: 'request';
  /** A token, case-sensitive (RFC 9110 §9.1): "GET", "HEAD", "POST". */
  readonly method: string;
  /** The request-target as sent (RFC 9112 §3.2): "/index.html", "http://example.com/", "*". */
  readonly target: string;
  readonly version: HttpVersion;
  readonly headers: readonly HeaderField[];
  readonly body: Uint8Array;
}

export interface HttpResponse {
  readonly kind: 'response';
  readonly version: HttpVersion;
  /** Three digits, 100–599 (RFC 9110 §15). */
  readonly status: number;
  /** The reason phrase; may be empty (RFC 9112 §4: a client ignores it). */
  readonly reason: string;
  readonly headers: readonly HeaderField[];
  readonly body: Uint8Array;
}

export type HttpMessage = HttpRequest | HttpResponse;

const same = (a: string, b: string) => a.length === b.length && a.toLowerCase() === b.toLowerCase();

/** The value of the first field named `name` (any case), or undefined. */
export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  return headers.find((h) => same(h.name, name))?.value;
}

/** The values of every field named `name` (any case), in order. */
export function headerValues(headers: readonly HeaderField[], name: string): string[] {
  return headers.filter((h) => same(h.name, name)).map((h) => h.value);
}

export function hasHeader(headers: readonly HeaderField[], name: string): boolean {
  return headers.some((h) => same(h.name, name));
}

/**
 * The fields with `name` set to `value`: the first field of that name (any
 * case) takes the value and keeps its place and spelling, later ones are
 * dropped; when there is none, the field is added at the end.
 */
export function withHeader(headers: readonly HeaderField[], name: string, value: string): HeaderField[] {
  const first = headers.findIndex((h) => same(h.name, name));
  if (first < 0) return [...headers, { name, value }];
  return headers.flatMap((h, i) => (i === first ? [{ name: h.name, value }] : same(h.name, name) ? [] : [h]));
}

/** The fields without any named `name` (any case). */
export function withoutHeader(headers: readonly HeaderField[], name: string): HeaderField[] {
  return headers.filter((h) => !same(h.name, name));
}
