import { describe, expect, it } from 'vitest';
import { CookieJar, LATEST_EXPIRY } from './cookies';
import { formatHttpDate } from './http-date';

const T0 = 1_700_000_000; // 2023-11-14T22:13:20Z, EpochSeconds

function names(jar: CookieJar, url: string, now = T0, options = {}): string | null {
  return jar.cookieHeaderFor(url, now, options);
}

describe('CookieJar: storing (RFC 6265 §5.3)', () => {
  it('sends back a host-only cookie to exactly the host that set it', () => {
    const jar = new CookieJar();
    expect(jar.setCookie('SID=1', 'http://www.example.com/', T0)).toMatchObject({ outcome: 'stored', cookie: { domain: 'www.example.com', hostOnly: true, path: '/' } });
    expect(names(jar, 'http://www.example.com/x')).toBe('SID=1');
    expect(names(jar, 'http://a.www.example.com/')).toBeNull();
    expect(names(jar, 'http://example.com/')).toBeNull();
  });

  it('sends a Domain cookie to that domain and its subdomains, and refuses one for a domain the host is not in', () => {
    const jar = new CookieJar();
    expect(jar.setCookie('d=1; Domain=.Example.com', 'http://www.example.com/', T0)).toMatchObject({ outcome: 'stored', cookie: { domain: 'example.com', hostOnly: false } });
    expect(names(jar, 'http://example.com/')).toBe('d=1');
    expect(names(jar, 'http://a.b.example.com/')).toBe('d=1');
    expect(names(jar, 'http://example.org/')).toBeNull();
    expect(jar.setCookie('x=1; Domain=example.org', 'http://www.example.com/', T0)).toMatchObject({ outcome: 'rejected', code: 'domain-mismatch' });
    expect(jar.setCookie('x=1; Domain=a.www.example.com', 'http://www.example.com/', T0)).toMatchObject({ outcome: 'rejected', code: 'domain-mismatch' });
  });

  it('a Domain of just "." gives a host-only cookie (RFC 6265 §5.2.3, §5.3 step 6)', () => {
    const jar = new CookieJar();
    expect(jar.setCookie('a=1; Domain=.', 'http://www.example.com/', T0)).toMatchObject({ outcome: 'stored', cookie: { domain: 'www.example.com', hostOnly: true } });
  });

  it('refuses a Domain that is a single label (our stand-in for a public suffix), unless it is the host itself', () => {
    const jar = new CookieJar();
    expect(jar.setCookie('x=1; Domain=com', 'http://www.example.com/', T0)).toMatchObject({ outcome: 'rejected', code: 'public-suffix' });
    expect(jar.setCookie('x=1; Domain=intranet', 'http://intranet/', T0)).toMatchObject({ outcome: 'stored', cookie: { domain: 'intranet', hostOnly: true } });
  });

  it('keeps cookies of IP-address hosts to that address', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1', 'http://10.0.0.2/shop/cart', T0);
    jar.setCookie('b=2; Domain=10.0.0.2', 'http://10.0.0.2/', T0 + 1);
    expect(jar.setCookie('c=3; Domain=0.0.2', 'http://10.0.0.2/', T0)).toMatchObject({ outcome: 'rejected', code: 'domain-mismatch' });
    expect(names(jar, 'http://10.0.0.2/shop/x')).toBe('a=1; b=2');
    expect(names(jar, 'http://10.0.0.3/shop/x')).toBeNull();
  });

  it('takes the default-path from the request when Path is absent or does not start with "/"', () => {
    const jar = new CookieJar();
    expect(jar.setCookie('a=1', 'http://h.example/docs/guide/page.html', T0)).toMatchObject({ cookie: { path: '/docs/guide' } });
    expect(jar.setCookie('b=1; Path=relative', 'http://h.example/docs/x', T0)).toMatchObject({ cookie: { path: '/docs' } });
    expect(names(jar, 'http://h.example/docs/guide/other')).toBe('a=1; b=1');
    expect(names(jar, 'http://h.example/docs/guidebook')).toBe('b=1');
  });

  it('Max-Age wins over Expires, whichever comes first', () => {
    const jar = new CookieJar();
    const past = formatHttpDate(T0 - 1000);
    expect(jar.setCookie(`a=1; Expires=${past}; Max-Age=60`, 'http://h.example/', T0)).toMatchObject({ cookie: { expires: T0 + 60 } });
    expect(jar.setCookie(`b=1; Max-Age=60; Expires=${past}`, 'http://h.example/', T0)).toMatchObject({ cookie: { expires: T0 + 60 } });
    expect(jar.setCookie(`c=1; Expires=${formatHttpDate(T0 + 10)}`, 'http://h.example/', T0)).toMatchObject({ cookie: { expires: T0 + 10 } });
    expect(jar.setCookie('d=1', 'http://h.example/', T0)).toMatchObject({ cookie: { expires: null } });
    expect(jar.setCookie(`e=1; Max-Age=${'9'.repeat(400)}`, 'http://h.example/', T0)).toMatchObject({ cookie: { expires: LATEST_EXPIRY } });
  });

  it('replacing a cookie keeps its creation time and order, and changes its value and attributes', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1', 'http://h.example/', T0);
    jar.setCookie('b=1', 'http://h.example/', T0 + 1);
    const r = jar.setCookie('a=2; HttpOnly', 'http://h.example/', T0 + 5);
    expect(r).toMatchObject({ outcome: 'stored', cookie: { value: '2', httpOnly: true, creation: T0, lastAccess: T0 + 5 }, replaced: { value: '1' } });
    expect(names(jar, 'http://h.example/', T0 + 6)).toBe('a=2; b=1');
  });

  it('the same name under another path or domain is another cookie', () => {
    const jar = new CookieJar();
    jar.setCookie('a=root; Path=/', 'http://www.example.com/', T0);
    jar.setCookie('a=docs; Path=/docs', 'http://www.example.com/', T0 + 1);
    jar.setCookie('a=domain; Domain=example.com', 'http://www.example.com/', T0 + 2);
    expect(names(jar, 'http://www.example.com/docs/x', T0 + 3)).toBe('a=docs; a=root; a=domain');
    expect(jar.list()).toHaveLength(3);
  });

  it('an expiry in the past deletes the cookie (Max-Age=0, Max-Age<0 or an old Expires), and stores nothing', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1', 'http://h.example/', T0);
    jar.setCookie('b=1', 'http://h.example/', T0);
    jar.setCookie('c=1', 'http://h.example/', T0);
    expect(jar.setCookie('a=; Max-Age=0', 'http://h.example/', T0 + 1)).toMatchObject({ outcome: 'deleted', cookie: { name: 'a', value: '1' } });
    expect(jar.setCookie('b=; Max-Age=-1', 'http://h.example/', T0 + 1)).toMatchObject({ outcome: 'deleted' });
    expect(jar.setCookie('c=; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'http://h.example/', T0 + 1)).toMatchObject({ outcome: 'deleted' });
    expect(jar.setCookie('d=; Max-Age=0', 'http://h.example/', T0 + 1)).toMatchObject({ outcome: 'rejected', code: 'expired' });
    expect(jar.list()).toEqual([]);
  });

  it('a cookie stops being sent when it expires, and is gone from the jar', () => {
    const jar = new CookieJar();
    jar.setCookie('short=1; Max-Age=10', 'http://h.example/', T0);
    jar.setCookie('long=1; Max-Age=100', 'http://h.example/', T0);
    expect(names(jar, 'http://h.example/', T0 + 9.999)).toBe('short=1; long=1');
    expect(names(jar, 'http://h.example/', T0 + 10)).toBe('long=1'); // expired at its expiry time
    expect(jar.list().map((c) => c.name)).toEqual(['long']);
    expect(jar.evictExpired(T0 + 100).map((c) => c.name)).toEqual(['long']);
  });

  it('a cookie set again after it expired is a new cookie, with a new creation time', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1; Max-Age=5', 'http://h.example/', T0);
    jar.setCookie('b=1', 'http://h.example/', T0 + 1);
    expect(jar.setCookie('a=2', 'http://h.example/', T0 + 10)).toMatchObject({ outcome: 'stored', replaced: null, cookie: { creation: T0 + 10 } });
    expect(names(jar, 'http://h.example/', T0 + 11)).toBe('b=1; a=2');
  });

  it('ignores a Secure cookie that did not come over a secure channel (RFC 6265bis §5.7)', () => {
    const jar = new CookieJar();
    expect(jar.setCookie('s=1; Secure', 'http://h.example/', T0)).toMatchObject({ outcome: 'rejected', code: 'insecure-origin' });
    expect(jar.setCookie('s=1; Secure', 'https://h.example/', T0)).toMatchObject({ outcome: 'stored' });
    expect(jar.setCookie('t=1; Secure', 'http://h.example/', T0, { secure: true })).toMatchObject({ outcome: 'stored' });
  });

  it('enforces the __Secure- and __Host- prefixes, ignoring their case (RFC 6265bis §4.1.3)', () => {
    const jar = new CookieJar();
    const url = 'https://h.example/app/';
    expect(jar.setCookie('__Secure-a=1', url, T0)).toMatchObject({ outcome: 'rejected', code: 'name-prefix' });
    expect(jar.setCookie('__secure-a=1', url, T0)).toMatchObject({ outcome: 'rejected', code: 'name-prefix' });
    expect(jar.setCookie('__Secure-a=1; Secure; Domain=h.example', url, T0)).toMatchObject({ outcome: 'stored' });
    expect(jar.setCookie('__Host-b=1; Secure', url, T0)).toMatchObject({ outcome: 'rejected' }); // default-path /app
    expect(jar.setCookie('__Host-b=1; Secure; Path=/; Domain=h.example', url, T0)).toMatchObject({ outcome: 'rejected' });
    expect(jar.setCookie('__Host-b=1; Secure; Path=/', url, T0)).toMatchObject({ outcome: 'stored' });
  });

  it('says why a malformed header or URL stores nothing', () => {
    const jar = new CookieJar();
    expect(jar.setCookie('no-equals-sign', 'http://h.example/', T0)).toMatchObject({ outcome: 'rejected', code: 'syntax' });
    expect(jar.setCookie('a=1', 'not a url', T0)).toMatchObject({ outcome: 'rejected', code: 'url' });
  });

  it('applies every Set-Cookie field of a response, whatever the case of the field name', () => {
    const jar = new CookieJar();
    const results = jar.setFromResponse(
      [{ name: 'Content-Type', value: 'text/html' }, { name: 'Set-Cookie', value: 'a=1' }, { name: 'set-cookie', value: 'b=2; Max-Age=0' }, { name: 'SET-COOKIE', value: 'c=3' }],
      'http://h.example/', T0,
    );
    expect(results.map((r) => r.outcome)).toEqual(['stored', 'rejected', 'stored']);
    expect(names(jar, 'http://h.example/')).toBe('a=1; c=3');
  });
});

describe('CookieJar: the Cookie header (RFC 6265 §5.4)', () => {
  it('puts longer paths first, then earlier creation', () => {
    const jar = new CookieJar();
    jar.setCookie('late=1; Path=/', 'http://h.example/', T0 + 2);
    jar.setCookie('deep=1; Path=/a/b', 'http://h.example/', T0 + 3);
    jar.setCookie('early=1; Path=/', 'http://h.example/', T0 + 1);
    jar.setCookie('mid=1; Path=/a', 'http://h.example/', T0 + 4);
    expect(names(jar, 'http://h.example/a/b/c', T0 + 5)).toBe('deep=1; mid=1; early=1; late=1');
  });

  it('breaks a tie of equal creation times by the order the cookies were set', () => {
    const jar = new CookieJar();
    for (const n of ['x', 'y', 'z']) jar.setCookie(`${n}=1`, 'http://h.example/', T0);
    expect(names(jar, 'http://h.example/')).toBe('x=1; y=1; z=1');
  });

  it('sends Secure cookies only over a secure channel and HttpOnly cookies only to HTTP', () => {
    const jar = new CookieJar();
    jar.setCookie('s=1; Secure', 'https://h.example/', T0);
    jar.setCookie('h=1; HttpOnly', 'https://h.example/', T0 + 1);
    jar.setCookie('p=1', 'https://h.example/', T0 + 2);
    expect(names(jar, 'https://h.example/', T0 + 3)).toBe('s=1; h=1; p=1');
    expect(names(jar, 'http://h.example/', T0 + 3)).toBe('h=1; p=1');
    expect(names(jar, 'http://h.example/', T0 + 3, { secure: true })).toBe('s=1; h=1; p=1');
    expect(names(jar, 'https://h.example/', T0 + 3, { http: false })).toBe('s=1; p=1');
  });

  it('keeps SameSite for display but does not enforce it', () => {
    const jar = new CookieJar();
    expect(jar.setCookie('st=1; SameSite=Strict', 'http://h.example/', T0)).toMatchObject({ cookie: { sameSite: 'strict' } });
    expect(names(jar, 'http://h.example/')).toBe('st=1');
  });

  it('updates the last-access time of the cookies it sends, and only theirs', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1; Path=/a', 'http://h.example/', T0);
    jar.setCookie('b=1; Path=/b', 'http://h.example/', T0);
    jar.cookiesFor('http://h.example/a', T0 + 7);
    expect(jar.list().map((c) => [c.name, c.lastAccess])).toEqual([['a', T0 + 7], ['b', T0]]);
  });

  it('gives no cookies for a URL that does not parse', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1', 'http://h.example/', T0);
    expect(jar.cookiesFor('::', T0)).toEqual([]);
  });
});

describe('CookieJar: state', () => {
  it('its snapshot is plain JSON data, and a jar made from it carries on the same', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1; Max-Age=60; Path=/x', 'http://h.example/', T0);
    jar.setCookie('b=2; Domain=h.example; SameSite=Lax', 'http://h.example/', T0 + 1);
    const snap = jar.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    const copy = new CookieJar(JSON.parse(JSON.stringify(snap)));
    copy.setCookie('c=3', 'http://h.example/', T0 + 2);
    jar.setCookie('c=3', 'http://h.example/', T0 + 2);
    expect(copy.snapshot()).toEqual(jar.snapshot());
    expect(copy.cookieHeaderFor('http://h.example/x', T0 + 3)).toBe('a=1; b=2; c=3');
  });

  it('ending the session removes the cookies without an expiry', () => {
    const jar = new CookieJar();
    jar.setCookie('session=1', 'http://h.example/', T0);
    jar.setCookie('persistent=1; Max-Age=600', 'http://h.example/', T0);
    expect(jar.endSession().map((c) => c.name)).toEqual(['session']);
    expect(names(jar, 'http://h.example/')).toBe('persistent=1');
  });
});
