/**
 * The web server's answer to one request (pure: the engine, server.ts,
 * sends it). Rules, RFC 9110 unless said:
 * - The request target is origin-form ("/a.jpg?x") or absolute-form
 *   ("http://host/a.jpg", what a proxy is sent; RFC 9112 §3.2.2: a server
 *   accepts both); the query does not pick the object.
 * - HTTP/1.1 needs a Host header: 400 without one (RFC 9112 §3.2).
 * - GET and HEAD: 301 with Location for a redirect, 404 for a path the
 *   table lacks, else 200 with the object; HEAD has GET's headers and no body
 *   (§9.3.2). A conditional GET (§13.1) is answered 304 with the validators
 *   and no body: If-None-Match names the ETag (weak comparison) or is "*",
 *   or, only when there is no If-None-Match (§13.1.3), If-Modified-Since is
 *   not before Last-Modified.
 * - POST to an object: 200 saying how many bytes of form data came; PUT
 *   stores the body (201 Created, or 204 No Content when it replaced one,
 *   §9.3.4); DELETE removes it (204, or 404). Another method of RFC 9110
 *   §9 is 405 with Allow; any other 501 (§15.6.2).
 * - Every response has Date (the run's clock from SIM_EPOCH_S), Server,
 *   Content-Length (§8.6; also on a 304? no: a 304 has none, §15.4.5),
 *   and Connection: close when the connection ends after it: an HTTP/1.0
 *   request without "keep-alive", or any request with "close" (RFC 9112
 *   §9.3, §9.6).
 */
import type { SimTime } from '../../sim/time';
import { conditionalOutcome } from './cache-validation';
import { formatHttpDate } from './http-date';
import { headerValue, headerValues, type HeaderField, type HttpRequest, type HttpResponse } from './message';
import { SIM_EPOCH_S, type ObjectTable, type StoredObject } from './objects';
import { DEFAULT_MEDIA_TYPE } from './media-types';

export const SERVER_NAME = 'L7-Lab';
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;
/** RFC 9110 §9's other methods: known, not allowed here (405); anything else is not implemented (501). */
const KNOWN_METHODS = new Set(['OPTIONS', 'TRACE', 'CONNECT', 'PATCH']);

export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  303: 'See Other',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  415: 'Unsupported Media Type',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
};

export interface Answer {
  readonly response: HttpResponse;
  /** The server closes the connection once this is sent. */
  readonly close: boolean;
}

const encoder = new TextEncoder();

/** The run's clock as an HTTP date. */
export function dateAt(now: SimTime): string {
  return formatHttpDate(SIM_EPOCH_S + Math.floor(now / 1e9));
}

/** Connection options of a request, lower-case (RFC 9110 §7.6.1: a comma-separated list). */
function connectionOptions(headers: readonly HeaderField[]): Set<string> {
  return new Set(
    headerValues(headers, 'connection')
      .flatMap((v) => v.split(','))
      .map((o) => o.trim().toLowerCase())
      .filter((o) => o !== ''),
  );
}

/** True when the connection stays open after answering `request` (RFC 9112 §9.3). */
export function keepsAlive(request: HttpRequest): boolean {
  const options = connectionOptions(request.headers);
  if (options.has('close')) return false;
  return request.version === 'HTTP/1.1' || options.has('keep-alive');
}

/** The path a target names: "/a.jpg?x=1" and "http://h:80/a.jpg" give "/a.jpg"; null when it is neither form. */
export function targetPath(target: string): string | null {
  let rest = target;
  const absolute = /^http:\/\/[^/?#]*/i.exec(target);
  if (absolute) rest = target.slice(absolute[0].length) || '/';
  if (!rest.startsWith('/')) return null;
  return rest.split(/[?#]/)[0]!;
}

function text(status: number, body: string): { status: number; body: Uint8Array; headers: HeaderField[] } {
  return { status, body: encoder.encode(body), headers: [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }] };
}

/** Headers that describe the object: its type, validators and freshness. */
function objectHeaders(o: StoredObject): HeaderField[] {
  const headers: HeaderField[] = [];
  if (o.lastModifiedS !== null) headers.push({ name: 'Last-Modified', value: formatHttpDate(o.lastModifiedS) });
  if (o.etag !== null) headers.push({ name: 'ETag', value: `"${o.etag}"` });
  if (o.maxAgeS !== null) headers.push({ name: 'Cache-Control', value: `max-age=${o.maxAgeS}` });
  return headers;
}

/** True when a conditional GET/HEAD may be answered 304 (RFC 9110 §13.1.2, §13.1.3; cache-validation.ts). */
export function notModified(request: HttpRequest, o: StoredObject): boolean {
  const current = { ...(o.etag !== null ? { etag: `"${o.etag}"` } : {}), ...(o.lastModifiedS !== null ? { lastModified: o.lastModifiedS } : {}) };
  return conditionalOutcome(request.headers, current) === 'not-modified';
}

function forObject(request: HttpRequest, path: string, table: ObjectTable): { status: number; body: Uint8Array; headers: HeaderField[] } {
  const method = request.method;
  const o = table.get(path);
  if (method === 'GET' || method === 'HEAD') {
    if (!o) return text(404, `Not Found: ${path}\n`);
    if (o.redirect !== null) return { ...text(301, `Moved to ${o.redirect}\n`), headers: [{ name: 'Location', value: o.redirect }, { name: 'Content-Type', value: 'text/plain; charset=utf-8' }] };
    if (notModified(request, o)) return { status: 304, body: new Uint8Array(0), headers: objectHeaders(o) };
    return { status: 200, body: o.body, headers: [...objectHeaders(o), { name: 'Content-Type', value: o.mediaType }] };
  }
  if (method === 'POST') {
    if (!o) return text(404, `Not Found: ${path}\n`);
    return text(200, `Received ${request.body.length} bytes of form data for ${path}\n`);
  }
  if (method === 'PUT') {
    const replaced = table.put({
      path,
      mediaType: headerValue(request.headers, 'content-type') ?? DEFAULT_MEDIA_TYPE,
      body: request.body.slice(),
      lastModifiedS: null,
      etag: null,
      maxAgeS: null,
      redirect: null,
    });
    return replaced ? { status: 204, body: new Uint8Array(0), headers: [] } : text(201, `Created ${path}\n`);
  }
  if (method === 'DELETE') return table.delete(path) ? { status: 204, body: new Uint8Array(0), headers: [] } : text(404, `Not Found: ${path}\n`);
  const known = KNOWN_METHODS.has(method);
  const answer = text(known ? 405 : 501, `${method} is not ${known ? 'allowed' : 'implemented'} here\n`);
  return known ? { ...answer, headers: [{ name: 'Allow', value: ALLOWED_METHODS.join(', ') }, ...answer.headers] } : answer;
}

/** A response with the headers every response has; `close` adds Connection: close, `keepAlive10` Connection: keep-alive. */
export function respondWith(status: number, body: Uint8Array, own: readonly HeaderField[], now: SimTime, connection: 'close' | 'keep-alive' | null, headOnly = false): HttpResponse {
  const headers: HeaderField[] = [{ name: 'Date', value: dateAt(now) }, { name: 'Server', value: SERVER_NAME }, ...own];
  // no Content-Length on 204 (§8.6) and 304 (§15.4.5); HEAD says GET's length
  if (status !== 204 && status !== 304) headers.push({ name: 'Content-Length', value: String(body.length) });
  if (connection !== null) headers.push({ name: 'Connection', value: connection });
  return { kind: 'response', version: 'HTTP/1.1', status, reason: REASONS[status] ?? '', headers, body: headOnly || status === 204 || status === 304 ? new Uint8Array(0) : body };
}

export function answer(request: HttpRequest, table: ObjectTable, now: SimTime): Answer {
  const alive = keepsAlive(request);
  const connection = alive ? (request.version === 'HTTP/1.0' ? 'keep-alive' : null) : 'close';
  if (request.version === 'HTTP/1.1' && headerValue(request.headers, 'host') === undefined) {
    const bad = text(400, 'Bad Request: HTTP/1.1 needs a Host header\n');
    return { response: respondWith(400, bad.body, bad.headers, now, 'close'), close: true };
  }
  const path = targetPath(request.target);
  if (path === null) {
    const bad = text(400, `Bad Request: the target ${request.target} is neither a path nor an http URL\n`);
    return { response: respondWith(400, bad.body, bad.headers, now, 'close'), close: true };
  }
  const result = forObject(request, path, table);
  return { response: respondWith(result.status, result.body, result.headers, now, connection, request.method === 'HEAD'), close: !alive };
}

/** The response with a Set-Cookie field (RFC 6265 §4.1), placed before its Content-Length. */
export function withSetCookie(response: HttpResponse, value: string): HttpResponse {
  const at = response.headers.findIndex((h) => h.name.toLowerCase() === 'content-length');
  const headers = [...response.headers];
  headers.splice(at < 0 ? headers.length : at, 0, { name: 'Set-Cookie', value });
  return { ...response, headers };
}

/** The answer to bytes that are not a request (RFC 9112 §2.2, §3: 400; an unsupported version 505, RFC 9110 §15.6.6); the server closes after it. */
export function answerMalformed(reason: string, unsupportedVersion: boolean, now: SimTime): HttpResponse {
  const status = unsupportedVersion ? 505 : 400;
  const body = text(status, `${REASONS[status]}: ${reason}\n`);
  return respondWith(status, body.body, body.headers, now, 'close');
}
