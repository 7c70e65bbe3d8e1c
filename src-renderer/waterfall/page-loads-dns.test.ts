// Page loads that look a name up, follow a redirect and meet a 404, on small
// networks built here (the lessons use the hosts file): the DNS segment is
// drawn from when the browser wanted the object to when its server's name
// was resolved, and only when it had to wait for that.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { NS_PER_MS } from '../../src-core/sim/time';
import { pageLoadsOf } from './page-loads';
import { objectSegments } from './phases';

function loadsOf(doc: object) {
  const loaded = parseScenarioText(JSON.stringify({ format: 'l7-scenario', version: 1, name: 'waterfall', ...doc }));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return pageLoadsOf(runScenario(loaded.scenario).trace().events);
}

const server = (id: string, address: string, objects: object[]) => ({ id, kind: 'host', address, services: [{ type: 'http-server', objects }] });
const link = (a: string, b: string, delayMs: number) => ({ a, b, delayMs, bandwidthMbps: 1_000_000 });
const zone = {
  origin: 'example.com',
  records: [
    { type: 'A', name: 'www.example.com', ttl: 3600, address: '10.0.0.80' },
    { type: 'A', name: 'cdn.example.com', ttl: 3600, address: '10.0.0.81' },
  ],
};

describe('page loads with a name lookup', () => {
  // client –1 ms– router –4 ms– ns (a lookup: 10 ms); –10 ms– www and cdn
  const loads = loadsOf({
    nodes: [
      { id: 'client', kind: 'host', address: '10.0.0.1' },
      { id: 'ns', kind: 'host', address: '10.0.0.53', services: [{ type: 'dns-server', zones: [zone] }] },
      server('www', '10.0.0.80', [{ path: '/index.html', embeds: ['/logo.png', 'http://cdn.example.com/photo.jpg'] }, { path: '/logo.png', size: 500 }]),
      server('cdn', '10.0.0.81', [{ path: '/photo.jpg', size: 800 }]),
      { id: 'router', kind: 'router', address: '10.0.0.254' },
    ],
    links: [link('client', 'router', 1), link('router', 'ns', 4), link('router', 'www', 10), link('router', 'cdn', 10)],
    workload: [
      { type: 'http-browse', atMs: 0, node: 'client', url: 'http://www.example.com/index.html', resolver: 'ns' },
      { type: 'http-browse', atMs: 1000, node: 'client', url: 'http://www.example.com/index.html', resolver: 'ns' },
    ],
  });
  const [first, again] = loads;

  it('draws the lookup before the page, and before an object on another server once the page referenced it', () => {
    expect(first!.objects.map((o) => o.path)).toEqual(['/index.html', '/logo.png', 'cdn.example.com/photo.jpg']);
    const [page, logo, photo] = first!.objects;
    const dns = (o: typeof page) => objectSegments(o!).find((s) => s.phase === 'dns');
    // a lookup takes two 5 ms hops (and a few ns of transmission)
    const lookup = (from: number) => ({ phase: 'dns', from, to: expect.closeTo(from + 10 * NS_PER_MS, -3) });
    expect(dns(page)).toEqual(lookup(0));
    expect(objectSegments(page!).map((s) => s.phase)).toEqual(['dns', 'connect', 'waiting']);
    // the logo's server is known by then: no lookup
    expect(dns(logo)).toBeUndefined();
    // the photo's is not: looked up from when the page arrived, 10 ms
    expect(photo!.wanted).toBe(page!.relative.lastByte);
    expect(dns(photo)).toEqual(lookup(page!.relative.lastByte));
    expect(photo!.relative.connectStart).toBe(photo!.relative.resolved);
  });

  it('a second load of the page, at 1 s, looks the names up again: the same waterfall from its own start', () => {
    expect(again!.start).toBe(1000 * NS_PER_MS);
    expect(again!.objects.map((o) => objectSegments(o))).toEqual(first!.objects.map((o) => objectSegments(o)));
    expect(again!.outcome).toMatchObject({ kind: 'loaded', objects: 3 });
  });
});

describe('page loads with a redirect and a missing object', () => {
  it('lists the 301, the page it leads to and the 404, each with its status', () => {
    const [load] = loadsOf({
      nodes: [
        { id: 'client', kind: 'host', address: '10.0.0.1', hostsFile: [{ name: 'www.example.com', address: '10.0.0.2' }] },
        server('www', '10.0.0.2', [{ path: '/old.html', redirect: '/index.html' }, { path: '/index.html', embeds: ['/missing.png'] }]),
        { id: 'router', kind: 'router', address: '10.0.0.254' },
      ],
      links: [link('client', 'router', 1), link('router', 'www', 10)],
      workload: [{ type: 'http-browse', atMs: 0, node: 'client', url: 'http://www.example.com/old.html', mode: 'persistent' }],
    });
    expect(load!.objects.map((o) => `${o.status} ${o.path}`)).toEqual(['301 /old.html', '200 /index.html', '404 /missing.png']);
    // each wanted when the response that named it arrived
    expect(load!.objects[1]!.wanted).toBe(load!.objects[0]!.relative.lastByte);
    expect(load!.objects[2]!.wanted).toBe(load!.objects[1]!.relative.lastByte);
    expect(load!.objects.every((o) => o.responseId !== null && o.requestId !== null)).toBe(true);
  });
});
