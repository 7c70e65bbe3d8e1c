/**
 * Domain names as text: the presentation format (RFC 1035 §5.1, RFC 4343
 * §2.1) that dig prints. Read this before touching names anywhere. TXT
 * character-strings use the same escapes (at the end of this file).
 *
 * On the wire a name is a sequence of labels, each 1 to 63 bytes, any bytes
 * at all (RFC 2181 §11), the whole at most 255 bytes with its length bytes
 * and the root label (RFC 1035 §2.3.4). In text, labels are joined by dots;
 * inside a label each byte is written as follows (dig's habit, BIND's
 * name-to-text):
 *
 * - `.` `\` `"` `(` `)` `;` `@` `$` get a backslash before them (`\.`,
 *   `\\`, …): an unescaped dot would end the label, the others mean
 *   something in a zone file (RFC 1035 §5.1);
 * - bytes 0x00–0x20 (controls and space) and 0x7f–0xff are `\DDD`, three
 *   decimal digits (RFC 1035 §5.1): `\000`, `\032`, `\255`;
 * - every other byte is its ASCII character.
 *
 * Reading text: `\DDD` is the byte DDD (at most 255), `\X` for any other
 * character X is X itself; an unescaped character outside ASCII stands for
 * its UTF-8 bytes (a name typed by hand). A dot ends a label only when it
 * is not escaped, and a trailing unescaped dot (the absolute form "a.b.")
 * is dropped; "" and "." are the root, no labels.
 *
 * Escaping is canonical — one text per label — so after `foldLabel` two
 * labels are the same name part exactly when their texts are equal. Case
 * folds for ASCII letters only (RFC 4343 §3: 0x41–0x5a match 0x61–0x7a, no
 * other byte matches another).
 */
import { MAX_LABEL, MAX_NAME } from './constants';

const encoder = new TextEncoder();

/** Bytes written with a backslash before them (RFC 1035 §5.1: special in zone files). */
const BACKSLASHED = new Set([0x22, 0x24, 0x28, 0x29, 0x2e, 0x3b, 0x40, 0x5c]);

/** A label's bytes as text. */
export function escapeLabel(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (BACKSLASHED.has(b)) out += `\\${String.fromCharCode(b)}`;
    else if (b <= 0x20 || b >= 0x7f) out += `\\${String(b).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return out;
}

/** The bytes a label's text stands for; RangeError for a dangling `\` or a bad `\DDD`. */
export function labelBytes(label: string): Uint8Array {
  return textBytes(label, 'label');
}

/**
 * The bytes presentation text stands for (RFC 1035 §5.1), for a label or a
 * character-string alike: `\DDD` is the byte DDD, `\X` is X, and an
 * unescaped character outside ASCII its UTF-8 bytes. RangeError for a
 * dangling `\` or a bad `\DDD`.
 */
function textBytes(text: string, what: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c !== '\\') {
      const code = text.codePointAt(i)!;
      if (code < 0x80) out.push(code);
      else out.push(...encoder.encode(String.fromCodePoint(code)));
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) throw new RangeError(`${what} "${text}" ends in a lone backslash`);
    if (next >= '0' && next <= '9') {
      const digits = text.slice(i + 1, i + 4);
      if (!/^[0-9]{3}$/.test(digits) || Number(digits) > 255) throw new RangeError(`${what} "${text}": "\\${digits}" is not \\DDD with DDD at most 255`);
      out.push(Number(digits));
      i += 4;
      continue;
    }
    const code = text.codePointAt(i + 1)!;
    if (code < 0x80) out.push(code);
    else out.push(...encoder.encode(String.fromCodePoint(code)));
    i += code > 0xffff ? 3 : 2;
  }
  return Uint8Array.from(out);
}

/** The label texts of a name, split on unescaped dots only; labels stay escaped. Never throws. */
export function splitLabels(name: string): string[] {
  if (name === '' || name === '.') return [];
  const labels: string[] = [];
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '\\') i++;
    else if (c === '.') {
      labels.push(name.slice(start, i));
      start = i + 1;
    }
  }
  // "a.b." is absolute: the last dot ends the name, it does not open an empty label.
  if (start < name.length || labels.length === 0) labels.push(name.slice(start));
  return labels;
}

/** Label texts joined into a name; no labels is the root, "". */
export function joinLabels(labels: readonly string[]): string {
  return labels.join('.');
}

/** The canonical text of a label: ASCII letters in lower case, escaped as `escapeLabel` does (`\065` → `a`). */
export function foldLabel(label: string): string {
  if (/^[a-z0-9_-]*$/.test(label)) return label; // the common case, already canonical
  let bytes: Uint8Array;
  try {
    bytes = labelBytes(label);
  } catch {
    return label.replace(/[A-Z]/g, (c) => c.toLowerCase()); // text no encoder would accept: compared as it stands
  }
  return escapeLabel(bytes.map((b) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b)));
}

/**
 * A name's labels as bytes, checked for the wire: every label 1 to 63
 * bytes, the name at most 255 bytes (RFC 1035 §2.3.4). RangeError
 * otherwise — a name we were given to send, so our mistake.
 */
export function wireLabels(name: string): Uint8Array[] {
  const labels = splitLabels(name).map(labelBytes);
  let length = 1;
  for (const l of labels) {
    if (l.length === 0 || l.length > MAX_LABEL) throw new RangeError(`every label of "${name}" must be 1 to ${MAX_LABEL} bytes`);
    length += l.length + 1;
  }
  if (length > MAX_NAME) throw new RangeError(`"${name}" is ${length} bytes on the wire, more than ${MAX_NAME}`);
  return labels;
}

/*
 * Character-strings (TXT data, RFC 1035 §3.3): 0 to 255 arbitrary bytes
 * each, held as the text dig prints between its quotes — `"` and `\` get a
 * backslash, bytes below 0x20 and from 0x7f up are `\DDD`, every other byte
 * (space included) is its ASCII character. Read back as labels are
 * (`textBytes`), so any bytes survive decode and encode exactly. The text
 * holds no surrounding quotes; `describeData` adds them, as dig shows them.
 */

/** A character-string's bytes as text. */
export function escapeCharacterString(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b >= 0x7f) out += `\\${String(b).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return out;
}

/** The bytes a character-string's text stands for; RangeError for a dangling `\` or a bad `\DDD`. */
export function characterStringBytes(text: string): Uint8Array {
  return textBytes(text, 'TXT string');
}

/** Plain text (a scenario's TXT string, say) as the character-string of its UTF-8 bytes: no backslash in it is an escape. */
export function characterStringOf(text: string): string {
  return escapeCharacterString(encoder.encode(text));
}
