/**
 * One-line summaries for the chart, as Wireshark's Info column puts them:
 * "A1 LOGIN bob ••••" (a password is never shown), "A2 SELECT INBOX",
 * "* 3 EXISTS", "A2 OK [READ-WRITE] SELECT completed". A literal shows as
 * its header and "…"; several responses in one write are summed up by the
 * first and a count.
 */
import type { ImapUnit } from './reader';
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

/** A command line the client writes (the same masking, from text). */
export function commandTextSummary(line: string): string {
  const bytes = new TextEncoder().encode(line.endsWith('\r\n') ? line : `${line}\r\n`);
  return commandSummary({ bytes, offset: 0, literals: [] });
}

/** One response line's summary. */
export function responseLineSummary(line: string, hasLiteral: boolean): string {
  return cut(hasLiteral ? `${line}…` : line);
}

/** The summary of a write holding `lines` responses (their first lines), named by the last (the tagged completion) when there are several. */
export function writeSummary(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  if (lines.length === 1) return cut(lines[0]!);
  const last = lines[lines.length - 1]!;
  const first = lines[0]!;
  if (!last.startsWith('*') && !last.startsWith('+')) return cut(`${last} (${lines.length - 1} untagged before: ${first}${lines.length > 2 ? ' …' : ''})`);
  return cut(`${first} (+${lines.length - 1} more)`);
}
