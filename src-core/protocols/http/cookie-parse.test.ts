import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSetCookie, parseCookieDate, parseCookieHeader, parseSetCookie, type ParsedSetCookie } from './cookie-parse';
import { epochSecondsFromUtc } from './http-date';

function parsed(text: string): ParsedSetCookie {
  const r = parseSetCookie(text);
  if (!r.ok) throw new Error(`did not parse: ${r.reason}`);
  return r.cookie;
}

const RFC_EXAMPLE = 784_111_777; // Sun, 06 Nov 1994 08:49:37 GMT

describe('parseSetCookie (RFC 6265 §5.2)', () => {
  it('reads the name, the value and every attribute', () => {
    expect(parsed('SID=31d4d96e407aad42; Path=/; Secure; HttpOnly; Domain=.Example.COM; Max-Age=3600; Expires=Sun, 06 Nov 1994 08:49:37 GMT; SameSite=Lax')).toEqual({
      name: 'SID', value: '31d4d96e407aad42', path: '/', secure: true, httpOnly: true, domain: 'example.com', maxAge: 3600,
      expires: RFC_EXAMPLE, sameSite: 'lax',
    });
  });

  it('gives nulls and falses when there are no attributes', () => {
    expect(parsed('a=b')).toEqual({ name: 'a', value: 'b', expires: null, maxAge: null, domain: null, path: null, secure: false, httpOnly: false, sameSite: null });
  });

  it('trims spaces and tabs around the name, the value and the attributes, and reads attribute names ignoring case', () => {
    expect(parsed(' \tlang =  en-US \t;  pAtH = /docs ;SECURE')).toMatchObject({ name: 'lang', value: 'en-US', path: '/docs', secure: true });
  });

  it('keeps the value as written: quotes, "=" and spaces inside it', () => {
    expect(parsed('q="a b"; Path=/')).toMatchObject({ value: '"a b"' });
    expect(parsed('eq=a=b=c')).toMatchObject({ name: 'eq', value: 'a=b=c' });
    expect(parsed('empty=')).toMatchObject({ name: 'empty', value: '' });
  });

  it('ignores the whole header without "=", with an empty name, or with a control character', () => {
    expect(parseSetCookie('novalue')).toMatchObject({ ok: false, reason: expect.stringContaining('§5.2 step 2') });
    expect(parseSetCookie('=value')).toMatchObject({ ok: false, reason: expect.stringContaining('§5.2 step 5') });
    expect(parseSetCookie('  =value')).toMatchObject({ ok: false });
    expect(parseSetCookie('a=b\r\nX: y')).toMatchObject({ ok: false, reason: expect.stringContaining('control') });
    expect(parseSetCookie('a=b\u0000')).toMatchObject({ ok: false });
    expect(parsed('a=b\tc')).toMatchObject({ value: 'b\tc' }); // HTAB is allowed
  });

  it('Max-Age: only an optional "-" and digits; ≤ 0 is kept for the jar to read as "expired"', () => {
    expect(parsed('a=b; Max-Age=0').maxAge).toBe(0);
    expect(parsed('a=b; Max-Age=-5').maxAge).toBe(-5);
    for (const bad of ['', '-', '+5', '5s', '1.5', ' ', 'abc', '0x10']) expect(parsed(`a=b; Max-Age=${bad}`).maxAge, bad).toBeNull();
    expect(parsed('a=b; Max-Age')).toMatchObject({ maxAge: null });
  });

  it('the last valid occurrence of an attribute wins; an invalid one leaves the earlier', () => {
    expect(parsed('a=b; Max-Age=10; Max-Age=20').maxAge).toBe(20);
    expect(parsed('a=b; Max-Age=10; Max-Age=x').maxAge).toBe(10);
    expect(parsed('a=b; Expires=Sun, 06 Nov 1994 08:49:37 GMT; Expires=garbage').expires).toBe(RFC_EXAMPLE);
    expect(parsed('a=b; Domain=a.example; Domain=b.example').domain).toBe('b.example');
    expect(parsed('a=b; Domain=a.example; Domain=').domain).toBe('a.example'); // empty: SHOULD ignore (§5.2.3)
  });

  it('Path: a value not starting with "/" means the default-path, even after a valid one', () => {
    expect(parsed('a=b; Path=docs').path).toBeNull();
    expect(parsed('a=b; Path=').path).toBeNull();
    expect(parsed('a=b; Path=/x; Path=y').path).toBeNull();
  });

  it('Domain: the leading dot is dropped, the name lower-cased; "." alone gives "" (host-only)', () => {
    expect(parsed('a=b; Domain=.EXAMPLE.org').domain).toBe('example.org');
    expect(parsed('a=b; Domain=.').domain).toBe('');
    expect(parsed('a=b; Domain=bücher.example').domain).toBe('xn--bcher-kva.example');
  });

  it('SameSite: Strict, Lax or None in any case; anything else is null', () => {
    expect(parsed('a=b; SameSite=STRICT').sameSite).toBe('strict');
    expect(parsed('a=b; SameSite=none').sameSite).toBe('none');
    expect(parsed('a=b; SameSite=Lax; SameSite=bogus').sameSite).toBeNull();
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'binary' }), (s) => {
        parseSetCookie(s);
      }),
      { seed: 6265, numRuns: 1000 },
    );
  });
});

describe('parseCookieDate (RFC 6265 §5.1.1)', () => {
  it('reads the three HTTP date forms', () => {
    expect(parseCookieDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(RFC_EXAMPLE);
    expect(parseCookieDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(RFC_EXAMPLE);
    expect(parseCookieDate('Sun Nov  6 08:49:37 1994')).toBe(RFC_EXAMPLE);
  });

  it('takes the tokens in any order and ignores the rest, as browsers met them', () => {
    expect(parseCookieDate('08:49:37 1994 Nov 6')).toBe(RFC_EXAMPLE);
    expect(parseCookieDate('6 November 1994 08:49:37 +0200 (ignored)')).toBe(RFC_EXAMPLE);
    expect(parseCookieDate('Sun,06-nov-1994 8:49:37')).toBe(RFC_EXAMPLE);
    expect(parseCookieDate('Thu, 01 Jan 1970 00:00:00 GMT')).toBe(0);
  });

  it('reads two-digit years 70–99 as 19xx and 00–69 as 20xx', () => {
    expect(parseCookieDate('01 Jan 70 00:00:00')).toBe(0);
    expect(parseCookieDate('01 Jan 69 00:00:00')).toBe(epochSecondsFromUtc(2069, 1, 1, 0, 0, 0));
  });

  it('fails when a part is missing or out of range, before 1601, or on a date that does not exist', () => {
    for (const bad of [
      '', 'Sun, 06 Nov 1994', '06 Nov 1994 25:00:00', '06 Nov 1994 08:60:00', '06 Nov 1994 08:49:60', '32 Nov 1994 08:49:37',
      '00 Nov 1994 08:49:37', '06 Nov 1600 08:49:37', '30 Feb 2024 00:00:00', '31 Apr 2024 00:00:00', 'Nov 1994 08:49:37', '0',
    ]) {
      expect(parseCookieDate(bad), bad).toBeNull();
    }
    expect(parseCookieDate('29 Feb 2024 00:00:00')).toBe(epochSecondsFromUtc(2024, 2, 29, 0, 0, 0));
  });
});

describe('parseCookieHeader (RFC 6265 §4.2.1)', () => {
  it('splits name=value pairs and skips the malformed', () => {
    expect(parseCookieHeader('SID=31d4d96e407aad42; lang=en-US')).toEqual([{ name: 'SID', value: '31d4d96e407aad42' }, { name: 'lang', value: 'en-US' }]);
    expect(parseCookieHeader('a=1;b=2; junk; =x; a=3')).toEqual([{ name: 'a', value: '1' }, { name: 'b', value: '2' }, { name: 'a', value: '3' }]);
    expect(parseCookieHeader('')).toEqual([]);
  });
});

describe('formatSetCookie (RFC 6265 §4.1.1)', () => {
  it('writes the attributes a server sends, and parses back to them', () => {
    const text = formatSetCookie({ name: 'SID', value: 'x', expires: RFC_EXAMPLE, maxAge: 60, domain: 'example.com', path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
    expect(text).toBe('SID=x; Expires=Sun, 06 Nov 1994 08:49:37 GMT; Max-Age=60; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Strict');
    expect(parsed(text)).toEqual({ name: 'SID', value: 'x', expires: RFC_EXAMPLE, maxAge: 60, domain: 'example.com', path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
    expect(formatSetCookie({ name: 'a', value: 'b' })).toBe('a=b');
  });
});
