/**
 * The values of RFC 9051 §4 in a unit (reader.ts): atoms, numbers, quoted
 * strings, literals, NIL and parenthesised lists, each with its byte range
 * in the unit. One tokenizer reads commands and responses.
 *
 * Rules:
 * - An atom is 1 or more ATOM-CHARs (§9: any CHAR but "(" ")" "{" SP, CTLs,
 *   "%" "*" '"' "\" "]"); we also take "%" and "*" (list wildcards, the
 *   sequence set "1:*"), "]" and "\" (flags "\Seen"), and a "[…]" section
 *   spans spaces and lists, so "BODY.PEEK[HEADER.FIELDS (From)]<0.10>" is
 *   one atom, as the grammar's fetch-att reads it.
 * - A quoted string (§4.3) is '"' … '"' with "\\" and '\"' as its only
 *   escapes; no CR, LF or 8-bit bytes in it.
 * - A literal is "{n}" CRLF and n bytes; the reader has found its range.
 * - Errors are typed and located (offset in the unit); never thrown.
 */
import type { LiteralRange } from './reader';

export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

export type ImapValue =
  | ({ readonly kind: 'atom'; readonly text: string } & ByteSpan)
  | ({ readonly kind: 'string'; readonly bytes: Uint8Array; readonly literal: boolean } & ByteSpan)
  | ({ readonly kind: 'nil' } & ByteSpan)
  | ({ readonly kind: 'list'; readonly items: readonly ImapValue[] } & ByteSpan);

export interface SyntaxError {
  readonly code: 'syntax';
  readonly message: string;
  readonly offset: number;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SyntaxError };

const SP = 0x20;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;

const latin1 = (b: Uint8Array, start = 0, end = b.length) => {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
};
export { latin1 };

export const ascii = (text: string): Uint8Array => {
  const b = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) b[i] = text.charCodeAt(i) & 0xff;
  return b;
};

/** Whether `c` may be in one of our atoms (see the rules above). */
export function isAtomByte(c: number): boolean {
  return c > SP && c < 0x7f && c !== 0x28 && c !== 0x29 && c !== 0x7b && c !== DQUOTE;
}

/** The value a value's text reads as: an atom's text, a string's bytes as Latin-1, '' for NIL. */
export function textOf(v: ImapValue | undefined): string | null {
  if (!v) return null;
  if (v.kind === 'atom') return v.text;
  if (v.kind === 'string') return latin1(v.bytes);
  return null;
}

/**
 * Reads values from `unit` between `from` and `end` (the CRLF excluded),
 * separated by single spaces. Literals are taken from `literals`.
 */
export function readValues(unit: Uint8Array, from: number, end: number, literals: readonly LiteralRange[]): Parsed<ImapValue[]> {
  const stack: { items: ImapValue[]; start: number }[] = [{ items: [], start: from }];
  let i = from;
  const fail = (message: string, offset: number): Parsed<ImapValue[]> => ({ ok: false, error: { code: 'syntax', message, offset } });
  let needSpace = false;
  while (i < end) {
    const c = unit[i]!;
    const top = stack[stack.length - 1]!;
    if (c === 0x29) {
      if (stack.length === 1) return fail('")" with no "(" before it', i);
      stack.pop();
      stack[stack.length - 1]!.items.push({ kind: 'list', items: top.items, start: top.start, end: i + 1 });
      i++;
      needSpace = true;
      continue;
    }
    // §9: addresses and body parts follow one another with no space: ")("
    if (needSpace && c === 0x28 && unit[i - 1] === 0x29) needSpace = false;
    if (needSpace) {
      if (c !== SP) return fail('expected a space between values', i);
      i++;
      needSpace = false;
      if (i >= end || unit[i] === SP) return fail('expected a value after the space', i);
      continue;
    }
    if (c === 0x28) {
      stack.push({ items: [], start: i });
      i++;
      continue;
    }
    if (c === DQUOTE) {
      const bytes: number[] = [];
      let j = i + 1;
      let closed = false;
      while (j < end) {
        const d = unit[j]!;
        if (d === DQUOTE) {
          closed = true;
          break;
        }
        if (d === BACKSLASH) {
          const e = unit[j + 1];
          if (e !== DQUOTE && e !== BACKSLASH) return fail('a quoted string escapes only \\ and " (RFC 9051 §4.3)', j);
          bytes.push(e);
          j += 2;
          continue;
        }
        if (d === 0x0d || d === 0x0a || d >= 0x80 || d === 0) return fail('a quoted string holds no CR, LF, NUL or 8-bit byte (use a literal)', j);
        bytes.push(d);
        j++;
      }
      if (!closed) return fail('a quoted string with no closing quote', i);
      top.items.push({ kind: 'string', bytes: Uint8Array.from(bytes), literal: false, start: i, end: j + 1 });
      i = j + 1;
      needSpace = true;
      continue;
    }
    if (c === 0x7b) {
      const lit = literals.find((l) => l.start > i && l.start <= end + 2 && isHeaderAt(unit, i, l.start));
      if (!lit) return fail('"{" that starts no literal', i);
      top.items.push({ kind: 'string', bytes: unit.subarray(lit.start, lit.start + lit.length), literal: true, start: i, end: lit.start + lit.length });
      i = lit.start + lit.length;
      needSpace = true;
      continue;
    }
    if (!isAtomByte(c)) return fail(`byte 0x${c.toString(16).padStart(2, '0')} cannot start a value`, i);
    let j = i;
    let depth = 0;
    while (j < end) {
      const d = unit[j]!;
      if (d === 0x5b) depth++;
      else if (d === 0x5d && depth > 0) depth--;
      else if (depth === 0 && !isAtomByte(d)) break;
      else if (depth > 0 && (d < SP || d >= 0x7f)) return fail('a control or 8-bit byte in a section', j);
      j++;
    }
    if (depth > 0) return fail('"[" with no "]"', i);
    const text = latin1(unit, i, j);
    top.items.push(text.toUpperCase() === 'NIL' ? { kind: 'nil', start: i, end: j } : { kind: 'atom', text, start: i, end: j });
    i = j;
    needSpace = true;
  }
  if (stack.length > 1) return fail('"(" with no ")"', stack[stack.length - 1]!.start);
  return { ok: true, value: stack[0]!.items };
}

/** "{digits[+]}" CRLF from `at` up to the literal's data at `data`. */
function isHeaderAt(unit: Uint8Array, at: number, data: number): boolean {
  if (unit[data - 1] !== 0x0a || unit[data - 2] !== 0x0d || unit[data - 3] !== 0x7d) return false;
  for (let k = at + 1; k < data - 3; k++) {
    const d = unit[k]!;
    if (!(d >= 0x30 && d <= 0x39) && !(d === 0x2b && k === data - 4)) return false;
  }
  return true;
}

/** Where the CRLF that ends the unit's text starts: the unit's last 2 bytes. */
export function textEnd(unit: Uint8Array): number {
  return unit.length - 2;
}

/** The first line of a unit, up to its first literal's data or its CRLF, as text ("A1 LOGIN {3}"). */
export function firstLine(unit: Uint8Array, literals: readonly LiteralRange[]): string {
  const first = literals[0];
  const end = first ? first.start - 2 : unit.length - 2;
  return latin1(unit, 0, Math.max(0, end));
}
