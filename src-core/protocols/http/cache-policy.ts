/**
 * HTTP caching decisions (RFC 9111) for a private cache (a browser's) and a
 * shared cache (a proxy's): whether a response may be stored (§3), its
 * freshness lifetime (§4.2.1, heuristic §4.2.2), its current age (§4.2.3),
 * and whether a stored response may answer a new request as it is, must be
 * validated with the origin first, or does not apply (§4, §4.1 Vary).
 * Validation itself (conditional requests, 304 updates) is in
 * cache-validation.ts.
 *
 * Units: every time is EpochSeconds (seconds since the Unix epoch; see
 * http-date.ts `epochSecondsAt` for turning a SimTime into one); ages,
 * lifetimes and directive arguments are seconds, possibly fractional.
 *
 * Deliberately simple: only GET and HEAD responses are stored (RFC 9110
 * §9.3.3 lets a POST response be reused for a later GET; browsers do not);
 * partial content (206) is not stored; the qualified forms
 * `no-cache="field"` and `private="field"` count as unqualified (RFC 9111
 * §5.2.2.4, §5.2.2.7 allow it); `immutable`, `stale-while-revalidate` and
 * `stale-if-error` are not acted on; Pragma is ignored (RFC 9111 §5.4
 * deprecates it).
 */
import { cacheControlOf, deltaSeconds, deltaSecondsField, fieldLines, firstField, hasField, type CacheControl, type HeaderList } from './cache-control';
import { parseHttpDate, type EpochSeconds } from './http-date';

export type { HeaderList } from './cache-control';

export interface CacheRequest {
  readonly method: string;
  readonly headers: HeaderList;
}

export interface CacheResponse {
  readonly status: number;
  readonly headers: HeaderList;
}

export interface CacheOptions {
  /** A shared cache (a proxy) rather than a private one (a browser's): s-maxage applies, private and Authorization forbid storing. */
  readonly shared: boolean;
}

/** A stored response with what its freshness and age depend on; plain data. The body is the caller's to keep beside it. */
export interface CacheEntry {
  /** The request the response answered (its method and the fields Vary names). */
  readonly request: CacheRequest;
  /** The stored response (see `createEntry` for the fields left out). */
  readonly response: CacheResponse;
  /** When the request was sent, EpochSeconds (request_time of §4.2.3). */
  readonly requestTime: EpochSeconds;
  /** When the response was received, EpochSeconds (response_time of §4.2.3). */
  readonly responseTime: EpochSeconds;
}

/** Status codes a cache may give a heuristic freshness ("heuristically cacheable", RFC 9110 §15.1). */
export const HEURISTICALLY_CACHEABLE: ReadonlySet<number> = new Set([200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501]);

/** The fraction of (Date − Last-Modified) taken as a heuristic lifetime (RFC 9111 §4.2.2 suggests "such as 10%"). */
export const HEURISTIC_FRACTION = 0.1;

const CACHEABLE_METHODS = new Set(['GET', 'HEAD']);

export interface StoreDecision {
  readonly store: boolean;
  /** Why, with the rule (for the chart and the inspector). */
  readonly reason: string;
}

/** Whether a cache may store a response to a request (RFC 9111 §3), and why. */
export function storeDecision(request: CacheRequest, response: CacheResponse, options: CacheOptions): StoreDecision {
  const method = request.method.toUpperCase();
  const status = response.status;
  const req = cacheControlOf(request.headers);
  const res = cacheControlOf(response.headers);
  const no = (reason: string): StoreDecision => ({ store: false, reason });
  if (!CACHEABLE_METHODS.has(method)) return no(`${method} responses are not stored (L7 Lab caches GET and HEAD; RFC 9111 §3)`);
  if (status < 200) return no(`${status} is not a final response (RFC 9111 §3)`);
  // A cache must understand a 206 or 304 to store it (§3); this one stores neither: no ranges, and a 304 updates an entry (§4.3.4).
  if (status === 206 || status === 304) return no(`a ${status} response is not stored (RFC 9111 §3)`);
  if (req.has('no-store')) return no('the request says no-store (RFC 9111 §5.2.1.5)');
  // must-understand lets a cache that understands the status ignore no-store (§5.2.2.3); every status that got here is understood.
  if (res.has('no-store') && !res.has('must-understand')) return no('the response says no-store (RFC 9111 §5.2.2.5)');
  if (options.shared && res.has('private')) return no('the response is private and this cache is shared (RFC 9111 §5.2.2.7)');
  if (options.shared && hasField(request.headers, 'authorization') && !(res.has('must-revalidate') || res.has('public') || res.has('s-maxage'))) {
    return no('a shared cache does not store a response to a request with Authorization unless must-revalidate, public or s-maxage allows it (RFC 9111 §3.5)');
  }
  if (res.has('public')) return { store: true, reason: 'the response is public (RFC 9111 §5.2.2.9)' };
  if (!options.shared && res.has('private')) return { store: true, reason: 'the response is private and this cache is private (RFC 9111 §5.2.2.7)' };
  if (hasField(response.headers, 'expires')) return { store: true, reason: 'the response has Expires (RFC 9111 §3)' };
  if (res.has('max-age')) return { store: true, reason: 'the response has max-age (RFC 9111 §3)' };
  if (options.shared && res.has('s-maxage')) return { store: true, reason: 'the response has s-maxage (RFC 9111 §3)' };
  if (HEURISTICALLY_CACHEABLE.has(status)) return { store: true, reason: `${status} is cacheable by default (RFC 9111 §3, RFC 9110 §15.1)` };
  return no(`${status} is not cacheable by default and nothing in the response makes it cacheable (RFC 9111 §3)`);
}

/** Whether a cache may store a response to a request (RFC 9111 §3). */
export function mayStore(request: CacheRequest, response: CacheResponse, options: CacheOptions): boolean {
  return storeDecision(request, response, options).store;
}

// Fields a cache does not store (RFC 9111 §3.1): hop-by-hop fields (RFC 9110 §7.6.1) and those Connection names.
const HOP_BY_HOP = ['connection', 'proxy-connection', 'keep-alive', 'te', 'transfer-encoding', 'upgrade'];

/** The fields of a response a cache stores: all but the hop-by-hop ones and those the Connection field names (RFC 9111 §3.1). */
export function storableFields(headers: HeaderList): HeaderList {
  const named = fieldLines(headers, 'connection').flatMap((v) => v.split(',').map((s) => s.trim().toLowerCase()));
  const drop = new Set([...HOP_BY_HOP, ...named]);
  return headers.filter((h) => !drop.has(h.name.toLowerCase()));
}

/** A cache entry for a response (its stored fields, §3.1), with the request and the times of the exchange (EpochSeconds). */
export function createEntry(request: CacheRequest, response: CacheResponse, times: { readonly requestTime: EpochSeconds; readonly responseTime: EpochSeconds }): CacheEntry {
  return { request, response: { status: response.status, headers: storableFields(response.headers) }, requestTime: times.requestTime, responseTime: times.responseTime };
}

/** The Date of the stored response (date_value, §4.2.3), EpochSeconds: when absent or invalid, the time it was received (RFC 9110 §6.6.1). */
export function dateValue(entry: CacheEntry): EpochSeconds {
  const date = firstField(entry.response.headers, 'date');
  return (date === undefined ? null : parseHttpDate(date, { now: entry.responseTime })) ?? entry.responseTime;
}

export type FreshnessSource = 's-maxage' | 'max-age' | 'expires' | 'heuristic' | 'none';

export interface Freshness {
  /** Seconds the response stays fresh, counted from its age 0 (freshness_lifetime, §4.2.1). */
  readonly lifetime: number;
  /** What set it. */
  readonly source: FreshnessSource;
}

/**
 * The freshness lifetime (RFC 9111 §4.2.1), the first that applies of:
 * s-maxage (a shared cache only), max-age, Expires − Date, then a heuristic
 * (§4.2.2). A directive argument that is not delta-seconds, or an Expires
 * that does not parse (such as "0"), makes the response stale: lifetime 0
 * (§4.2.1 encourages it; §5.3 requires it for Expires). The heuristic, only
 * without explicit expiry and only for a heuristically cacheable status or
 * a public response: 10% of the time between Last-Modified and Date, the
 * fraction §4.2.2 suggests; without Last-Modified, 0.
 */
export function freshness(entry: CacheEntry, options: CacheOptions): Freshness {
  const res = cacheControlOf(entry.response.headers);
  const explicit = (seconds: number | 'invalid', source: FreshnessSource): Freshness => ({ lifetime: seconds === 'invalid' ? 0 : seconds, source });
  const sMaxAge = options.shared ? deltaSeconds(res, 's-maxage') : undefined;
  if (sMaxAge !== undefined) return explicit(sMaxAge, 's-maxage');
  const maxAge = deltaSeconds(res, 'max-age');
  if (maxAge !== undefined) return explicit(maxAge, 'max-age');
  const expiresText = firstField(entry.response.headers, 'expires');
  if (expiresText !== undefined) {
    const expires = parseHttpDate(expiresText, { now: entry.responseTime });
    return { lifetime: expires === null ? 0 : Math.max(0, expires - dateValue(entry)), source: 'expires' };
  }
  return heuristicFreshness(entry, res);
}

function heuristicFreshness(entry: CacheEntry, res: CacheControl): Freshness {
  if (!HEURISTICALLY_CACHEABLE.has(entry.response.status) && !res.has('public')) return { lifetime: 0, source: 'none' };
  const lastModifiedText = firstField(entry.response.headers, 'last-modified');
  const lastModified = lastModifiedText === undefined ? null : parseHttpDate(lastModifiedText, { now: entry.responseTime });
  if (lastModified === null) return { lifetime: 0, source: 'none' };
  return { lifetime: Math.max(0, (dateValue(entry) - lastModified) * HEURISTIC_FRACTION), source: 'heuristic' };
}

/** The freshness lifetime in seconds (RFC 9111 §4.2.1); see `freshness`. */
export function freshnessLifetime(entry: CacheEntry, options: CacheOptions): number {
  return freshness(entry, options).lifetime;
}

/**
 * How old the stored response already was when it was received, in seconds
 * (corrected_initial_age, RFC 9111 §4.2.3): the larger of the apparent age
 * (response_time − date_value) and the Age field corrected by the response
 * delay (response_time − request_time). An Age that is not delta-seconds
 * counts as 0.
 */
export function correctedInitialAge(entry: CacheEntry): number {
  const ageValue = deltaSecondsField(firstField(entry.response.headers, 'age')) ?? 0;
  const apparentAge = Math.max(0, entry.responseTime - dateValue(entry));
  const responseDelay = entry.responseTime - entry.requestTime;
  return Math.max(apparentAge, ageValue + responseDelay);
}

/**
 * The age at `now` of a response `initialAge` seconds old when it was
 * received at `responseTime` (EpochSeconds both): plus its resident time,
 * now − response_time (RFC 9111 §4.2.3). The one formula for the cache
 * itself and for a cache rebuilt from the trace (cache-contents.ts).
 */
export function ageAt(initialAge: number, responseTime: EpochSeconds, now: EpochSeconds): number {
  return initialAge + (now - responseTime);
}

/** The age of the stored response at `now` (EpochSeconds), in seconds (current_age, RFC 9111 §4.2.3). */
export function currentAge(entry: CacheEntry, now: EpochSeconds): number {
  return ageAt(correctedInitialAge(entry), entry.responseTime, now);
}

/** Whether the stored response is fresh at `now`: its lifetime exceeds its age (RFC 9111 §4.2). */
export function isFresh(entry: CacheEntry, now: EpochSeconds, options: CacheOptions): boolean {
  return freshnessLifetime(entry, options) > currentAge(entry, now);
}

/** Normalized values of a request field for Vary: the field lines joined by ", ", whitespace around commas collapsed; null when absent. */
function varyValue(headers: HeaderList, name: string): string | null {
  const lines = fieldLines(headers, name);
  if (lines.length === 0) return null;
  return lines.map((l) => l.trim()).join(', ').replace(/[ \t]*,[ \t]*/g, ', ');
}

/**
 * Whether a new request selects the same response as the one it was stored
 * for (RFC 9111 §4.1): every field the response's Vary names has the same
 * value in both, or is absent from both; `Vary: *` never matches. Values are
 * compared after joining repeated lines and collapsing whitespace around
 * commas, and otherwise exactly (the normalization §4.1 allows).
 */
export function varyMatches(storedRequest: CacheRequest, newRequest: CacheRequest, response: CacheResponse): boolean {
  const names = fieldLines(response.headers, 'vary').flatMap((v) => v.split(',').map((s) => s.trim().toLowerCase())).filter((s) => s !== '');
  if (names.includes('*')) return false;
  return names.every((name) => varyValue(storedRequest.headers, name) === varyValue(newRequest.headers, name));
}

export type ReuseAction =
  /** Serve the stored response (fresh, or stale as the request allows). */
  | 'use'
  /** Ask the origin first (a conditional request, cache-validation.ts). */
  | 'revalidate'
  /** The entry does not apply to this request (another method, or Vary differs): forward it as if nothing were stored. */
  | 'forward';

export interface ReuseDecision {
  readonly action: ReuseAction;
  /** Why, with the rule (for the chart and the inspector). */
  readonly reason: string;
  /** current_age at `now`, seconds. */
  readonly age: number;
  /** freshness_lifetime, seconds. */
  readonly lifetime: number;
  readonly fresh: boolean;
}

/**
 * How a cache can answer `request` at `now` (EpochSeconds) with the stored
 * entry (RFC 9111 §4): the stored method must fit (a GET entry also answers
 * HEAD) and Vary must match (§4.1); no-cache in the response (§5.2.2.4) or
 * the request (§5.2.1.4) means validating first; a request's max-age
 * (§5.2.1.1) and min-fresh (§5.2.1.3) can refuse a fresh response; a stale
 * one is validated (§4.2.4) unless the request's max-stale accepts that much
 * staleness (§5.2.1.2) and the response does not forbid it: must-revalidate
 * (§5.2.2.2), and in a shared cache proxy-revalidate (§5.2.2.8) or s-maxage
 * (§5.2.2.10).
 */
export function reuseDecision(entry: CacheEntry, request: CacheRequest, now: EpochSeconds, options: CacheOptions): ReuseDecision {
  const age = currentAge(entry, now);
  const { lifetime, source } = freshness(entry, options);
  const fresh = lifetime > age;
  const decide = (action: ReuseAction, reason: string): ReuseDecision => ({ action, reason, age, lifetime, fresh });
  const storedMethod = entry.request.method.toUpperCase();
  const method = request.method.toUpperCase();
  if (storedMethod !== method && !(storedMethod === 'GET' && method === 'HEAD')) {
    return decide('forward', `the stored response answered ${storedMethod}, not ${method} (RFC 9111 §4)`);
  }
  if (!varyMatches(entry.request, request, entry.response)) return decide('forward', 'the request differs in a field the response varies on (RFC 9111 §4.1)');
  const res = cacheControlOf(entry.response.headers);
  const req = cacheControlOf(request.headers);
  if (res.has('no-cache')) return decide('revalidate', 'the response says no-cache: validate before every reuse (RFC 9111 §5.2.2.4)');
  if (req.has('no-cache')) return decide('revalidate', 'the request says no-cache (RFC 9111 §5.2.1.4)');
  const state = `age ${round(age)} s, lifetime ${round(lifetime)} s (${source})`;
  const reqMaxAge = deltaSeconds(req, 'max-age');
  if (typeof reqMaxAge === 'number' && age > reqMaxAge) return decide('revalidate', `${state}: older than the request's max-age=${reqMaxAge} (RFC 9111 §5.2.1.1)`);
  const minFresh = deltaSeconds(req, 'min-fresh');
  if (typeof minFresh === 'number' && lifetime - age < minFresh) return decide('revalidate', `${state}: not fresh for the request's min-fresh=${minFresh} more (RFC 9111 §5.2.1.3)`);
  if (fresh) return decide('use', `fresh: ${state} (RFC 9111 §4.2)`);
  const forbids = res.has('must-revalidate') ? 'must-revalidate (RFC 9111 §5.2.2.2)'
    : options.shared && res.has('proxy-revalidate') ? 'proxy-revalidate (RFC 9111 §5.2.2.8)'
    : options.shared && res.has('s-maxage') ? 's-maxage, which implies proxy-revalidate (RFC 9111 §5.2.2.10)'
    : null;
  if (req.has('max-stale') && forbids === null) {
    const maxStale = req.get('max-stale') === null ? Infinity : deltaSeconds(req, 'max-stale'); // without an argument: any staleness
    if (typeof maxStale === 'number' && age - lifetime <= maxStale) {
      return decide('use', `stale: ${state}, accepted by the request's max-stale (RFC 9111 §5.2.1.2)`);
    }
  }
  return decide('revalidate', `stale: ${state}${forbids ? `; the response says ${forbids}` : ''} (RFC 9111 §4.2.4)`);
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Whether the stored entry must be validated with the origin before it can answer `request` (reuseDecision's 'revalidate'). */
export function needsRevalidation(entry: CacheEntry, request: CacheRequest, now: EpochSeconds, options: CacheOptions): boolean {
  return reuseDecision(entry, request, now, options).action === 'revalidate';
}
