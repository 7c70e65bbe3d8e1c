// The HTTP lessons' page loads against the course's formulas (Kurose &
// Ross §2.2.2), RTT = 2 × (1 + 14) ms = 30 ms: each load takes its formula's
// round trips plus transmission time, which on the server's 10 Mbit/s link
// is about 0.83 ms per 1 040-byte image packet, a few tens of µs for the rest.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { MessageEvent, StateEvent } from '../../trace/types';

const RTT = 0.03;
/** The transmission of the page's 11 objects, headers and all, on the 10 Mbit/s link, with room for the small packets (s). */
const TX_ALL = 0.0125;

function pageLoads(id: string): number[] {
  const loaded = parseScenarioText(readFileSync(`resources/lessons/${id}.l7.json`, 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return runScenario(loaded.scenario).sim.store.metrics.filter((m) => m.name === 'pageLoadTime').map((m) => m.value);
}

describe('HTTP lessons', () => {
  it('non-persistent: 11 × 2 RTT serially, 2 RTT + 2 × 2 RTT with 5 in parallel, plus transmission', () => {
    const [serial, parallel] = pageLoads('http-non-persistent');
    expect(serial! - 22 * RTT).toBeGreaterThan(0);
    expect(serial! - 22 * RTT).toBeLessThan(TX_ALL + 0.002);
    expect(parallel! - 6 * RTT).toBeGreaterThan(0);
    expect(parallel! - 6 * RTT).toBeLessThan(TX_ALL);
  });

  it('persistent: 2 RTT + 10 RTT one request at a time, 3 RTT pipelined, plus transmission', () => {
    const [persistent, pipelined] = pageLoads('http-persistent');
    expect(persistent! - 12 * RTT).toBeGreaterThan(0);
    expect(persistent! - 12 * RTT).toBeLessThan(TX_ALL + 0.002);
    expect(pipelined! - 3 * RTT).toBeGreaterThan(0);
    expect(pipelined! - 3 * RTT).toBeLessThan(TX_ALL);
  });

  it('cookies: Set-Cookie on the first visit, the cookie back on the next two, the back-end counting; forgotten after its Max-Age', () => {
    const loaded = parseScenarioText(readFileSync('resources/lessons/http-cookies.l7.json', 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const events = runScenario(loaded.scenario).sim.store.events;
    const http = events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'http');
    const field = (m: MessageEvent, name: string) => new TextDecoder('latin1').decode(m.bytes).split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`)) ?? null;
    const requests = http.filter((m) => m.from === 'client');
    const responses = http.filter((m) => m.from === 'server');
    expect(requests.map((m) => field(m, 'cookie'))).toEqual([null, 'Cookie: id=1678', 'Cookie: id=1678', null]);
    expect(responses.map((m) => field(m, 'set-cookie'))).toEqual(['Set-Cookie: id=1678; Max-Age=60; Path=/; HttpOnly', null, null, 'Set-Cookie: id=1679; Max-Age=60; Path=/; HttpOnly']);
    const rows = events.filter((e): e is StateEvent => e.kind === 'state' && e.type === 'http.backendUpdated').map((e) => e.data);
    expect(rows.map((r) => `${String(r['id'])}:${String(r['visits'])}`)).toEqual(['1678:1', '1678:2', '1678:3', '1679:1']);
  });

  it('browser cache: the first load fetches everything; the second checks the page (304) and takes the fresh images from the cache; the third revalidates every image (304s)', () => {
    const loaded = parseScenarioText(readFileSync('resources/lessons/http-browser-cache.l7.json', 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const run = runScenario(loaded.scenario);
    const events = run.sim.store.events;
    const responses = events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'http' && e.from === 'server');
    const at = (t0: number, t1: number) => responses.filter((m) => m.sentAt >= t0 * 1e9 && m.sentAt < t1 * 1e9).map((m) => m.summary.split(' ').slice(1, 2).join(''));
    expect([at(0, 5), at(5, 30), at(30, 60)]).toEqual([['200', '200', '200', '200'], ['304'], ['304', '304', '304', '304']]);
    const fromCache = events.filter((e): e is StateEvent => e.kind === 'state' && e.type === 'http.objectLoaded' && e.data['cache'] === 'fresh');
    expect(fromCache.map((e) => String(e.data['url']).replace('http://www.example.com', ''))).toEqual(['/logo.png', '/photo1.jpg', '/photo2.jpg']);
    const [first, second, third] = run.sim.store.metrics.filter((m) => m.name === 'pageLoadTime').map((m) => m.value);
    // the second load is one conditional GET on a new connection: 2 RTT and a few hundred µs
    expect(second! - 2 * RTT).toBeGreaterThan(0);
    expect(second! - 2 * RTT).toBeLessThan(0.001);
    // the third pays 1 RTT more per image, but no image bytes: faster than the first
    expect(third!).toBeLessThan(first!);
    expect(third! - 5 * RTT).toBeLessThan(0.003);
  });

  it('messages: each method gets the status the course names, forms go after "?" for GET and in the body for POST', () => {
    const loaded = parseScenarioText(readFileSync('resources/lessons/http-messages.l7.json', 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const http = runScenario(loaded.scenario).sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'http');
    const pairs = http.filter((m) => m.from === 'client').map((q) => `${q.summary.replace(/ HTTP\/1\.1$/, '')} → ${http.find((r) => r.causedBy === q.id)?.summary.split(' ')[1]}`);
    expect(pairs).toEqual([
      'GET /index.html → 200',
      'HEAD /index.html → 200',
      'GET /old.html → 301',
      'GET /index.html → 200',
      'GET /missing.html → 404',
      'GET /search.html?q=computer+networking → 200',
      'POST /order.html → 200',
      'PUT /notes.txt → 201',
      'PUT /notes.txt → 204',
      'GET /notes.txt → 200',
      'DELETE /notes.txt → 204',
      'DELETE /notes.txt → 404',
      'OPTIONS /index.html → 405',
    ]);
    const post = new TextDecoder().decode(http.find((m) => m.summary.startsWith('POST'))!.bytes);
    expect(post).toContain('Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 15\r\n\r\nitem=book&qty=2');
    const head = http.find((m) => m.causedBy === http.find((q) => q.summary.startsWith('HEAD'))!.id)!;
    expect(new TextDecoder().decode(head.bytes).endsWith('\r\n\r\n')).toBe(true);
  });

  it('access link: Poisson arrivals at 12 per second load the link to the institution at about 0.8; a proxy cache with a hit rate near 0.4 brings it near 0.55 and cuts the mean response time', () => {
    const measures = (id: string) => {
      const loaded = parseScenarioText(readFileSync(`resources/lessons/${id}.l7.json`, 'utf8'));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const run = runScenario(loaded.scenario);
      const metric = (name: string, where = '') => run.sim.store.metrics.find((m) => m.name === name && m.summary.includes(where))?.value;
      const starts = run.sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.layer === 'transport' && e.from === 'users' && e.summary.includes('[SYN]')).map((m) => m.sentAt);
      return { utilisation: metric('linkUtilisation', 'access, isp → campus')!, response: metric('meanResponseTime')!, hitRate: metric('hitRate'), starts };
    };
    const plain = measures('http-access-link');
    const cached = measures('http-access-link-cache');
    // 150 arrivals, their mean gap 1/12 s (the sample's mean of a Poisson process, within 15 % for this seed), gaps all different
    expect(plain.starts).toHaveLength(150);
    const meanGap = (plain.starts.at(-1)! - plain.starts[0]!) / 149 / 1e9;
    expect(meanGap).toBeGreaterThan((1 / 12) * 0.85);
    expect(meanGap).toBeLessThan((1 / 12) * 1.15);
    expect(plain.utilisation).toBeGreaterThan(0.75);
    expect(plain.hitRate).toBeUndefined();
    expect(cached.hitRate!).toBeGreaterThan(0.3);
    expect(cached.hitRate!).toBeLessThan(0.45);
    expect(cached.utilisation).toBeLessThan(0.6);
    expect(cached.response).toBeLessThan(plain.response / 2);
  });
});
