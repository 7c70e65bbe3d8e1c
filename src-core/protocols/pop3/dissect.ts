/**
 * POP3 dissector: one trace message is one command line or one whole
 * response (a status line, and for a multi-line response its stuffed data
 * and the terminating "."). A message that starts with "+OK" or "-ERR" is a
 * response; anything else is read as a command. A password (PASS) is not
 * shown in the tree (the hex dump still holds it, as the wire does).
 * Malformed bytes give a problem node; the dissector never throws.
 */
import { field, printable, problem, shifted, type FieldNode } from '../../dissect/field';
import { mimeTree } from '../mail/message';
import type { MessageEvent } from '../../trace/types';
import { commandSummary, latin1, parseCommand, parseMultiline, parseStatus, type ByteRange } from './codec';

const node = (name: string, filter: string, value: string | number, r: ByteRange, children: readonly FieldNode[] = []) => field(name, filter, value, r.start, r.end - r.start, children);

export function dissectPop3(message: MessageEvent): FieldNode[] {
  const b = message.bytes;
  const text = latin1(b.subarray(0, 4));
  const children = text.startsWith('+OK') || text.startsWith('-ERR') ? response(b) : command(b);
  return [field('Post Office Protocol', 'pop3', message.summary, 0, b.length, children)];
}

/** The first line's content end and its full end (after CRLF), or null when there is no LF. */
function firstLine(b: Uint8Array): { content: number; end: number } | null {
  const lf = b.indexOf(0x0a);
  if (lf < 0) return null;
  return { content: lf > 0 && b[lf - 1] === 0x0d ? lf - 1 : lf, end: lf + 1 };
}

function command(b: Uint8Array): FieldNode[] {
  const line = firstLine(b);
  if (!line) return [problem('Malformed', 'pop3.malformed', 'a command line ends with CRLF (RFC 1939 §3); none here', 0, b.length)];
  const parsed = parseCommand(b.subarray(0, line.content));
  const nodes: FieldNode[] = [];
  if (!parsed.ok) {
    nodes.push(problem('Malformed', 'pop3.malformed', parsed.error.message, Math.min(parsed.error.offset, line.content), Math.max(0, line.content - parsed.error.offset)));
  } else {
    const c = parsed.value;
    const args = parsed.parts.args.map((r, i) => node('Request parameter', 'pop3.request.parameter', c.keyword === 'PASS' ? '••••' : c.args[i]!, r));
    nodes.push(node('Request', 'pop3.request', commandSummary(c), { start: 0, end: line.end }, [node('Request command', 'pop3.request.command', c.keyword, parsed.parts.keyword), ...args]));
  }
  if (line.end < b.length) nodes.push(problem('Excess data', 'pop3.excess', `${b.length - line.end} bytes after the command line`, line.end, b.length - line.end, 'warning'));
  return nodes;
}

function response(b: Uint8Array): FieldNode[] {
  const line = firstLine(b);
  if (!line) return [problem('Malformed', 'pop3.malformed', 'a status line ends with CRLF (RFC 1939 §3); none here', 0, b.length)];
  const status = parseStatus(b.subarray(0, line.content));
  if (!status.ok) return [problem('Malformed', 'pop3.malformed', status.error.message, status.error.offset, line.content - status.error.offset)];
  const statusChildren = [node('Response indicator', 'pop3.response.indicator', status.value.ok ? '+OK' : '-ERR', status.parts.indicator)];
  if (status.parts.text) statusChildren.push(node('Response description', 'pop3.response.description', printable(status.value.text), status.parts.text));
  const nodes: FieldNode[] = [node('Response', 'pop3.response', printable(latin1(b.subarray(0, line.content))), { start: 0, end: line.end }, statusChildren)];
  if (line.end === b.length) return nodes;
  const multi = parseMultiline(b);
  if (!multi.ok) {
    nodes.push(problem('Malformed', 'pop3.malformed', multi.error.message, Math.min(multi.error.offset, b.length), b.length - Math.min(multi.error.offset, b.length)));
    return nodes;
  }
  const lines = countLines(multi.value.data);
  // A message (RETR, TOP: its first line a header field, unlike LIST's, UIDL's or CAPA's lines) as its fields and MIME parts,
  // the message codec's tree, when no line was byte-stuffed: then its bytes are the wire's.
  const { start, end } = multi.parts.data;
  const isMessage = /^[!-9;-~]+:/.test(latin1(multi.value.data.subarray(0, 100)));
  const parts = status.value.ok && isMessage && multi.value.data.length === end - start ? mimeTree(multi.value.data).map((n) => shifted(n, start)) : [];
  nodes.push(node('Data', 'pop3.data', `${lines} line${lines === 1 ? '' : 's'}, ${multi.value.data.length} octets unstuffed`, multi.parts.data, parts));
  nodes.push(node('Termination', 'pop3.data.end', '.\\r\\n', multi.parts.terminator));
  return nodes;
}

function countLines(data: Uint8Array): number {
  let n = 0;
  for (const c of data) if (c === 0x0a) n++;
  return n;
}
