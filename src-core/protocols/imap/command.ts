/**
 * IMAP commands (RFC 9051 §2.2.1, §6): "tag SP command [SP arguments]
 * CRLF". A tag is one or more ATOM-CHARs other than "+" (§9: tag = 1*<any
 * ASTRING-CHAR except "+">); the command name is an atom, matched without
 * regard to case; "UID" is followed by the command it applies to.
 */
import type { ImapUnit } from './reader';
import { ascii, isAtomByte, latin1, readValues, textEnd, type ByteSpan, type ImapValue, type SyntaxError } from './syntax';
import { concatBytes as concat } from '../mail/message/types';

export interface ImapCommand {
  readonly tag: string;
  /** Upper case: "LOGIN", "UID FETCH". */
  readonly name: string;
  readonly args: readonly ImapValue[];
  readonly ranges: { readonly tag: ByteSpan; readonly name: ByteSpan };
}

export type CommandParse =
  | { readonly ok: true; readonly command: ImapCommand }
  /** `tag`: the tag when one could be read (the reply is then "tag BAD", else "* BAD", §7.1.3). */
  | { readonly ok: false; readonly tag: string | null; readonly error: SyntaxError };

export function isValidTag(tag: string): boolean {
  if (tag.length === 0) return false;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (!isAtomByte(c) || c === 0x2b || c === 0x25 || c === 0x2a || c === 0x5d || c === 0x5c || c === 0x5b) return false;
  }
  return true;
}

export function parseCommand(unit: ImapUnit): CommandParse {
  const b = unit.bytes;
  const end = textEnd(b);
  const fail = (tag: string | null, message: string, offset: number): CommandParse => ({ ok: false, tag, error: { code: 'syntax', message, offset } });
  let sp = b.indexOf(0x20);
  if (sp < 0 || sp > end) sp = end;
  const tag = latin1(b, 0, sp);
  if (!isValidTag(tag)) return fail(null, tag === '' ? 'a command with no tag' : `"${tag}" is not a tag`, 0);
  if (sp >= end) return fail(tag, 'a tag with no command', sp);
  let nameEnd = sp + 1;
  while (nameEnd < end && b[nameEnd] !== 0x20) nameEnd++;
  let name = latin1(b, sp + 1, nameEnd).toUpperCase();
  if (!/^[A-Z0-9.-]+$/.test(name)) return fail(tag, 'the command is not an atom', sp + 1);
  if (name === 'UID' && nameEnd < end) {
    let e = nameEnd + 1;
    while (e < end && b[e] !== 0x20) e++;
    name = `UID ${latin1(b, nameEnd + 1, e).toUpperCase()}`;
    nameEnd = e;
  }
  const values = nameEnd < end ? readValues(b, nameEnd + 1, end, unit.literals) : ({ ok: true, value: [] } as const);
  if (nameEnd < end && nameEnd + 1 >= end) return fail(tag, 'a space with no argument after it', nameEnd);
  if (!values.ok) return { ok: false, tag, error: values.error };
  return { ok: true, command: { tag, name, args: values.value, ranges: { tag: { start: 0, end: sp }, name: { start: sp + 1, end: nameEnd } } } };
}

/** An argument to encode: an atom as written, a string (quoted when it can be, §4.3, else a literal), a list. */
export type CommandArg = { readonly atom: string } | { readonly string: string | Uint8Array } | { readonly list: readonly CommandArg[] };

/** A string that can go quoted: 7-bit, no CR, LF or NUL, not too long. */
export function isQuotable(bytes: Uint8Array): boolean {
  if (bytes.length > 1000) return false;
  for (const c of bytes) if (c === 0 || c === 0x0d || c === 0x0a || c >= 0x80) return false;
  return true;
}

/** A string as an IMAP string: quoted, or a synchronizing literal "{n}\r\n" + bytes. */
export function stringBytes(value: string | Uint8Array): Uint8Array[] {
  const bytes = typeof value === 'string' ? ascii(value) : value;
  if (isQuotable(bytes)) {
    let s = '"';
    for (const c of bytes) s += c === 0x22 || c === 0x5c ? `\\${String.fromCharCode(c)}` : String.fromCharCode(c);
    return [ascii(`${s}"`)];
  }
  return [ascii(`{${bytes.length}}\r\n`), bytes];
}

function argBytes(arg: CommandArg): Uint8Array[] {
  if ('atom' in arg) return [ascii(arg.atom)];
  if ('string' in arg) return stringBytes(arg.string);
  const parts: Uint8Array[] = [ascii('(')];
  arg.list.forEach((a, i) => {
    if (i > 0) parts.push(ascii(' '));
    parts.push(...argBytes(a));
  });
  parts.push(ascii(')'));
  return parts;
}

/** One buffer of the parts in order (the message codec's). */
export { concat };

/** The bytes of "tag name args CRLF". A client sending a literal must wait for "+ " after its header; encodeCommand gives the whole stream. */
export function encodeCommand(tag: string, name: string, args: readonly CommandArg[] = []): Uint8Array {
  const parts: Uint8Array[] = [ascii(`${tag} ${name}`)];
  for (const a of args) parts.push(ascii(' '), ...argBytes(a));
  parts.push(ascii('\r\n'));
  return concat(parts);
}
