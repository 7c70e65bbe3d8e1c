// HTTP/1.x against software we did not write, on loopback:
// - Node's own HTTP client (llhttp) reads the web server engine's responses
//   through `l7 serve` (status, headers, bodies; keep-alive, HEAD, 404, 304);
// - curl (Debian) fetches an object and does a conditional GET with -z;
// - Node's own HTTP server accepts the requests the browser engine sent in a
//   simulated page load, byte for byte as they left it, pipelined ones in one
//   write.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import type { MessageEvent } from '../../src-core/trace/types';
import { serving, startCli } from '../serve/serving.test-helper';
import { requireTool } from './required-tool';

const curl = requireTool('curl', 'curl');
const run = promisify(execFile);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'l7-serve-http-'));
}

/** A web server with an object that has validators, for conditional GETs. */
function scenarioWithValidators(dir: string): string {
  const file = join(dir, 'web.l7.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'l7-scenario',
      version: 1,
      name: 'web',
      nodes: [
        {
          id: 'web',
          kind: 'host',
          address: '10.0.0.80',
          services: [
            {
              type: 'http-server',
              objects: [
                { path: '/index.html', embeds: ['/logo.png'] },
                { path: '/logo.png', size: 3000, lastModified: '2026-01-01T08:00:00Z', etag: 'logo-1' },
              ],
            },
          ],
        },
      ],
      links: [],
      workload: [],
    }),
  );
  return file;
}

interface Got {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly socket: unknown;
}

function get(port: number, path: string, options: { method?: string; headers?: Record<string, string>; agent?: Agent } = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), socket: res.socket }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('l7 serve of the web server, read by Node\'s HTTP client', () => {
  it('serves the page and its objects with their types and lengths, keeps the connection alive, answers HEAD, 404 and conditional GETs', async () => {
    const dir = tempDir();
    const s = serving(await startCli([scenarioWithValidators(dir), '--node', 'web', '--port', '0', '--trace', join(dir, 'trace.json')]));
    expect(s.listeners).toEqual([{ transport: 'tcp', port: expect.any(Number), service: 'http-server' }]);
    const port = s.port('tcp');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const page = await get(port, '/index.html', { agent });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html');
    expect(Number(page.headers['content-length'])).toBe(page.body.length);
    expect(page.body.toString('latin1')).toContain('<img src="/logo.png" alt="">');
    const logo = await get(port, '/logo.png', { agent });
    expect([logo.status, logo.body.length, logo.body.subarray(1, 4).toString('latin1'), logo.headers['etag'], logo.headers['last-modified']]).toEqual([200, 3000, 'PNG', '"logo-1"', 'Thu, 01 Jan 2026 08:00:00 GMT']);
    expect(logo.socket).toBe(page.socket); // one persistent connection for both
    const head = await get(port, '/logo.png', { method: 'HEAD', agent });
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, '3000', 0]);
    expect((await get(port, '/nothing-here', { agent })).status).toBe(404);
    expect((await get(port, '/logo.png', { agent, headers: { 'If-None-Match': '"logo-1"' } })).status).toBe(304);
    expect((await get(port, '/logo.png', { agent, headers: { 'If-Modified-Since': 'Fri, 02 Jan 2026 00:00:00 GMT' } })).status).toBe(304);
    expect((await get(port, '/logo.png', { agent, headers: { 'If-Modified-Since': 'Wed, 31 Dec 2025 00:00:00 GMT' } })).status).toBe(200);
    agent.destroy();
    expect(await s.stop()).toBe(0);
  });

  it('answers bytes that are not HTTP with 400 and closes, and goes on serving', async () => {
    const dir = tempDir();
    const s = serving(await startCli([scenarioWithValidators(dir), '--node', 'web', '--port', '0', '--trace', join(dir, 'trace.json')]));
    const port = s.port('tcp');
    const reply = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect({ host: '127.0.0.1', port }, () => socket.write('GET /index.html HTTP/1.1\r\nHost : x\r\n\r\n'));
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(reply).toContain('Connection: close\r\n');
    expect((await get(port, '/index.html')).status).toBe(200);
    expect(await s.stop()).toBe(0);
  });
});

describe('curl against l7 serve of the web server', () => {
  it('keeps the shop\'s cookie with -c and brings it back with -b: the server then issues no new one', async (ctx) => {
    curl.guard(ctx);
    const dir = tempDir();
    const s = serving(await startCli(['resources/lessons/http-cookies.l7.json', '--node', 'server', '--port', '0', '--trace', join(dir, 'trace.json')]));
    const url = `http://127.0.0.1:${s.port('tcp')}`;
    const jar = join(dir, 'cookies.txt');
    const first = await run('curl', ['-s', '-D', '-', '-o', '/dev/null', '-c', jar, `${url}/index.html`]);
    expect(first.stdout).toMatch(/^Set-Cookie: id=1678; Max-Age=60; Path=\/; HttpOnly\r$/m);
    expect(readFileSync(jar, 'utf8')).toMatch(/#HttpOnly_127\.0\.0\.1\tFALSE\t\/\tFALSE\t\d+\tid\t1678/);
    const again = await run('curl', ['-s', '-D', '-', '-o', '/dev/null', '-b', jar, '-c', jar, `${url}/books.html`]);
    expect(again.stdout).toMatch(/^HTTP\/1\.1 200 OK\r$/m);
    expect(again.stdout).not.toMatch(/Set-Cookie/i);
    // without the jar the shop sees a new customer
    const stranger = await run('curl', ['-s', '-D', '-', '-o', '/dev/null', `${url}/index.html`]);
    expect(stranger.stdout).toMatch(/^Set-Cookie: id=1679;/m);
    expect(await s.stop()).toBe(0);
  });

  it('fetches an object, and a conditional GET with -z gets 304 and no body', async (ctx) => {
    curl.guard(ctx);
    const dir = tempDir();
    const s = serving(await startCli([scenarioWithValidators(dir), '--node', 'web', '--port', '0', '--trace', join(dir, 'trace.json')]));
    const url = `http://127.0.0.1:${s.port('tcp')}/logo.png`;
    const fetched = await run('curl', ['-s', '-o', join(dir, 'logo.png'), '-w', '%{http_code} %{size_download} %{content_type}', url]);
    expect(fetched.stdout).toBe('200 3000 image/png');
    // -z sends If-Modified-Since with the date given; the object is older, so 304
    const conditional = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download}', '-z', 'Fri, 02 Jan 2026 00:00:00 GMT', url]);
    expect(conditional.stdout).toBe('304 0');
    const newer = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-z', 'Wed, 31 Dec 2025 00:00:00 GMT', url]);
    expect(newer.stdout).toBe('200');
    expect(await s.stop()).toBe(0);
  });
});

/** The requests the browser engine sent in a simulated load of a lesson's page, as bytes, in order. */
function browserRequests(lesson: string, atMs: number): MessageEvent[] {
  const loaded = parseScenarioText(readFileSync(`resources/lessons/${lesson}.l7.json`, 'utf8'));
  if (!loaded.ok) throw new Error('lesson does not load');
  const events = runScenario(loaded.scenario).sim.store.events;
  return events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'http' && e.from === 'client' && e.sentAt >= atMs * 1e6);
}

describe('Node\'s HTTP server, given the browser engine\'s requests', () => {
  it('parses every request of a pipelined page load, sent in one write, as the browser meant it', async () => {
    const requests = browserRequests('http-persistent', 1000);
    expect(requests).toHaveLength(11);
    const seen: { method: string; url: string; host: string | undefined; version: string }[] = [];
    const server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host, version: req.httpVersion });
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const replies = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect({ host: '127.0.0.1', port }, () => socket.write(Buffer.concat(requests.map((m) => Buffer.from(m.bytes)))));
      socket.on('data', (c: Buffer) => {
        chunks.push(c);
        if ((Buffer.concat(chunks).toString('latin1').match(/HTTP\/1\.1 200 OK/g) ?? []).length === requests.length) socket.end();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(seen.map((r) => r.url)).toEqual(['/index.html', ...Array.from({ length: 10 }, (_, i) => `/img${i + 1}.jpg`)]);
    expect(new Set(seen.map((r) => `${r.method} ${r.host} ${r.version}`))).toEqual(new Set(['GET www.example.com 1.1']));
    expect(replies.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(11);
  });

  it('parses the HTTP/1.0 requests of a non-persistent load, and closes after each answer', async () => {
    const requests = browserRequests('http-non-persistent', 0).slice(0, 3);
    const server = createServer((req, res) => res.end(`${req.method} ${req.url} ${req.httpVersion}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const answers: string[] = [];
    for (const m of requests) {
      answers.push(
        await new Promise<string>((resolve, reject) => {
          const chunks: Buffer[] = [];
          const socket = connect({ host: '127.0.0.1', port }, () => socket.write(Buffer.from(m.bytes)));
          socket.on('data', (c: Buffer) => chunks.push(c));
          socket.on('error', reject);
          // Node closes an HTTP/1.0 connection without keep-alive after its response
          socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
        }),
      );
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(answers.map((a) => a.slice(a.indexOf('\r\n\r\n') + 4))).toEqual(['GET /index.html 1.0', 'GET /img1.jpg 1.0', 'GET /img2.jpg 1.0']);
  });
});
