/**
 * Oracle test: our cookie jar against tough-cookie's (a well-used
 * implementation of RFC 6265) on random sequences of Set-Cookie headers
 * from random hosts and paths at random times, each followed by Cookie
 * headers asked for random URLs later. Compared: whether each Set-Cookie is
 * accepted, and the cookies sent (name=value) with their order.
 *
 * tough-cookie is configured with looseMode: false and keeps its public
 * suffix check: the generated domains lie under example.com, example.org
 * and 10.0.0.2, where the public suffix list and our stand-in (a single
 * label such as "com" is public) agree. Names with a prefix are generated
 * only as "__Secure-" and "__Host-", the case both accept alike (RFC
 * 6265bis matches the prefixes ignoring case; tough-cookie does not).
 *
 * Two things of the harness, not differences:
 * - tough-cookie evicts an expired cookie only when a read meets it; RFC
 *   6265 §5.3 evicts "at any time", which matters because a cookie set again
 *   after it expired is new (a new creation time, so a new place in the
 *   order). Before each Set-Cookie the harness removes the cookies that
 *   tough-cookie's own expiryTime() says have expired.
 * - tough-cookie counts Max-Age from a cookie's lastAccessed, which each
 *   read moves; RFC 6265 §5.3 step 3 counts it from when the cookie was
 *   received. So every read is made on a fresh tough-cookie jar that
 *   replays the Set-Cookies before it (never read before), at the read's
 *   time (tough-cookie reads Date.now(), faked here).
 *
 * Deliberate difference, excluded by name (EXCLUSIONS below):
 * - expiresOnNonexistentDay: an Expires date such as 30 Feb. RFC 6265
 *   §5.1.1 step 6 fails to parse it (so the attribute is ignored);
 *   tough-cookie's Date.UTC rolls it over into March.
 */
import fc from 'fast-check';
import { CookieJar as ToughJar, MemoryCookieStore } from 'tough-cookie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CookieJar, type SetCookieResult } from './cookies';

const T0 = 1_700_000_000; // EpochSeconds

interface SetStep { readonly kind: 'set'; readonly dt: number; readonly url: string; readonly header: string; readonly nonexistentDay: boolean }
interface GetStep { readonly kind: 'get'; readonly dt: number; readonly url: string }
type Step = SetStep | GetStep;

const HOSTS = ['example.com', 'www.example.com', 'a.b.example.com', 'shop.example.com', 'example.org', 'www.example.org', '10.0.0.2'];
const PATHS = ['/', '/index.html', '/docs', '/docs/', '/docs/a.html', '/docs/guide/page', '/docsearch', '/shop/cart/item'];
const DOMAINS = ['example.com', '.example.com', 'EXAMPLE.com', 'www.example.com', 'b.example.com', 'example.org', '.www.example.org', 'com', 'org', '10.0.0.2', '0.0.2', 'other.test'];
const COOKIE_PATHS = ['/', '/docs', '/docs/', '/docs/guide', '/shop', 'docs', ''];
const NAMES = ['a', 'b', 'SID', 'lang', '__Secure-s', '__Host-h'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Mostly one site, so that cookies meet: www.example.com and its parent and child domains.
const host = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('www.example.com', 'example.com', 'a.b.example.com') }, { weight: 1, arbitrary: fc.constantFrom(...HOSTS) });
const url = fc.tuple(fc.constantFrom('http', 'https'), host, fc.constantFrom(...PATHS)).map(([s, h, p]) => `${s}://${h}${p}`);

/** An Expires value `offset` seconds from the time of the Set-Cookie, in one of the shapes browsers meet. */
function expiresText(at: number, shape: number): string {
  const d = new Date(at * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const mon = MONTHS[d.getUTCMonth()]!;
  switch (shape) {
    case 0: return d.toUTCString(); // IMF-fixdate
    case 1: return `${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]}, ${two(d.getUTCDate())}-${mon}-${two(d.getUTCFullYear() % 100)} ${time} GMT`;
    case 2: return `${d.toUTCString().slice(0, 3)} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`; // asctime
    case 3: return `${time} ${d.getUTCDate()} ${mon.toLowerCase()}ember ${d.getUTCFullYear()}`; // tokens in another order
    default: return 'garbage';
  }
}

type Attribute = { readonly text: string; readonly nonexistentDay: boolean };
const plain = (text: string): Attribute => ({ text, nonexistentDay: false });

/** Mostly from `common`, sometimes anything of `all`. */
function mostly<T>(common: fc.Arbitrary<T>, all: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 3, arbitrary: common }, { weight: 1, arbitrary: all });
}

// Small numbers of seconds for both step gaps and lifetimes, so that reads
// fall at exact expiry times too.
const SHORT = [1, 2, 5, 10, 30, 60];
const seconds = (min: number, max: number) => mostly(fc.constantFrom(...SHORT), fc.integer({ min, max }));

/** One cookie-av, or one that needs the time of its Set-Cookie (an Expires relative to it). */
const attribute: fc.Arbitrary<Attribute | ((setAt: number) => Attribute)> = fc.oneof(
  { weight: 30, arbitrary: mostly(fc.constantFrom('example.com', 'www.example.com'), fc.constantFrom(...DOMAINS)).map((d) => plain(`Domain=${d}`)) },
  { weight: 40, arbitrary: mostly(fc.constantFrom('/', '/docs'), fc.constantFrom(...COOKIE_PATHS)).map((p) => plain(`Path=${p}`)) },
  {
    weight: 30,
    arbitrary: fc.oneof(seconds(-20, 600).map(String), fc.constantFrom('0', '-1', 'abc', '10s', '')).map((v) => plain(`Max-Age=${v}`)),
  },
  {
    weight: 30,
    arbitrary: fc.tuple(fc.oneof(seconds(-600, 3000), fc.constant(0)), fc.integer({ min: 0, max: 4 }))
      .map(([offset, shape]) => (setAt: number) => plain(`Expires=${expiresText(setAt + offset, shape)}`)),
  },
  { weight: 1, arbitrary: fc.constantFrom('30 Feb 2030 10:00:00', 'Thu, 31 Apr 2031 00:00:00 GMT').map((d) => ({ text: `Expires=${d}`, nonexistentDay: true })) },
  { weight: 20, arbitrary: fc.constantFrom('Secure', 'HttpOnly', 'SameSite=Lax', 'SameSite=Strict', 'SameSite=None', 'SameSite=bogus', 'Priority=High', 'secure', 'HTTPONLY').map(plain) },
);

/** A Set-Cookie step still waiting for its time (an Expires is written relative to it). */
interface SetDraft { readonly kind: 'set'; readonly dt: number; readonly build: (setAt: number) => SetStep }

const setStep: fc.Arbitrary<SetDraft> = fc
  .tuple(seconds(1, 120), url, mostly(fc.constantFrom('a', 'b', 'c'), fc.constantFrom(...NAMES)), fc.constantFrom('1', 'x', 'v2', ''), fc.array(attribute, { maxLength: 4 }))
  .map(([dt, u, name, value, attrs]) => ({
    kind: 'set',
    dt,
    build: (setAt: number): SetStep => {
      const parts = attrs.map((a) => (typeof a === 'function' ? a(setAt) : a));
      return { kind: 'set', dt, url: u, header: [`${name}=${value}`, ...parts.map((p) => p.text)].join('; '), nonexistentDay: parts.some((p) => p.nonexistentDay) };
    },
  }));

/** A read; with `echo`, on the scheme and host of an earlier Set-Cookie (else few reads would find a cookie). */
interface GetDraft { readonly kind: 'get'; readonly dt: number; readonly url: string; readonly echo: number | null; readonly path: string }

const getStep: fc.Arbitrary<GetDraft> = fc
  .tuple(seconds(1, 120), url, fc.option(fc.nat(), { freq: 4 }), fc.constantFrom(...PATHS))
  .map(([dt, u, echo, path]) => ({ kind: 'get', dt, url: u, echo, path }));

/** A sequence of steps, each `dt` (≥ 1) seconds after the one before, so no two Set-Cookies share a creation time. */
const scenario: fc.Arbitrary<readonly Step[]> = fc
  .array(fc.oneof({ weight: 3, arbitrary: setStep }, { weight: 2, arbitrary: getStep }), { minLength: 1, maxLength: 24, size: 'medium' })
  .map((drafts) => {
    let t = T0;
    const sets: SetStep[] = [];
    return drafts.map((d): Step => {
      t += d.dt;
      if (d.kind === 'set') {
        const step = d.build(t);
        sets.push(step);
        return step;
      }
      const earlier = d.echo === null || sets.length === 0 ? null : sets[d.echo % sets.length]!;
      return { kind: 'get', dt: d.dt, url: earlier ? new URL(d.path, earlier.url).href : d.url };
    });
  });

function timesOf(steps: readonly Step[]): number[] {
  let t = T0;
  return steps.map((s) => (t += s.dt));
}

/** Cases we deliberately decide differently (see the header comment), each by name. */
const EXCLUSIONS: Record<string, (steps: readonly Step[]) => boolean> = {
  expiresOnNonexistentDay: (steps) => steps.some((s) => s.kind === 'set' && s.nonexistentDay),
};

function accepted(r: SetCookieResult): boolean {
  // tough-cookie stores a cookie that expires at once (it is never sent); we only delete what it replaces.
  return r.outcome !== 'rejected' || r.code === 'expired';
}

/** Removes what tough-cookie's own expiryTime() says has expired: RFC 6265 §5.3 eviction "at any time". */
function evictExpired(store: MemoryCookieStore, nowMs: number): void {
  let all: readonly { domain: string | null; path: string | null; key: string; expiryTime(): number | undefined }[] = [];
  store.getAllCookies((err, cookies) => {
    if (err) throw err;
    all = cookies ?? [];
  });
  for (const c of all) {
    const expiry = c.expiryTime();
    if (expiry !== undefined && expiry <= nowMs) store.removeCookie(c.domain ?? '', c.path ?? '', c.key, () => {});
  }
}

/** A tough-cookie jar after the Set-Cookies of `steps` (with their times), and whether each was accepted. */
function toughAfter(steps: readonly Step[], times: readonly number[]): { jar: ToughJar; accepted: boolean[] } {
  const store = new MemoryCookieStore();
  const jar = new ToughJar(store, { looseMode: false });
  const acc: boolean[] = [];
  steps.forEach((s, i) => {
    if (s.kind !== 'set') return;
    const nowMs = times[i]! * 1000;
    evictExpired(store, nowMs);
    vi.setSystemTime(nowMs);
    acc.push(jar.setCookieSync(s.header, s.url, { now: new Date(nowMs), ignoreError: true }) !== undefined);
  });
  return { jar, accepted: acc };
}

describe('cookie jar against tough-cookie', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts the same Set-Cookies and sends the same cookies in the same order', () => {
    const excluded: Record<string, number> = Object.fromEntries(Object.keys(EXCLUSIONS).map((k) => [k, 0]));
    let compared = 0;
    let nonEmpty = 0;
    let several = 0;
    fc.assert(
      fc.property(scenario, (steps) => {
        const hit = Object.entries(EXCLUSIONS).find(([, applies]) => applies(steps));
        if (hit) {
          excluded[hit[0]]!++;
          return;
        }
        const times = timesOf(steps);
        const ours = new CookieJar();
        const ourAccepted: boolean[] = [];
        steps.forEach((s, i) => {
          const now = times[i]!;
          if (s.kind === 'set') {
            ourAccepted.push(accepted(ours.setCookie(s.header, s.url, now)));
            return;
          }
          const sent = ours.cookiesFor(s.url, now).map((c) => `${c.name}=${c.value}`);
          const tough = toughAfter(steps.slice(0, i), times);
          vi.setSystemTime(now * 1000);
          const theirs = tough.jar.getCookiesSync(s.url, { sort: true, http: true }).map((c) => `${c.key}=${c.value}`);
          expect(sent, `${s.url} at +${now - T0} s after ${JSON.stringify(steps.slice(0, i))}`).toEqual(theirs);
          compared++;
          if (sent.length > 0) nonEmpty++;
          if (sent.length > 1) several++;
        });
        expect(ourAccepted, JSON.stringify(steps)).toEqual(toughAfter(steps, times).accepted);
      }),
      { seed: 6265, numRuns: 400 },
    );
    // The exclusions stay exceptions, and the comparisons are not all of empty headers.
    // (With seed 6265: 1657 headers compared, 648 with a cookie, 183 with several; 29 runs excluded.)
    expect(excluded.expiresOnNonexistentDay).toBeLessThan(40);
    expect(compared).toBeGreaterThan(1000);
    expect(nonEmpty).toBeGreaterThan(400);
    expect(several).toBeGreaterThan(100);
  });
});
