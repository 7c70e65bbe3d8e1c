// The proxy cache engine on loopback, between software we did not write:
// - Node's own HTTP client sends it requests in absolute form, Node's own
//   HTTP server is the origin it reaches through `l7 serve --origin`: a miss
//   goes to the origin with Via and without hop-by-hop fields, a fresh hit is
//   answered from the cache with Age and the origin never hears of it, a
//   stale copy is revalidated with If-None-Match and a 304;
// - curl (Debian) with -x fetches a page through the served proxy from the
//   served web server engine: both engines of the HTTP module on loopback;
// - what the proxy may not reach is answered 502 and traced, never a crash.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_SUCH_ORIGIN, NOT_AN_ORIGIN } from '../serve/origins';
import { serving, startCli, type Serving } from '../serve/serving.test-helper';
import { requireTool } from './required-tool';

const curl = requireTool('curl', 'curl');
const run = promisify(execFile);
const LESSON = 'resources/lessons/http-proxy-cache.l7.json';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

interface Origin {
  readonly port: number;
  readonly seen: Seen[];
  close(): Promise<void>;
}

/** A real origin: /fresh.txt may be kept 60 s, /stale.txt must be revalidated (max-age=0) and answers 304 to its ETag. */
async function startOrigin(): Promise<Origin> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url === '/fresh.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'max-age=60', ETag: '"f1"' }).end('fresh body\n');
    } else if (req.url === '/stale.txt') {
      if (req.headers['if-none-match'] === '"s1"') res.writeHead(304, { ETag: '"s1"', 'Cache-Control': 'max-age=0' }).end();
      else res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'max-age=0', ETag: '"s1"' }).end('stale body\n');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Got {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A request through the proxy: the whole URL as the target (RFC 9112 §3.2.2), one connection per request. */
function viaProxy(proxyPort: number, url: string, method = 'GET'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const host = new URL(url).host;
    const req = request({ host: '127.0.0.1', port: proxyPort, path: url, method, headers: { Host: host }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface ServedTrace {
  nodes: { id: string; address: string }[];
  events: ({ kind: 'message'; from: string; to: string; summary: string; connection: string } | { kind: 'state'; type: string; summary: string; data: Record<string, unknown> })[];
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serveProxy(dir: string, ...origins: string[]): Promise<Serving> {
  const s = serving(await startCli([LESSON, '--node', 'proxy', '--port', '0', '--trace', join(dir, 'proxy.trace.json'), ...origins.flatMap((o) => ['--origin', o])]));
  let stopped = false;
  cleanups.push(async () => (stopped ? undefined : s.stop()));
  return {
    ...s,
    stop: () => {
      stopped = true;
      return s.stop();
    },
  };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'l7-serve-proxy-'));
}

describe('l7 serve of the proxy cache, between Node\'s HTTP client and Node\'s HTTP server', () => {
  it('misses to the origin, then answers a fresh copy itself with Age; a stale copy is revalidated with a 304', async () => {
    const dir = tempDir();
    const origin = await startOrigin();
    cleanups.push(() => origin.close());
    const proxy = await serveProxy(dir, `www.example.com=${origin.port}`);
    expect(proxy.out).toContain(`origin www.example.com:80 at 127.0.0.1:${origin.port}`);
    const port = proxy.port('tcp');

    const miss = await viaProxy(port, 'http://www.example.com/fresh.txt');
    expect([miss.status, miss.body, miss.headers['etag']]).toEqual([200, 'fresh body\n', '"f1"']);
    expect(miss.headers['via']).toMatch(/^1\.1 /);
    expect(origin.seen).toHaveLength(1);
    // the origin got an origin-form request for its own name, marked as passed through the proxy
    expect([origin.seen[0]!.method, origin.seen[0]!.url, origin.seen[0]!.headers.host]).toEqual(['GET', '/fresh.txt', 'www.example.com']);
    expect(origin.seen[0]!.headers.via).toMatch(/^1\.1 /);

    const hit = await viaProxy(port, 'http://www.example.com/fresh.txt');
    expect([hit.status, hit.body]).toEqual([200, 'fresh body\n']);
    expect(hit.headers['age']).toMatch(/^\d+$/);
    expect(origin.seen).toHaveLength(1); // answered from the cache

    const first = await viaProxy(port, 'http://www.example.com/stale.txt');
    const again = await viaProxy(port, 'http://www.example.com/stale.txt');
    expect([first.status, first.body, again.status, again.body]).toEqual([200, 'stale body\n', 200, 'stale body\n']);
    expect(origin.seen.map((s) => [s.url, s.headers['if-none-match'] ?? null])).toEqual([
      ['/fresh.txt', null],
      ['/stale.txt', null],
      ['/stale.txt', '"s1"'],
    ]);
    expect(await proxy.stop()).toBe(0);

    const trace = JSON.parse(readFileSync(join(dir, 'proxy.trace.json'), 'utf8')) as ServedTrace;
    expect(trace.nodes.map((n) => n.id)).toContain('origin www.example.com:80');
    const toOrigin = trace.events.filter((e) => e.kind === 'message' && e.to === 'origin www.example.com:80');
    expect(toOrigin.map((e) => e.kind === 'message' && e.summary)).toEqual(['GET /fresh.txt HTTP/1.1', 'GET /stale.txt HTTP/1.1', 'GET /stale.txt HTTP/1.1']);
    // the connection is named client first: the proxy's socket, then the origin's
    for (const e of toOrigin) if (e.kind === 'message') expect(e.connection).toMatch(new RegExp(`^tcp:127\\.0\\.0\\.1:\\d+-127\\.0\\.0\\.1:${origin.port}$`));
    const fromOrigin = trace.events.filter((e) => e.kind === 'message' && e.from === 'origin www.example.com:80');
    expect(fromOrigin.map((e) => e.kind === 'message' && e.summary)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 304 Not Modified']);
    const served = trace.events.filter((e) => e.kind === 'state' && e.type === 'http.proxyServed').map((e) => e.kind === 'state' && e.data['how']);
    expect(served).toEqual(['miss', 'hit', 'miss', 'revalidated']);
  });

  it('answers 502 for a server it may not reach, and for an origin that is down, and traces the refused connect', async () => {
    const dir = tempDir();
    const down = await startOrigin();
    const downPort = down.port;
    await down.close(); // nothing listens there any more
    const proxy = await serveProxy(dir, `www.example.com=${downPort}`);
    const port = proxy.port('tcp');

    const elsewhere = await viaProxy(port, 'http://elsewhere.example.org/x');
    expect(elsewhere.status).toBe(502);
    expect(elsewhere.body).toBe(`Bad Gateway: elsewhere.example.org has no address (${NO_SUCH_ORIGIN})\n`);
    const byAddress = await viaProxy(port, 'http://127.0.0.1:9/x');
    expect(byAddress.status).toBe(502);
    const refused = await viaProxy(port, 'http://www.example.com/fresh.txt');
    expect(refused.status).toBe(502);
    expect(refused.body).toMatch(/refused the connection/);
    // still serving
    expect((await viaProxy(port, 'http://elsewhere.example.org/y')).status).toBe(502);
    expect(await proxy.stop()).toBe(0);

    const trace = JSON.parse(readFileSync(join(dir, 'proxy.trace.json'), 'utf8')) as ServedTrace;
    const refusals = trace.events.filter((e) => e.kind === 'state' && e.type === 'serve.refused');
    expect(refusals.map((e) => e.kind === 'state' && e.data)).toEqual([{ transmit: 'connect', to: '127.0.0.1:9', reason: NOT_AN_ORIGIN }]);
    expect(trace.events.some((e) => e.kind === 'state' && e.type === 'engine.error')).toBe(false);
  });
});

describe('curl through l7 serve of the proxy cache to l7 serve of the web server', () => {
  it('fetches the lesson\'s page and a photo with -x; the second fetch of the photo is a hit with an Age', async (ctx) => {
    curl.guard(ctx);
    const dir = tempDir();
    const web = serving(await startCli([LESSON, '--node', 'server', '--port', '0', '--trace', join(dir, 'web.trace.json')]));
    cleanups.push(() => web.stop());
    const proxy = await serveProxy(dir, `www.example.com=${web.port('tcp')}`);
    const x = `http://127.0.0.1:${proxy.port('tcp')}`;
    const page = await run('curl', ['-s', '-x', x, '-w', '\n%{http_code} %{content_type}', 'http://www.example.com/index.html']);
    expect(page.stdout).toContain('<img src="/photo1.jpg"');
    expect(page.stdout).toMatch(/\n200 text\/html$/);
    const photo = await run('curl', ['-s', '-x', x, '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{content_type}', 'http://www.example.com/photo1.jpg']);
    expect(photo.stdout).toBe('200 5000 image/jpeg');
    const hit = await run('curl', ['-s', '-x', x, '-D', '-', '-o', '/dev/null', 'http://www.example.com/photo1.jpg']);
    expect(hit.stdout).toMatch(/^HTTP\/1\.1 200 OK\r$/m);
    expect(hit.stdout).toMatch(/^Age: \d+\r$/m);
    expect(await proxy.stop()).toBe(0);
    expect(await web.stop()).toBe(0);
    // the web server saw two requests, both from the proxy (the hit never reached it)
    const webTrace = JSON.parse(readFileSync(join(dir, 'web.trace.json'), 'utf8')) as ServedTrace;
    const requests = webTrace.events.filter((e) => e.kind === 'message' && e.to === 'server');
    expect(requests.map((e) => e.kind === 'message' && e.summary)).toEqual(['GET /index.html HTTP/1.1', 'GET /photo1.jpg HTTP/1.1']);
  });
});
