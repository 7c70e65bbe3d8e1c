/**
 * A browser's cookie jar: the storage model of RFC 6265 §5.3 and the Cookie
 * header of §5.4, with three rules of RFC 6265bis (the draft that revises
 * it, draft-ietf-httpbis-rfc6265bis) that browsers apply: a Secure cookie
 * only from a secure origin (§5.7), the __Secure- and __Host- name prefixes
 * (§4.1.3, §5.4), control characters drop the header (§5.6).
 *
 * Units: every time is EpochSeconds (seconds since the Unix epoch; see
 * http-date.ts `epochSecondsAt` for turning a SimTime into one). Max-Age is
 * seconds after the time the Set-Cookie was received.
 *
 * Not implemented, on purpose: a public suffix list (only single labels
 * such as "com" count as public, see cookie-match.ts), SameSite enforcement
 * (the attribute is parsed and shown, never applied: the simulation has no
 * notion of the site a request comes from), the "leave secure cookies
 * alone" rule and the 400-day expiry cap of RFC 6265bis, and the limits of
 * §6.1 (cookies per domain, bytes per cookie).
 *
 * The jar is a class whose whole state is plain data (`snapshot()`, and the
 * constructor takes a snapshot back), so a browser engine can put it in its
 * state and its state events.
 */
import { defaultPath, domainMatches, isPublicSuffix, pathMatches } from './cookie-match';
import { parseSetCookie, type SameSite } from './cookie-parse';
import type { EpochSeconds } from './http-date';

/** A stored cookie: the fields of RFC 6265 §5.3 step 2 (expiry null for a session cookie, persistent-flag false). */
export interface StoredCookie {
  readonly name: string;
  readonly value: string;
  /** Canonical host (host-only) or the Domain attribute, without a leading ".". */
  readonly domain: string;
  readonly path: string;
  /** True when set without a Domain attribute: sent back to exactly that host (§5.3 step 6). */
  readonly hostOnly: boolean;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** Parsed and shown; never enforced. */
  readonly sameSite: SameSite | null;
  /** When it expires, EpochSeconds; null for a session cookie, kept until the browser's session ends. */
  readonly expires: EpochSeconds | null;
  /** When it was first created, EpochSeconds; a replacement keeps the creation time of the cookie it replaces (§5.3 step 11). */
  readonly creation: EpochSeconds;
  /** When it was last sent in a Cookie header (or stored), EpochSeconds (§5.4 step 3). */
  readonly lastAccess: EpochSeconds;
  /** Creation order: breaks ties between equal creation times, which §5.4 step 2 leaves open. */
  readonly seq: number;
}

export interface CookieJarSnapshot {
  /** In creation order (seq). */
  readonly cookies: readonly StoredCookie[];
  readonly nextSeq: number;
}

export type CookieRejection = 'syntax' | 'domain-mismatch' | 'public-suffix' | 'insecure-origin' | 'name-prefix' | 'expired' | 'url';

export type SetCookieResult =
  /** Stored, possibly replacing a cookie of the same name, domain and path. */
  | { readonly outcome: 'stored'; readonly cookie: StoredCookie; readonly replaced: StoredCookie | null }
  /** An expiry in the past removed the stored cookie of that name, domain and path (the usual way to delete a cookie). */
  | { readonly outcome: 'deleted'; readonly cookie: StoredCookie }
  /** Nothing stored; `reason` says why, with the rule. */
  | { readonly outcome: 'rejected'; readonly code: CookieRejection; readonly reason: string };

export interface SetCookieOptions {
  /** Whether the response came over a secure channel; default: the URL's scheme is https or wss. */
  readonly secure?: boolean;
}

export interface CookieRequestOptions {
  /** Whether the request goes over a secure channel (Secure cookies go only there); default: the URL's scheme is https or wss. */
  readonly secure?: boolean;
  /** Whether this is an HTTP request rather than a script's API (HttpOnly cookies go only to HTTP); default true. */
  readonly http?: boolean;
}

/** 9999-12-31T23:59:59Z, EpochSeconds: "the latest representable date" of RFC 6265 §5.3 step 3 (a finite number keeps snapshots JSON). */
export const LATEST_EXPIRY: EpochSeconds = 253_402_300_799;

type Header = { readonly name: string; readonly value: string };

function key(domain: string, path: string, name: string): string {
  return `${domain}\u0000${path}\u0000${name}`;
}

function parseUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isSecureScheme(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'wss:';
}

/** §5.4 step 2: longer paths first, then earlier creation; creation order breaks the remaining ties. */
export function compareCookies(a: StoredCookie, b: StoredCookie): number {
  return b.path.length - a.path.length || a.creation - b.creation || a.seq - b.seq;
}

function isExpired(cookie: StoredCookie, now: EpochSeconds): boolean {
  return cookie.expires !== null && cookie.expires <= now;
}

export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();
  private nextSeq = 0;

  constructor(snapshot?: CookieJarSnapshot) {
    if (!snapshot) return;
    for (const c of snapshot.cookies) this.cookies.set(key(c.domain, c.path, c.name), c);
    this.nextSeq = snapshot.nextSeq;
  }

  /** The whole state as plain data, cookies in creation order. */
  snapshot(): CookieJarSnapshot {
    return { cookies: this.list(), nextSeq: this.nextSeq };
  }

  /** Every stored cookie in creation order (for an inspector); call `evictExpired` first to leave out the expired ones. */
  list(): readonly StoredCookie[] {
    return [...this.cookies.values()].sort((a, b) => a.seq - b.seq);
  }

  /**
   * Removes every cookie whose expiry is at or before `now` (§5.3: the user
   * agent MUST evict expired cookies "at any time"), returning them in
   * creation order. Setting and reading do this too, silently.
   */
  evictExpired(now: EpochSeconds): readonly StoredCookie[] {
    const removed: StoredCookie[] = [];
    for (const [k, c] of this.cookies) {
      if (isExpired(c, now)) {
        this.cookies.delete(k);
        removed.push(c);
      }
    }
    return removed.sort((a, b) => a.seq - b.seq);
  }

  /** Removes the session cookies (expiry null): what closing the browser does (§5.3). Returns them in creation order. */
  endSession(): readonly StoredCookie[] {
    const removed: StoredCookie[] = [];
    for (const [k, c] of this.cookies) {
      if (c.expires === null) {
        this.cookies.delete(k);
        removed.push(c);
      }
    }
    return removed.sort((a, b) => a.seq - b.seq);
  }

  /** Applies every Set-Cookie field of a response (names compared ignoring case), in order. */
  setFromResponse(headers: readonly Header[], requestUrl: string | URL, now: EpochSeconds, options: SetCookieOptions = {}): readonly SetCookieResult[] {
    return headers.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => this.setCookie(h.value, requestUrl, now, options));
  }

  /** The storage model (RFC 6265 §5.3) for one Set-Cookie field value received in a response to `requestUrl` at `now`. */
  setCookie(setCookie: string, requestUrl: string | URL, now: EpochSeconds, options: SetCookieOptions = {}): SetCookieResult {
    const url = parseUrl(requestUrl);
    if (!url) return { outcome: 'rejected', code: 'url', reason: `the request URL ${String(requestUrl)} does not parse` };
    const parsed = parseSetCookie(setCookie);
    if (!parsed.ok) return { outcome: 'rejected', code: 'syntax', reason: parsed.reason };
    const p = parsed.cookie;
    this.evictExpired(now);

    // Step 3: Max-Age wins over Expires; Max-Age ≤ 0 means the earliest time
    // there is, and a later time than we can represent is the latest we can.
    const expires = p.maxAge !== null ? (p.maxAge <= 0 ? -Infinity : Math.min(now + p.maxAge, LATEST_EXPIRY)) : p.expires;

    // Steps 4–6: the domain. The URL class already gives the host in canonical form (§5.1.2).
    const host = url.hostname;
    let domain = p.domain ?? '';
    if (isPublicSuffix(domain)) {
      if (domain !== host) return { outcome: 'rejected', code: 'public-suffix', reason: `Domain=${domain} is a public suffix (RFC 6265 §5.3 step 5)` };
      domain = '';
    }
    let hostOnly = true;
    if (domain !== '') {
      if (!domainMatches(host, domain)) {
        return { outcome: 'rejected', code: 'domain-mismatch', reason: `the host ${host} does not domain-match Domain=${domain} (RFC 6265 §5.3 step 6)` };
      }
      hostOnly = false;
    } else {
      domain = host;
    }

    // Step 7: the path.
    const path = p.path ?? defaultPath(url.pathname);

    // RFC 6265bis §5.7: only a secure origin sets a Secure cookie.
    const secureChannel = options.secure ?? isSecureScheme(url);
    if (p.secure && !secureChannel) {
      return { outcome: 'rejected', code: 'insecure-origin', reason: 'a Secure cookie from a response that did not come over a secure channel (RFC 6265bis §5.7)' };
    }
    // RFC 6265bis §4.1.3: names starting __Secure- need Secure; __Host- also need host-only and an explicit Path=/.
    const lowerName = p.name.toLowerCase();
    if ((lowerName.startsWith('__secure-') || lowerName.startsWith('__host-')) && !p.secure) {
      return { outcome: 'rejected', code: 'name-prefix', reason: `${p.name} needs the Secure attribute (RFC 6265bis §4.1.3)` };
    }
    if (lowerName.startsWith('__host-') && (!hostOnly || p.path !== '/')) {
      return { outcome: 'rejected', code: 'name-prefix', reason: `${p.name} needs no Domain attribute and Path=/ (RFC 6265bis §4.1.3.2)` };
    }

    // Step 11: a cookie of the same name, domain and path is replaced, keeping its creation time.
    const k = key(domain, path, p.name);
    const old = this.cookies.get(k) ?? null;
    if (expires !== null && expires <= now) {
      // An expiry in the past: the new cookie would be evicted at once, taking the old one with it.
      if (!old) return { outcome: 'rejected', code: 'expired', reason: 'it expires at once and there is no such cookie to delete (RFC 6265 §5.3)' };
      this.cookies.delete(k);
      return { outcome: 'deleted', cookie: old };
    }
    const cookie: StoredCookie = {
      name: p.name, value: p.value, domain, path, hostOnly, secure: p.secure, httpOnly: p.httpOnly, sameSite: p.sameSite,
      expires, creation: old ? old.creation : now, lastAccess: now, seq: old ? old.seq : this.nextSeq++,
    };
    this.cookies.set(k, cookie);
    return { outcome: 'stored', cookie, replaced: old };
  }

  /**
   * The cookies to send with a request to `requestUrl` at `now`, in the
   * order of the Cookie header (RFC 6265 §5.4): host-only cookies for
   * exactly that host, others for hosts that domain-match; path-match;
   * Secure only over a secure channel; HttpOnly only to HTTP. Their
   * last-access time becomes `now` (step 3). An unparsable URL gets none.
   */
  cookiesFor(requestUrl: string | URL, now: EpochSeconds, options: CookieRequestOptions = {}): readonly StoredCookie[] {
    const url = parseUrl(requestUrl);
    if (!url) return [];
    this.evictExpired(now);
    const host = url.hostname;
    const path = url.pathname === '' ? '/' : url.pathname;
    const secure = options.secure ?? isSecureScheme(url);
    const http = options.http ?? true;
    const chosen = [...this.cookies.values()]
      .filter((c) => (c.hostOnly ? c.domain === host : domainMatches(host, c.domain)))
      .filter((c) => pathMatches(path, c.path))
      .filter((c) => secure || !c.secure)
      .filter((c) => http || !c.httpOnly)
      .sort(compareCookies)
      .map((c) => ({ ...c, lastAccess: now }));
    for (const c of chosen) this.cookies.set(key(c.domain, c.path, c.name), c);
    return chosen;
  }

  /** The Cookie header field value for a request (RFC 6265 §5.4 step 4: `name=value` joined by "; "), or null when no cookie applies. */
  cookieHeaderFor(requestUrl: string | URL, now: EpochSeconds, options: CookieRequestOptions = {}): string | null {
    const cookies = this.cookiesFor(requestUrl, now, options);
    return cookies.length === 0 ? null : cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }
}
