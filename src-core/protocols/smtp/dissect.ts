/**
 * SMTP dissector. A trace message is what one write carried: command lines
 * (several when pipelined), reply lines (a multi-line reply is one
 * message), or the mail data after 354 — the message's header fields, its
 * body and the final "." line. Which one it is, is read from the bytes: a
 * first line of three digits and a space or "-" is a reply; a first line
 * that is a known command verb is a command; anything else is mail data.
 * The credentials of AUTH PLAIN are not shown (the hex dump holds them, as
 * the wire does). Never throws.
 */
import { field, printable, problem, type FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { mimeTree } from '../mail/message';
import { parseCommandLine } from './command';
import { parseReplyLine } from './reply';
import { KNOWN_VERBS, shownArgs } from './summary';


interface Line {
  readonly start: number;
  /** End of the content, before CRLF. */
  readonly content: number;
  /** After CRLF (or the end of the bytes). */
  readonly end: number;
}

function linesOf(b: Uint8Array): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < b.length) {
    const lf = b.indexOf(0x0a, start);
    const end = lf < 0 ? b.length : lf + 1;
    const content = lf < 0 ? b.length : lf > start && b[lf - 1] === 0x0d ? lf - 1 : lf;
    out.push({ start, content, end });
    start = end;
  }
  return out;
}

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

export function dissectSmtp(message: MessageEvent): FieldNode[] {
  const b = message.bytes;
  const lines = linesOf(b);
  const first = lines[0];
  let children: FieldNode[];
  if (!first) children = [];
  else if (/^\d{3}([ -]|$)/.test(latin1(b.subarray(first.start, Math.min(first.content, first.start + 4))))) children = reply(b, lines);
  else {
    const parsed = parseCommandLine(b.subarray(first.start, first.content));
    children = parsed.ok && KNOWN_VERBS.has(parsed.command.verb) ? commands(b, lines) : data(b, lines);
  }
  return [field('Simple Mail Transfer Protocol', 'smtp', message.summary, 0, b.length, children)];
}

function commands(b: Uint8Array, lines: readonly Line[]): FieldNode[] {
  return lines.map((l) => {
    const parsed = parseCommandLine(b.subarray(l.start, l.content));
    if (!parsed.ok) return problem('Malformed', 'smtp.malformed', parsed.error.message, l.start + Math.min(parsed.error.offset, l.content - l.start), Math.max(1, l.content - l.start - parsed.error.offset));
    const { verb, args } = parsed.command;
    const shown = shownArgs(parsed.command);
    const verbEnd = l.start + verb.length;
    const kids = [field('Command', 'smtp.req.command', verb, l.start, verb.length)];
    if (args !== '') kids.push(field('Request parameter', 'smtp.req.parameter', printable(shown), verbEnd + 1, l.content - verbEnd - 1));
    return field('Command line', 'smtp.command_line', printable(verb === 'AUTH' ? `AUTH ${shown}` : latin1(b.subarray(l.start, l.content))), l.start, l.end - l.start, kids);
  });
}

function reply(b: Uint8Array, lines: readonly Line[]): FieldNode[] {
  return lines.map((l) => {
    const parsed = parseReplyLine(b.subarray(l.start, l.content));
    if (!parsed.ok) return problem('Malformed', 'smtp.malformed', parsed.message, l.start, l.end - l.start);
    const kids = [field('Response code', 'smtp.response.code', parsed.code, l.start, 3)];
    if (l.content > l.start + 4) kids.push(field('Response parameter', 'smtp.rsp.parameter', printable(parsed.text), l.start + 4, l.content - l.start - 4));
    return field('Response', 'smtp.response', printable(latin1(b.subarray(l.start, l.content))), l.start, l.end - l.start, kids);
  });
}

/**
 * Mail data: the message's MIME tree (mail/message/tree.ts) and the "." end.
 * The tree's byte ranges are the wire's only when no line was dot-stuffed;
 * a stuffed message shows its header fields and body as they are on the wire.
 */
function data(b: Uint8Array, lines: readonly Line[]): FieldNode[] {
  const last = lines[lines.length - 1];
  const ends = last !== undefined && latin1(b.subarray(last.start, last.content)) === '.';
  const stuffed = lines.some((l, i) => b[l.start] === 0x2e && !(ends && i === lines.length - 1));
  if (!stuffed) {
    const bodyEnd = ends ? last.start : b.length;
    const tree = mimeTree(b.subarray(0, bodyEnd));
    return ends ? [...tree, field('End of data', 'smtp.eom', '.\\r\\n', last.start, last.end - last.start)] : tree;
  }
  return wireData(b, lines);
}

/** A dot-stuffed message: the header fields (RFC 5322 §2.2, folded lines joined), the body, the "." end. */
function wireData(b: Uint8Array, lines: readonly Line[]): FieldNode[] {
  const headers: FieldNode[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.content === l.start) break;
    let end = l.end;
    let contentEnd = l.content;
    while (i + 1 < lines.length && (b[lines[i + 1]!.start] === 0x20 || b[lines[i + 1]!.start] === 0x09)) {
      i++;
      end = lines[i]!.end;
      contentEnd = lines[i]!.content;
    }
    const text = latin1(b.subarray(l.start, contentEnd)).replace(/\r\n/g, '');
    const colon = text.indexOf(':');
    if (colon <= 0) headers.push(problem('Malformed header field', 'smtp.data.malformed', 'a header line without a colon (RFC 5322 §2.2)', l.start, end - l.start, 'warning'));
    else headers.push(field(text.slice(0, colon), `imf.${text.slice(0, colon).toLowerCase()}`, printable(text.slice(colon + 1).trim()), l.start, end - l.start));
  }
  const nodes: FieldNode[] = [];
  const headerEnd = i < lines.length ? lines[i]!.end : b.length;
  if (headers.length > 0) nodes.push(field('Header fields', 'imf.header', `${headers.length} fields`, 0, headerEnd, headers));
  const last = lines[lines.length - 1];
  const ends = last !== undefined && latin1(b.subarray(last.start, last.content)) === '.';
  const bodyEnd = ends ? last.start : b.length;
  if (bodyEnd > headerEnd) nodes.push(field('Body', 'imf.body', `${bodyEnd - headerEnd} octets (dot-stuffed)`, headerEnd, bodyEnd - headerEnd));
  if (ends) nodes.push(field('End of data', 'smtp.eom', '.\\r\\n', last.start, last.end - last.start));
  return [field('Internet Message Format', 'imf', `${b.length} octets`, 0, b.length, nodes)];
}
