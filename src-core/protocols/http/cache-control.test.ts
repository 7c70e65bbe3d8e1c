import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheControlOf, deltaSeconds, deltaSecondsField, fieldLines, firstField, MAX_DELTA_SECONDS, parseCacheControl } from './cache-control';

describe('parseCacheControl (RFC 9111 §5.2)', () => {
  it('reads directives with and without arguments, lower-casing the names', () => {
    expect([...parseCacheControl('Max-Age=60, no-cache, PRIVATE')]).toEqual([['max-age', '60'], ['no-cache', null], ['private', null]]);
  });

  it('unquotes quoted arguments, keeping commas and escaped characters inside them', () => {
    const cc = parseCacheControl('no-cache="Set-Cookie, X-Foo", max-age="30", ext="a\\"b"');
    expect(cc.get('no-cache')).toBe('Set-Cookie, X-Foo');
    expect(cc.get('max-age')).toBe('30');
    expect(cc.get('ext')).toBe('a"b');
  });

  it('tolerates spaces, empty list elements and junk, and combines several field lines', () => {
    expect([...parseCacheControl(' , max-age = 5 ,, public junk , ')]).toEqual([['max-age', '5'], ['public', null]]);
    expect([...parseCacheControl(['max-age=5', 'no-store'])]).toEqual([['max-age', '5'], ['no-store', null]]);
  });

  it('keeps the first of a repeated directive (RFC 9111 §4.2.1)', () => {
    expect(parseCacheControl('max-age=10, max-age=20').get('max-age')).toBe('10');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        parseCacheControl(s);
      }),
      { seed: 9111, numRuns: 1000 },
    );
  });
});

describe('deltaSeconds (RFC 9111 §1.2.2)', () => {
  it('reads 1*DIGIT, says invalid for anything else, undefined when absent, and caps at 2^31', () => {
    const cc = parseCacheControl('max-age=60, s-maxage, min-fresh=1.5, max-stale=-1, x=99999999999999');
    expect(deltaSeconds(cc, 'max-age')).toBe(60);
    expect(deltaSeconds(cc, 's-maxage')).toBe('invalid');
    expect(deltaSeconds(cc, 'min-fresh')).toBe('invalid');
    expect(deltaSeconds(cc, 'max-stale')).toBe('invalid');
    expect(deltaSeconds(cc, 'x')).toBe(MAX_DELTA_SECONDS);
    expect(deltaSeconds(cc, 'no-cache')).toBeUndefined();
    expect(deltaSecondsField('12')).toBe(12);
    expect(deltaSecondsField('12s')).toBeNull();
    expect(deltaSecondsField(undefined)).toBeNull();
  });
});

describe('header lists', () => {
  it('finds fields by name ignoring case, in order', () => {
    const headers = [{ name: 'Cache-Control', value: 'max-age=5' }, { name: 'Date', value: ' x ' }, { name: 'cache-control', value: 'public' }];
    expect(fieldLines(headers, 'CACHE-CONTROL')).toEqual(['max-age=5', 'public']);
    expect(firstField(headers, 'date')).toBe('x');
    expect(firstField(headers, 'expires')).toBeUndefined();
    expect([...cacheControlOf(headers).keys()]).toEqual(['max-age', 'public']);
  });
});
