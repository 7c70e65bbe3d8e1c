/**
 * How the browser engine (browser.ts) uses the node's HTTP cache: an
 * ObjectCache (object-cache.ts, RFC 9111) kept in the browser's store
 * (browser-store.ts), so it outlives the page load.
 *
 * Rules:
 * - A GET fetch asks the cache once, before it is given a connection.
 * - A fresh copy answers at once and no request is sent (RFC 9111 §4.2):
 *   the object is traced with cache 'fresh', 0 bytes over the network,
 *   connection 0, every phase at the moment the cache was asked.
 * - A stale copy (or one stored with no-cache) makes the request a
 *   conditional GET with the copy's validators (cache-validation.ts); a 304
 *   to it gives back the stored object (RFC 9111 §4.3.4), traced as
 *   'revalidated' with the 304's status and 0 bytes.
 * - Every response is offered to the cache; a copy it stores, or refreshes
 *   from a 304, is an http.cacheStored event with its lifetime and how old
 *   it already was on arrival (its corrected initial age, RFC 9111 §4.2.3:
 *   a proxy's hit comes with Age), so the trace can tell its age later
 *   (cache-contents.ts).
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import { browserRequest } from './browser-request';
import type { Delivered, Fetch, Page } from './browser-page';
import type { HttpEvent, ObjectSeen } from './events';
import { epochSecondsAt } from './http-date';
import type { HttpResponse } from './message';
import type { CachedObject, ObjectCache } from './object-cache';
import { SIM_EPOCH_S } from './objects';
import type { BrowseMode } from './schema';

/** Asks the cache about a GET fetch (once: marks it asked). Returns the fresh copy that answers it, else null, the fetch then conditional when a stale copy's validators apply. */
export function consultCache(cache: ObjectCache, f: Fetch, mode: BrowseMode, now: SimTime): CachedObject | null {
  f.cacheChecked = true;
  const lookup = cache.lookup(f.url.href, { method: 'GET', headers: browserRequest(f.url, mode, f.isPage).headers }, epochSecondsAt(now, SIM_EPOCH_S));
  if (lookup.action === 'use') return lookup.cached;
  if (lookup.action === 'revalidate') f.conditional = lookup.conditional;
  return null;
}

/** The stored response a cached copy delivers. */
function cachedDelivery(object: CachedObject): Delivered {
  const stored = object.entry.response;
  return { status: stored.status, headers: stored.headers, body: object.body };
}

/** What a fresh copy delivers when the cache answers at `now`, and how the object is traced: no bytes, no connection, every phase at that moment. */
export function fromFreshCopy(object: CachedObject, page: Page, now: SimTime): { readonly delivered: Delivered; readonly seen: ObjectSeen } {
  const at = now - page.startedAt;
  const phases = { resolved: at, connectStart: null, connected: null, requestSent: at, firstByte: at, lastByte: at };
  const delivered = cachedDelivery(object);
  return { delivered, seen: { status: delivered.status, bytes: 0, phases, connectionNumber: 0, newConnection: false, cache: 'fresh' } };
}

/** What offering a response to the cache gave: the object the fetch delivers, whether that is a copy our 304 confirmed, and the http.cacheStored event (null: nothing stored). */
export interface CacheOffer {
  readonly delivered: Delivered;
  readonly revalidated: boolean;
  readonly stored: HttpEvent | null;
}

/** Offers the response that answered fetch `f` at `now` to the cache: it takes what it may, and a 304 to our conditional GET gives back the stored object (RFC 9111 §4.3.4). */
export function offerToCache(cache: ObjectCache, f: Fetch, response: HttpResponse, cause: Cause, now: SimTime): CacheOffer {
  const times = { requestTime: epochSecondsAt(f.requestSent ?? now, SIM_EPOCH_S), responseTime: epochSecondsAt(now, SIM_EPOCH_S) };
  const cached = cache.received(f.url.href, { method: f.request.method, headers: f.sentHeaders }, response, times);
  const kept = cached.kept;
  const stored: HttpEvent | null = cached.outcome !== 'not stored' && kept ? { type: 'http.cacheStored', url: f.url.href, outcome: cached.outcome, status: kept.entry.response.status, lifetime: cache.lifetimeOf(kept), initialAge: cache.initialAgeOf(kept), bytes: kept.body.length, cause } : null;
  const revalidated = response.status === 304 && f.conditional !== null && cached.outcome === 'refreshed' && kept !== null;
  return { delivered: revalidated && kept ? cachedDelivery(kept) : response, revalidated, stored };
}
