/**
 * The Cache-Control field (RFC 9111 §5.2) and the other fields a cache
 * reads, from a header list whose names compare ignoring case.
 *
 * Units: delta-seconds are seconds (RFC 9111 §1.2.2).
 */

export type HeaderList = readonly { readonly name: string; readonly value: string }[];

/** Directive name (lower case) → its argument, unquoted (null when the directive has none). */
export type CacheControl = ReadonlyMap<string, string | null>;

/** The values of every field line named `name`, in order (names compared ignoring case). */
export function fieldLines(headers: HeaderList, name: string): readonly string[] {
  const lower = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}

/** The first field line named `name`, trimmed; undefined when there is none. A cache takes the first of repeated singletons such as Date and Expires (RFC 9111 §4.2.1). */
export function firstField(headers: HeaderList, name: string): string | undefined {
  return fieldLines(headers, name)[0]?.trim();
}

/** Whether any field line is named `name`. */
export function hasField(headers: HeaderList, name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some((h) => h.name.toLowerCase() === lower);
}

function isOws(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/**
 * Parses Cache-Control field values (RFC 9111 §5.2: a comma-separated list
 * of `token [ "=" ( token / quoted-string ) ]`, RFC 9110 §5.6.1). Several
 * field lines combine into one list. Names are lower-cased (they compare
 * ignoring case); an argument may be quoted even where a token is expected,
 * as recipients must accept (RFC 9111 §5.2). A directive that appears twice
 * keeps its first occurrence (RFC 9111 §4.2.1 allows "the first occurrence"
 * or treating the response as stale). Never throws; junk up to the next
 * comma is skipped.
 */
export function parseCacheControl(values: string | readonly string[]): CacheControl {
  const text = typeof values === 'string' ? values : values.join(',');
  const out = new Map<string, string | null>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (isOws(text[i]) || text[i] === ',')) i++;
    const start = i;
    while (i < n && text[i] !== '=' && text[i] !== ',' && !isOws(text[i])) i++;
    const name = text.slice(start, i).toLowerCase();
    while (i < n && isOws(text[i])) i++;
    let arg: string | null = null;
    if (text[i] === '=') {
      i++;
      while (i < n && isOws(text[i])) i++;
      if (text[i] === '"') {
        i++;
        let value = '';
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n) i++; // quoted-pair (RFC 9110 §5.6.4)
          value += text[i];
          i++;
        }
        i++; // the closing quote
        arg = value;
      } else {
        const argStart = i;
        while (i < n && text[i] !== ',' && !isOws(text[i])) i++;
        arg = text.slice(argStart, i);
      }
    }
    while (i < n && text[i] !== ',') i++; // anything else before the next comma is junk
    if (name !== '' && !out.has(name)) out.set(name, arg);
  }
  return out;
}

/** The Cache-Control directives of a header list (every Cache-Control line). */
export function cacheControlOf(headers: HeaderList): CacheControl {
  return parseCacheControl(fieldLines(headers, 'cache-control'));
}

/** The largest delta-seconds a cache need represent: larger values count as 2^31 (RFC 9111 §1.2.2). */
export const MAX_DELTA_SECONDS = 2_147_483_648;

/**
 * A delta-seconds argument (RFC 9111 §1.2.2: 1*DIGIT) in seconds, capped at
 * 2^31; 'invalid' when the directive is there without one (or with
 * something else); undefined when the directive is absent.
 */
export function deltaSeconds(cc: CacheControl, directive: string): number | 'invalid' | undefined {
  if (!cc.has(directive)) return undefined;
  const arg = cc.get(directive);
  if (arg === null || arg === undefined || !/^[0-9]+$/.test(arg)) return 'invalid';
  return Math.min(Number(arg), MAX_DELTA_SECONDS);
}

/** A delta-seconds field value such as Age (RFC 9111 §5.1), capped at 2^31; null when absent or not 1*DIGIT. */
export function deltaSecondsField(value: string | undefined): number | null {
  if (value === undefined || !/^[0-9]+$/.test(value)) return null;
  return Math.min(Number(value), MAX_DELTA_SECONDS);
}
