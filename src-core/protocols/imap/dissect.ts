/**
 * IMAP dissector: one trace message is one command (from the client) or one
 * response (from the server). Each unit is read with the same reader and
 * tokenizer as the engines (reader.ts, syntax.ts), so the ranges shown are
 * what the engines read: the tag, the command and its arguments, each
 * literal's data; or the response's tag, status, response code and text.
 * A whole message in a FETCH (BODY[] or RFC822 before a literal) shows its
 * header fields and MIME parts inside the literal (the message codec's tree).
 * A message with no CRLF at its end, or bytes that do not parse, gives a
 * problem node; the dissector never throws.
 */
import { field, printable, problem, shifted, type FieldNode } from '../../dissect/field';
import { mimeTree } from '../mail/message';
import type { MessageEvent } from '../../trace/types';
import { parseCommand } from './command';
import { ImapReader, type ImapUnit } from './reader';
import { parseResponse } from './response';
import { isResponseStart } from './summary';
import { latin1, type ImapValue } from './syntax';

/** FETCH items whose value is a whole message (RFC 9051 §7.5.2): BODY[] and RFC822 (BINARY[] is not decoded). */
const WHOLE_MESSAGE = /^(BODY\[\]|RFC822)(<\d+>)?$/i;

function valueNode(v: ImapValue, b: Uint8Array, base: number, wholeMessage = false): FieldNode {
  const at = base + v.start;
  const length = v.end - v.start;
  switch (v.kind) {
    case 'atom':
      return field('Atom', 'imap.atom', v.text, at, length);
    case 'nil':
      return field('NIL', 'imap.nil', 'NIL', at, length);
    case 'string': {
      if (!v.literal) return field('Quoted string', 'imap.string', printable(latin1(v.bytes)), at, length);
      const dataAt = base + v.end - v.bytes.length;
      const parts = wholeMessage ? mimeTree(v.bytes).map((n) => shifted(n, dataAt)) : [];
      return field('Literal', 'imap.literal', `${v.bytes.length} bytes`, at, length, [field('Literal data', 'imap.literal.data', printable(latin1(v.bytes.subarray(0, 80))), dataAt, v.bytes.length, parts)]);
    }
    case 'list':
      return field('List', 'imap.list', `${v.items.length} items`, at, length, v.items.map((i, k) => { const before = v.items[k - 1]; return valueNode(i, b, base, before?.kind === 'atom' && WHOLE_MESSAGE.test(before.text)); }));
  }
}

function commandTree(unit: ImapUnit, base: number): FieldNode[] {
  const parsed = parseCommand(unit);
  if (!parsed.ok) return [problem('Malformed command', 'imap.malformed', parsed.error.message, base + parsed.error.offset, Math.max(0, unit.bytes.length - parsed.error.offset))];
  const c = parsed.command;
  const login = c.name === 'LOGIN';
  const args = c.args.map((a, i) => (login && i === 1 ? field('Password', 'imap.password', '••••', base + a.start, a.end - a.start) : valueNode(a, unit.bytes, base)));
  return [
    field('Command', 'imap.request', login ? `${c.tag} LOGIN …` : printable(latin1(unit.bytes, 0, Math.min(unit.bytes.length - 2, 100))), base, unit.bytes.length, [
      field('Tag', 'imap.tag', c.tag, base + c.ranges.tag.start, c.ranges.tag.end - c.ranges.tag.start),
      field('Command', 'imap.command', c.name, base + c.ranges.name.start, c.ranges.name.end - c.ranges.name.start),
      ...(args.length > 0 ? [field('Arguments', 'imap.arguments', `${args.length}`, base + c.args[0]!.start, c.args.at(-1)!.end - c.args[0]!.start, args)] : []),
    ]),
  ];
}

function responseTree(unit: ImapUnit, base: number): FieldNode[] {
  const parsed = parseResponse(unit);
  if (!parsed.ok) return [problem('Malformed response', 'imap.malformed', parsed.error.message, base + parsed.error.offset, Math.max(0, unit.bytes.length - parsed.error.offset))];
  const r = parsed.response;
  const line = latin1(unit.bytes, 0, unit.bytes.length - 2);
  const sp = line.indexOf(' ');
  const children: FieldNode[] = [];
  if (r.kind === 'continuation') children.push(field('Continuation', 'imap.continuation', r.text, base, unit.bytes.length));
  else {
    children.push(field('Tag', 'imap.tag', line.slice(0, sp), base, sp));
    if (r.kind === 'tagged' || r.kind === 'status') {
      const statusAt = sp + 1;
      children.push(field('Status', 'imap.status', r.status, base + statusAt, r.status.length));
      if (r.code !== null) children.push(field('Response code', 'imap.code', r.code, base + line.indexOf('[', statusAt), r.code.length + 2));
      const textAt = line.length - r.text.length;
      children.push(field('Text', 'imap.text', r.text, base + textAt, r.text.length));
    } else {
      if (r.number !== null) children.push(field('Number', 'imap.number', r.number, base + sp + 1, String(r.number).length));
      const nameAt = line.indexOf(r.name, sp + 1) >= 0 ? line.toUpperCase().indexOf(r.name, sp + 1) : sp + 1;
      children.push(field('Data', 'imap.data', r.name, base + nameAt, r.name.length));
      children.push(...r.values.map((v) => valueNode(v, unit.bytes, base)));
    }
  }
  return [field('Response', 'imap.response', printable(latin1(unit.bytes, 0, Math.min(unit.bytes.length - 2, 100))), base, unit.bytes.length, children)];
}

/** Responses start with "*", "+" or a tag followed by OK/NO/BAD; commands are read otherwise. The server's port decides when known. */
export function dissectImap(message: MessageEvent): FieldNode[] {
  const b = message.bytes;
  const fromServer = message.src.port === 143 || (message.dst.port !== 143 && isResponseStart(b));
  const reader = new ImapReader({ maxLineBytes: 1 << 20, maxLiteralBytes: 1 << 30 });
  const nodes: FieldNode[] = [];
  let end = 0;
  for (const out of reader.push(b)) {
    if (out.kind !== 'unit') continue;
    nodes.push(...(fromServer ? responseTree(out.unit, out.unit.offset) : commandTree(out.unit, out.unit.offset)));
    end = out.unit.offset + out.unit.bytes.length;
  }
  if (end < b.length) nodes.push(problem('Incomplete', 'imap.incomplete', 'no CRLF at the end (or a literal cut short)', end, b.length - end, 'warning'));
  return nodes;
}
