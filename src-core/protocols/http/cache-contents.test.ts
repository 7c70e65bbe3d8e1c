import { describe, expect, it } from 'vitest';
import browserCacheLesson from '../../../resources/lessons/http-browser-cache.l7.json';
import proxyCacheLesson from '../../../resources/lessons/http-proxy-cache.l7.json';
import { validateScenario } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { MessageEvent, StateEvent, TraceEvent } from '../../trace/types';
import { hasHttpCache, httpCacheAt } from './cache-contents';
import { createEntry, currentAge, isFresh } from './cache-policy';
import { epochSecondsAt } from './http-date';
import { headerValue } from './message';
import { SIM_EPOCH_S } from './objects';
import { HttpParser } from './parser';

// The lessons as their files hold them (imported as JSON: src-core stays free of Node's file system).
function trace(lesson: unknown) {
  const loaded = validateScenario(structuredClone(lesson));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return runScenario(loaded.scenario).trace().events;
}

const states = (events: readonly TraceEvent[], type: string, node?: string) =>
  events.filter((e): e is StateEvent => e.kind === 'state' && e.type === type && (node === undefined || e.node === node));

const epoch = (t: number) => epochSecondsAt(t, SIM_EPOCH_S);

describe('an HTTP cache rebuilt from the trace', () => {
  it('the proxy holds the page and its five photos after Alice\'s load, all fresh for about an hour when Bob\'s load hits them', () => {
    const events = trace(proxyCacheLesson);
    expect(hasHttpCache(events, 'proxy')).toBe(true);
    expect(hasHttpCache(events, 'alice')).toBe(true); // her browser keeps its own copies too
    expect(hasHttpCache(events, 'campus')).toBe(false);
    const served = states(events, 'http.proxyServed');
    const firstMiss = served[0]!;
    expect(httpCacheAt(events, 'proxy', firstMiss.id, firstMiss.at).map((r) => r.url)).toEqual(['http://www.example.com/index.html']);
    const lastHit = served.at(-1)!;
    const rows = httpCacheAt(events, 'proxy', lastHit.id, lastHit.at);
    expect(rows.map((r) => r.url.replace('http://www.example.com', ''))).toEqual(['/index.html', '/photo1.jpg', '/photo2.jpg', '/photo3.jpg', '/photo4.jpg', '/photo5.jpg']);
    for (const r of rows) {
      // every Date says the run's first second and the hits come after 2 s: 2 s old by the apparent age (RFC 9111 §4.2.3)
      expect(r.age).toBe(2);
      expect([r.fresh, r.freshFor]).toEqual([true, 3597]);
    }
    // the hit's own age, as the proxy reported it, is the row's
    expect(lastHit.data['how']).toBe('hit');
    expect(rows.find((r) => r.url === lastHit.data['url'])!.age).toBe(Math.floor(Number(lastHit.data['age'])));
    expect(rows.find((r) => r.url.endsWith('photo1.jpg'))!.bytes).toBe(5000);
  });

  it('a browser behind the proxy counts the Age its copies came with: each of Bob\'s rows is as old, and as fresh, as his cache itself takes it to be', () => {
    const events = trace(proxyCacheLesson);
    const messages = new Map(events.filter((e): e is MessageEvent => e.kind === 'message').map((m) => [m.id, m]));
    const loaded = states(events, 'http.pageLoaded', 'bob')[0]!;
    const rows = httpCacheAt(events, 'bob', loaded.id, loaded.at);
    const stored = states(events, 'http.cacheStored', 'bob');
    expect(stored).toHaveLength(6);
    for (const s of stored) {
      // what Bob's cache was given: the proxy's hit (with Age), answering his request
      const response = messages.get(s.causedBy!)!;
      const request = messages.get(response.causedBy!)!;
      const parser = new HttpParser('response');
      parser.expectResponseTo('GET');
      const [parsed] = parser.push(response.bytes);
      if (!parsed?.ok || parsed.message.kind !== 'response') throw new Error(`not a response: ${response.summary}`);
      const ageField = Number(headerValue(parsed.message.headers, 'age'));
      expect(ageField).toBeGreaterThanOrEqual(1);
      // the entry the engine made of it (request_time: the request written; response_time: the copy stored) and its age now
      const entry = createEntry({ method: 'GET', headers: [] }, parsed.message, { requestTime: epoch(request.sentAt), responseTime: epoch(s.at) });
      const row = rows.find((r) => r.url === s.data['url'])!;
      expect(row.age).toBeGreaterThanOrEqual(ageField);
      expect(row.age).toBe(Math.floor(currentAge(entry, epoch(loaded.at))));
      expect(row.fresh).toBe(isFresh(entry, epoch(loaded.at), { shared: false }));
    }
  });

  it('the browser\'s copies of the images go stale after their 10 s', () => {
    const events = trace(browserCacheLesson);
    const at30 = events.filter((e): e is StateEvent => e.kind === 'state' && e.node === 'client' && e.at >= 30e9)[0]!;
    const rows = httpCacheAt(events, 'client', at30.id, at30.at);
    const logo = rows.find((r) => r.url.endsWith('/logo.png'))!;
    // stored at 0.09 s, its Date the run's first second: at 30 s it is 30 s old (the apparent age counts, RFC 9111 §4.2.3)
    expect([logo.age, logo.fresh, logo.freshFor]).toEqual([30, false, -20]);
  });
});
