/**
 * Seeds of the HTTP/1.x fuzz targets (http.ts): streams of one direction
 * of a connection, made with our encoder, plus a few hand-written ones for
 * what the encoder never writes (chunk extensions, an obs-fold, a leading
 * empty line, a status line without a reason), and a dictionary of the
 * grammar's tokens.
 */
import { encodeRequest, encodeResponse } from '../../../src-core/protocols/http/encode';
import type { HeaderField, HttpRequest, HttpResponse } from '../../../src-core/protocols/http/message';
import { concat } from './target';

const text = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const h = (name: string, value: string): HeaderField => ({ name, value });
const html = text('<html>\n<head><title>L7 Lab</title></head>\n<body><img src="a.png"></body>\n</html>\n');

const request = (method: string, target: string, headers: HeaderField[], body = new Uint8Array(0), version: HttpRequest['version'] = 'HTTP/1.1'): HttpRequest => ({ kind: 'request', method, target, version, headers, body });
const response = (status: number, reason: string, headers: HeaderField[], body = new Uint8Array(0), version: HttpResponse['version'] = 'HTTP/1.1'): HttpResponse => ({ kind: 'response', version, status, reason, headers, body });

export function httpRequestSeeds(): Uint8Array[] {
  const get = encodeRequest(request('GET', '/index.html', [h('Host', 'www.example.com'), h('User-Agent', 'L7Lab/1.0'), h('Accept', 'text/html'), h('Connection', 'keep-alive')]));
  const conditional = encodeRequest(request('GET', '/a.png', [h('Host', 'www.example.com'), h('If-Modified-Since', 'Wed, 09 Sep 2026 10:00:00 GMT'), h('If-None-Match', '"v1"'), h('Cookie', 'id=42')]));
  const post = encodeRequest(request('POST', '/form', [h('Host', 'a'), h('Content-Type', 'application/x-www-form-urlencoded'), h('Content-Length', '7')], text('a=1&b=2')));
  const chunked = encodeRequest(request('PUT', '/upload', [h('Host', 'a'), h('Transfer-Encoding', 'chunked')], text('hello, chunked world')), { chunks: [5, 10, 5], trailers: [h('X-Checksum', 'abc')] });
  return [
    get,
    conditional,
    post,
    chunked,
    encodeRequest(request('HEAD', '/', [h('Host', 'a')], new Uint8Array(0), 'HTTP/1.0')),
    encodeRequest(request('OPTIONS', '*', [])),
    encodeRequest(request('GET', 'http://example.com/proxy?q=1', [h('Host', 'example.com')])),
    concat([get, post, chunked, conditional]),
    text('\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n'),
    text('POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;name=value;q="a \\"b\\""\r\nWiki\r\n0;last\r\nExpires: 0\r\n\r\n'),
    text('POST / HTTP/1.1\r\nContent-Length: 3, 3\r\n\r\nabc'),
  ];
}

export function httpResponseSeeds(): Uint8Array[] {
  const ok = encodeResponse(response(200, 'OK', [h('Date', 'Wed, 09 Sep 2026 10:00:00 GMT'), h('Content-Type', 'text/html'), h('Content-Length', String(html.length)), h('Last-Modified', 'Tue, 08 Sep 2026 10:00:00 GMT'), h('ETag', '"v1"')], html));
  const chunked = encodeResponse(response(200, 'OK', [h('Transfer-Encoding', 'chunked'), h('Set-Cookie', 'id=42; Max-Age=3600')], html), { chunks: [16, 16, html.length - 32], trailers: [h('Expires', '0')] });
  const notModified = encodeResponse(response(304, 'Not Modified', [h('ETag', '"v1"'), h('Cache-Control', 'max-age=60')]));
  const notFound = encodeResponse(response(404, 'Not Found', [h('Content-Length', '9'), h('Content-Type', 'text/plain')], text('not found')));
  const head = encodeResponse(response(200, 'OK', [h('Content-Length', '5000')]));
  return [
    ok,
    chunked,
    notModified,
    notFound,
    head,
    encodeResponse(response(301, 'Moved Permanently', [h('Location', 'http://www.example.com/'), h('Content-Length', '0')])),
    encodeResponse(response(204, 'No Content', [])),
    concat([encodeResponse(response(100, 'Continue', [])), encodeResponse(response(201, 'Created', [h('Content-Length', '0')]))]),
    encodeResponse(response(200, 'OK', [h('Content-Type', 'text/plain')], text('until the server closes\n'), 'HTTP/1.0')),
    encodeResponse(response(101, 'Switching Protocols', [h('Upgrade', 'websocket'), h('Connection', 'Upgrade')])),
    concat([ok, notModified, chunked, notFound]),
    text('HTTP/1.1 200\r\nX-Folded: one\r\n\t two\r\nContent-Length: 2\r\n\r\nok'),
  ];
}

export const httpDictionary = (): Uint8Array[] =>
  [
    '\r\n', '\r\n\r\n', '\n', '\r', ': ', ':', ' ', '\t', ', ', ';', '=', '"', '\\', '\x00', '\x7f', '\xff',
    'HTTP/1.1', 'HTTP/1.0', 'HTTP/', 'GET ', 'HEAD ', 'POST ', 'CONNECT ', ' 200 OK', ' 100 Continue', ' 101 ', ' 204 ', ' 304 ',
    'Content-Length: ', 'Content-Length: 0', 'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip', 'chunked', 'Host: ', 'Connection: close',
    '0\r\n\r\n', 'ffffffff', '000', ';ext="v"', '\r\n ',
  ].map(text);
