/**
 * The requests a browser sends (RFC 9112 §3, RFC 9110 §7.2, §10.1.5):
 * origin-form targets, Host with the port when it is not 80, the browser's
 * User-Agent and Accept. A non-persistent page load speaks HTTP/1.0, whose
 * connections end after one response (RFC 1945 §8 / RFC 9112 §9.3: 1.0
 * without keep-alive); the persistent modes speak HTTP/1.1.
 */
import type { HttpRequest } from './message';
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
