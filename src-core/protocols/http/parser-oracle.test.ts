// Node's own HTTP parser (llhttp) as the oracle for our codec: what we
// encode, Node reads the same (method, target, version, every header as
// written, body, trailers), over real loopback sockets; and what we parse
// from those bytes is what Node read. Generated cases, a fixed seed.
//
// Only methods and header names Node's parser takes as plain data are
// generated: llhttp knows a fixed list of methods, and acts on Connection,
// Upgrade, Expect and the framing fields (added here by the generator).
import fc from 'fast-check';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, encodeCase, parseInPieces, requestCaseArb, responseCaseArb } from './arbitraries.test-helper';
import type { HeaderField, HttpMessage } from './message';
import type { ParsedMessage } from './parse-result';

const RUNS = { numRuns: 80, seed: 0x7a11 };

interface Seen {
  readonly version: string;
  readonly head: { method?: string; url?: string; status?: number; reason?: string };
  readonly headers: string[];
  readonly trailers: string[];
  readonly body: Uint8Array;
}

const flat = (fields: readonly HeaderField[]) => fields.flatMap((h) => [h.name, h.value]);

async function readAll(stream: http.IncomingMessage): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

function seen(kind: 'request' | 'response', m: http.IncomingMessage, body: Uint8Array): Seen {
  return {
    version: `HTTP/${m.httpVersion}`,
    head: kind === 'request' ? { method: m.method!, url: m.url! } : { status: m.statusCode!, reason: m.statusMessage! },
    headers: m.rawHeaders,
    trailers: m.rawTrailers,
    body,
  };
}

function expected(m: HttpMessage, trailers: readonly HeaderField[]): Seen {
  return {
    version: m.version,
    head: m.kind === 'request' ? { method: m.method, url: m.target } : { status: m.status, reason: m.reason },
    headers: flat(m.headers),
    trailers: flat(trailers),
    body: m.body,
  };
}

function ours(kind: 'request' | 'response', wire: Uint8Array): ParsedMessage {
  const [m, ...rest] = parseInPieces(kind, wire, [], kind === 'response' ? ['GET'] : []);
  expect(rest).toEqual([]);
  if (!m?.ok) throw new Error(`our parser refused what we encoded: ${m?.error.message}`);
  return m;
}

describe("Node's parser (llhttp) reads what we encode as we do", () => {
  let server: http.Server;
  let port = 0;
  /** The request Node's server parses next. */
  let pending: { resolve: (s: Seen) => void; reject: (e: Error) => void } | null = null;

  beforeAll(async () => {
    server = http.createServer({ requireHostHeader: false }, (req, res) => {
      void readAll(req).then((body) => {
        pending?.resolve(seen('request', req, body));
        res.writeHead(204, { Connection: 'close' }).end();
      });
    });
    server.on('clientError', (error: Error, socket: net.Socket) => {
      pending?.reject(error);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function sendRequest(wire: Uint8Array): Promise<Seen> {
    return new Promise<Seen>((resolve, reject) => {
      pending = { resolve, reject };
      const socket = net.connect(port, '127.0.0.1', () => socket.write(wire));
      socket.on('data', () => socket.end());
      socket.on('error', reject);
    });
  }

  it('requests: method, target, version, headers, body and trailers', async () => {
    await fc.assert(
      fc.asyncProperty(requestCaseArb({ methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] }), async (c) => {
        const wire = encodeCase(c);
        const node = await sendRequest(wire);
        expect(node).toEqual(expected(c.message, c.options.trailers ?? []));
        const m = ours('request', wire);
        expect(expected(m.message, [])).toEqual({ ...node, trailers: [] });
      }),
      RUNS,
    );
  });

  it('responses: status, reason, version, headers, body and trailers, a close-delimited body too', async () => {
    let wire: Uint8Array = new Uint8Array(0);
    const sockets = new Set<net.Socket>();
    const origin = net.createServer((socket) => {
      sockets.add(socket.on('close', () => sockets.delete(socket)).on('error', () => {}));
      socket.end(wire);
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    const originPort = (origin.address() as AddressInfo).port;
    const get = () =>
      new Promise<Seen>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: originPort, path: '/', agent: false }, (res) => void readAll(res).then((body) => resolve(seen('response', res, body)), reject));
        req.on('error', reject);
      });
    try {
      await fc.assert(
        fc.asyncProperty(responseCaseArb({ close: true }), async (c) => {
          wire = encodeCase(c);
          const node = await get();
          expect(node).toEqual(expected(c.message, c.options.trailers ?? []));
          const m = ours('response', wire);
          expect(expected(m.message, [])).toEqual({ ...node, trailers: [] });
        }),
        RUNS,
      );
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => origin.close(() => resolve()));
    }
  });

  /**
   * Malformed requests that both parsers refuse. Where we differ, we do on
   * purpose (docs/http.md): llhttp also refuses repeated equal
   * Content-Length values and Transfer-Encoding beside Content-Length,
   * which RFC 9110 §8.6 and RFC 9112 §6.1 let a recipient take; it takes
   * Transfer-Encoding in HTTP/1.0, two spaces in the request line and
   * version 2.0, which we refuse (§6.1, §3, §2.3).
   */
  it('requests: refuses the malformed ones Node refuses', async () => {
    const cases = {
      'a bare LF': 'GET / HTTP/1.1\nHost: x\n\n',
      'a bare CR': 'GET / HTTP/1.1\r\nX: a\rb\r\n\r\n',
      'whitespace before the colon': 'GET / HTTP/1.1\r\nHost : x\r\n\r\n',
      'an obs-fold': 'GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n',
      'whitespace before the first header': 'GET / HTTP/1.1\r\n X: 1\r\n\r\n',
      'a NUL in a value': 'GET / HTTP/1.1\r\nX: a\x00b\r\n\r\n',
      'differing Content-Lengths': 'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
      'a coding other than chunked': 'POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n',
      'a chunk size that is not hex': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'whitespace after a chunk size': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1 \r\na\r\n0\r\n\r\n',
      'chunk data without its CRLF': 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\naXY0\r\n\r\n',
    };
    const raw = http.createServer({ requireHostHeader: false }, (req, res) => {
      req.on('error', () => {});
      req.resume().on('end', () => res.end('ok'));
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const rawPort = (raw.address() as AddressInfo).port;
    /** Node's first response line to the bytes, or '' when it closed without one. */
    const answer = (wire: string) =>
      new Promise<string>((resolve) => {
        let data = '';
        const socket = net.connect(rawPort, '127.0.0.1', () => socket.write(bytes(wire)));
        socket.on('data', (d: Buffer) => {
          data += d.toString('latin1');
          if (data.includes('\r\n')) socket.destroy();
        });
        socket.on('error', () => {});
        socket.on('close', () => resolve(data.split('\r\n')[0]!));
        socket.setTimeout(2000, () => socket.destroy());
      });
    try {
      for (const [what, wire] of Object.entries(cases)) {
        expect(await answer(wire), what).not.toMatch(/^HTTP\/1\.1 200/);
        expect(parseInPieces('request', bytes(wire), []).some((e) => !e.ok), what).toBe(true);
      }
      expect(await answer('GET / HTTP/1.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      raw.closeAllConnections();
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});
