/**
 * The character classes of HTTP's grammar (RFC 9110 §5.5, §5.6; RFC 9112
 * §2.2, §3, §4) over bytes and over byte strings, and the byte-string
 * conversions: one character per byte, ISO-8859-1 (message.ts).
 */

export const HTAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SP = 0x20;
export const DQUOTE = 0x22;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const EQUALS = 0x3d;
export const BACKSLASH = 0x5c;

/** tchar (RFC 9110 §5.6.2): "!#$%&'*+-.^_`|~", digits and letters. */
const TCHAR = (() => {
  const t = new Uint8Array(256);
  for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") t[c.charCodeAt(0)] = 1;
  return t;
})();

export const isTchar = (b: number): boolean => TCHAR[b] === 1;
/** VCHAR (RFC 5234 B.1): visible US-ASCII, 0x21–0x7E. */
export const isVchar = (b: number): boolean => b >= 0x21 && b <= 0x7e;
/** obs-text (RFC 9110 §5.5): 0x80–0xFF. */
export const isObsText = (b: number): boolean => b >= 0x80 && b <= 0xff;
/** field-vchar = VCHAR / obs-text (RFC 9110 §5.5). */
export const isFieldVchar = (b: number): boolean => isVchar(b) || isObsText(b);
/** OWS is *( SP / HTAB ) (RFC 9110 §5.6.3). */
export const isWhitespace = (b: number): boolean => b === SP || b === HTAB;
export const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;
export const isHexDigit = (b: number): boolean => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

const codes = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** token = 1*tchar (RFC 9110 §5.6.2): a method, a field name. */
export function isToken(s: string): boolean {
  return s.length > 0 && codes(s).every(isTchar);
}

/** A request-target as we send it (RFC 9112 §3.2): one or more visible ASCII characters, no whitespace. */
export function isRequestTarget(s: string): boolean {
  return s.length > 0 && codes(s).every(isVchar);
}

/**
 * field-value = *field-content, field-content = field-vchar [ 1*( SP / HTAB /
 * field-vchar ) field-vchar ] (RFC 9110 §5.5): no CR, LF, NUL or other
 * control, and no whitespace at either end (a parser strips it as OWS).
 */
export function isFieldValue(s: string): boolean {
  const c = codes(s);
  if (c.length === 0) return true;
  return isFieldVchar(c[0]!) && isFieldVchar(c[c.length - 1]!) && c.every((b) => isFieldVchar(b) || isWhitespace(b));
}

/** reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ) (RFC 9112 §4), or nothing. */
export function isReasonPhrase(s: string): boolean {
  return codes(s).every((b) => isFieldVchar(b) || isWhitespace(b));
}

/** A byte string's bytes; the caller has checked that every character is below 0x100. */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Bytes [start, end) as a byte string. (Not TextDecoder('latin1'): that is windows-1252, which remaps 0x80–0x9F.) */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let at = start; at < end; at += 4096) s += String.fromCharCode(...bytes.subarray(at, Math.min(end, at + 4096)));
  return s;
}

/** A byte for a message: printable ASCII as itself in quotes, anything else as 0xNN. */
export function describeByte(b: number): string {
  return b >= 0x21 && b <= 0x7e ? `'${String.fromCharCode(b)}'` : `0x${b.toString(16).padStart(2, '0')}`;
}

/**
 * The elements of a list field (RFC 9110 §5.6.1), OWS (SP, HTAB) trimmed;
 * empty ones dropped, as a recipient MUST, unless `keepEmpty`.
 */
export function listElements(value: string, keepEmpty = false): string[] {
  const elements = value.split(',').map((e) => e.replace(/^[ \t]+|[ \t]+$/g, ''));
  return keepEmpty ? elements : elements.filter((e) => e !== '');
}
