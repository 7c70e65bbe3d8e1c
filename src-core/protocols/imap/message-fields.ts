/**
 * A small reader of a stored message's header fields and body, for
 * ENVELOPE and BODYSTRUCTURE only (RFC 9051 §7.5.2). The full RFC 5322 /
 * MIME parser of protocols/mail/message/ should replace it once it is on
 * this branch: keep this file's exports (headerFields, splitMessage,
 * parseAddressList, parseContentType) and make them call that parser.
 *
 * Rules:
 * - The header ends at the first empty line (RFC 5322 §2.1); without one
 *   the whole message is header.
 * - Folded lines are unfolded by removing CRLF before WSP (§2.2.3).
 * - Field names are matched without regard to case; bytes are Latin-1
 *   (encoded words, RFC 2047, are left as they are: IMAP sends them so).
 */
import { latin1 } from './syntax';

export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

/** Where the header ends and the body starts (after the empty line), in bytes. */
export function splitMessage(bytes: Uint8Array): { headerEnd: number; bodyStart: number } {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a && bytes[i + 2] === 0x0d && bytes[i + 3] === 0x0a) return { headerEnd: i + 2, bodyStart: i + 4 };
    if (i === 0 && bytes[0] === 0x0d && bytes[1] === 0x0a) return { headerEnd: 0, bodyStart: 2 };
  }
  return { headerEnd: bytes.length, bodyStart: bytes.length };
}

export function headerFields(header: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of header.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

export function fieldValue(fields: readonly HeaderField[], name: string): string | null {
  return fields.find((f) => f.name.toLowerCase() === name.toLowerCase())?.value ?? null;
}

export function messageHeader(bytes: Uint8Array): HeaderField[] {
  return headerFields(latin1(bytes, 0, splitMessage(bytes).headerEnd));
}

export interface Address {
  readonly name: string | null;
  readonly mailbox: string;
  readonly host: string | null;
}

/** Splits at `sep` outside quotes, angle brackets and comments. */
function splitOutside(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let angle = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '<') angle = true;
    else if (c === '>') angle = false;
    else if (c === sep && depth === 0 && !angle) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const unquote = (s: string) => (s.startsWith('"') && s.endsWith('"') && s.length >= 2 ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s);
const withoutComments = (s: string) => s.replace(/\((?:[^()\\]|\\.)*\)/g, '').trim();

function oneAddress(text: string): Address | null {
  const t = text.trim();
  if (t === '') return null;
  const angle = /^(.*)<([^>]*)>\s*$/.exec(t);
  const spec = withoutComments(angle ? angle[2]! : t);
  const display = angle ? unquote(angle[1]!.trim()) : null;
  const at = spec.lastIndexOf('@');
  return { name: display === '' ? null : display, mailbox: unquote(at < 0 ? spec : spec.slice(0, at)), host: at < 0 ? null : spec.slice(at + 1) };
}

/** An address list (RFC 5322 §3.4). Groups ("team: a@x, b@y;") become their members (IMAP's group markers are not written). */
export function parseAddressList(value: string): Address[] {
  const out: Address[] = [];
  for (const part of splitOutside(value, ',')) {
    const colon = part.indexOf(':');
    const inGroup = colon >= 0 && !part.slice(0, colon).includes('<') && !part.slice(0, colon).includes('"');
    const a = oneAddress(inGroup ? part.slice(colon + 1).replace(/;\s*$/, '') : part.replace(/;\s*$/, ''));
    if (a) out.push(a);
  }
  return out;
}

export interface ContentType {
  readonly type: string;
  readonly subtype: string;
  /** Parameter names lower case, values unquoted (RFC 2045 §5.1). */
  readonly params: readonly (readonly [string, string])[];
}

/** Content-Type, defaulting to text/plain; charset=us-ascii (RFC 2045 §5.2). */
export function parseContentType(value: string | null, fallback: ContentType = { type: 'text', subtype: 'plain', params: [['charset', 'us-ascii']] }): ContentType {
  if (value === null) return fallback;
  const [head, ...rest] = splitOutside(value, ';');
  const m = /^\s*([^/\s]+)\s*\/\s*([^\s;]+)\s*$/.exec(withoutComments(head ?? ''));
  if (!m) return fallback;
  const params: [string, string][] = [];
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq <= 0) continue;
    params.push([p.slice(0, eq).trim().toLowerCase(), unquote(p.slice(eq + 1).trim())]);
  }
  return { type: m[1]!.toLowerCase(), subtype: m[2]!.toLowerCase(), params };
}
