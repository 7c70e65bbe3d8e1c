import { describe, expect, it } from 'vitest';
import type { JsonValue, StateEvent } from '../../src-core/trace/types';
import { cacheSeriesOf } from './cache-series';

const S = 1e9;
let nextId = 0;
function state(at: number, node: string, type: string, data: Record<string, JsonValue>): StateEvent {
  return { kind: 'state', id: nextId++, at, node, protocol: type.split('.')[0]!, type, summary: type, connection: null, causedBy: null, data };
}
const dnsEntry = (name: string, expiresAt: number) => ({ name, type: 'A', negative: null, expiresAt, records: ['addr 192.0.2.1'] });

describe('cacheSeriesOf', () => {
  it('counts a resolver’s entries: stored adds, storing a key again replaces, expired (reported or due) removes', () => {
    const events = [
      state(1 * S, 'r', 'dns.cacheStored', dnsEntry('a.example', 10 * S)),
      state(2 * S, 'r', 'dns.cacheStored', dnsEntry('b.example', 4 * S)),
      state(3 * S, 'r', 'dns.cacheStored', dnsEntry('A.example', 12 * S)), // the same key: replaces
      state(8 * S, 'r', 'dns.cacheExpired', dnsEntry('b.example', 4 * S)), // reported late: gone at 4 s
      state(9 * S, 'r', 'dns.cacheHit', { name: 'a.example', type: 'A' }),
    ];
    const [resolver, ...others] = cacheSeriesOf(events, 20 * S);
    expect(others).toEqual([]);
    expect(resolver).toEqual({ node: 'r', protocol: 'dns', x: [0, 1, 2, 3, 4, 12, 20], y: [0, 1, 2, 2, 1, 0, 0] });
  });

  it('counts an HTTP cache’s copies by URL, never evicted, one series per node', () => {
    const copy = (url: string) => ({ url, outcome: 'stored', status: 200, lifetime: 60, initialAge: 0, bytes: 100 });
    const events = [
      state(1 * S, 'browser', 'http.cacheStored', copy('/a')),
      state(2 * S, 'proxy', 'http.proxyServed', { url: '/a', method: 'GET', how: 'miss', status: 200, age: null, kept: { lifetime: 60, initialAge: 0, bytes: 100 } }),
      state(3 * S, 'proxy', 'http.proxyServed', { url: '/a', method: 'GET', how: 'hit', status: 200, age: 1, kept: null }),
      state(4 * S, 'browser', 'http.cacheStored', { ...copy('/a'), outcome: 'refreshed' }),
      state(5 * S, 'browser', 'http.cacheStored', copy('/b')),
    ];
    expect(cacheSeriesOf(events, 6 * S)).toEqual([
      { node: 'browser', protocol: 'http', x: [0, 1, 4, 5, 6], y: [0, 1, 1, 2, 2] },
      { node: 'proxy', protocol: 'http', x: [0, 2, 6], y: [0, 1, 1] },
    ]);
  });

  it('looks only at the state events named when given their ids, and finds no cache in other events', () => {
    const events = [state(1 * S, 'r', 'dns.cacheStored', dnsEntry('a.example', 10 * S)), state(2 * S, 'r', 'dns.timeout', { server: 's', name: 'a' })];
    expect(cacheSeriesOf(events, 3 * S, [1])).toEqual([]);
    expect(cacheSeriesOf(events, 3 * S, [0])).toHaveLength(1);
  });
});
