/**
 * What a response means to the browser engine (browser.ts) besides its
 * object: the fetches it leads to, the cookies it sets, whether its
 * connection ends. Pure but for the jar it fills.
 *
 * Rules:
 * - A redirect (301, 302, 303, 307, 308 with Location) is followed for GET
 *   and HEAD (RFC 9110 §15.4: a user agent may; for other methods it must
 *   not change them unasked), at most MAX_REDIRECTS times per object, the
 *   target resolved against the URL that was fetched. The target keeps the
 *   fetch's method and body, and whether it is the page.
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
import { parseHttpUrl, type HttpUrl, type RequestSpec } from './browser-request';
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

/** The fetches the object `got` for fetch `f` leads to: its redirect's target, or the objects the page's HTML references (`fetchesObjects`: a page load, not a request action). */
export function followUps(f: Fetch, got: Delivered, fetchesObjects: boolean): FollowUp[] {
  const location = headerValue(got.headers, 'location');
  if (REDIRECTS.has(got.status) && location !== undefined && f.redirects < MAX_REDIRECTS && (f.request.method === 'GET' || f.request.method === 'HEAD')) {
    const target = parseHttpUrl(location, f.url.href);
    return target ? [{ url: target, isPage: f.isPage, redirects: f.redirects + 1, request: f.request }] : [];
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
