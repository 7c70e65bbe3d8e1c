/**
 * An HTTP cache of objects (RFC 9111; Kurose & Ross §2.2.5): a browser's own
 * (private) or a proxy's (shared). Responses are stored by URL with their
 * bodies, answered from when fresh, validated with a conditional GET when
 * stale. The rules are cache-policy.ts's and cache-validation.ts's; this
 * keeps the entries and says what to do.
 *
 * Rules:
 * - Only what `mayStore` allows for this kind of cache is kept (GET or HEAD, a
 *   cacheable status, no no-store …), keyed by the URL without fragment;
 *   and of that only what could be reused: fresh for some time, or with a
 *   validator (ETag, Last-Modified) for a conditional GET. A response with
 *   neither would only ever be fetched again in full.
 * - `lookup` gives 'use' (fresh: no request at all), 'revalidate' (stale, or
 *   no-cache: a conditional request with If-None-Match / If-Modified-Since)
 *   or 'forward' (nothing stored that fits).
 * - A 304 to a conditional request refreshes the entry (§4.3.4) and the
 *   stored body is used; a 200 replaces it.
 * Times are EpochSeconds (http-date.ts).
 */
import { correctedInitialAge, createEntry, freshnessLifetime, mayStore, reuseDecision, type CacheEntry, type CacheRequest, type ReuseDecision } from './cache-policy';
import { conditionalRequestHeaders, notModifiedMatches, updateFromNotModified } from './cache-validation';
import type { EpochSeconds } from './http-date';
import type { HeaderField, HttpResponse } from './message';

export interface CachedObject {
  readonly entry: CacheEntry;
  readonly body: Uint8Array;
}

export type CacheLookup =
  | { readonly action: 'use'; readonly cached: CachedObject; readonly decision: ReuseDecision }
  | { readonly action: 'revalidate'; readonly cached: CachedObject; readonly decision: ReuseDecision; readonly conditional: readonly HeaderField[] }
  | { readonly action: 'forward' };

export class ObjectCache {
  private readonly byUrl = new Map<string, CachedObject>();
  private readonly options: { readonly shared: boolean };

  /** `shared`: a proxy's cache (s-maxage, private, Authorization count, RFC 9111 §3, §5.2.2.10). */
  constructor(options: { readonly shared: boolean }) {
    this.options = { shared: options.shared };
  }

  lookup(url: string, request: CacheRequest, now: EpochSeconds): CacheLookup {
    const cached = this.byUrl.get(url);
    if (!cached) return { action: 'forward' };
    const decision = reuseDecision(cached.entry, request, now, this.options);
    if (decision.action === 'use') return { action: 'use', cached, decision };
    if (decision.action === 'revalidate') return { action: 'revalidate', cached, decision, conditional: conditionalRequestHeaders(cached.entry) };
    return { action: 'forward' };
  }

  /**
   * What a response means for the cache: a 304 that matches the stored entry
   * refreshes it and hands back the stored object; a storable response is
   * stored; anything else leaves the cache as it is. Returns the object the
   * browser now has for the URL (null: nothing cached for it).
   */
  received(url: string, request: CacheRequest, response: HttpResponse, times: { readonly requestTime: EpochSeconds; readonly responseTime: EpochSeconds }): { readonly kept: CachedObject | null; readonly outcome: 'refreshed' | 'stored' | 'not stored' } {
    const prior = this.byUrl.get(url);
    const res = { status: response.status, headers: response.headers };
    if (response.status === 304 && prior && notModifiedMatches(prior.entry, res)) {
      const kept = { entry: updateFromNotModified(prior.entry, res, times), body: prior.body };
      this.byUrl.set(url, kept);
      return { kept, outcome: 'refreshed' };
    }
    const entry = createEntry(request, res, times);
    if (mayStore(request, res, this.options) && (freshnessLifetime(entry, this.options) > 0 || conditionalRequestHeaders(entry).length > 0)) {
      const kept = { entry, body: response.body };
      this.byUrl.set(url, kept);
      return { kept, outcome: 'stored' };
    }
    return { kept: null, outcome: 'not stored' };
  }

  /** How long `object` stays fresh from its response, seconds (RFC 9111 §4.2.1, for this kind of cache). */
  lifetimeOf(object: CachedObject): number {
    return freshnessLifetime(object.entry, this.options);
  }

  /** How old `object` already was when it was received, seconds (corrected_initial_age, RFC 9111 §4.2.3: an Age field and the response delay included). */
  initialAgeOf(object: CachedObject): number {
    return correctedInitialAge(object.entry);
  }

  /** The stored URLs, in the order they were first stored. */
  urls(): string[] {
    return [...this.byUrl.keys()];
  }
}
