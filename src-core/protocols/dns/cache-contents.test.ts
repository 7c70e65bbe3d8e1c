// The resolver's cache rebuilt from the trace of lesson dns-stale-cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import { seconds } from '../../sim/time';
import type { StateEvent } from '../../trace/types';
import { dnsCacheAt, hasDnsCache } from './cache-contents';

const loaded = parseScenarioText(readFileSync(join(__dirname, '../../../resources/lessons/dns-stale-cache.l7.json'), 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const events = runScenario(loaded.scenario).trace().events;
const state = (type: string, from = 0) => events.find((e): e is StateEvent => e.kind === 'state' && e.type === type && e.at >= from)!;

describe('dnsCacheAt', () => {
  it('lists what the local server holds when the zone is edited, with the TTL left', () => {
    const edit = state('dns.zoneEdited');
    const rows = dnsCacheAt(events, 'local', edit.id, edit.at);
    expect(rows.map((r) => `${r.name} ${r.type} ${r.value} ${r.ttlLeft}`)).toEqual([
      'a.gtld-servers.net A addr 192.5.6.30 172795',
      'com NS ns a.gtld-servers.net 172795',
      'dns.example.com A addr 192.0.2.53 172795',
      'example.com NS ns dns.example.com 172795',
      'www.example.com A addr 192.0.2.10 25',
    ]);
  });

  it('drops the entry once it has expired, and shows the new one after the next lookup', () => {
    const expired = state('dns.cacheExpired');
    expect(dnsCacheAt(events, 'local', expired.id, expired.at).some((r) => r.name === 'www.example.com')).toBe(false);
    const last = events[events.length - 1]!;
    const www = dnsCacheAt(events, 'local', last.id, seconds(41)).find((r) => r.name === 'www.example.com')!;
    expect(www.value).toBe('addr 192.0.2.80');
    expect(www.ttlLeft).toBe(29) // stored at 40.029 s for 30 s: 29.029 s left at 41 s;
  });

  it('knows which nodes keep a cache', () => {
    expect(hasDnsCache(events, 'local')).toBe(true);
    expect(hasDnsCache(events, 'auth')).toBe(false);
    expect(dnsCacheAt(events, 'auth', events.length, seconds(1))).toEqual([]);
  });
});
