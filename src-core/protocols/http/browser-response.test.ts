// What a redirect leads the browser to fetch: the Post/Redirect/Get of a form (RFC 9110 §15.4).
import { describe, expect, it } from 'vitest';
import { queueFetch, startPage, type Fetch } from './browser-page';
import { parseHttpUrl, type RequestSpec } from './browser-request';
import { followUps } from './browser-response';

const form: RequestSpec = { method: 'POST', body: new TextEncoder().encode('user=bob'), contentType: 'application/x-www-form-urlencoded' };

function fetchOf(method: RequestSpec): Fetch {
  const url = parseHttpUrl('http://webmail.example/login')!;
  const page = startPage(url, { fetchesObjects: false, proxy: null, mode: 'persistent', maxConnections: 1 }, 0);
  queueFetch(page, url, true, 0, null, method);
  return [...page.queues.values()][0]![0]!;
}

const redirect = (status: number) => ({ status, headers: [{ name: 'Location', value: '/inbox' }], body: new Uint8Array(0) });

describe('redirects of a form POST', () => {
  it('fetches a 303\'s target with GET and no body', () => {
    const [next] = followUps(fetchOf(form), redirect(303), false);
    expect(next!.url.href).toBe('http://webmail.example/inbox');
    expect(next!.request).toMatchObject({ method: 'GET', contentType: null });
    expect(next!.request!.body.length).toBe(0);
    expect(next!.isPage).toBe(true);
  });

  it('turns a POST into a GET after 301 and 302, as browsers do, and does not follow 307 or 308 unasked', () => {
    for (const status of [301, 302]) expect(followUps(fetchOf(form), redirect(status), false)[0]!.request!.method).toBe('GET');
    for (const status of [307, 308]) expect(followUps(fetchOf(form), redirect(status), false)).toEqual([]);
  });

  it('keeps GET and HEAD as they are', () => {
    const head: RequestSpec = { method: 'HEAD', body: new Uint8Array(0), contentType: null };
    expect(followUps(fetchOf(head), redirect(303), false)[0]!.request!.method).toBe('HEAD');
  });
});
