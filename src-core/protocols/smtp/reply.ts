/**
 * SMTP replies (RFC 5321 §4.2): a three-digit code, then "-" on every line
 * but the last, which has a space (or nothing) after the code; the text is
 * for people. The first digit says how it went (§4.2.1): 2 done, 3 go on,
 * 4 failed for now (try again), 5 failed for good. Enhanced status codes
 * (RFC 3463, "5.1.1") lead the text where we send them.
 */
import { MAX_REPLY_LINE } from './constants';

export interface SmtpReply {
  readonly code: number;
  /** One text per line, without the code and separator. */
  readonly lines: readonly string[];
}

export function encodeReply(code: number, lines: string | readonly string[]): Uint8Array {
  const texts = typeof lines === 'string' ? [lines] : lines.length === 0 ? [''] : lines;
  return new TextEncoder().encode(texts.map((t, i) => `${code}${i < texts.length - 1 ? '-' : ' '}${t}\r\n`).join(''));
}

export type ReplyLine = { readonly ok: true; readonly code: number; readonly last: boolean; readonly text: string } | { readonly ok: false; readonly message: string; readonly offset: number };

/** One reply line without its CRLF. */
export function parseReplyLine(line: Uint8Array): ReplyLine {
  if (line.length > MAX_REPLY_LINE - 2) return { ok: false, message: `the reply line is longer than ${MAX_REPLY_LINE} octets (RFC 5321 §4.5.3.1.5)`, offset: MAX_REPLY_LINE - 2 };
  const text = new TextDecoder('latin1').decode(line);
  const m = /^([2-5][0-5][0-9])([ -]|$)/.exec(text);
  if (!m) return { ok: false, message: 'a reply line starts with a code from 200 to 559, then a space or "-"', offset: 0 };
  return { ok: true, code: Number(m[1]), last: m[2] !== '-', text: text.slice(4) };
}

/** "250 OK" or "250-… (3 lines)": a reply as the chart labels it. */
export function summarizeReply(reply: SmtpReply): string {
  const first = `${reply.code} ${reply.lines[0] ?? ''}`.trimEnd();
  return reply.lines.length > 1 ? `${first} (+${reply.lines.length - 1} lines)` : first;
}
