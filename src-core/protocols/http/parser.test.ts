import { describe, expect, it } from 'vitest';
import { bytes, parseInPieces } from './arbitraries.test-helper';
import { encodeRequest } from './encode';
import type { HttpRequest, HttpResponse } from './message';
import type { ByteRange, ParsedMessage, ParseEvent } from './parse-result';
import { HttpParser } from './parser';
import { latin1 } from './syntax';

const decoder = new TextDecoder();

function messages(events: readonly ParseEvent[]): ParsedMessage[] {
  for (const e of events) if (!e.ok) throw new Error(`unexpected error ${e.error.code}: ${e.error.message}`);
  return events as ParsedMessage[];
}

function parseRequests(text: string): ParsedMessage[] {
  return messages(parseInPieces('request', bytes(text), []));
}

function parseResponses(text: string, methods: readonly string[]): ParsedMessage[] {
  return messages(parseInPieces('response', bytes(text), [], methods));
}

/** The text of a part: stream bytes [start + r.start, start + r.end). */
const slice = (stream: string, m: ParsedMessage, r: ByteRange) => stream.slice(m.start + r.start, m.start + r.end);

describe('the HTTP/1.x parser', () => {
  it('reads a request with a Content-Length body, with the range of every part', () => {
    const wire = 'POST /form HTTP/1.1\r\nHost: example.com\r\nContent-Length:  5 \r\n\r\nhello';
    const [m] = parseRequests(wire);
    expect(m!.message).toEqual({ kind: 'request', method: 'POST', target: '/form', version: 'HTTP/1.1', headers: [{ name: 'Host', value: 'example.com' }, { name: 'Content-Length', value: '5' }], body: bytes('hello') });
    expect([m!.start, m!.end]).toEqual([0, wire.length]);
    const p = m!.parts;
    if (p.startLine.kind !== 'request') throw new Error('a request line');
    expect([p.startLine.line, p.startLine.method, p.startLine.target, p.startLine.version].map((r) => slice(wire, m!, r))).toEqual(['POST /form HTTP/1.1\r\n', 'POST', '/form', 'HTTP/1.1']);
    expect(p.headers.map((h) => [slice(wire, m!, h.line), slice(wire, m!, h.name), slice(wire, m!, h.value)])).toEqual([
      ['Host: example.com\r\n', 'Host', 'example.com'],
      ['Content-Length:  5 \r\n', 'Content-Length', '5'],
    ]);
    expect(slice(wire, m!, p.headerEnd)).toBe('\r\n');
    expect(p.framing).toBe('content-length');
    expect(slice(wire, m!, p.body)).toBe('hello');
  });

  it('reads pipelined requests back to back, each part counted from its own message', () => {
    const first = 'GET /a HTTP/1.1\r\nHost: h\r\n\r\n';
    const second = 'PUT /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi';
    const wire = first + second + 'GET /c HTTP/1.0\r\n\r\n';
    const ms = parseRequests(wire);
    expect(ms.map((m) => [m.start, m.end])).toEqual([
      [0, first.length],
      [first.length, first.length + second.length],
      [first.length + second.length, wire.length],
    ]);
    expect(ms[1]!.parts.startLine.line).toEqual({ start: 0, end: 'PUT /b HTTP/1.1\r\n'.length });
    expect(slice(wire, ms[1]!, ms[1]!.parts.body)).toBe('hi');
    expect(ms.map((m) => m.parts.framing)).toEqual(['none', 'content-length', 'none']);
  });

  it('ignores empty lines before a request line (RFC 9112 §2.2); they belong to no message', () => {
    const [m] = parseRequests('\r\n\r\nGET / HTTP/1.1\r\n\r\n');
    expect([m!.start, m!.end]).toEqual([4, 22]);
  });

  it('gives the same events one byte at a time as all at once', () => {
    const wire = bytes('POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const whole = parseInPieces('request', wire, []);
    expect(whole.map((e) => e.ok)).toEqual([true, true]);
    expect(parseInPieces('request', wire, Array.from({ length: wire.length }, (_, i) => i))).toEqual(whole);
  });

  it('removes the chunked coding, skipping extensions, and keeps the trailers apart from the headers (RFC 9112 §7.1)', () => {
    const wire = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value;q="a \\"b\\""\r\nhello\r\n00A\r\n, chunked!\r\n000\r\nExpires: 0\r\nX-Sum:  ok \r\n\r\n';
    const [m] = parseResponses(wire, ['GET']);
    expect(decoder.decode(m!.message.body)).toBe('hello, chunked!');
    expect(m!.message.headers).toEqual([{ name: 'Transfer-Encoding', value: 'chunked' }]);
    const p = m!.parts;
    expect(p.framing).toBe('chunked');
    expect(p.chunks.map((c) => [c.size, slice(wire, m!, c.sizeDigits), slice(wire, m!, c.extensions), slice(wire, m!, c.data)])).toEqual([
      [5, '5', ';name=value;q="a \\"b\\""', 'hello'],
      [10, '00A', '', ', chunked!'],
      [0, '000', '', ''],
    ]);
    expect(slice(wire, m!, p.chunks[0]!.sizeLine)).toBe('5;name=value;q="a \\"b\\""\r\n');
    expect(p.trailers.map((t) => [slice(wire, m!, t.name), slice(wire, m!, t.value)])).toEqual([
      ['Expires', '0'],
      ['X-Sum', 'ok'],
    ]);
    expect(slice(wire, m!, p.body)).toBe(wire.slice(wire.indexOf('\r\n\r\n') + 4));
  });

  it('lets Transfer-Encoding override Content-Length (RFC 9112 §6.1)', () => {
    const [m] = parseRequests('POST / HTTP/1.1\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n');
    expect(decoder.decode(m!.message.body)).toBe('ok');
  });

  it('takes repeated Content-Length values that agree as one (RFC 9110 §8.6)', () => {
    const [m] = parseRequests('POST / HTTP/1.1\r\nContent-Length: 2, 2\r\ncontent-length: 02\r\n\r\nok');
    expect(decoder.decode(m!.message.body)).toBe('ok');
  });

  it('finds no body in a request without Content-Length or Transfer-Encoding (RFC 9112 §6.3 rule 6)', () => {
    const ms = parseRequests('DELETE /x HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n');
    expect(ms.map((m) => [m.message.body.length, m.parts.framing])).toEqual([
      [0, 'none'],
      [0, 'none'],
    ]);
  });

  describe('responses, framed by the request they answer (RFC 9112 §6.3)', () => {
    it('a response to HEAD has no body, whatever its Content-Length says', () => {
      const wire = 'HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi';
      const ms = parseResponses(wire, ['HEAD', 'GET']);
      expect(ms.map((m) => [m.message.body.length, m.parts.framing])).toEqual([
        [0, 'none'],
        [2, 'content-length'],
      ]);
    });

    it('204 and 304 responses end at the empty line', () => {
      const wire = 'HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\nHTTP/1.1 304 Not Modified\r\nETag: "x"\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n!';
      expect(parseResponses(wire, ['GET', 'GET', 'GET']).map((m) => (m.message.kind === 'response' ? `${m.message.status}:${m.message.body.length}` : ''))).toEqual(['204:0', '304:0', '200:1']);
    });

    it('an interim 1xx response comes before the final one to the same request (RFC 9110 §15.2)', () => {
      const p = new HttpParser('response');
      p.expectResponseTo('POST');
      const interim = messages(p.push(bytes('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n')));
      expect(interim.map((m) => (m.message as HttpResponse).status)).toEqual([100, 103]);
      expect(p.outstanding).toBe(1);
      const [final] = messages(p.push(bytes('HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n')));
      expect((final!.message as HttpResponse).status).toBe(201);
      expect(p.outstanding).toBe(0);
    });

    it('a response without Content-Length or Transfer-Encoding runs until the server closes', () => {
      const p = new HttpParser('response');
      p.expectResponseTo('GET');
      expect(p.push(bytes('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nline one\n'))).toEqual([]);
      expect(p.push(bytes('line two\n'))).toEqual([]);
      const [m] = messages(p.end());
      expect(decoder.decode(m!.message.body)).toBe('line one\nline two\n');
      expect([m!.parts.framing, m!.end]).toEqual(['close', 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nline one\nline two\n'.length]);
    });

    it('after 101 (Switching Protocols) or a 2xx to CONNECT the bytes are not HTTP', () => {
      for (const [method, head] of [
        ['GET', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n'],
        ['CONNECT', 'HTTP/1.1 200 Connection established\r\n\r\n'],
      ] as const) {
        const events = parseInPieces('response', bytes(`${head}\x81\x05hello`), [], [method]);
        expect(events[0]).toMatchObject({ ok: true, end: head.length, parts: { framing: 'none' } });
        expect(events[1]).toMatchObject({ ok: false, error: { code: 'switched-protocols', offset: head.length } });
      }
    });

    it('unfolds an obs-fold line into one SP (RFC 9112 §5.2: a user agent MUST)', () => {
      const wire = 'HTTP/1.1 200 OK\r\nX-Long: first\r\n\t  second  \r\nContent-Length: 0\r\n\r\n';
      const [m] = parseResponses(wire, ['GET']);
      expect(m!.message.headers[0]).toEqual({ name: 'X-Long', value: 'first second' });
      expect(slice(wire, m!, m!.parts.headers[0]!.line)).toBe('X-Long: first\r\n\t  second  \r\n');
      expect(slice(wire, m!, m!.parts.headers[0]!.value)).toBe('first\r\n\t  second');
    });

    it('takes a status line without the space after the status code, with an empty reason', () => {
      const [m] = parseResponses('HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n', ['GET']);
      expect(m!.message).toMatchObject({ status: 200, reason: '' });
      expect(m!.parts.startLine).toMatchObject({ reason: { start: 12, end: 12 } });
    });

    it('keeps bytes 0x80–0xFF of a value or reason as characters of the same code', () => {
      const [m] = parseResponses('HTTP/1.1 200 \xe7a va\r\nX-City: K\xf6ln\r\nContent-Length: 0\r\n\r\n', ['GET']);
      expect(m!.message).toMatchObject({ reason: '\u00e7a va', headers: [{ name: 'X-City', value: 'K\u00f6ln' }, { name: 'Content-Length', value: '0' }] });
    });

    it('counts the requests whose responses are still to come', () => {
      const p = new HttpParser('response');
      p.expectResponseTo('GET');
      p.expectResponseTo('HEAD');
      expect(p.outstanding).toBe(2);
      p.push(bytes('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'));
      expect(p.outstanding).toBe(1);
    });

    it('refuses to be told of a request when it parses requests', () => {
      expect(() => new HttpParser('request').expectResponseTo('GET')).toThrow();
    });
  });

  it('accepts a line as long as the limit', () => {
    const line = `GET /${'a'.repeat(30 - 'GET / HTTP/1.1'.length)} HTTP/1.1`;
    expect(line.length).toBe(30);
    expect(messages(parseInPieces('request', bytes(`${line}\r\n\r\n`), [])).length).toBe(1);
    const p = new HttpParser('request', { maxLineBytes: 30 });
    expect(p.push(bytes(`${line}\r\n\r\n`))).toMatchObject([{ ok: true }]);
  });

  it('shows what it read of a message cut short or malformed (partial)', () => {
    const p = new HttpParser('request');
    expect(p.partial()).toBeNull();
    const head = 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n';
    p.push(bytes(`${head}\r\nabc`));
    expect(p.partial()).toMatchObject({ start: 0, headers: [{ name: 'Host' }, { name: 'Content-Length' }], parts: { framing: 'content-length', headerEnd: { start: head.length, end: head.length + 2 } } });
    expect(p.end()).toMatchObject([{ ok: false, error: { code: 'incomplete', offset: head.length + 5 } }]);
    expect(p.partial()?.parts.headers).toHaveLength(2);
    expect(p.stopped).toBe(true);
  });

  it('reads what the encoder writes', () => {
    const r: HttpRequest = { kind: 'request', method: 'GET', target: '/', version: 'HTTP/1.1', headers: [{ name: 'Host', value: 'x' }], body: new Uint8Array(0) };
    const [m] = messages(parseInPieces('request', encodeRequest(r), []));
    expect(m!.message).toEqual(r);
    expect(latin1(encodeRequest(r))).toBe('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  });
});
