/**
 * SMTP command lines (RFC 5321 §4.1): a verb of letters, a space and its
 * arguments, CRLF. Verbs are case-insensitive (§2.4); the arguments of MAIL
 * and RCPT are a path in angle brackets and optional parameters (§4.1.2).
 *
 * The parser takes one line without its CRLF (lines.ts cuts them) and
 * never throws: what it cannot read is a typed error with the offset of the
 * byte that stopped it.
 */
import { MAX_COMMAND_LINE } from './constants';

export interface SmtpCommand {
  /** Upper case: "EHLO", "MAIL". */
  readonly verb: string;
  /** Everything after the verb and its space, as sent ("FROM:<alice@example.com>"). */
  readonly args: string;
}

export type CommandError = { readonly code: 'not-ascii' | 'no-verb' | 'too-long'; readonly message: string; readonly offset: number };

export function parseCommandLine(line: Uint8Array): { readonly ok: true; readonly command: SmtpCommand } | { readonly ok: false; readonly error: CommandError } {
  if (line.length > MAX_COMMAND_LINE - 2) return { ok: false, error: { code: 'too-long', message: `the command line is ${line.length + 2} octets, more than ${MAX_COMMAND_LINE} (RFC 5321 §4.5.3.1.4)`, offset: MAX_COMMAND_LINE - 2 } };
  for (let i = 0; i < line.length; i++) {
    const b = line[i]!;
    if (b > 0x7e || (b < 0x20 && b !== 0x09)) return { ok: false, error: { code: 'not-ascii', message: `byte 0x${b.toString(16).padStart(2, '0')} in a command line (commands are ASCII, RFC 5321 §2.4)`, offset: i } };
  }
  const text = String.fromCharCode(...line);
  const m = /^([A-Za-z]+)(?: (.*))?$/.exec(text);
  if (!m) return { ok: false, error: { code: 'no-verb', message: 'the line does not start with a command verb (letters, then a space or the end)', offset: /^[A-Za-z]*/.exec(text)![0].length } };
  return { ok: true, command: { verb: m[1]!.toUpperCase(), args: m[2] ?? '' } };
}

export function encodeCommand(verb: string, args = ''): Uint8Array {
  return new TextEncoder().encode(args === '' ? `${verb}\r\n` : `${verb} ${args}\r\n`);
}

/**
 * The path of "MAIL FROM:<path>" or "RCPT TO:<path>" (§4.1.2; the keyword
 * case-insensitive, no space before "<" — many servers allow one, §4.1.1
 * does not): the address inside the brackets ("" for the null reverse-path
 * of a bounce, §4.5.5) and the parameters after it ("SIZE=1200").
 */
export function parsePath(args: string, keyword: 'FROM' | 'TO'): { readonly ok: true; readonly address: string; readonly params: readonly string[] } | { readonly ok: false; readonly message: string } {
  const prefix = `${keyword}:`;
  if (args.slice(0, prefix.length).toUpperCase() !== prefix) return { ok: false, message: `expected "${prefix}<address>"` };
  const rest = args.slice(prefix.length);
  const m = /^<([^<>\s]*)>((?: [^ ]+)*)$/.exec(rest);
  if (!m) return { ok: false, message: `expected "${prefix}<address>", the address in angle brackets` };
  const address = m[1]!;
  // A source route (@a,@b:user@c) is obsolete; §4.1.2 says to accept and ignore it.
  const plain = address.includes(':') ? address.slice(address.lastIndexOf(':') + 1) : address;
  if (plain !== '' && !/^[^@\s]+@[A-Za-z0-9.-]+$/.test(plain)) return { ok: false, message: `"${address}" is not an address (local-part@domain)` };
  if (plain === '' && keyword === 'TO') return { ok: false, message: 'a recipient cannot be the null path <>' };
  return { ok: true, address: plain, params: m[2]!.trim() === '' ? [] : m[2]!.trim().split(' ') };
}
