/**
 * A web site's cookie back-end (Kurose & Ross §2.2.4): the first request
 * without the site's cookie gets a new identification number in a
 * Set-Cookie header and a row in the back-end database; every later request
 * that brings the cookie back updates that user's row (visits, the pages
 * asked for). Pure: the server engine (server.ts) asks it per request and
 * reports the row as a state event.
 *
 * Rules (RFC 6265 §4.1): the cookie is `<name>=<id>; Path=/`, with Max-Age
 * when the site gives one (the browser forgets it after that many
 * seconds); HttpOnly, as a session identifier should be. Ids count up from
 * FIRST_ID, so every run gives the same ones. A cookie whose id the table
 * does not know (a stale one, another site's) is treated as no cookie: a new
 * id is issued.
 */
import { formatSetCookie, parseCookieHeader } from './cookie-parse';
import type { HttpRequest } from './message';
import { headerValues } from './message';
import { targetPath } from './server-respond';

/** The textbook's example customer number is 1678: ids start near it. */
export const FIRST_ID = 1678;

export interface CookieSettings {
  readonly name: string;
  /** Seconds; undefined: a session cookie. */
  readonly maxAgeS?: number | undefined;
}

export interface BackendRow {
  readonly id: string;
  readonly visits: number;
  /** Paths asked for, in order (the last 20). */
  readonly pages: readonly string[];
}

export interface Visit {
  readonly row: BackendRow;
  /** The Set-Cookie value to send, or null when the request brought a known cookie. */
  readonly setCookie: string | null;
}

const MAX_PAGES = 20;

export class CookieBackend {
  private readonly rows = new Map<string, BackendRow>();
  private next = FIRST_ID;

  constructor(private readonly settings: CookieSettings) {}

  visit(request: HttpRequest): Visit {
    const path = targetPath(request.target) ?? request.target;
    const brought = headerValues(request.headers, 'cookie')
      .flatMap((v) => parseCookieHeader(v))
      .find((c) => c.name === this.settings.name && this.rows.has(c.value));
    if (brought) {
      const old = this.rows.get(brought.value)!;
      const row = { id: old.id, visits: old.visits + 1, pages: [...old.pages, path].slice(-MAX_PAGES) };
      this.rows.set(row.id, row);
      return { row, setCookie: null };
    }
    const id = String(this.next++);
    const row = { id, visits: 1, pages: [path] };
    this.rows.set(id, row);
    const maxAge = this.settings.maxAgeS;
    return { row, setCookie: formatSetCookie({ name: this.settings.name, value: id, path: '/', httpOnly: true, ...(maxAge !== undefined ? { maxAge } : {}) }) };
  }
}
