/**
 * One-line summaries of SMTP bytes, as the chart labels them: a command
 * line as sent ("MAIL FROM:<alice@crepes.fr>"; AUTH's credentials never
 * shown: "AUTH PLAIN ••••"), a reply by its code and first line
 * (reply.ts). `summarizeSmtpBytes` reads a chunk from a real socket
 * (`l7 serve`, src-main/serve/summaries.ts) that no engine labelled: its
 * first reply or command line, with a count of what follows when a peer
 * pipelined several; null for mail data or a chunk that does not begin
 * with a whole line.
 */
import { parseCommandLine, type SmtpCommand } from './command';
import { parseReplyLine, summarizeReply } from './reply';

/** The verbs a command chunk may begin with (RFC 5321 §4.1, RFC 4954 AUTH, RFC 3030 BDAT); any other first word is mail data. */
export const KNOWN_VERBS: ReadonlySet<string> = new Set(['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'RSET', 'NOOP', 'QUIT', 'VRFY', 'EXPN', 'HELP', 'AUTH', 'STARTTLS', 'BDAT', 'TURN']);

/** A command's arguments as shown: AUTH keeps its mechanism and hides the initial response (RFC 4954 §4: base64 credentials). */
export function shownArgs(command: SmtpCommand): string {
  if (command.verb !== 'AUTH') return command.args;
  const space = command.args.indexOf(' ');
  return space < 0 ? command.args : `${command.args.slice(0, space)} ••••`;
}

/** "EHLO crepes.fr", "AUTH PLAIN ••••". */
export function commandSummary(command: SmtpCommand): string {
  const args = shownArgs(command);
  return args === '' ? command.verb : `${command.verb} ${args}`;
}

const countMore = (n: number, one: string, many: string) => `${n} more ${n === 1 ? one : many}`;

/** The summary of a chunk of SMTP bytes read from a socket; null when it is mail data or no whole line. */
export function summarizeSmtpBytes(bytes: Uint8Array): string | null {
  const lines = wholeLines(bytes);
  const first = lines[0];
  if (first === undefined) return null;
  const reply = parseReplyLine(first);
  if (reply.ok) {
    // The first reply: its lines up to the one without "-" (RFC 5321 §4.2.1); more replies are counted.
    const texts = [reply.text];
    let last = reply.last;
    let i = 1;
    for (; !last && i < lines.length; i++) {
      const next = parseReplyLine(lines[i]!);
      if (!next.ok || next.code !== reply.code) break;
      texts.push(next.text);
      last = next.last;
    }
    const summary = summarizeReply({ code: reply.code, lines: texts });
    let replies = 0;
    for (; i < lines.length; i++) {
      const next = parseReplyLine(lines[i]!);
      if (next.ok && next.last) replies++;
    }
    return replies === 0 ? summary : `${summary} (+${countMore(replies, 'reply', 'replies')})`;
  }
  const command = parseCommandLine(first);
  if (!command.ok || !KNOWN_VERBS.has(command.command.verb)) return null;
  const more = lines.length - 1;
  return more === 0 ? commandSummary(command.command) : `${commandSummary(command.command)} (+${countMore(more, 'line', 'lines')})`;
}

/** The chunk's lines that end in CRLF (or LF), without it; the unended rest is left out. */
function wholeLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let lf = bytes.indexOf(0x0a); lf >= 0; lf = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, lf > start && bytes[lf - 1] === 0x0d ? lf - 1 : lf));
    start = lf + 1;
  }
  return lines;
}
