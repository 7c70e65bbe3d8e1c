import { describe, expect, it } from 'vitest';
import { headerFieldName, HTTP_FIELDS, HTTP_HEADER_FIELDS } from './fields';

describe('the HTTP field names', () => {
  it('give every node and header a filter id of its own', () => {
    const filters = [...Object.values(HTTP_FIELDS), ...Object.values(HTTP_HEADER_FIELDS)].map((f) => f.filter);
    expect(new Set(filters).size).toBe(filters.length);
    for (const f of filters) expect(f).toMatch(/^(http|data-text-lines|_ws)(\.[a-z_.]+)?$/);
  });

  it('key the headers by their lower-case name, and name them as the RFCs spell them', () => {
    for (const [key, f] of Object.entries(HTTP_HEADER_FIELDS)) expect(f.name.toLowerCase()).toBe(key);
  });

  it('find a header in any case, and an unknown one by the name it was written with', () => {
    expect(headerFieldName('CONTENT-LENGTH')).toEqual({ name: 'Content-Length', filter: 'http.content_length' });
    expect(headerFieldName('Set-Cookie').filter).toBe('http.set_cookie');
    expect(headerFieldName('X-Powered-By')).toEqual({ name: 'X-Powered-By', filter: 'http.unknown_header' });
    expect(headerFieldName('constructor')).toEqual({ name: 'constructor', filter: 'http.unknown_header' });
  });
});
