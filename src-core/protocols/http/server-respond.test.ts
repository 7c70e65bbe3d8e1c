import { describe, expect, it } from 'vitest';
import { ms } from '../../sim/time';
import { headerValue, type HeaderField, type HttpRequest } from './message';
import { ObjectTable } from './objects';
import { answer, answerMalformed, keepsAlive, targetPath } from './server-respond';

const decoder = new TextDecoder();

function request(method: string, target: string, version: 'HTTP/1.0' | 'HTTP/1.1' = 'HTTP/1.1', headers: HeaderField[] = [{ name: 'Host', value: 'www.example.com' }], body = ''): HttpRequest {
  return { kind: 'request', method, target, version, headers, body: new TextEncoder().encode(body) };
}

const table = () =>
  new ObjectTable([
    { path: '/index.html', embeds: ['/a.jpg'] },
    { path: '/a.jpg', size: 1000, lastModified: '2026-01-01T00:00:00Z', etag: 'v1', maxAgeS: 60 },
    { path: '/old', redirect: '/index.html' },
  ]);

describe('the web server\'s answers', () => {
  it('GET of an object: 200 with its type, length, validators, freshness, and the run\'s date', () => {
    const { response, close } = answer(request('GET', '/a.jpg'), table(), ms(1500));
    expect([response.status, response.reason, response.body.length, close]).toEqual([200, 'OK', 1000, false]);
    expect(response.headers.map((h) => h.name)).toEqual(['Date', 'Server', 'Last-Modified', 'ETag', 'Cache-Control', 'Content-Type', 'Content-Length']);
    expect(headerValue(response.headers, 'date')).toBe('Mon, 05 Jan 2026 09:00:01 GMT');
    expect(headerValue(response.headers, 'last-modified')).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(headerValue(response.headers, 'etag')).toBe('"v1"');
    expect(headerValue(response.headers, 'cache-control')).toBe('max-age=60');
    expect(headerValue(response.headers, 'content-type')).toBe('image/jpeg');
    expect(headerValue(response.headers, 'content-length')).toBe('1000');
  });

  it('a generated page references its embeds; HEAD has GET\'s length and no body', () => {
    const page = answer(request('GET', '/index.html?x=1'), table(), 0).response;
    expect(decoder.decode(page.body)).toContain('<img src="/a.jpg" alt="">');
    const head = answer(request('HEAD', '/index.html'), table(), 0).response;
    expect(head.body.length).toBe(0);
    expect(headerValue(head.headers, 'content-length')).toBe(String(page.body.length));
  });

  it('404 for an unknown path, 301 with Location for a redirect, absolute-form targets accepted', () => {
    expect(answer(request('GET', '/nope'), table(), 0).response.status).toBe(404);
    const moved = answer(request('GET', 'http://www.example.com/old'), table(), 0).response;
    expect([moved.status, headerValue(moved.headers, 'location')]).toEqual([301, '/index.html']);
  });

  it('conditional GET: 304 with the validators and no body when the ETag matches or the object is not newer', () => {
    const host = { name: 'Host', value: 'h' };
    const byTag = answer(request('GET', '/a.jpg', 'HTTP/1.1', [host, { name: 'If-None-Match', value: 'W/"v1", "v0"' }]), table(), 0).response;
    expect([byTag.status, byTag.body.length, headerValue(byTag.headers, 'etag'), headerValue(byTag.headers, 'content-length')]).toEqual([304, 0, '"v1"', undefined]);
    const stale = answer(request('GET', '/a.jpg', 'HTTP/1.1', [host, { name: 'If-None-Match', value: '"v0"' }]), table(), 0).response;
    expect(stale.status).toBe(200);
    const since = answer(request('GET', '/a.jpg', 'HTTP/1.1', [host, { name: 'If-Modified-Since', value: 'Fri, 02 Jan 2026 00:00:00 GMT' }]), table(), 0).response;
    expect(since.status).toBe(304);
    const older = answer(request('GET', '/a.jpg', 'HTTP/1.1', [host, { name: 'If-Modified-Since', value: 'Wed, 31 Dec 2025 00:00:00 GMT' }]), table(), 0).response;
    expect(older.status).toBe(200);
  });

  it('PUT creates (201) then replaces (204); DELETE removes (204) then 404; POST says what came; other methods 405 or 501', () => {
    const t = table();
    const put = (body: string) => answer(request('PUT', '/notes.txt', 'HTTP/1.1', [{ name: 'Host', value: 'h' }, { name: 'Content-Type', value: 'text/plain' }], body), t, 0).response.status;
    expect([put('one'), put('two')]).toEqual([201, 204]);
    const got = answer(request('GET', '/notes.txt'), t, 0).response;
    expect([decoder.decode(got.body), headerValue(got.headers, 'content-type')]).toEqual(['two', 'text/plain']);
    expect(answer(request('DELETE', '/notes.txt'), t, 0).response.status).toBe(204);
    expect(answer(request('DELETE', '/notes.txt'), t, 0).response.status).toBe(404);
    const post = answer(request('POST', '/index.html', 'HTTP/1.1', [{ name: 'Host', value: 'h' }], 'item=book&qty=2'), t, 0).response;
    expect([post.status, decoder.decode(post.body)]).toEqual([200, 'Received 15 bytes of form data for /index.html\n']);
    const options = answer(request('OPTIONS', '/index.html'), t, 0).response;
    expect([options.status, headerValue(options.headers, 'allow')]).toEqual([405, 'GET, HEAD, POST, PUT, DELETE']);
    expect(answer(request('BREW', '/pot'), t, 0).response.status).toBe(501);
  });

  it('persistence: HTTP/1.1 keeps the connection unless "close"; HTTP/1.0 closes unless "keep-alive"', () => {
    expect(keepsAlive(request('GET', '/'))).toBe(true);
    expect(keepsAlive(request('GET', '/', 'HTTP/1.1', [{ name: 'Host', value: 'h' }, { name: 'Connection', value: 'Upgrade, close' }]))).toBe(false);
    expect(keepsAlive(request('GET', '/', 'HTTP/1.0', []))).toBe(false);
    const kept = answer(request('GET', '/a.jpg', 'HTTP/1.0', [{ name: 'Connection', value: 'keep-alive' }]), table(), 0);
    expect([kept.close, headerValue(kept.response.headers, 'connection')]).toEqual([false, 'keep-alive']);
    const closed = answer(request('GET', '/a.jpg', 'HTTP/1.0', []), table(), 0);
    expect([closed.close, headerValue(closed.response.headers, 'connection')]).toEqual([true, 'close']);
  });

  it('400 for HTTP/1.1 without Host and for a target that is neither form; 505 for a version it does not speak', () => {
    expect(answer(request('GET', '/', 'HTTP/1.1', []), table(), 0)).toMatchObject({ close: true, response: { status: 400 } });
    expect(answer(request('GET', 'index.html'), table(), 0).response.status).toBe(400);
    expect(targetPath('http://h:8080')).toBe('/');
    expect(answerMalformed('HTTP/2.0 is not spoken here', true, 0).status).toBe(505);
    expect(headerValue(answerMalformed('no colon', false, 0).headers, 'connection')).toBe('close');
  });
});

describe('object times', () => {
  it('an ISO date in UTC is read to the second; anything else is no date', async () => {
    const { isoSeconds, SIM_EPOCH_S } = await import('./objects');
    expect(isoSeconds('2026-01-05T09:00:00Z')).toBe(SIM_EPOCH_S);
    expect(isoSeconds('2026-01-05T09:00:01.750Z')).toBe(SIM_EPOCH_S + 1);
    expect(isoSeconds('2026-02-30T00:00:00Z')).toBeNull();
    expect(isoSeconds('2026-01-05 09:00:00')).toBeNull();
  });
});
