/**
 * An HTTP cache as it stood at one moment, rebuilt from the trace (as
 * dns/cache-contents.ts does for a resolver): a proxy's from its
 * `http.proxyServed` events that kept a copy (a miss it stored, a
 * revalidation that refreshed one), a browser's from its `http.cacheStored`
 * events. Pure, so the inspector and tests can both show it.
 *
 * Rules: an entry is keyed by URL; a later copy replaces it, keeping the
 * time it was stored or refreshed; nothing is evicted (the caches keep every
 * copy for the run). Its age counts from then (the origin's responses carry
 * no Age); it is fresh while the age is below its lifetime (RFC 9111 §4.2),
 * else stale: the next request for it is validated with the origin.
 */
import type { SimTime } from '../../sim/time';
import type { StateEvent, TraceEvent } from '../../trace/types';

export interface HttpCacheRow {
  readonly url: string;
  readonly status: number;
  readonly bytes: number;
  /** Whole seconds since the copy was stored or refreshed. */
  readonly age: number;
  /** Whole seconds it stays fresh; 0 or less: stale. */
  readonly freshFor: number;
  readonly storedBy: number;
}

interface Copy {
  readonly url: string;
  readonly status: number;
  readonly lifetime: number;
  readonly bytes: number;
}

/** The copy a state event puts in its node's cache, or null. */
function copyOf(e: StateEvent): Copy | null {
  const d = e.data as Readonly<Record<string, unknown>>;
  if (e.type === 'http.proxyServed') {
    const kept = d['kept'] as { lifetime?: unknown; bytes?: unknown } | null | undefined;
    if (!kept || typeof kept.lifetime !== 'number' || typeof kept.bytes !== 'number') return null;
    return { url: String(d['url']), status: Number(d['status']), lifetime: kept.lifetime, bytes: kept.bytes };
  }
  if (e.type === 'http.cacheStored' && typeof d['lifetime'] === 'number' && typeof d['bytes'] === 'number') {
    return { url: String(d['url']), status: Number(d['status']), lifetime: d['lifetime'], bytes: d['bytes'] };
  }
  return null;
}

/** True when `node` keeps an HTTP cache in this trace (some event of it stored a copy). */
export function hasHttpCache(events: readonly TraceEvent[], node: string): boolean {
  return events.some((e) => e.kind === 'state' && e.node === node && copyOf(e) !== null);
}

/** The cache of `node` just after event `uptoId` (which happened at `at`), by URL. */
export function httpCacheAt(events: readonly TraceEvent[], node: string, uptoId: number, at: SimTime): HttpCacheRow[] {
  const entries = new Map<string, Copy & { storedAt: SimTime; storedBy: number }>();
  const last = Math.min(uptoId, events.length - 1);
  for (let i = 0; i <= last; i++) {
    const e = events[i]!;
    if (e.kind !== 'state' || e.node !== node) continue;
    const copy = copyOf(e);
    if (copy) entries.set(copy.url, { ...copy, storedAt: e.at, storedBy: e.id });
  }
  return [...entries.values()]
    .map((c) => {
      const age = Math.floor((at - c.storedAt) / 1e9);
      return { url: c.url, status: c.status, bytes: c.bytes, age, freshFor: Math.floor(c.lifetime - (at - c.storedAt) / 1e9), storedBy: c.storedBy };
    })
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
