import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { bytes, encodeCase, requestCaseArb, responseCaseArb } from './arbitraries.test-helper';
import { dissectHttp, MAX_SHOWN_CHUNKS, MAX_SHOWN_LINES } from './dissect';
import { encodeRequest, encodeResponse } from './encode';
import { headerFieldName } from './fields';
import type { HttpRequest, HttpResponse } from './message';
import { latin1 } from './syntax';

function message(b: Uint8Array): MessageEvent {
  return {
    kind: 'message', id: 0, layer: 'application', protocol: 'http', from: 'a', to: 'b',
    src: { addr: '10.0.0.1', port: 49152 }, dst: { addr: '10.0.0.2', port: 80 },
    sentAt: 0, receivedAt: null, summary: 'GET /', bytes: b, connection: 'tcp:10.0.0.1:49152-10.0.0.2:80',
    causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
  };
}

function all(nodes: readonly FieldNode[]): FieldNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

const find = (nodes: readonly FieldNode[], filter: string) => all(nodes).filter((n) => n.filter === filter);
const one = (nodes: readonly FieldNode[], filter: string) => {
  const found = find(nodes, filter);
  expect(found, filter).toHaveLength(1);
  return found[0]!;
};
const covered = (b: Uint8Array, n: FieldNode) => latin1(b, n.offset, n.offset + n.length);

/** Every node inside the message's bytes: what the inspector's hex view needs. */
function inBounds(nodes: readonly FieldNode[], length: number): boolean {
  return all(nodes).every((n) => Number.isInteger(n.offset) && Number.isInteger(n.length) && n.offset >= 0 && n.length >= 0 && n.offset + n.length <= length && n.value !== 'undefined' && n.value !== 'NaN');
}

const get: HttpRequest = {
  kind: 'request', method: 'GET', target: '/index.html', version: 'HTTP/1.1',
  headers: [{ name: 'Host', value: 'www.example.com' }, { name: 'User-Agent', value: 'L7Lab/1.0' }, { name: 'X-Custom', value: 'yes' }, { name: 'If-None-Match', value: '"v1"' }],
  body: new Uint8Array(0),
};

describe('the HTTP dissector', () => {
  it('shows the request line with its fields and each header with its filter, over the encoder’s bytes', () => {
    const b = encodeRequest(get);
    const tree = dissectHttp(message(b));
    expect(tree[0]).toMatchObject({ name: 'Hypertext Transfer Protocol', filter: 'http', value: 'GET /', offset: 0, length: b.length });
    expect(covered(b, one(tree, 'http.request'))).toBe('GET /index.html HTTP/1.1\r\n');
    expect(one(tree, 'http.request').value).toBe('GET /index.html HTTP/1.1\\r\\n');
    expect([one(tree, 'http.request.method'), one(tree, 'http.request.uri'), one(tree, 'http.request.version')].map((n) => [n.value, covered(b, n)])).toEqual([
      ['GET', 'GET'],
      ['/index.html', '/index.html'],
      ['HTTP/1.1', 'HTTP/1.1'],
    ]);
    expect(one(tree, 'http.host')).toMatchObject({ name: 'Host', value: 'www.example.com' });
    expect(covered(b, one(tree, 'http.host'))).toBe('Host: www.example.com\r\n');
    expect(covered(b, one(tree, 'http.user_agent'))).toBe('User-Agent: L7Lab/1.0\r\n');
    expect(one(tree, 'http.unknown_header')).toMatchObject({ name: 'X-Custom', value: 'yes' });
    expect(one(tree, 'http.if_none_match').value).toBe('"v1"');
    expect(find(tree, 'http.header.name').map((n) => covered(b, n))).toEqual(['Host', 'User-Agent', 'X-Custom', 'If-None-Match']);
    expect(covered(b, one(tree, 'http.end_of_headers'))).toBe('\r\n');
    expect(find(tree, 'http.file_data')).toEqual([]);
    expect(all(tree).some((n) => n.severity)).toBe(false);
  });

  it('shows a status line and a text body line by line', () => {
    const html = '<html>\n<body>hi</body>\n</html>';
    const r: HttpResponse = { kind: 'response', version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, { name: 'Content-Length', value: String(html.length) }], body: bytes(html) };
    const b = encodeResponse(r);
    const tree = dissectHttp(message(b));
    expect([one(tree, 'http.response.version'), one(tree, 'http.response.code'), one(tree, 'http.response.phrase')].map((n) => n.value)).toEqual(['HTTP/1.1', '200', 'OK']);
    expect(one(tree, 'http.content_type').value).toBe('text/html; charset=utf-8');
    expect(one(tree, 'http.content_length').value).toBe(String(html.length));
    const text = one(tree, 'data-text-lines');
    expect(text.value).toBe('text/html (3 lines)');
    expect(covered(b, text)).toBe(html);
    expect(text.children.map((l) => l.value)).toEqual(['<html>\\n', '<body>hi</body>\\n', '</html>']);
  });

  it('shows a body that is not text as file data of N bytes', () => {
    const r: HttpResponse = { kind: 'response', version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [{ name: 'Content-Type', value: 'image/png' }, { name: 'Content-Length', value: '4' }], body: Uint8Array.of(0x89, 0x50, 0x4e, 0x47) };
    const b = encodeResponse(r);
    expect(one(dissectHttp(message(b)), 'http.file_data')).toMatchObject({ value: '4 bytes (image/png)', offset: b.length - 4, length: 4 });
  });

  it('lists the chunks of a chunked body with their sizes, data and boundaries, the last chunk and the trailers', () => {
    const r: HttpResponse = { kind: 'response', version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [{ name: 'Transfer-Encoding', value: 'chunked' }], body: bytes('hello, world') };
    const b = encodeResponse(r, { chunks: [5, 7], trailers: [{ name: 'Expires', value: '0' }] });
    const tree = dissectHttp(message(b));
    expect(one(tree, 'http.chunked').value).toBe('2 chunks, 12 bytes');
    expect(find(tree, 'http.chunk').map((n) => covered(b, n))).toEqual(['5\r\nhello\r\n', '7\r\n, world\r\n']);
    expect(find(tree, 'http.chunk_size').map((n) => [n.value, covered(b, n)])).toEqual([
      ['5 octets', '5'],
      ['7 octets', '7'],
      ['0 octets', '0'],
    ]);
    expect(find(tree, 'http.chunk_data').map((n) => covered(b, n))).toEqual(['hello', ', world']);
    expect(find(tree, 'http.chunk_boundary').map((n) => covered(b, n))).toEqual(['\r\n', '\r\n']);
    expect(covered(b, one(tree, 'http.chunk.last'))).toBe('0\r\n');
    expect(covered(b, one(tree, 'http.chunked_trailer_part'))).toBe('Expires: 0\r\n');
    expect(one(tree, 'http.file_data').value).toBe('12 bytes, the chunked coding removed');
  });

  it('lists at most MAX_SHOWN_CHUNKS chunks and MAX_SHOWN_LINES lines, counting the rest', () => {
    const n = MAX_SHOWN_CHUNKS + 5;
    const chunked: HttpResponse = { kind: 'response', version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [{ name: 'Transfer-Encoding', value: 'chunked' }], body: new Uint8Array(n) };
    const chunks = find(dissectHttp(message(encodeResponse(chunked, { chunks: Array<number>(n).fill(1) }))), 'http.chunk');
    expect(chunks).toHaveLength(MAX_SHOWN_CHUNKS + 1);
    expect(chunks.at(-1)!.value).toBe('… 5 more chunks');
    const text = 'x\n'.repeat(MAX_SHOWN_LINES + 3);
    const plain: HttpResponse = { kind: 'response', version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [{ name: 'Content-Type', value: 'text/plain' }, { name: 'Content-Length', value: String(text.length) }], body: bytes(text) };
    const lines = one(dissectHttp(message(encodeResponse(plain))), 'data-text-lines').children;
    expect(lines).toHaveLength(MAX_SHOWN_LINES + 1);
    expect(lines.at(-1)!.value).toBe('… 3 more lines');
  });

  it('reads a Content-Length without a body as a response to HEAD, and says so', () => {
    const b = bytes('HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n');
    const tree = dissectHttp(message(b));
    expect(one(tree, 'http.body').value).toMatch(/HEAD/);
    expect(all(tree).some((n) => n.severity)).toBe(false);
  });

  it('warns of Transfer-Encoding beside Content-Length, and of bytes after the message', () => {
    const b = bytes('POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nxyz');
    const warnings = all(dissectHttp(message(b))).filter((n) => n.severity === 'warning');
    expect(warnings.map((w) => w.filter)).toEqual(['http.warning', 'http.excess_data']);
    expect(covered(b, warnings[0]!)).toBe('Content-Length: 3\r\n');
    expect(covered(b, warnings[1]!)).toBe('xyz');
  });

  it('shows what was read before a malformed line and a problem node over that line', () => {
    const b = bytes('GET / HTTP/1.1\r\nHost: a\r\nBad Header: 1\r\nMore: 2\r\n\r\n');
    const tree = dissectHttp(message(b));
    expect(one(tree, 'http.request.method').value).toBe('GET');
    expect(one(tree, 'http.host').value).toBe('a');
    const p = one(tree, '_ws.malformed');
    expect(p).toMatchObject({ severity: 'error', offset: b.indexOf(0x20, 25) });
    expect(p.value).toMatch(/\(bad-header\)$/);
    expect(covered(b, p)).toBe(' Header: 1\r\n');
  });

  it('shows a body cut short, and where the bytes ended', () => {
    const b = bytes('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc');
    const tree = dissectHttp(message(b));
    expect(one(tree, 'http.body')).toMatchObject({ value: '3 bytes (cut short)', offset: b.length - 3, length: 3 });
    expect(one(tree, '_ws.malformed')).toMatchObject({ offset: b.length, length: 0 });
    const chunked = bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel');
    expect(covered(chunked, one(dissectHttp(message(chunked)), 'http.chunk_data'))).toBe('hel');
  });

  it('puts each header of generated messages over its encoded line, with its value and filter', () => {
    fc.assert(
      fc.property(fc.oneof(requestCaseArb(), responseCaseArb()), (c) => {
        const b = encodeCase(c);
        const tree = dissectHttp(message(b));
        expect(all(tree).filter((n) => n.severity === 'error')).toEqual([]);
        const root = tree[0]!;
        const headers = root.children.filter((n) => n.children.some((k) => k.filter === 'http.header.name'));
        expect(headers.map((h) => [h.filter, h.value, covered(b, h)])).toEqual(c.message.headers.map((h) => [headerFieldName(h.name).filter, h.value, `${h.name}: ${h.value}\r\n`]));
        expect(inBounds(tree, b.length)).toBe(true);
      }),
      { numRuns: 150, seed: 0xd155 },
    );
  });

  it('never throws, and keeps every node inside the bytes, for random and mutated bytes', () => {
    const mutated = fc.tuple(fc.oneof(requestCaseArb(), responseCaseArb()), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat()).map(([c, edits, cut]) => {
      const b = encodeCase(c).slice();
      for (const [at, v] of edits) if (b.length) b[at % b.length] = v;
      return b.subarray(0, b.length ? cut % (b.length + 1) : 0);
    });
    const prefixed = fc.tuple(fc.constantFrom('HTTP/', 'GET / HTTP/1.1\r\n', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'), fc.uint8Array({ maxLength: 80 })).map(([p, r]) => new Uint8Array([...bytes(p), ...r]));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 120 }), mutated, prefixed), (b) => {
        expect(inBounds(dissectHttp(message(b)), b.length)).toBe(true);
      }),
      { numRuns: 1000, seed: 0xd156 },
    );
  });
});
