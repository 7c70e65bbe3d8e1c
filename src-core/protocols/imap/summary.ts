/**
 * One-line summaries for the chart, as Wireshark's Info column puts them:
 * "A1 LOGIN bob ••••" (a password is never shown), "A2 SELECT INBOX",
 * "* 3 EXISTS", "A2 OK [READ-WRITE] SELECT completed". A literal shows as
 * its header and "…". The server writes each response on its own (one
 * message each, session.ts gives its summary). `summarizeImapBytes` reads a
 * chunk from a real socket (`l7 serve`, src-main/serve/summaries.ts) that no
 * engine labelled: its first command or response, with a count of the
 * units after it.
 */
import { ImapReader, type ImapUnit } from './reader';
import { firstLine } from './syntax';

const MAX_SUMMARY = 120;

const cut = (s: string) => (s.length > MAX_SUMMARY ? `${s.slice(0, MAX_SUMMARY - 1)}…` : s);

/** A command's summary; LOGIN's password (its third word) is masked, whatever its form. */
export function commandSummary(unit: ImapUnit): string {
  const line = firstLine(unit.bytes, unit.literals);
  const m = /^(\S+ LOGIN )(\S+|"(?:[^"\\]|\\.)*")/i.exec(line);
  if (m) return `${m[1]}${m[2]} ••••`;
  if (/^\S+ LOGIN /i.test(line)) return `${line.split(' ').slice(0, 2).join(' ')} ••••`;
  if (/^\S+ AUTHENTICATE /i.test(line)) return cut(line.split(' ').slice(0, 3).join(' '));
  return cut(unit.literals.length > 0 ? `${line}…` : line);
}

/** A response's summary: its first line ("* 3 EXISTS", "A2 OK [READ-WRITE] SELECT completed"), a literal as "…". */
export function responseSummary(unit: ImapUnit): string {
  const line = firstLine(unit.bytes, unit.literals);
  return cut(unit.literals.length > 0 ? `${line}…` : line);
}

/** Bytes that begin a response (RFC 9051 §2.2.2: untagged "*", continuation "+", or a tag and a status); otherwise a command. */
export function isResponseStart(bytes: Uint8Array): boolean {
  return bytes[0] === 0x2a || bytes[0] === 0x2b || /^\S+ (OK|NO|BAD)\b/i.test(new TextDecoder('latin1').decode(bytes.subarray(0, 40)));
}

/** The summary of a chunk of IMAP bytes read from a socket; null when it holds no whole command or response. */
export function summarizeImapBytes(bytes: Uint8Array): string | null {
  // Limits that let any one chunk be read whole: this summarises, the session enforces.
  const units = new ImapReader({ maxLineBytes: bytes.length, maxLiteralBytes: bytes.length }).push(bytes).flatMap((o) => (o.kind === 'unit' ? [o.unit] : []));
  const first = units[0];
  if (first === undefined) return null;
  const summary = isResponseStart(first.bytes) ? responseSummary(first) : commandSummary(first);
  const more = units.length - 1;
  return more === 0 ? summary : `${summary} (+${more} more)`;
}
