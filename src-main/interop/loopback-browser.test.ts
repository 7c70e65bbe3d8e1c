// The browser engine loads a page from Node's own HTTP server over real
// loopback sockets, through the loopback driver of `l7 serve` (the same
// NodeContext, with an --origin table naming the server): the `http-browse`
// action starts unchanged, in each of the course's three modes. Node's
// server sees what each mode promises — a connection per object in HTTP/1.0,
// one kept-alive connection in HTTP/1.1, the image requests sent at once
// when pipelined — and the browser reports the page loaded with every object.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { actionDefinition } from '../../src-core/protocols/registry';
import { parseScenarioText } from '../../src-core/scenario/load';
import type { MessageEvent, StateEvent } from '../../src-core/trace/types';
import { LoopbackHost } from '../serve/host';
import { OriginTable } from '../serve/origins';
import { ListenerPool } from '../serve/sockets';
import { ServeTrace } from '../serve/trace';

const PAGE = '<html><body><img src="/a.png"><img src="/b.png"><img src="/c.png"></body></html>';

interface Seen {
  readonly url: string;
  readonly version: string;
  readonly connection: number;
}

async function startOrigin(): Promise<{ port: number; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', version: req.httpVersion, connection: req.socket.remotePort ?? 0 });
    if (req.url === '/index.html') res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    else res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.alloc(2000, 7));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen, server };
}

function scenario(mode: string, maxConnections: number) {
  const loaded = parseScenarioText(
    JSON.stringify({
      format: 'l7-scenario',
      version: 1,
      name: 'a page from a real server',
      nodes: [
        { id: 'client', kind: 'host', address: '10.0.0.1', hostsFile: [{ name: 'www.example.com', address: '10.0.0.80' }] },
        { id: 'web', kind: 'host', address: '10.0.0.80', services: [{ type: 'http-server', objects: [{ path: '/index.html', size: 100 }] }] },
      ],
      links: [{ a: 'client', b: 'web', delayMs: 1, bandwidthMbps: 100 }],
      workload: [{ type: 'http-browse', atMs: 0, node: 'client', url: 'http://www.example.com/index.html', mode, maxConnections }],
    }),
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.scenario;
}

const hosts: LoopbackHost[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) h.stop();
  for (const s of servers.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** Runs the scenario's one browse on the loopback driver until the page is loaded (or failed); returns the browser's trace. */
async function browse(mode: string, maxConnections: number, originPort: number) {
  const s = scenario(mode, maxConnections);
  const trace = new ServeTrace({ id: 'client', name: 'client', kind: 'host', address: '127.0.0.1' });
  const host = new LoopbackHost('client', trace, new ListenerPool([]), (port) => ({ port, explicit: false }), s.run.seed, new OriginTable([{ host: 'www.example.com', port: 80, local: originPort }]));
  hosts.push(host);
  const action = s.workload[0]!;
  actionDefinition(action.type).run(host.context(s), action);
  const ended = (e: (typeof trace.store.events)[number]): e is StateEvent => e.kind === 'state' && (e.type === 'http.pageLoaded' || e.type === 'http.pageFailed');
  // Real sockets: wait for the browser's own verdict (the vitest timeout is the safety net).
  while (!trace.store.events.some(ended)) await new Promise((resolve) => setTimeout(resolve, 5));
  const events = trace.store.events;
  const messages = events.filter((e): e is MessageEvent => e.kind === 'message');
  return {
    end: events.find(ended)!,
    requests: messages.filter((m) => m.from === 'client'),
    /** The messages in the order the driver saw them: "out" a request written, "in" a chunk read from the server. */
    order: messages.map((m) => (m.from === 'client' ? 'out' : 'in')),
  };
}

describe('the browser engine on the loopback driver, loading a page from Node\'s HTTP server', () => {
  it('non-persistent HTTP/1.0: one connection per object, closed by the server', async () => {
    const origin = await startOrigin();
    servers.push(origin.server);
    const { end, requests } = await browse('non-persistent', 1, origin.port);
    expect([end.type, end.data['objects']]).toEqual(['http.pageLoaded', 4]);
    expect(origin.seen.map((r) => `${r.url} ${r.version}`)).toEqual(['/index.html 1.0', '/a.png 1.0', '/b.png 1.0', '/c.png 1.0']);
    expect(new Set(origin.seen.map((r) => r.connection)).size).toBe(4);
    expect(new Set(requests.map((m) => m.connection)).size).toBe(4);
    expect(requests.map((m) => m.summary)).toEqual(['GET /index.html HTTP/1.0', 'GET /a.png HTTP/1.0', 'GET /b.png HTTP/1.0', 'GET /c.png HTTP/1.0']);
  });

  it('persistent HTTP/1.1: every object over one kept-alive connection, a request after each response', async () => {
    const origin = await startOrigin();
    servers.push(origin.server);
    const { end, requests, order } = await browse('persistent', 1, origin.port);
    expect([end.type, end.data['objects'], end.data['connections']]).toEqual(['http.pageLoaded', 4, 1]);
    expect(origin.seen.map((r) => `${r.url} ${r.version}`)).toEqual(['/index.html 1.1', '/a.png 1.1', '/b.png 1.1', '/c.png 1.1']);
    expect(new Set(origin.seen.map((r) => r.connection)).size).toBe(1);
    expect(requests.map((m) => m.summary)).toEqual(['GET /index.html HTTP/1.1', 'GET /a.png HTTP/1.1', 'GET /b.png HTTP/1.1', 'GET /c.png HTTP/1.1']);
    // each image request left after the response before it had come in
    expect(order.join(' ')).toMatch(/^out( in)+ out( in)+ out( in)+ out( in)+$/);
  });

  it('pipelined: the image requests leave together once the base page is in, and Node answers them in order', async () => {
    const origin = await startOrigin();
    servers.push(origin.server);
    const { end, requests, order } = await browse('pipelined', 1, origin.port);
    expect([end.type, end.data['objects'], end.data['connections']]).toEqual(['http.pageLoaded', 4, 1]);
    expect(origin.seen.map((r) => r.url)).toEqual(['/index.html', '/a.png', '/b.png', '/c.png']);
    expect(new Set(origin.seen.map((r) => r.connection)).size).toBe(1);
    // all three left before any of their responses came in (the base page's response may come in several chunks)
    expect(order.join(' ')).toMatch(/^out (in )+out out out (in ?)+$/);
    expect(requests.map((m) => m.summary).slice(1)).toEqual(['GET /a.png HTTP/1.1', 'GET /b.png HTTP/1.1', 'GET /c.png HTTP/1.1']);
  });
});
