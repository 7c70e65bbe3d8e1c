/**
 * One-line summaries for the chart, as Wireshark's Info column puts them:
 * "A1 LOGIN bob ••••" (a password is never shown), "A2 SELECT INBOX",
 * "* 3 EXISTS", "A2 OK [READ-WRITE] SELECT completed". A literal shows as
 * its header and "…". The server writes each response on its own (one
 * message each, session.ts gives its summary).
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
