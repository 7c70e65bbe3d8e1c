/**
 * Encoded-words (RFC 2047): non-ASCII text in header fields, as
 * `=?charset?B?base64?=` or `=?charset?Q?text?=`.
 *
 * Encoding (we write charset UTF-8 only):
 * - §2: an encoded-word is at most 75 characters; longer text is several
 *   words separated by a space (a place to fold).
 * - §5 rule 3: each word holds whole characters: a UTF-8 sequence is never
 *   split between two words.
 * - §4.2 Q: "_" is a space; in a phrase (display names, §5(3)) only letters,
 *   digits and ! * + - / stand for themselves, everything else is "=XX".
 *   We use the phrase set everywhere (it is valid in unstructured text too).
 * - We pick B or Q, whichever is shorter (ties go to Q, which people read).
 *
 * Decoding (§6): encoded-words are recognised as white-space separated
 * tokens; the white space between two adjacent encoded-words is dropped
 * (§6.2). An unknown charset or bad encoding leaves the word as written,
 * with a problem.
 */
import { base64, decodeBase64 } from './base64';
import { decodeCharset, utf8, type MailProblem } from './types';

/** RFC 2047 §2: an encoded-word may not be more than 75 characters long. */
export const MAX_ENCODED_WORD = 75;
const PREFIX_B = '=?UTF-8?B?';
const PREFIX_Q = '=?UTF-8?Q?';
const SUFFIX = '?=';

const isQSafe = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 33 || c === 42 || c === 43 || c === 45 || c === 47;
const qToken = (c: number) => (c === 0x20 ? '_' : isQSafe(c) ? String.fromCharCode(c) : `=${c.toString(16).toUpperCase().padStart(2, '0')}`);

/** The UTF-8 bytes of each character of the text. */
function characters(text: string): Uint8Array[] {
  return Array.from(text, (ch) => utf8(ch));
}

function words(text: string, prefix: string, size: (bytes: number[]) => number, body: (bytes: number[]) => string): string[] {
  const room = MAX_ENCODED_WORD - prefix.length - SUFFIX.length;
  const out: string[] = [];
  let current: number[] = [];
  for (const ch of characters(text)) {
    const next = [...current, ...ch];
    if (size(next) > room && current.length > 0) {
      out.push(prefix + body(current) + SUFFIX);
      current = [...ch];
    } else current = next;
  }
  if (current.length > 0 || out.length === 0) out.push(prefix + body(current) + SUFFIX);
  return out;
}

const bSize = (bytes: number[]) => Math.ceil(bytes.length / 3) * 4;
const qSize = (bytes: number[]) => bytes.reduce((n, c) => n + qToken(c).length, 0);

/** The text as encoded-words separated by single spaces; `mode` forces B or Q. */
export function encodeWords(text: string, mode?: 'B' | 'Q'): string {
  const b = () => words(text, PREFIX_B, bSize, (bytes) => base64(Uint8Array.from(bytes))).join(' ');
  const q = () => words(text, PREFIX_Q, qSize, (bytes) => bytes.map(qToken).join('')).join(' ');
  if (mode === 'B') return b();
  if (mode === 'Q') return q();
  const [bs, qs] = [b(), q()];
  return bs.length < qs.length ? bs : qs;
}

/** True when the text can go in an unstructured field as it is: printable ASCII words of at most 75 characters (so every line can be folded within 78), single spaces, no "=?" (it would read as an encoded-word). */
export function isPlainHeaderText(text: string): boolean {
  return /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(text) && !text.includes('=?') && text.split(' ').every((w) => w.length <= MAX_ENCODED_WORD);
}

/** Unstructured text (Subject, Comments) for a header field: as it is when plain, else encoded-words. */
export function encodeHeaderText(text: string): string {
  return text === '' || isPlainHeaderText(text) ? text : encodeWords(text);
}

const ENCODED_WORD = /^=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=$/;

/** The text of one encoded-word, or null when it is not one or cannot be decoded. */
export function decodeWord(word: string, problems: MailProblem[] = [], offset = 0): string | null {
  const m = ENCODED_WORD.exec(word);
  if (!m) return null;
  const [, charset, enc, data] = m as unknown as [string, string, string, string];
  let bytes: Uint8Array;
  if (enc === 'B' || enc === 'b') {
    const local: MailProblem[] = [];
    bytes = decodeBase64(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff), 0, data.length, local);
    if (local.length > 0) {
      problems.push({ code: 'bad-encoded-word', message: `bad base64 in an encoded-word (RFC 2047 §4.1): ${local[0]!.message}`, offset, severity: 'error' });
      return null;
    }
  } else {
    const out: number[] = [];
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (c === '_') out.push(0x20);
      else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
        out.push(parseInt(data.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(c.charCodeAt(0) & 0xff);
    }
    bytes = Uint8Array.from(out);
  }
  const text = decodeCharset(bytes, charset);
  if (text === null) problems.push({ code: 'unknown-charset', message: `the charset "${charset}" of an encoded-word is not known (RFC 2047 §2): left encoded`, offset, severity: 'warning' });
  return text;
}

/**
 * Decodes every encoded-word of a header value. Tokens are split at white
 * space; white space between two decoded words is dropped (§6.2), other
 * white space is kept as written.
 */
export function decodeHeaderText(value: string, problems: MailProblem[] = [], offset = 0): string {
  if (!value.includes('=?')) return value;
  const parts = value.split(/([ \t]+)/);
  let out = '';
  let pendingSpace = '';
  let lastWasWord = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i % 2 === 1) {
      pendingSpace = p;
      continue;
    }
    if (p === '') {
      out += pendingSpace;
      pendingSpace = '';
      continue;
    }
    const decoded = decodeWord(p, problems, offset);
    if (decoded !== null) {
      out += (lastWasWord ? '' : pendingSpace) + decoded;
      lastWasWord = true;
    } else {
      out += pendingSpace + p;
      lastWasWord = false;
    }
    pendingSpace = '';
  }
  return out + pendingSpace;
}
