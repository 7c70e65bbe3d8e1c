/**
 * The inspector's tree of a message (src-core/dissect/field.ts nodes), as
 * Wireshark's IMF and MIME-multipart dissectors draw it: the header fields
 * (each with its name and value ranges; address fields list their
 * mailboxes, encoded-words are shown decoded), then the body: a multipart's
 * preamble, each part (its own fields and body, nested), the epilogue; a
 * leaf's body as "Line-based text data" for text/*, else its size, with the
 * transfer-decoded length. Every problem the parser found is a problem node
 * at its byte. Never throws. The SMTP dissector embeds this for DATA.
 */
import { field, printable, problem, type FieldNode } from '../../../dissect/field';
import { parseAddressList } from './address';
import { decodeHeaderText } from './encoded-word';
import type { HeaderField } from './header';
import { lines } from './lines';
import { parseMessage, type MimePart } from './parse';
import { latin1, type MailProblem } from './types';

/** Lines of a text body shown at most; the rest are counted in one node. */
export const MAX_SHOWN_LINES = 200;

const FILTERS: Record<string, string> = {
  date: 'imf.date',
  from: 'imf.from',
  sender: 'imf.sender',
  'reply-to': 'imf.reply_to',
  to: 'imf.to',
  cc: 'imf.cc',
  bcc: 'imf.bcc',
  subject: 'imf.subject',
  'message-id': 'imf.message_id',
  'in-reply-to': 'imf.in_reply_to',
  references: 'imf.references',
  'mime-version': 'imf.mime_version',
  'content-type': 'imf.content.type',
  'content-transfer-encoding': 'imf.content.transfer_encoding',
  'content-disposition': 'imf.content.disposition',
  'content-id': 'imf.content.id',
  'content-description': 'imf.content.description',
  received: 'imf.received',
  'return-path': 'imf.return_path',
};
const ADDRESS_FIELDS = new Set(['from', 'sender', 'reply-to', 'to', 'cc', 'bcc']);
const UNSTRUCTURED = new Set(['subject', 'comments', 'content-description']);

const span = (r: { start: number; end: number }): [number, number] => [r.start, r.end - r.start];

function headerNode(f: HeaderField): FieldNode {
  const key = f.name.toLowerCase();
  const filter = FILTERS[key] ?? 'imf.extension';
  const children: FieldNode[] = [field('Name', `${filter}.name`, f.name, ...span(f.nameRange)), field('Value', `${filter}.value`, printable(f.value), ...span(f.valueRange))];
  let shown = f.value;
  if (ADDRESS_FIELDS.has(key)) {
    for (const m of parseAddressList(f.value)) children.push(field('Mailbox', `${filter}.mailbox`, m.name === '' ? m.address : `${m.name} <${m.address}>`, ...span(f.valueRange)));
  } else if (UNSTRUCTURED.has(key)) shown = decodeHeaderText(f.value);
  return field(f.name, filter, printable(shown), ...span(f.field), children);
}

function bodyNodes(b: Uint8Array, part: MimePart): FieldNode[] {
  const { start, end } = part.body;
  if (part.children.length > 0 && part.type === 'multipart') {
    const nodes: FieldNode[] = [field('Boundary', 'mime_multipart.boundary', part.params['boundary'] ?? '', ...span(part.body))];
    if (part.preamble && part.preamble.end > part.preamble.start) nodes.push(field('Preamble', 'mime_multipart.preamble', printable(latin1(b, part.preamble.start, Math.min(part.preamble.end, part.preamble.start + 200))), ...span(part.preamble)));
    part.children.forEach((c, i) => nodes.push(partNode(b, c, `Encapsulated multipart part: (${c.contentType})`, 'mime_multipart.part', i)));
    if (part.epilogue && part.epilogue.end > part.epilogue.start) nodes.push(field('Epilogue', 'mime_multipart.epilogue', printable(latin1(b, part.epilogue.start, Math.min(part.epilogue.end, part.epilogue.start + 200))), ...span(part.epilogue)));
    return [field(`MIME Multipart Media Encapsulation, Type: ${part.contentType}`, 'mime_multipart', `${part.children.length} parts`, start, end - start, nodes)];
  }
  if (part.children.length > 0) return [partNode(b, part.children[0]!, 'Encapsulated message (message/rfc822)', 'imf.message', 0)];
  const decoded = part.content?.length ?? 0;
  if (part.type === 'text' && part.transferEncoding !== 'base64' && part.transferEncoding !== 'quoted-printable') {
    const shown: FieldNode[] = [];
    let count = 0;
    for (const line of lines(b, start, end)) {
      if (count++ < MAX_SHOWN_LINES) shown.push(field('Line', 'imf.line', printable(latin1(b, line.whole.start, line.whole.end)), ...span(line.whole)));
    }
    if (count > MAX_SHOWN_LINES) shown.push(field('More lines', 'imf.line.more', `${count - MAX_SHOWN_LINES} more lines`, start, end - start));
    return [field('Line-based text data', 'imf.text', `${part.contentType}, ${count} lines`, start, end - start, shown)];
  }
  const what = part.filename !== null ? `, ${part.filename}` : '';
  return [field('Body', 'imf.body', `${end - start} bytes ${part.transferEncoding}${what}, ${decoded} bytes decoded`, start, end - start)];
}

function partNode(b: Uint8Array, part: MimePart, name: string, filter: string, index: number): FieldNode {
  const headerEnd = part.headers.length > 0 ? part.headers[part.headers.length - 1]!.field.end : part.header.start;
  const children = [...part.headers.map(headerNode)];
  if (part.header.end > headerEnd) children.push(field('Empty line', 'imf.separator', '\\r\\n', headerEnd, part.header.end - headerEnd));
  children.push(...bodyNodes(b, part));
  return field(name, filter, index === 0 && filter === 'imf' ? part.contentType : `part ${part.path.map((n) => n + 1).join('.')}`, part.range.start, part.range.end - part.range.start, children);
}

function problemNode(p: MailProblem, length: number): FieldNode {
  const at = Math.min(p.offset, length);
  return problem(p.severity === 'error' ? 'Malformed' : 'Warning', `imf.${p.code}`, p.message, at, at < length ? 1 : 0, p.severity);
}

/** The field tree of a message's bytes (an SMTP DATA payload, dot-unstuffed, without the final "."). */
export function mimeTree(bytes: Uint8Array): FieldNode[] {
  const result = parseMessage(bytes);
  if (!result.ok) return [problemNode(result.error, bytes.length)];
  const root = partNode(bytes, result.value.root, 'Internet Message Format', 'imf', 0);
  const problems = result.warnings.map((p) => problemNode(p, bytes.length));
  return [{ ...root, children: [...root.children, ...problems] }];
}
