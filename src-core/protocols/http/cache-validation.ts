/**
 * Validating a stored response (RFC 9111 §4.3): the conditional request a
 * cache sends (§4.3.1), whether a 304 (Not Modified) answer is about the
 * stored response (§4.3.4), and the stored response updated from it (§3.2,
 * §4.3.4); invalidation by unsafe methods (§4.4); the Age field of a
 * response served from the cache (§5.1); and, for a server, whether a
 * conditional GET gets a 304 (RFC 9110 §13.2.2).
 *
 * Units: times are EpochSeconds (see cache-policy.ts).
 */
import { fieldLines, firstField, MAX_DELTA_SECONDS, type HeaderList } from './cache-control';
import { currentAge, storableFields, type CacheEntry, type CacheRequest, type CacheResponse } from './cache-policy';
import { parseHttpDate, type EpochSeconds } from './http-date';

/**
 * The validators of the stored response as conditional request fields
 * (RFC 9111 §4.3.1): its ETag as If-None-Match, its Last-Modified as
 * If-Modified-Since (RFC 9110 §13.1.2, §13.1.3). Both when it has both, as
 * browsers send them (a server evaluates If-None-Match first and then
 * ignores If-Modified-Since, RFC 9110 §13.2.2). Empty without validators:
 * the request is then a plain one.
 */
export function conditionalRequestHeaders(entry: CacheEntry): HeaderList {
  const out: { name: string; value: string }[] = [];
  const etag = firstField(entry.response.headers, 'etag');
  if (etag !== undefined && etag !== '') out.push({ name: 'If-None-Match', value: etag });
  const lastModified = firstField(entry.response.headers, 'last-modified');
  if (lastModified !== undefined && lastModified !== '') out.push({ name: 'If-Modified-Since', value: lastModified });
  return out;
}

function isWeak(etag: string): boolean {
  return etag.startsWith('W/');
}

function opaque(etag: string): string {
  return isWeak(etag) ? etag.slice(2) : etag;
}

/**
 * Whether a 304 response is about the stored response (RFC 9111 §4.3.4):
 * a strong ETag in the 304 must be the stored strong ETag; a weak one must
 * match the stored ETag weakly (RFC 9110 §8.8.3.2); with no ETag, its
 * Last-Modified must be the stored one; with no validator at all, the
 * stored response must have none either.
 */
export function notModifiedMatches(entry: CacheEntry, notModified: CacheResponse): boolean {
  const stored = entry.response.headers;
  const newEtag = firstField(notModified.headers, 'etag');
  const oldEtag = firstField(stored, 'etag');
  if (newEtag !== undefined) {
    if (oldEtag === undefined) return false;
    return isWeak(newEtag) ? opaque(newEtag) === opaque(oldEtag) : !isWeak(oldEtag) && newEtag === oldEtag;
  }
  const newLastModified = firstField(notModified.headers, 'last-modified');
  const oldLastModified = firstField(stored, 'last-modified');
  if (newLastModified !== undefined) return oldLastModified === newLastModified;
  return oldEtag === undefined && oldLastModified === undefined;
}

/**
 * The stored response updated by a 304 received for it (RFC 9111 §4.3.4,
 * §3.2): each field of the 304 replaces the stored lines of that name,
 * except the hop-by-hop ones (§3.1) and Content-Length (§3.2: it describes
 * the 304's own empty body); the rest is kept. The status stays the stored
 * one. The times become those of the validation exchange (EpochSeconds), so
 * age and freshness start again from the 304's Date and Age. Check
 * `notModifiedMatches` first.
 */
export function updateFromNotModified(
  entry: CacheEntry, notModified: CacheResponse, times: { readonly requestTime: EpochSeconds; readonly responseTime: EpochSeconds },
): CacheEntry {
  const updates = storableFields(notModified.headers).filter((h) => h.name.toLowerCase() !== 'content-length');
  const replaced = new Set(updates.map((h) => h.name.toLowerCase()));
  const headers = [...entry.response.headers.filter((h) => !replaced.has(h.name.toLowerCase())), ...updates];
  return { request: entry.request, response: { status: entry.response.status, headers }, requestTime: times.requestTime, responseTime: times.responseTime };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * Whether a response to `request` makes a cache drop what it stored for
 * the target URI (RFC 9111 §4.4): an unsafe method (RFC 9110 §9.2.1) and a
 * non-error status (2xx or 3xx). The URIs in Location and Content-Location,
 * which §4.4 also lets a cache invalidate, are left to the caller.
 */
export function invalidatesStored(request: CacheRequest, response: CacheResponse): boolean {
  return !SAFE_METHODS.has(request.method.toUpperCase()) && response.status >= 200 && response.status < 400;
}

/** The Age field value of the stored response served at `now` (RFC 9111 §5.1): whole seconds, rounded down, at most 2^31. */
export function ageHeaderValue(entry: CacheEntry, now: EpochSeconds): string {
  return String(Math.min(Math.max(0, Math.floor(currentAge(entry, now))), MAX_DELTA_SECONDS));
}

/** The stored fields as served from the cache at `now`: the Age field replaced by the current age (RFC 9111 §4, §5.1). */
export function servedHeaders(entry: CacheEntry, now: EpochSeconds): HeaderList {
  return [...entry.response.headers.filter((h) => h.name.toLowerCase() !== 'age'), { name: 'Age', value: ageHeaderValue(entry, now) }];
}

/**
 * The entity tags an If-None-Match field lists (RFC 9110 §13.1.2), as
 * written (with any W/ prefix), or ['*']. Commas inside a quoted tag are
 * part of it. Junk between tags is skipped.
 */
export function ifNoneMatchTags(headers: HeaderList): readonly string[] {
  const text = fieldLines(headers, 'if-none-match').join(',');
  if (text.trim() === '*') return ['*'];
  return [...text.matchAll(/(W\/)?"[^"]*"/g)].map((m) => m[0]);
}

/**
 * What a server answers a conditional GET or HEAD with (RFC 9110 §13.2.2):
 * 'not-modified' (304) when If-None-Match lists the current ETag by weak
 * comparison (§13.1.2), or is `*` (the resource exists: the caller asks
 * only then); without
 * If-None-Match, when If-Modified-Since is a valid date at or after
 * Last-Modified (§13.1.3); otherwise 'send' (200). Times are EpochSeconds.
 */
export function conditionalOutcome(
  requestHeaders: HeaderList, current: { readonly etag?: string; readonly lastModified?: EpochSeconds },
): 'not-modified' | 'send' {
  const tags = ifNoneMatchTags(requestHeaders);
  if (fieldLines(requestHeaders, 'if-none-match').length > 0) {
    if (tags.includes('*')) return 'not-modified'; // the caller answers for a resource that exists
    if (current.etag === undefined) return 'send';
    return tags.some((t) => opaque(t) === opaque(current.etag!)) ? 'not-modified' : 'send';
  }
  const since = firstField(requestHeaders, 'if-modified-since');
  if (since === undefined || current.lastModified === undefined) return 'send';
  const sinceTime = parseHttpDate(since);
  return sinceTime !== null && Math.floor(current.lastModified) <= sinceTime ? 'not-modified' : 'send';
}
