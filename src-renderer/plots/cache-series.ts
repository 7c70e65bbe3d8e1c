/**
 * How many entries each cache held over the run, from its state events:
 * - a DNS resolver's (src-core/protocols/dns: `dns.cacheStored` adds an entry
 *   keyed by name and type, replacing one of that key; `dns.cacheExpired`
 *   removes it; an entry is gone at its `expiresAt` even when no expiry event
 *   was reported by then — the expiry timer is weak — as
 *   dns/cache-contents.ts `dnsCacheAt` counts it);
 * - a browser's or a proxy's HTTP cache (http/cache-contents.ts `copyOf`:
 *   keyed by URL, a later copy replaces one, nothing is evicted).
 * One step series per cache (node and protocol), from 0 entries at time 0
 * to the run's end. Times: events in ns, x in seconds.
 */
import { copyOf } from '../../src-core/protocols/http/cache-contents';
import { dnsStateData } from '../../src-core/protocols/dns/state-schemas';
import { toSeconds, type SimTime } from '../../src-core/sim/time';
import type { StateEvent, TraceEvent } from '../../src-core/trace/types';

export interface CacheSeries {
  readonly node: string;
  readonly protocol: 'dns' | 'http';
  /** Seconds, ascending: 0, each change, the run's end. */
  readonly x: number[];
  readonly y: number[];
}

interface Change {
  readonly at: SimTime;
  readonly delta: 1 | -1;
}

/** One cache's entries: key → when the entry stops counting (ns; Infinity: never). */
class CacheCount {
  readonly changes: Change[] = [];
  private readonly live = new Map<string, SimTime>();

  store(key: string, at: SimTime, until: SimTime): void {
    this.remove(key, at);
    this.live.set(key, until);
    this.changes.push({ at, delta: 1 });
  }

  remove(key: string, at: SimTime): void {
    const until = this.live.get(key);
    if (until === undefined) return;
    this.live.delete(key);
    this.changes.push({ at: Math.min(at, until), delta: -1 });
  }

  /** Entries whose time ran out before `end` stop counting then. */
  finish(end: SimTime): void {
    for (const [key, until] of [...this.live]) if (until < end) this.remove(key, until);
  }
}

function dnsChange(cache: CacheCount, e: StateEvent): boolean {
  const stored = dnsStateData(e, 'dns.cacheStored');
  if (stored) {
    cache.store(`${stored.name.toLowerCase()}/${stored.type}`, e.at, stored.expiresAt);
    return true;
  }
  const expired = dnsStateData(e, 'dns.cacheExpired');
  if (expired) cache.remove(`${expired.name.toLowerCase()}/${expired.type}`, e.at);
  return expired !== null;
}

/** The caches' sizes over time, for the state events `stateIds` of `events` (all events when absent). */
export function cacheSeriesOf(events: readonly TraceEvent[], end: SimTime, stateIds?: readonly number[]): CacheSeries[] {
  const caches = new Map<string, { node: string; protocol: 'dns' | 'http'; count: CacheCount }>();
  const cacheOf = (node: string, protocol: 'dns' | 'http') => {
    const key = `${protocol} ${node}`;
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = { node, protocol, count: new CacheCount() }));
    return cache.count;
  };
  const visit = (e: TraceEvent | undefined) => {
    if (e?.kind !== 'state') return;
    if (e.protocol === 'dns' && (e.type === 'dns.cacheStored' || e.type === 'dns.cacheExpired')) dnsChange(cacheOf(e.node, 'dns'), e);
    else if (e.protocol === 'http') {
      const copy = copyOf(e);
      if (copy) cacheOf(e.node, 'http').store(copy.url, e.at, Infinity);
    }
  };
  if (stateIds) for (const id of stateIds) visit(events[id]);
  else for (const e of events) visit(e);
  return [...caches.values()].map(({ node, protocol, count }) => {
    count.finish(end);
    return { node, protocol, ...stepsOf(count.changes, end) };
  });
}

/** Changes (in any order) as a step series: 0 at time 0, the count after all changes of each moment, the last count at `end`. */
function stepsOf(changes: readonly Change[], end: SimTime): { x: number[]; y: number[] } {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  const x = [0];
  const y = [0];
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    count += sorted[i]!.delta;
    if (i + 1 < sorted.length && sorted[i + 1]!.at === sorted[i]!.at) continue;
    const at = toSeconds(sorted[i]!.at);
    if (x[x.length - 1] === at) y[y.length - 1] = count;
    else {
      x.push(at);
      y.push(count);
    }
  }
  const last = toSeconds(end);
  if (last > x[x.length - 1]!) {
    x.push(last);
    y.push(count);
  }
  return { x, y };
}
