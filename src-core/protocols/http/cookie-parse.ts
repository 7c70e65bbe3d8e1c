/**
 * Cookie syntax: the Set-Cookie parsing algorithm of RFC 6265 §5.2, the
 * cookie-date algorithm of §5.1.1 (far looser than an HTTP date: browsers
 * met many shapes of Expires), the Cookie request header a server reads
 * (§4.2.1), and a Set-Cookie serializer for servers (§4.1.1).
 *
 * Units: Max-Age is a count of seconds (kept as parsed: the jar adds it to
 * the time the header was received); Expires is EpochSeconds.
 */
import { epochSecondsFromUtc, formatHttpDate, type EpochSeconds } from './http-date';

export type SameSite = 'strict' | 'lax' | 'none';

/** A Set-Cookie header field value after RFC 6265 §5.2, before the storage model (§5.3) gives it a domain and path. */
export interface ParsedSetCookie {
  readonly name: string;
  readonly value: string;
  /** The last valid Expires attribute (§5.2.1), EpochSeconds; null when none. */
  readonly expires: EpochSeconds | null;
  /** The last valid Max-Age attribute (§5.2.2), seconds (≤ 0 means "already expired"); null when none. It wins over Expires (§5.3 step 3). */
  readonly maxAge: number | null;
  /**
   * The last Domain attribute (§5.2.3): lower case, a leading "." dropped;
   * "" when it was just "." (the cookie is then host-only, §5.3 step 6);
   * null when none.
   */
  readonly domain: string | null;
  /** The last Path attribute when it starts with "/" (§5.2.4); null means the default-path (§5.1.4): absent, empty or not starting with "/". */
  readonly path: string | null;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** SameSite (RFC 6265bis §5.6.7): kept for display; null when absent or not one of Strict, Lax, None. */
  readonly sameSite: SameSite | null;
}

export type ParseSetCookieResult =
  | { readonly ok: true; readonly cookie: ParsedSetCookie }
  | { readonly ok: false; readonly reason: string };

// Control characters other than HTAB make a browser drop the whole header
// (RFC 6265bis §5.6 step 1); RFC 6265 left them undefined.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Whitespace that RFC 6265 §5.2 trims: WSP, that is SP and HTAB. */
function trimWsp(s: string): string {
  return s.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Parses one Set-Cookie field value (RFC 6265 §5.2). Never throws. */
export function parseSetCookie(text: string): ParseSetCookieResult {
  if (CONTROL.test(text)) return { ok: false, reason: 'a control character in the header (RFC 6265bis §5.6)' };
  const semi = text.indexOf(';');
  const pair = semi === -1 ? text : text.slice(0, semi);
  const eq = pair.indexOf('=');
  if (eq === -1) return { ok: false, reason: 'no "=" in the name-value pair (RFC 6265 §5.2 step 2)' };
  const name = trimWsp(pair.slice(0, eq));
  const value = trimWsp(pair.slice(eq + 1));
  if (name === '') return { ok: false, reason: 'an empty cookie name (RFC 6265 §5.2 step 5)' };

  let expires: EpochSeconds | null = null;
  let maxAge: number | null = null;
  let domain: string | null = null;
  let path: string | null = null;
  let secure = false;
  let httpOnly = false;
  let sameSite: SameSite | null = null;
  const attributes = semi === -1 ? [] : text.slice(semi + 1).split(';');
  // Each later valid attribute replaces an earlier one: §5.3 reads "the last
  // attribute in the cookie-attribute-list" with a given name, and the list
  // holds only the attributes §5.2 accepted.
  for (const av of attributes) {
    const avEq = av.indexOf('=');
    const key = trimWsp(avEq === -1 ? av : av.slice(0, avEq)).toLowerCase();
    const arg = avEq === -1 ? '' : trimWsp(av.slice(avEq + 1));
    switch (key) {
      case 'expires': {
        const date = parseCookieDate(arg); // §5.2.1: a date that fails to parse is ignored
        if (date !== null) expires = date;
        break;
      }
      case 'max-age':
        // §5.2.2: a leading DIGIT or "-", then only DIGITs; anything else is ignored.
        if (/^-?[0-9]+$/.test(arg)) maxAge = Number(arg);
        break;
      case 'domain':
        // §5.2.3: an empty value SHOULD be ignored; a leading "." is dropped.
        if (arg !== '') domain = canonicalDomainAttribute(arg.startsWith('.') ? arg.slice(1) : arg);
        break;
      case 'path':
        path = arg.startsWith('/') ? arg : null; // §5.2.4: otherwise the default-path
        break;
      case 'secure':
        secure = true;
        break;
      case 'httponly':
        httpOnly = true;
        break;
      case 'samesite': {
        const v = arg.toLowerCase();
        sameSite = v === 'strict' || v === 'lax' || v === 'none' ? v : null;
        break;
      }
      default:
        break; // unknown attributes are ignored (§5.2 step 6)
    }
  }
  return { ok: true, cookie: { name, value, expires, maxAge, domain, path, secure, httpOnly, sameSite } };
}

/**
 * A Domain attribute in canonical form (RFC 6265 §5.1.2): lower case, and a
 * non-ASCII name as its A-labels (IDNA) through the WHATWG URL host parser.
 * A name the host parser rejects is left lower-cased; it then matches no
 * request host.
 */
function canonicalDomainAttribute(domain: string): string {
  const lower = domain.toLowerCase();
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  try {
    return new URL(`http://${lower}/`).hostname;
  } catch {
    return lower;
  }
}

// RFC 6265 §5.1.1: the characters between date tokens.
const DATE_DELIMITER = /[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+/;
const TIME_TOKEN = /^([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[^0-9].*)?$/s;
const DAY_TOKEN = /^([0-9]{1,2})(?:[^0-9].*)?$/s;
const MONTH_TOKEN = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const YEAR_TOKEN = /^([0-9]{2,4})(?:[^0-9].*)?$/s;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The cookie-date algorithm (RFC 6265 §5.1.1): the first token that looks
 * like a time, then a day of month, a month and a year, in any order, the
 * rest ignored. Two-digit years 70–99 are 1970–1999 and 00–69 are
 * 2000–2069. Null (the attribute is then ignored) when a part is missing, a
 * year is before 1601, a field is out of range or the date does not exist
 * (30 February).
 */
export function parseCookieDate(text: string): EpochSeconds | null {
  let time: readonly [number, number, number] | null = null;
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const token of text.split(DATE_DELIMITER)) {
    if (token === '') continue;
    const t: RegExpExecArray | null = time === null ? TIME_TOKEN.exec(token) : null;
    if (t) {
      time = [Number(t[1]), Number(t[2]), Number(t[3])];
      continue;
    }
    const d: RegExpExecArray | null = day === null ? DAY_TOKEN.exec(token) : null;
    if (d) {
      day = Number(d[1]);
      continue;
    }
    const m: RegExpExecArray | null = month === null ? MONTH_TOKEN.exec(token) : null;
    if (m) {
      month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
      continue;
    }
    const y: RegExpExecArray | null = year === null ? YEAR_TOKEN.exec(token) : null;
    if (y) year = Number(y[1]);
  }
  if (time === null || day === null || month === null || year === null) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year <= 69) year += 2000;
  if (year < 1601) return null;
  return epochSecondsFromUtc(year, month, day, time[0], time[1], time[2]);
}

/**
 * The cookies a Cookie request header carries (RFC 6265 §4.2.1:
 * `name=value` pairs separated by "; "), as a server reads them: pairs
 * without "=" or with an empty name are skipped, whitespace around names and
 * values is trimmed, duplicates are all kept in order.
 */
export function parseCookieHeader(value: string): readonly { readonly name: string; readonly value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = trimWsp(part.slice(0, eq));
    if (name !== '') out.push({ name, value: trimWsp(part.slice(eq + 1)) });
  }
  return out;
}

export interface SetCookieSpec {
  readonly name: string;
  readonly value: string;
  /** EpochSeconds, written as an IMF-fixdate (RFC 6265 §4.1.1 sane-cookie-date). */
  readonly expires?: EpochSeconds;
  /** Seconds. */
  readonly maxAge?: number;
  readonly domain?: string;
  readonly path?: string;
  readonly secure?: boolean;
  readonly httpOnly?: boolean;
  readonly sameSite?: SameSite;
}

/** A Set-Cookie field value as a server sends it (RFC 6265 §4.1.1), attributes in a fixed order. */
export function formatSetCookie(spec: SetCookieSpec): string {
  const parts = [`${spec.name}=${spec.value}`];
  if (spec.expires !== undefined) parts.push(`Expires=${formatHttpDate(spec.expires)}`);
  if (spec.maxAge !== undefined) parts.push(`Max-Age=${Math.trunc(spec.maxAge)}`);
  if (spec.domain !== undefined) parts.push(`Domain=${spec.domain}`);
  if (spec.path !== undefined) parts.push(`Path=${spec.path}`);
  if (spec.secure) parts.push('Secure');
  if (spec.httpOnly) parts.push('HttpOnly');
  if (spec.sameSite !== undefined) parts.push(`SameSite=${spec.sameSite[0]!.toUpperCase()}${spec.sameSite.slice(1)}`);
  return parts.join('; ');
}
