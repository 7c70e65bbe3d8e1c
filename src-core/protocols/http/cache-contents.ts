/**
 * An HTTP cache as it stood at one moment, rebuilt from the trace (as
 * dns/cache-contents.ts does for a resolver): a proxy's from its
 * `http.proxyServed` events that kept a copy (a miss it stored, a
 * revalidation that refreshed one), a browser's from its `http.cacheStored`
 * events. Pure, so the inspector and tests can both show it.
 *
 * Rules:
 * - An entry is keyed by URL; a later copy replaces it, with the time it
 *   was stored or refreshed; nothing is evicted (the caches keep every copy
 *   for the run).
 * - Its age is the cache's own (RFC 9111 §4.2.3): the corrected initial age
 *   the event carries (`initialAge`: how old the copy already was when it
 *   arrived — the Age field of a cache before it, as a proxy's hit gives a
 *   browser behind it, the response delay, the time since its Date) plus
 *   the time since it was stored, in the same arithmetic as the engine
 *   (cache-policy.ts `ageAt`, on EpochSeconds). A trace written before
 *   events carried `initialAge` counts it as 0.
 * - It is fresh while its age is below its lifetime (RFC 9111 §4.2), else
 *   stale: the next request for it is validated with the origin.
 * Shown in whole seconds, rounded down.
 */
import type { SimTime } from '../../sim/time';
import type { StateEvent, TraceEvent } from '../../trace/types';
import { ageAt } from './cache-policy';
import { epochSecondsAt } from './http-date';
import { SIM_EPOCH_S } from './objects';

export interface HttpCacheRow {
  readonly url: string;
  readonly status: number;
  readonly bytes: number;
  /** Whole seconds old (the cache's current age, rounded down). */
  readonly age: number;
  /** Fresh by the cache's own rule: its age is below its lifetime. */
  readonly fresh: boolean;
  /** Whole seconds it stays fresh (rounded down: 0 while less than one is left); 0 or less once stale. */
  readonly freshFor: number;
  readonly storedBy: number;
}

interface Copy {
  readonly url: string;
  readonly status: number;
  readonly lifetime: number;
  readonly initialAge: number;
  readonly bytes: number;
}

/** The copy a state event puts in its node's cache, or null. */
export function copyOf(e: StateEvent): Copy | null {
  const d = e.data as Readonly<Record<string, unknown>>;
  const initialAgeOf = (v: unknown) => (typeof v === 'number' ? v : 0);
  if (e.type === 'http.proxyServed') {
    const kept = d['kept'] as { lifetime?: unknown; initialAge?: unknown; bytes?: unknown } | null | undefined;
    if (!kept || typeof kept.lifetime !== 'number' || typeof kept.bytes !== 'number') return null;
    return { url: String(d['url']), status: Number(d['status']), lifetime: kept.lifetime, initialAge: initialAgeOf(kept.initialAge), bytes: kept.bytes };
  }
  if (e.type === 'http.cacheStored' && typeof d['lifetime'] === 'number' && typeof d['bytes'] === 'number') {
    return { url: String(d['url']), status: Number(d['status']), lifetime: d['lifetime'], initialAge: initialAgeOf(d['initialAge']), bytes: d['bytes'] };
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
  const now = epochSecondsAt(at, SIM_EPOCH_S);
  return [...entries.values()]
    .map((c) => {
      // the engine's response_time is the moment it stored the copy: the event's
      const age = ageAt(c.initialAge, epochSecondsAt(c.storedAt, SIM_EPOCH_S), now);
      return { url: c.url, status: c.status, bytes: c.bytes, age: Math.floor(age), fresh: c.lifetime > age, freshFor: Math.floor(c.lifetime - age), storedBy: c.storedBy };
    })
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
