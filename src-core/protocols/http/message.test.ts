import { describe, expect, it } from 'vitest';
import { hasHeader, headerValue, headerValues, withHeader, withoutHeader } from './message';

const headers = [
  { name: 'Content-Type', value: 'text/html' },
  { name: 'Set-Cookie', value: 'a=1' },
  { name: 'set-cookie', value: 'b=2' },
];

describe('header helpers', () => {
  it('find the first value of a name in any case', () => {
    expect(headerValue(headers, 'content-type')).toBe('text/html');
    expect(headerValue(headers, 'SET-COOKIE')).toBe('a=1');
    expect(headerValue(headers, 'Location')).toBeUndefined();
    expect(hasHeader(headers, 'LOCATION')).toBe(false);
  });

  it('list every value of a name, in order', () => {
    expect(headerValues(headers, 'Set-Cookie')).toEqual(['a=1', 'b=2']);
    expect(headerValues(headers, 'Date')).toEqual([]);
  });

  it('set a field in the place and spelling of its first occurrence, dropping the others, or append it', () => {
    expect(withHeader(headers, 'SET-COOKIE', 'c=3')).toEqual([headers[0], { name: 'Set-Cookie', value: 'c=3' }]);
    expect(withHeader(headers, 'Date', 'x')).toEqual([...headers, { name: 'Date', value: 'x' }]);
    expect(withoutHeader(headers, 'set-cookie')).toEqual([headers[0]]);
  });

  it('do not take an inherited property for a header', () => {
    expect(headerValue([], 'constructor')).toBeUndefined();
  });
});
