import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { ScenarioInput } from '../../scenario/schema';
import type { MessageEvent, StateEvent } from '../../trace/types';

type Doc = Omit<ScenarioInput, 'format' | 'version' | 'name'>;

function run(doc: Doc) {
  const loaded = parseScenarioText(JSON.stringify({ format: 'l7-scenario', version: 1, name: 'browser', ...doc }));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const result = runScenario(loaded.scenario);
  const events = result.sim.store.events;
  return {
    messages: events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'application'),
    states: (type: string) => events.filter((e): e is StateEvent => e.kind === 'state' && e.type === type),
    metric: (name: string) => result.sim.store.metrics.find((m) => m.name === name)?.value,
  };
}

const server = (id: string, address: string, objects: object[]) => ({ id, kind: 'host', address, services: [{ type: 'http-server', objects }] });
const link = (a: string, b: string, delayMs = 10) => ({ a, b, delayMs, bandwidthMbps: 1_000_000 });

describe('the browser', () => {
  it('resolves the host name through the DNS server first, then connects to the address in the answer', () => {
    const r = run({
      nodes: [
        { id: 'client', kind: 'host', address: '10.0.0.1' },
        { id: 'ns', kind: 'host', address: '10.0.0.53', services: [{ type: 'dns-server', zones: [{ origin: 'example.com', records: [{ type: 'A', name: 'www.example.com', ttl: 3600, address: '10.0.0.80' }] }] }] },
        server('web', '10.0.0.80', [{ path: '/', content: '<p>hello</p>', mediaType: 'text/html' }]),
        { id: 'router', kind: 'router', address: '10.0.0.254' },
      ],
      links: [link('client', 'router', 1), link('router', 'ns', 4), link('router', 'web', 10)],
      workload: [{ type: 'http-browse', atMs: 0, node: 'client', url: 'http://www.example.com/', resolver: 'ns' }],
    } as Doc);
    expect(r.messages.map((m) => `${m.protocol} ${m.from}→${m.to}`)).toEqual(['dns client→ns', 'dns ns→client', 'http client→web', 'http web→client']);
    const answer = r.messages[1]!;
    // the request names the DNS answer as its cause; the page load counts the lookup: 2 × 5 ms, then 2 RTT of 22 ms
    expect(r.messages[2]!.causedBy).toBe(answer.id);
    expect(r.metric('resolutionTime')).toBeCloseTo(0.010, 5);
    expect(r.metric('pageLoadTime')).toBeCloseTo(0.010 + 2 * 0.022, 5);
  });

  it('follows a redirect, loads objects from a second server found in the hosts file, and goes on past a 404', () => {
    const r = run({
      nodes: [
        { id: 'client', kind: 'host', address: '10.0.0.1', hostsFile: [{ name: 'www.example.com', address: '10.0.0.2' }, { name: 'img.example.com', address: '10.0.0.3' }] },
        server('www', '10.0.0.2', [
          { path: '/old.html', redirect: '/index.html' },
          { path: '/index.html', embeds: ['http://img.example.com/a.png', '/missing.png', 'http://img.example.com/a.png'] },
        ]),
        server('img', '10.0.0.3', [{ path: '/a.png', size: 300 }]),
        { id: 'router', kind: 'router', address: '10.0.0.254' },
      ],
      links: [link('client', 'router'), link('router', 'www'), link('router', 'img')],
      workload: [{ type: 'http-browse', atMs: 0, node: 'client', url: 'http://www.example.com/old.html' }],
    } as Doc);
    const loaded = r.states('http.objectLoaded').map((s) => `${(s.data as { status: number }).status} ${(s.data as { url: string }).url}`);
    // the duplicate reference is fetched once
    expect(loaded.sort()).toEqual(['200 http://img.example.com/a.png', '200 http://www.example.com/index.html', '301 http://www.example.com/old.html', '404 http://www.example.com/missing.png']);
    expect(r.states('http.pageLoaded')).toHaveLength(1);
    expect(r.messages.filter((m) => m.to === 'img').map((m) => m.summary)).toEqual(['GET /a.png HTTP/1.1']);
  });

  it('fails the page when its host has no address, saying why', () => {
    const r = run({
      nodes: [
        { id: 'client', kind: 'host', address: '10.0.0.1' },
        { id: 'ns', kind: 'host', address: '10.0.0.53', services: [{ type: 'dns-server', zones: [{ origin: 'example.com', records: [{ type: 'SOA', name: 'example.com', ttl: 60, mname: 'ns.example.com', rname: 'h.example.com', serial: 1, refresh: 60, retry: 60, expire: 60, minimum: 60 }] }] }] },
      ],
      links: [link('client', 'ns')],
      workload: [{ type: 'http-browse', atMs: 0, node: 'client', url: 'http://nowhere.example.com/', resolver: 'ns' }],
    } as Doc);
    const failed = r.states('http.pageFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.summary).toMatch(/^could not load http:\/\/nowhere\.example\.com\/: nowhere\.example\.com has no address/);
    expect(r.metric('pageLoadTime')).toBeUndefined();
  });

  it('a refused connection (no web server on the port) fails the page', () => {
    const r = run({
      nodes: [
        { id: 'client', kind: 'host', address: '10.0.0.1' },
        { id: 'box', kind: 'host', address: '10.0.0.2' },
      ],
      links: [link('client', 'box')],
      workload: [{ type: 'http-browse', atMs: 0, node: 'client', url: 'http://10.0.0.2/' }],
    } as Doc);
    expect(r.states('http.pageFailed').map((s) => s.summary)).toEqual([expect.stringMatching(/^could not load http:\/\/10\.0\.0\.2\/: /)]);
  });
});
