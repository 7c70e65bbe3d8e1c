import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { StateEvent } from '../../trace/types';
import { hasHttpCache, httpCacheAt } from './cache-contents';

function trace(id: string) {
  const loaded = parseScenarioText(readFileSync(`resources/lessons/${id}.l7.json`, 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return runScenario(loaded.scenario).trace().events;
}

describe('an HTTP cache rebuilt from the trace', () => {
  it('the proxy holds the page and its five photos after Alice\'s load, all fresh for about an hour when Bob\'s load hits them', () => {
    const events = trace('http-proxy-cache');
    expect(hasHttpCache(events, 'proxy')).toBe(true);
    expect(hasHttpCache(events, 'alice')).toBe(true); // her browser keeps its own copies too
    expect(hasHttpCache(events, 'campus')).toBe(false);
    const served = events.filter((e): e is StateEvent => e.kind === 'state' && e.type === 'http.proxyServed');
    const firstMiss = served[0]!;
    expect(httpCacheAt(events, 'proxy', firstMiss.id, firstMiss.at).map((r) => r.url)).toEqual(['http://www.example.com/index.html']);
    const lastHit = served.at(-1)!;
    const rows = httpCacheAt(events, 'proxy', lastHit.id, lastHit.at);
    expect(rows.map((r) => r.url.replace('http://www.example.com', ''))).toEqual(['/index.html', '/photo1.jpg', '/photo2.jpg', '/photo3.jpg', '/photo4.jpg', '/photo5.jpg']);
    for (const r of rows) {
      expect(r.age).toBe(1); // stored around 0.1–0.4 s, looked at after 2 s: a whole second and some
      expect(r.freshFor).toBeGreaterThan(3590);
    }
    expect(rows.find((r) => r.url.endsWith('photo1.jpg'))!.bytes).toBe(5000);
  });

  it('the browser\'s copies of the images go stale after their 10 s', () => {
    const events = trace('http-browser-cache');
    const at30 = events.filter((e): e is StateEvent => e.kind === 'state' && e.node === 'client' && e.at >= 30e9)[0]!;
    const rows = httpCacheAt(events, 'client', at30.id, at30.at);
    const logo = rows.find((r) => r.url.endsWith('/logo.png'))!;
    expect([logo.age, logo.freshFor <= 0]).toEqual([29, true]);
  });
});
