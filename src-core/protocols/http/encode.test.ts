import { describe, expect, it } from 'vitest';
import { bytes } from './arbitraries.test-helper';
import { encodeRequest, encodeResponse, HttpEncodeError, type HttpEncodeErrorCode } from './encode';
import type { HttpRequest, HttpResponse } from './message';
import { latin1 } from './syntax';

const text = (b: Uint8Array) => latin1(b);
const get: HttpRequest = { kind: 'request', method: 'GET', target: '/index.html', version: 'HTTP/1.1', headers: [{ name: 'Host', value: 'www.example.com' }, { name: 'Accept', value: '*/*' }], body: new Uint8Array(0) };
const ok: HttpResponse = { kind: 'response', version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [{ name: 'Content-Length', value: '5' }], body: bytes('hello') };

function refusal(f: () => unknown): HttpEncodeErrorCode | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof HttpEncodeError) return e.code;
    throw e;
  }
}

describe('the HTTP/1.x encoder', () => {
  it('writes a request line, each header as written, the empty line and no body', () => {
    expect(text(encodeRequest(get))).toBe('GET /index.html HTTP/1.1\r\nHost: www.example.com\r\nAccept: */*\r\n\r\n');
  });

  it('writes a status line and the body after the empty line, framed by the caller’s Content-Length', () => {
    expect(text(encodeResponse(ok))).toBe('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
  });

  it('keeps the order and the spelling of field names, repeated ones too', () => {
    const headers = [{ name: 'set-COOKIE', value: 'a=1' }, { name: 'X-Empty', value: '' }, { name: 'Set-Cookie', value: 'b=2' }];
    expect(text(encodeResponse({ ...ok, headers, body: new Uint8Array(0) }))).toBe('HTTP/1.1 200 OK\r\nset-COOKIE: a=1\r\nX-Empty: \r\nSet-Cookie: b=2\r\n\r\n');
  });

  it('writes the space after the status code even when the reason phrase is empty (RFC 9112 §4)', () => {
    expect(text(encodeResponse({ ...ok, status: 404, reason: '', headers: [], body: new Uint8Array(0) }))).toBe('HTTP/1.1 404 \r\n\r\n');
  });

  it('writes field values and reasons byte for byte, characters 0x80–0xFF as one byte each', () => {
    const b = encodeResponse({ ...ok, reason: 'Gr\u00fc\u00dfe', headers: [{ name: 'X-Name', value: 'K\u00f6ln' }], body: new Uint8Array(0) });
    expect([...b.subarray(13, 18)]).toEqual([0x47, 0x72, 0xfc, 0xdf, 0x65]);
    expect(text(b)).toBe('HTTP/1.1 200 Gr\u00fc\u00dfe\r\nX-Name: K\u00f6ln\r\n\r\n');
  });

  it('writes a chunked body as hex sizes, data and CRLFs, then the last chunk and the trailers (RFC 9112 §7.1)', () => {
    const body = bytes('Hello, chunked world!!!'); // 23 bytes: 16 + 7
    const r = { ...ok, headers: [{ name: 'Transfer-Encoding', value: 'chunked' }], body };
    expect(text(encodeResponse(r, { chunks: [16, 7] }))).toBe('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nHello, chunked w\r\n7\r\norld!!!\r\n0\r\n\r\n');
    expect(text(encodeResponse({ ...r, body: new Uint8Array(0) }, { chunks: [], trailers: [{ name: 'Expires', value: '0' }] }))).toBe('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nExpires: 0\r\n\r\n');
  });

  it('writes a chunked request body the same way', () => {
    const post: HttpRequest = { ...get, method: 'POST', headers: [{ name: 'Transfer-Encoding', value: 'gzip, chunked' }], body: bytes('abc') };
    expect(text(encodeRequest(post, { chunks: [1, 2] }))).toBe('POST /index.html HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1\r\na\r\n2\r\nbc\r\n0\r\n\r\n');
  });

  it('adds no header of its own: chunks without Transfer-Encoding: chunked are refused', () => {
    expect(refusal(() => encodeResponse(ok, { chunks: [5] }))).toBe('bad-chunks');
    expect(refusal(() => encodeResponse({ ...ok, headers: [{ name: 'Transfer-Encoding', value: 'chunked, gzip' }] }, { chunks: [5] }))).toBe('bad-chunks');
  });

  it('refuses chunk sizes that do not add up to the body, or a chunk of zero bytes', () => {
    const r = { ...ok, headers: [{ name: 'Transfer-Encoding', value: 'chunked' }] };
    expect(refusal(() => encodeResponse(r, { chunks: [2, 2] }))).toBe('bad-chunks');
    expect(refusal(() => encodeResponse(r, { chunks: [5, 0] }))).toBe('bad-chunks');
    expect(refusal(() => encodeResponse(r, { chunks: [2.5, 2.5] }))).toBe('bad-chunks');
    expect(refusal(() => encodeResponse(ok, { trailers: [{ name: 'A', value: 'b' }] }))).toBe('bad-chunks');
  });

  it('refuses what the grammar forbids instead of writing it', () => {
    const cases: [() => unknown, HttpEncodeErrorCode][] = [
      [() => encodeRequest({ ...get, method: 'GE T' }), 'bad-method'],
      [() => encodeRequest({ ...get, method: '' }), 'bad-method'],
      [() => encodeRequest({ ...get, target: '/a b' }), 'bad-target'],
      [() => encodeRequest({ ...get, target: '' }), 'bad-target'],
      [() => encodeRequest({ ...get, target: '/caf\u00e9' }), 'bad-target'],
      [() => encodeRequest({ ...get, version: 'HTTP/2.0' as never }), 'bad-version'],
      [() => encodeResponse({ ...ok, status: 99 }), 'bad-status'],
      [() => encodeResponse({ ...ok, status: 600 }), 'bad-status'],
      [() => encodeResponse({ ...ok, reason: 'OK\r\nX: 1' }), 'bad-reason'],
      [() => encodeResponse({ ...ok, headers: [{ name: 'Bad Name', value: 'x' }] }), 'bad-header-name'],
      [() => encodeResponse({ ...ok, headers: [{ name: 'Host:', value: 'x' }] }), 'bad-header-name'],
      [() => encodeResponse({ ...ok, headers: [{ name: 'X', value: 'a\r\nInjected: 1' }] }), 'bad-header-value'],
      [() => encodeResponse({ ...ok, headers: [{ name: 'X', value: 'nul\u0000' }] }), 'bad-header-value'],
      [() => encodeResponse({ ...ok, headers: [{ name: 'X', value: ' padded' }] }), 'bad-header-value'],
      [() => encodeResponse({ ...ok, headers: [{ name: 'X', value: 'snow \u2603' }] }), 'bad-header-value'],
      [() => encodeResponse({ ...ok, headers: [{ name: 'Transfer-Encoding', value: 'chunked' }] }, { chunks: [5], trailers: [{ name: 'T', value: '\n' }] }), 'bad-header-value'],
    ];
    for (const [f, code] of cases) expect(refusal(f)).toBe(code);
  });
});
