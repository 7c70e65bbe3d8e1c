import { describe, expect, it } from 'vitest';
import {
  createEntry, currentAge, freshness, freshnessLifetime, isFresh, mayStore, needsRevalidation, reuseDecision, storeDecision, storableFields, varyMatches,
  type CacheEntry, type CacheOptions, type CacheRequest, type CacheResponse,
} from './cache-policy';
import { formatHttpDate } from './http-date';

const T0 = 1_700_000_000; // EpochSeconds
const PRIVATE: CacheOptions = { shared: false };
const SHARED: CacheOptions = { shared: true };

type Fields = Record<string, string>;
const list = (fields: Fields) => Object.entries(fields).map(([name, value]) => ({ name, value }));
const get = (fields: Fields = {}, method = 'GET'): CacheRequest => ({ method, headers: list(fields) });
const res = (fields: Fields = {}, status = 200): CacheResponse => ({ status, headers: list({ Date: formatHttpDate(T0), ...fields }) });
const entry = (fields: Fields = {}, options: { status?: number; request?: CacheRequest; requestTime?: number; responseTime?: number } = {}): CacheEntry =>
  createEntry(options.request ?? get(), res(fields, options.status ?? 200), { requestTime: options.requestTime ?? T0, responseTime: options.responseTime ?? T0 });

describe('mayStore (RFC 9111 §3)', () => {
  it('stores a plain 200 to a GET or HEAD in either cache, and nothing for POST or PUT', () => {
    for (const options of [PRIVATE, SHARED]) {
      expect(mayStore(get(), res(), options)).toBe(true);
      expect(mayStore(get({}, 'HEAD'), res(), options)).toBe(true);
      expect(mayStore(get({}, 'POST'), res({ 'Cache-Control': 'max-age=60' }), options)).toBe(false);
      expect(mayStore(get({}, 'PUT'), res(), options)).toBe(false);
    }
  });

  it('stores statuses cacheable by default, and others only with explicit freshness or public', () => {
    for (const status of [200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501]) expect(mayStore(get(), res({}, status), PRIVATE), String(status)).toBe(true);
    for (const status of [302, 303, 307, 400, 403, 500, 503]) expect(mayStore(get(), res({}, status), PRIVATE), String(status)).toBe(false);
    expect(mayStore(get(), res({ 'Cache-Control': 'max-age=60' }, 500), PRIVATE)).toBe(true);
    expect(mayStore(get(), res({ Expires: formatHttpDate(T0 + 60) }, 302), PRIVATE)).toBe(true);
    expect(mayStore(get(), res({ 'Cache-Control': 'public' }, 307), SHARED)).toBe(true);
    expect(mayStore(get(), res({ 'Cache-Control': 's-maxage=60' }, 503), SHARED)).toBe(true);
    expect(mayStore(get(), res({ 'Cache-Control': 's-maxage=60' }, 503), PRIVATE)).toBe(false); // s-maxage is for shared caches
    expect(mayStore(get(), res({ 'Cache-Control': 'private' }, 302), PRIVATE)).toBe(true);
  });

  it('never stores 1xx, 206 or 304', () => {
    for (const status of [100, 206, 304]) expect(mayStore(get(), res({ 'Cache-Control': 'max-age=60' }, status), PRIVATE)).toBe(false);
  });

  it('no-store in the request or the response forbids storing, unless must-understand overrides the response one', () => {
    expect(storeDecision(get({ 'Cache-Control': 'no-store' }), res(), PRIVATE)).toMatchObject({ store: false, reason: expect.stringContaining('§5.2.1.5') });
    expect(storeDecision(get(), res({ 'Cache-Control': 'max-age=60, no-store' }), PRIVATE)).toMatchObject({ store: false, reason: expect.stringContaining('§5.2.2.5') });
    expect(mayStore(get(), res({ 'Cache-Control': 'no-store, must-understand' }), PRIVATE)).toBe(true);
  });

  it('private keeps a response out of a shared cache only', () => {
    expect(mayStore(get(), res({ 'Cache-Control': 'private, max-age=60' }), SHARED)).toBe(false);
    expect(mayStore(get(), res({ 'Cache-Control': 'private, max-age=60' }), PRIVATE)).toBe(true);
  });

  it('a shared cache stores a response to a request with Authorization only when must-revalidate, public or s-maxage says so', () => {
    const auth = get({ Authorization: 'Basic YTpi' });
    expect(mayStore(auth, res({ 'Cache-Control': 'max-age=60' }), SHARED)).toBe(false);
    expect(mayStore(auth, res({ 'Cache-Control': 'max-age=60' }), PRIVATE)).toBe(true);
    for (const cc of ['must-revalidate', 'public', 's-maxage=60']) expect(mayStore(auth, res({ 'Cache-Control': cc }), SHARED), cc).toBe(true);
  });
});

describe('storableFields (RFC 9111 §3.1)', () => {
  it('leaves out hop-by-hop fields and those Connection names', () => {
    const kept = storableFields(list({ Connection: 'keep-alive, X-Hop', 'Keep-Alive': 'timeout=5', 'X-Hop': '1', 'Transfer-Encoding': 'chunked', 'Content-Type': 'text/html' }));
    expect(kept.map((h) => h.name)).toEqual(['Content-Type']);
  });
});

describe('freshnessLifetime (RFC 9111 §4.2.1)', () => {
  it('takes s-maxage in a shared cache, then max-age, then Expires − Date', () => {
    const e = entry({ 'Cache-Control': 'max-age=60, s-maxage=600', Expires: formatHttpDate(T0 + 6000) });
    expect(freshness(e, SHARED)).toEqual({ lifetime: 600, source: 's-maxage' });
    expect(freshness(e, PRIVATE)).toEqual({ lifetime: 60, source: 'max-age' });
    expect(freshness(entry({ Expires: formatHttpDate(T0 + 6000) }), PRIVATE)).toEqual({ lifetime: 6000, source: 'expires' });
  });

  it('counts Expires from Date, not from when the response arrived', () => {
    const e = entry({ Date: formatHttpDate(T0 - 100), Expires: formatHttpDate(T0 + 100) }, { responseTime: T0 });
    expect(freshnessLifetime(e, PRIVATE)).toBe(200);
  });

  it('uses the time of receipt as Date when the response has none (RFC 9110 §6.6.1)', () => {
    const e = createEntry(get(), { status: 200, headers: list({ Expires: formatHttpDate(T0 + 100) }) }, { requestTime: T0 - 1, responseTime: T0 + 10 });
    expect(freshnessLifetime(e, PRIVATE)).toBe(90);
  });

  it('treats an invalid directive argument or Expires as already stale', () => {
    expect(freshness(entry({ 'Cache-Control': 'max-age=soon', Expires: formatHttpDate(T0 + 600) }), PRIVATE)).toEqual({ lifetime: 0, source: 'max-age' });
    expect(freshness(entry({ Expires: '0' }), PRIVATE)).toEqual({ lifetime: 0, source: 'expires' });
    expect(freshness(entry({ Expires: formatHttpDate(T0 - 60) }), PRIVATE)).toEqual({ lifetime: 0, source: 'expires' });
  });

  it('without explicit expiry, gives 10% of the time since Last-Modified (the heuristic of §4.2.2)', () => {
    expect(freshness(entry({ 'Last-Modified': formatHttpDate(T0 - 10_000) }), PRIVATE)).toEqual({ lifetime: 1000, source: 'heuristic' });
    expect(freshness(entry({ 'Last-Modified': formatHttpDate(T0 + 50) }), PRIVATE)).toEqual({ lifetime: 0, source: 'heuristic' });
    expect(freshness(entry(), PRIVATE)).toEqual({ lifetime: 0, source: 'none' });
  });

  it('applies the heuristic only to statuses cacheable by default, or public responses', () => {
    const lm = { 'Last-Modified': formatHttpDate(T0 - 10_000) };
    expect(freshness(entry(lm, { status: 302 }), PRIVATE)).toEqual({ lifetime: 0, source: 'none' });
    expect(freshness(entry({ ...lm, 'Cache-Control': 'public' }, { status: 302 }), PRIVATE)).toEqual({ lifetime: 1000, source: 'heuristic' });
  });
});

describe('currentAge (RFC 9111 §4.2.3)', () => {
  it('is the Age field plus the time spent in this cache', () => {
    const e = entry({ Age: '30' });
    expect(currentAge(e, T0)).toBe(30);
    expect(currentAge(e, T0 + 15)).toBe(45);
  });

  it('adds the response delay to Age, and takes the apparent age when it is larger', () => {
    expect(currentAge(entry({ Age: '30' }, { requestTime: T0 - 2, responseTime: T0 }), T0)).toBe(32);
    expect(currentAge(entry({ Date: formatHttpDate(T0 - 100), Age: '30' }), T0)).toBe(100);
    expect(currentAge(entry({ Date: formatHttpDate(T0 + 100) }), T0)).toBe(0); // a Date in the future: no negative age
  });

  it('counts an Age that is not delta-seconds as 0', () => {
    expect(currentAge(entry({ Age: 'old' }), T0 + 1)).toBe(1);
  });
});

describe('isFresh (RFC 9111 §4.2)', () => {
  it('is fresh while the age is below the lifetime, and stale from then on', () => {
    const e = entry({ 'Cache-Control': 'max-age=60' });
    expect(isFresh(e, T0 + 59.9, PRIVATE)).toBe(true);
    expect(isFresh(e, T0 + 60, PRIVATE)).toBe(false);
    expect(isFresh(entry({ 'Cache-Control': 'max-age=60', Age: '50' }), T0 + 10, PRIVATE)).toBe(false);
  });
});

describe('varyMatches (RFC 9111 §4.1)', () => {
  const response = res({ Vary: 'Accept-Encoding, accept-language' });
  it('matches when the named fields are equal or absent in both, whatever their name case', () => {
    const stored = get({ 'Accept-Encoding': 'gzip, br' });
    expect(varyMatches(stored, get({ 'accept-encoding': 'gzip,br' }), response)).toBe(true);
    expect(varyMatches(stored, get({ 'Accept-Encoding': 'gzip' }), response)).toBe(false);
    expect(varyMatches(stored, get({ 'Accept-Encoding': 'gzip, br', 'Accept-Language': 'fr' }), response)).toBe(false);
    expect(varyMatches(stored, get({ 'Accept-Encoding': 'gzip, br', Cookie: 'a=1' }), response)).toBe(true);
  });

  it('never matches Vary: *, and always matches without Vary', () => {
    expect(varyMatches(get(), get(), res({ Vary: '*' }))).toBe(false);
    expect(varyMatches(get({ A: '1' }), get({ A: '2' }), res())).toBe(true);
  });
});

describe('reuseDecision (RFC 9111 §4)', () => {
  it('uses a fresh response and revalidates a stale one', () => {
    const e = entry({ 'Cache-Control': 'max-age=60' });
    expect(reuseDecision(e, get(), T0 + 10, PRIVATE)).toMatchObject({ action: 'use', age: 10, lifetime: 60, fresh: true });
    expect(reuseDecision(e, get(), T0 + 60, PRIVATE)).toMatchObject({ action: 'revalidate', fresh: false, reason: expect.stringContaining('§4.2.4') });
    expect(needsRevalidation(e, get(), T0 + 60, PRIVATE)).toBe(true);
  });

  it('always revalidates a no-cache response, and when the request says no-cache', () => {
    expect(reuseDecision(entry({ 'Cache-Control': 'no-cache, max-age=600' }), get(), T0 + 1, PRIVATE)).toMatchObject({ action: 'revalidate', fresh: true });
    expect(reuseDecision(entry({ 'Cache-Control': 'max-age=600' }), get({ 'Cache-Control': 'no-cache' }), T0 + 1, PRIVATE)).toMatchObject({ action: 'revalidate' });
  });

  it("honours the request's max-age and min-fresh", () => {
    const e = entry({ 'Cache-Control': 'max-age=600' });
    expect(reuseDecision(e, get({ 'Cache-Control': 'max-age=0' }), T0, PRIVATE).action).toBe('use'); // age 0 is not older than 0
    expect(reuseDecision(e, get({ 'Cache-Control': 'max-age=0' }), T0 + 1, PRIVATE).action).toBe('revalidate');
    expect(reuseDecision(e, get({ 'Cache-Control': 'min-fresh=100' }), T0 + 500, PRIVATE).action).toBe('use');
    expect(reuseDecision(e, get({ 'Cache-Control': 'min-fresh=100' }), T0 + 501, PRIVATE).action).toBe('revalidate');
  });

  it("serves a stale response within the request's max-stale, unless the response forbids it", () => {
    const e = entry({ 'Cache-Control': 'max-age=60' });
    expect(reuseDecision(e, get({ 'Cache-Control': 'max-stale=10' }), T0 + 70, PRIVATE)).toMatchObject({ action: 'use', fresh: false });
    expect(reuseDecision(e, get({ 'Cache-Control': 'max-stale=10' }), T0 + 71, PRIVATE).action).toBe('revalidate');
    expect(reuseDecision(e, get({ 'Cache-Control': 'max-stale' }), T0 + 1e6, PRIVATE).action).toBe('use');
    expect(reuseDecision(e, get({ 'Cache-Control': 'max-stale=soon' }), T0 + 61, PRIVATE).action).toBe('revalidate');
    const stale = (cc: string, options: CacheOptions) => reuseDecision(entry({ 'Cache-Control': cc }), get({ 'Cache-Control': 'max-stale' }), T0 + 100, options).action;
    expect(stale('max-age=60, must-revalidate', PRIVATE)).toBe('revalidate');
    expect(stale('max-age=60, proxy-revalidate', PRIVATE)).toBe('use');
    expect(stale('max-age=60, proxy-revalidate', SHARED)).toBe('revalidate');
    expect(stale('s-maxage=60', SHARED)).toBe('revalidate');
  });

  it('must-revalidate does not matter while the response is fresh', () => {
    expect(reuseDecision(entry({ 'Cache-Control': 'max-age=60, must-revalidate' }), get(), T0 + 30, SHARED).action).toBe('use');
  });

  it('forwards a request the entry does not apply to: another method, or a Vary field that differs', () => {
    const e = entry({ 'Cache-Control': 'max-age=60', Vary: 'Accept-Language' }, { request: get({ 'Accept-Language': 'en' }) });
    expect(reuseDecision(e, get({ 'Accept-Language': 'fr' }), T0 + 1, PRIVATE).action).toBe('forward');
    expect(reuseDecision(e, get({ 'Accept-Language': 'en' }), T0 + 1, PRIVATE).action).toBe('use');
    expect(reuseDecision(e, get({ 'Accept-Language': 'en' }, 'HEAD'), T0 + 1, PRIVATE).action).toBe('use'); // a GET response answers HEAD
    const head = entry({ 'Cache-Control': 'max-age=60' }, { request: get({}, 'HEAD') });
    expect(reuseDecision(head, get(), T0 + 1, PRIVATE).action).toBe('forward');
    expect(needsRevalidation(head, get(), T0 + 1, PRIVATE)).toBe(false);
  });

  it('explains itself with the numbers and the rule', () => {
    expect(reuseDecision(entry({ 'Cache-Control': 'max-age=60' }), get(), T0 + 10, PRIVATE).reason).toBe('fresh: age 10 s, lifetime 60 s (max-age) (RFC 9111 §4.2)');
  });
});
