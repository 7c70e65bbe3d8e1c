import { describe, expect, it } from 'vitest';
import { createEntry, currentAge, isFresh, type CacheResponse } from './cache-policy';
import {
  ageHeaderValue, conditionalOutcome, conditionalRequestHeaders, ifNoneMatchTags, invalidatesStored, notModifiedMatches, servedHeaders, updateFromNotModified,
} from './cache-validation';
import { formatHttpDate } from './http-date';

const T0 = 1_700_000_000; // EpochSeconds
const list = (fields: Record<string, string>) => Object.entries(fields).map(([name, value]) => ({ name, value }));
const GET = { method: 'GET', headers: [] };
const LAST_MODIFIED = formatHttpDate(T0 - 86_400);
const stored = (fields: Record<string, string>) =>
  createEntry(GET, { status: 200, headers: list({ Date: formatHttpDate(T0), ...fields }) }, { requestTime: T0, responseTime: T0 });
const notModified = (fields: Record<string, string>): CacheResponse => ({ status: 304, headers: list(fields) });

describe('conditionalRequestHeaders (RFC 9111 §4.3.1)', () => {
  it('turns the ETag into If-None-Match and Last-Modified into If-Modified-Since', () => {
    expect(conditionalRequestHeaders(stored({ ETag: '"v1"', 'Last-Modified': LAST_MODIFIED }))).toEqual([
      { name: 'If-None-Match', value: '"v1"' }, { name: 'If-Modified-Since', value: LAST_MODIFIED },
    ]);
    expect(conditionalRequestHeaders(stored({ ETag: 'W/"v1"' }))).toEqual([{ name: 'If-None-Match', value: 'W/"v1"' }]);
    expect(conditionalRequestHeaders(stored({}))).toEqual([]);
  });
});

describe('notModifiedMatches (RFC 9111 §4.3.4)', () => {
  it('a strong ETag must be the stored strong ETag; a weak one matches weakly', () => {
    expect(notModifiedMatches(stored({ ETag: '"v1"' }), notModified({ ETag: '"v1"' }))).toBe(true);
    expect(notModifiedMatches(stored({ ETag: '"v1"' }), notModified({ ETag: '"v2"' }))).toBe(false);
    expect(notModifiedMatches(stored({ ETag: 'W/"v1"' }), notModified({ ETag: '"v1"' }))).toBe(false);
    expect(notModifiedMatches(stored({ ETag: '"v1"' }), notModified({ ETag: 'W/"v1"' }))).toBe(true);
    expect(notModifiedMatches(stored({}), notModified({ ETag: '"v1"' }))).toBe(false);
  });

  it('without an ETag, Last-Modified must be the same; without any validator, the stored response must have none', () => {
    expect(notModifiedMatches(stored({ 'Last-Modified': LAST_MODIFIED }), notModified({ 'Last-Modified': LAST_MODIFIED }))).toBe(true);
    expect(notModifiedMatches(stored({ 'Last-Modified': LAST_MODIFIED }), notModified({ 'Last-Modified': formatHttpDate(T0) }))).toBe(false);
    expect(notModifiedMatches(stored({}), notModified({}))).toBe(true);
    expect(notModifiedMatches(stored({ ETag: '"v1"' }), notModified({}))).toBe(false);
  });
});

describe('updateFromNotModified (RFC 9111 §4.3.4, §3.2)', () => {
  it('replaces the stored fields the 304 carries, keeps the rest and the status, and restarts the clock', () => {
    const before = stored({ 'Cache-Control': 'max-age=60', ETag: '"v1"', 'Content-Type': 'text/html', 'Content-Length': '1234' });
    expect(isFresh(before, T0 + 100, { shared: false })).toBe(false);
    const after = updateFromNotModified(
      before,
      notModified({ Date: formatHttpDate(T0 + 100), 'Cache-Control': 'max-age=120', ETag: '"v1"', 'Content-Length': '0', Connection: 'close' }),
      { requestTime: T0 + 99, responseTime: T0 + 100 },
    );
    expect(after.response.status).toBe(200);
    expect(Object.fromEntries(after.response.headers.map((h) => [h.name, h.value]))).toEqual({
      'Content-Type': 'text/html', 'Content-Length': '1234', Date: formatHttpDate(T0 + 100), 'Cache-Control': 'max-age=120', ETag: '"v1"',
    });
    expect(currentAge(after, T0 + 100)).toBe(1); // the response delay of the validation
    expect(isFresh(after, T0 + 200, { shared: false })).toBe(true);
  });
});

describe('invalidatesStored (RFC 9111 §4.4)', () => {
  it('an unsafe method that succeeds invalidates; safe methods and errors do not', () => {
    expect(invalidatesStored({ method: 'POST', headers: [] }, { status: 201, headers: [] })).toBe(true);
    expect(invalidatesStored({ method: 'delete', headers: [] }, { status: 303, headers: [] })).toBe(true);
    expect(invalidatesStored({ method: 'PUT', headers: [] }, { status: 500, headers: [] })).toBe(false);
    expect(invalidatesStored({ method: 'GET', headers: [] }, { status: 200, headers: [] })).toBe(false);
  });
});

describe('serving from the cache (RFC 9111 §5.1)', () => {
  it('sends the current age in whole seconds as Age, replacing the stored one', () => {
    const e = stored({ Age: '10', 'Content-Type': 'text/plain' });
    expect(ageHeaderValue(e, T0 + 5.7)).toBe('15');
    expect(servedHeaders(e, T0 + 5.7).filter((h) => h.name.toLowerCase() === 'age')).toEqual([{ name: 'Age', value: '15' }]);
  });
});

describe('conditionalOutcome (RFC 9110 §13.2.2), for servers', () => {
  const current = { etag: '"v2"', lastModified: T0 - 100 };
  it('answers 304 when If-None-Match lists the current ETag (weakly compared) or is *', () => {
    expect(conditionalOutcome(list({ 'If-None-Match': '"v1", W/"v2"' }), current)).toBe('not-modified');
    expect(conditionalOutcome(list({ 'If-None-Match': '"v1"' }), current)).toBe('send');
    expect(conditionalOutcome(list({ 'If-None-Match': '*' }), current)).toBe('not-modified');
  });

  it('uses If-Modified-Since only without If-None-Match', () => {
    expect(conditionalOutcome(list({ 'If-Modified-Since': formatHttpDate(T0 - 100) }), current)).toBe('not-modified');
    expect(conditionalOutcome(list({ 'If-Modified-Since': formatHttpDate(T0 - 101) }), current)).toBe('send');
    expect(conditionalOutcome(list({ 'If-None-Match': '"v1"', 'If-Modified-Since': formatHttpDate(T0) }), current)).toBe('send');
    expect(conditionalOutcome(list({ 'If-Modified-Since': 'yesterday' }), current)).toBe('send');
    expect(conditionalOutcome([], current)).toBe('send');
  });

  it('reads entity tags with commas inside them', () => {
    expect(ifNoneMatchTags(list({ 'If-None-Match': '"a,b", W/"c" ,junk "d"' }))).toEqual(['"a,b"', 'W/"c"', '"d"']);
  });
});
