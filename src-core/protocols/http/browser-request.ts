/**
 * The requests a browser sends (RFC 9112 §3, RFC 9110 §7.2, §10.1.5):
 * origin-form targets, Host with the port when it is not 80, the browser's
 * User-Agent and Accept. A non-persistent page load speaks HTTP/1.0, whose
 * connections end after one response (RFC 1945 §8 / RFC 9112 §9.3: 1.0
 * without keep-alive); the persistent modes speak HTTP/1.1.
 *
 * A fetch's request as it goes out (`fetchRequest`) adds, in this order:
 * - the validators of a stale cached copy, making it a conditional GET
 *   (RFC 9111 §4.3.1; browser-cache-use.ts finds them);
 * - the Cookie field the node's jar gives for the URL (RFC 6265 §5.4);
 * - for a method other than GET and HEAD, the body's Content-Type (when it
 *   has one) and its Content-Length (RFC 9110 §8.3, §8.6).
 * To an explicit proxy the target is the whole URL (RFC 9112 §3.2.2).
 */
import type { HeaderField, HttpRequest } from './message';
import type { BrowseMode } from './schema';

export const USER_AGENT = 'L7-Lab-Browser/0.1';
export const HTTP_PORT = 80;

/** An http URL taken apart: lower-case host, port, and the origin-form target (path and query). */
export interface HttpUrl {
  readonly href: string;
  readonly host: string;
  readonly port: number;
  readonly target: string;
}

/** Parses an absolute http URL, or one relative to `base` (WHATWG URL rules); null for anything else (https, mailto …). */
export function parseHttpUrl(text: string, base?: string): HttpUrl | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.hostname === '') return null;
  url.hash = '';
  const port = url.port === '' ? HTTP_PORT : Number(url.port);
  return { href: url.href, host: url.hostname.toLowerCase(), port, target: `${url.pathname}${url.search}` };
}

/** The Host header's value (RFC 9110 §7.2): the port only when it is not the scheme's default. */
export function hostHeader(url: HttpUrl): string {
  return url.port === HTTP_PORT ? url.host : `${url.host}:${url.port}`;
}

export function browserRequest(url: HttpUrl, mode: BrowseMode, isPage: boolean): HttpRequest {
  return {
    kind: 'request',
    method: 'GET',
    target: url.target,
    version: mode === 'non-persistent' ? 'HTTP/1.0' : 'HTTP/1.1',
    headers: [
      { name: 'Host', value: hostHeader(url) },
      { name: 'User-Agent', value: USER_AGENT },
      { name: 'Accept', value: isPage ? 'text/html,*/*;q=0.8' : '*/*' },
    ],
    body: new Uint8Array(0),
  };
}

/** What a fetch asks: the method, and a body with its type (form data, a file to PUT). */
export interface RequestSpec {
  readonly method: string;
  readonly body: Uint8Array;
  readonly contentType: string | null;
}

/** A page load's fetches: GET, no body. */
export const GET: RequestSpec = { method: 'GET', body: new Uint8Array(0), contentType: null };

/** What goes on a fetch's request besides the browser's own fields (see the header). */
export interface RequestExtras {
  /** A stale copy's validators, or null: an unconditional request. */
  readonly conditional: readonly HeaderField[] | null;
  /** The Cookie field's value, or null: no cookie for the URL. */
  readonly cookie: string | null;
  /** Sent to an explicit proxy: the target in absolute form. */
  readonly viaProxy: boolean;
}

/** The request a fetch of `url` sends (see the header for what is added to `browserRequest`'s). */
export function fetchRequest(url: HttpUrl, mode: BrowseMode, isPage: boolean, spec: RequestSpec, extras: RequestExtras): HttpRequest {
  const plain = browserRequest(url, mode, isPage);
  const { method, body, contentType } = spec;
  const bodyFields = method === 'GET' || method === 'HEAD' ? [] : [...(contentType === null ? [] : [{ name: 'Content-Type', value: contentType }]), { name: 'Content-Length', value: String(body.length) }];
  const headers = [...plain.headers, ...(extras.conditional ?? []), ...(extras.cookie === null ? [] : [{ name: 'Cookie', value: extras.cookie }]), ...bodyFields];
  return { ...plain, method, headers, body, target: extras.viaProxy ? url.href : plain.target };
}
