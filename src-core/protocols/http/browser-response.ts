/**
 * What a response means to the browser engine (browser.ts) besides its
 * object: the fetches it leads to, the cookies it sets, whether its
 * connection ends. Pure but for the jar it fills.
 *
 * Rules:
 * - A redirect (301, 302, 303, 307, 308 with Location) is followed for GET
 *   and HEAD (RFC 9110 §15.4: a user agent may), at most MAX_REDIRECTS
 *   times per object, the target resolved against the URL that was
 *   fetched, keeping the method and whether it is the page. A 303 See
 *   Other answers any other method too: its target is then fetched with
 *   GET, without the body (§15.4.4: the Post/Redirect/Get of a form); so is
 *   a 301 or 302 to a POST, as browsers do (§15.4.2, §15.4.3 allow it).
 *   Other redirects of other methods are not followed (§15.4: not changed
 *   unasked).
 * - The page's own HTML (a 200 with an HTML Content-Type, media-types.ts)
 *   makes the browser want every object it references (html-refs.ts), in
 *   the order the HTML names them; a request action's answer wants nothing.
 * - Cookies (RFC 6265 §5.3): every Set-Cookie field of a response goes
 *   into the node's jar (browser-store.ts: it outlives the page load), each
 *   outcome an http.cookieStored event; requests carry what the jar gives
 *   (browser-request.ts).
 * - The server ends the connection after a response that says
 *   Connection: close (RFC 9112 §9.6), or an HTTP/1.0 response without
 *   keep-alive (§9.3).
 */
import type { Cause } from '../../engine/face';
import type { SimTime } from '../../sim/time';
import { GET, parseHttpUrl, type HttpUrl, type RequestSpec } from './browser-request';
import type { Delivered, Fetch } from './browser-page';
import type { CookieJar } from './cookies';
import type { HttpEvent } from './events';
import { findHtmlRefs } from './html-refs';
import { epochSecondsAt, formatHttpDate } from './http-date';
import { isHtml } from './media-types';
import { headerValue, type HttpResponse } from './message';
import { SIM_EPOCH_S } from './objects';

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A fetch a delivered object leads to (undefined `request`: a plain GET). */
export interface FollowUp {
  readonly url: HttpUrl;
  readonly isPage: boolean;
  readonly redirects: number;
  readonly request?: RequestSpec;
}

/** The request a redirect of `status` leads to, or null when it is not followed (see the rules above). */
function redirectRequest(status: number, request: RequestSpec): RequestSpec | null {
  if (request.method === 'GET' || request.method === 'HEAD') return request;
  if (status === 303 || (request.method === 'POST' && (status === 301 || status === 302))) return GET;
  return null;
}

/** The fetches the object `got` for fetch `f` leads to: its redirect's target, or the objects the page's HTML references (`fetchesObjects`: a page load, not a request action). */
export function followUps(f: Fetch, got: Delivered, fetchesObjects: boolean): FollowUp[] {
  const location = headerValue(got.headers, 'location');
  const request = REDIRECTS.has(got.status) && location !== undefined && f.redirects < MAX_REDIRECTS ? redirectRequest(got.status, f.request) : null;
  if (request) {
    const target = parseHttpUrl(location!, f.url.href);
    return target ? [{ url: target, isPage: f.isPage, redirects: f.redirects + 1, request }] : [];
  }
  if (!(f.isPage && fetchesObjects && got.status === 200 && isHtml(headerValue(got.headers, 'content-type') ?? ''))) return [];
  const contentType = headerValue(got.headers, 'content-type');
  return findHtmlRefs(got.body, f.url.href, contentType === undefined ? {} : { contentType }).objects.flatMap((ref) => {
    const url = parseHttpUrl(ref.url);
    return url ? [{ url, isPage: false, redirects: 0 }] : [];
  });
}

/** The response's Set-Cookie fields into the jar (RFC 6265 §5.3), each outcome an event for `emit`. */
export function keepCookies(jar: CookieJar, response: HttpResponse, url: string, cause: Cause, connection: string, now: SimTime, emit: (e: HttpEvent) => void): void {
  for (const result of jar.setFromResponse(response.headers, url, epochSecondsAt(now, SIM_EPOCH_S))) {
    if (result.outcome === 'rejected') {
      emit({ type: 'http.cookieStored', outcome: 'rejected', cookie: '', detail: result.reason, cause, connection });
      continue;
    }
    const k = result.cookie;
    const lasts = k.expires === null ? 'until the browser closes' : `until ${formatHttpDate(k.expires)}`;
    emit({ type: 'http.cookieStored', outcome: result.outcome, cookie: `${k.name}=${k.value}`, detail: `for ${k.hostOnly ? '' : '.'}${k.domain}${k.path}, ${lasts}`, cause, connection });
  }
}

/** True when the server ends the connection after this response (RFC 9112 §9.6; an HTTP/1.0 response without keep-alive, §9.3). */
export function connectionCloses(response: HttpResponse): boolean {
  const options = (headerValue(response.headers, 'connection') ?? '').toLowerCase().split(',').map((o) => o.trim());
  if (options.includes('close')) return true;
  return response.version === 'HTTP/1.0' && !options.includes('keep-alive');
}
