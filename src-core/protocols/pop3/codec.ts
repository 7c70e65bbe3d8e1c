/**
 * POP3 on the wire (RFC 1939 §3): commands and responses are lines of
 * US-ASCII ending with CRLF.
 *
 *   command   = keyword *(SP argument) CRLF     keyword: 3 or 4 letters, any case
 *   response  = ("+OK" / "-ERR") [SP text] CRLF
 *   multi-line response = status line, then lines of data, then "." CRLF;
 *     a data line that begins with "." gets one more "." in front
 *     (byte-stuffing), which the reader removes.
 *
 *   "RETR 1\r\n"            "+OK 120 octets\r\n" <data, stuffed> ".\r\n"
 *    ^^^^ ^                  ^^^ ^^^^^^^^^^
 *    keyword argument        status text
 *
 * Limits (§3): a keyword is 3 or 4 characters, an argument at most 40, a
 * command line at most 255 octets with its CRLF, a response's status line
 * at most 512. Parsers never throw: bad input is a typed, located error
 * (code, message, byte offset within the line).
 */

export const MAX_COMMAND_LINE = 255;
export const MAX_RESPONSE_LINE = 512;
export const MAX_ARGUMENT = 40;

export const CRLF = '\r\n';
const encoder = new TextEncoder();

export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface Pop3Command {
  /** Upper case: "USER", "RETR". */
  readonly keyword: string;
  readonly args: readonly string[];
}

export interface CommandParts {
  readonly keyword: ByteRange;
  readonly args: readonly ByteRange[];
}

export type Pop3ErrorCode = 'empty-line' | 'bad-keyword' | 'bad-character' | 'argument-too-long' | 'line-too-long' | 'bad-status' | 'unterminated';

export interface Pop3Error {
  readonly code: Pop3ErrorCode;
  readonly message: string;
  /** Byte offset of the fault, from the start of the line (or the message). */
  readonly offset: number;
}

export type Parsed<T, P> = { readonly ok: true; readonly value: T; readonly parts: P } | { readonly ok: false; readonly error: Pop3Error };

/** Latin-1 view of bytes: each byte one character, so offsets in the text are byte offsets. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

export function ascii(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Commands whose whole rest of line is one argument (PASS: a password may hold spaces, §7). */
const REST_OF_LINE = new Set(['PASS']);

/**
 * Reads one command line (without its CRLF). The keyword is 3 or 4 letters
 * (§3 says 3 or 4 characters; every keyword is letters) and is returned in
 * upper case; arguments are separated by one or more spaces (we accept runs
 * of spaces; §3 says a single one), each at most 40 characters of printable
 * ASCII. PASS takes the rest of the line as it is.
 */
export function parseCommand(line: Uint8Array): Parsed<Pop3Command, CommandParts> {
  if (line.length === 0) return fail('empty-line', 'an empty line, not a command', 0);
  if (line.length + 2 > MAX_COMMAND_LINE) return fail('line-too-long', `a command line of ${line.length + 2} octets: at most ${MAX_COMMAND_LINE} with its CRLF (RFC 1939 §3)`, MAX_COMMAND_LINE - 2);
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c < 0x20 || c > 0x7e) return fail('bad-character', `byte 0x${c.toString(16).padStart(2, '0')} is not printable ASCII`, i);
  }
  const text = latin1(line);
  const space = text.indexOf(' ');
  const keywordEnd = space < 0 ? text.length : space;
  const keyword = text.slice(0, keywordEnd);
  if (!/^[A-Za-z]{3,4}$/.test(keyword)) return fail('bad-keyword', `expected a keyword of 3 or 4 letters, got ${JSON.stringify(keyword)}`, 0);
  const upper = keyword.toUpperCase();
  const args: string[] = [];
  const ranges: ByteRange[] = [];
  if (REST_OF_LINE.has(upper) && space >= 0) {
    args.push(text.slice(space + 1));
    ranges.push({ start: space + 1, end: text.length });
    return { ok: true, value: { keyword: upper, args }, parts: { keyword: { start: 0, end: keywordEnd }, args: ranges } };
  }
  const argPattern = / *([^ ]+)/y;
  argPattern.lastIndex = keywordEnd;
  for (let m = argPattern.exec(text); m; m = argPattern.exec(text)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (m[1]!.length > MAX_ARGUMENT) return fail('argument-too-long', `an argument of ${m[1]!.length} characters: at most ${MAX_ARGUMENT} (RFC 1939 §3)`, start + MAX_ARGUMENT);
    args.push(m[1]!);
    ranges.push({ start, end: start + m[1]!.length });
  }
  return { ok: true, value: { keyword: upper, args }, parts: { keyword: { start: 0, end: keywordEnd }, args: ranges } };
}

export function encodeCommand(command: Pop3Command): Uint8Array {
  return ascii(`${[command.keyword, ...command.args].join(' ')}${CRLF}`);
}

/** The chart's line: "USER bob", "RETR 1"; a password is never shown (§7 sends it in the clear; the chart need not). */
export function commandSummary(command: Pop3Command): string {
  if (command.keyword === 'PASS') return 'PASS ••••';
  return [command.keyword, ...command.args].join(' ');
}

export interface Pop3Status {
  readonly ok: boolean;
  /** The text after the indicator and its space ("" if none). */
  readonly text: string;
}

export interface StatusParts {
  readonly indicator: ByteRange;
  readonly text: ByteRange | null;
}

/** Reads a status line (without its CRLF): "+OK" or "-ERR", then optionally a space and text (§3; the indicator in upper case). */
export function parseStatus(line: Uint8Array): Parsed<Pop3Status, StatusParts> {
  if (line.length + 2 > MAX_RESPONSE_LINE) return fail('line-too-long', `a status line of ${line.length + 2} octets: at most ${MAX_RESPONSE_LINE} with its CRLF (RFC 1939 §3)`, MAX_RESPONSE_LINE - 2);
  const text = latin1(line);
  const indicator = text.startsWith('+OK') ? '+OK' : text.startsWith('-ERR') ? '-ERR' : null;
  if (indicator === null) return fail('bad-status', `a response starts with "+OK" or "-ERR", got ${JSON.stringify(text.slice(0, 8))}`, 0);
  const rest = text.slice(indicator.length);
  if (rest !== '' && !rest.startsWith(' ')) return fail('bad-status', `expected a space after ${indicator}`, indicator.length);
  const parts: StatusParts = { indicator: { start: 0, end: indicator.length }, text: rest === '' ? null : { start: indicator.length + 1, end: text.length } };
  return { ok: true, value: { ok: indicator === '+OK', text: rest.slice(1) }, parts };
}

export function statusLine(ok: boolean, text: string): string {
  return `${ok ? '+OK' : '-ERR'}${text === '' ? '' : ` ${text}`}`;
}

export function encodeStatus(ok: boolean, text: string): Uint8Array {
  return ascii(`${statusLine(ok, text)}${CRLF}`);
}

/**
 * Byte-stuffs data for a multi-line response (§3): every line that begins
 * with "." gets another "." in front, and the terminating ".CRLF" follows.
 * The data is taken as CRLF-terminated lines; data that does not end with
 * CRLF gets one first (a stored message always ends with one).
 */
export function stuff(data: Uint8Array): Uint8Array {
  let dots = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === 0x2e && (i === 0 || data[i - 1] === 0x0a)) dots++;
  const needsEnd = data.length > 0 && !(data[data.length - 1] === 0x0a && data[data.length - 2] === 0x0d);
  const out = new Uint8Array(data.length + dots + (needsEnd ? 2 : 0) + 3);
  let j = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0x2e && (i === 0 || data[i - 1] === 0x0a)) out[j++] = 0x2e;
    out[j++] = data[i]!;
  }
  if (needsEnd) {
    out[j++] = 0x0d;
    out[j++] = 0x0a;
  }
  out.set([0x2e, 0x0d, 0x0a], j);
  return out;
}

/** A multi-line response: its status line, then the data stuffed and terminated. */
export function encodeMultiline(ok: boolean, text: string, data: Uint8Array): Uint8Array {
  const head = encodeStatus(ok, text);
  const body = stuff(data);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** A multi-line response of text lines (LIST, UIDL, CAPA). */
export function encodeLines(text: string, lines: readonly string[]): Uint8Array {
  return encodeMultiline(true, text, ascii(lines.map((l) => `${l}${CRLF}`).join('')));
}

/** Removes the stuffing of one data line (without its CRLF): a leading "." is dropped (§3). */
export function unstuffLine(line: Uint8Array): Uint8Array {
  return line[0] === 0x2e ? line.subarray(1) : line;
}

export interface MultilineParts {
  readonly status: ByteRange;
  /** The stuffed data lines, from after the status line's CRLF up to the terminating line. */
  readonly data: ByteRange;
  /** The terminating ".CRLF". */
  readonly terminator: ByteRange;
}

/**
 * Reads a whole multi-line response from its bytes: the status, the data
 * unstuffed (each line with CRLF), and the ranges of its parts. The bytes
 * must end with the terminating line; what follows is an error.
 */
export function parseMultiline(bytes: Uint8Array): Parsed<{ readonly status: Pop3Status; readonly data: Uint8Array }, MultilineParts> {
  const firstLf = bytes.indexOf(0x0a);
  if (firstLf < 0) return fail('unterminated', 'the status line has no CRLF', bytes.length);
  const statusEnd = firstLf > 0 && bytes[firstLf - 1] === 0x0d ? firstLf - 1 : firstLf;
  const status = parseStatus(bytes.subarray(0, statusEnd));
  if (!status.ok) return status;
  const chunks: Uint8Array[] = [];
  let at = firstLf + 1;
  while (at < bytes.length) {
    const lf = bytes.indexOf(0x0a, at);
    if (lf < 0) break;
    const contentEnd = lf > at && bytes[lf - 1] === 0x0d ? lf - 1 : lf;
    const line = bytes.subarray(at, contentEnd);
    if (line.length === 1 && line[0] === 0x2e) {
      if (lf + 1 !== bytes.length) return fail('unterminated', `${bytes.length - lf - 1} bytes after the terminating "."`, lf + 1);
      const data = joinLines(chunks);
      return { ok: true, value: { status: status.value, data }, parts: { status: { start: 0, end: firstLf + 1 }, data: { start: firstLf + 1, end: at }, terminator: { start: at, end: lf + 1 } } };
    }
    chunks.push(unstuffLine(line));
    at = lf + 1;
  }
  return fail('unterminated', 'the data has no terminating "." line', bytes.length);
}

/** Lines rejoined with CRLF after each. */
export function joinLines(lines: readonly Uint8Array[]): Uint8Array {
  const total = lines.reduce((n, l) => n + l.length + 2, 0);
  const out = new Uint8Array(total);
  let j = 0;
  for (const l of lines) {
    out.set(l, j);
    j += l.length;
    out[j++] = 0x0d;
    out[j++] = 0x0a;
  }
  return out;
}

function fail(code: Pop3ErrorCode, message: string, offset: number): { readonly ok: false; readonly error: Pop3Error } {
  return { ok: false, error: { code, message, offset } };
}
