/**
 * HTTP/1.x dissector: one trace message is one whole HTTP message (the
 * engines trace each message's bytes from its start line to its last body
 * byte). A response starts with "HTTP/"; anything else is read as a
 * request. The byte ranges are the parser's (parser.ts), so what the
 * inspector highlights is what the parser read.
 *
 * The tree, as Wireshark draws it: the start line with its fields, each
 * header line (its filter from fields.ts, with its name and value), the
 * empty line, then the body: "Line-based text data" line by line for
 * text/*, else "File Data: N bytes"; a chunked body lists its chunks.
 * Malformed bytes give what was read before the fault and a problem node
 * at the fault; the dissector never throws.
 *
 * A response is read as the answer to a GET. When that leaves it
 * incomplete with no body byte at all, it is read again as the answer to a
 * HEAD (a Content-Length with no body: RFC 9110 §9.3.2), and says so.
 */
import { field, printable, problem, type FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { HTTP_FIELDS, headerFieldName, type HttpFieldName } from './fields';
import { hasHeader, headerValue, type HeaderField } from './message';
import type { ByteRange, ChunkParts, FieldLineParts, HttpParseError, ParseEvent, PartialParts, RequestLineParts, StatusLineParts } from './parse-result';
import { HttpParser } from './parser';
import { latin1 } from './syntax';

/** Lines of a text body and chunks of a chunked one shown at most; the rest are counted in one node. */
export const MAX_SHOWN_LINES = 200;
export const MAX_SHOWN_CHUNKS = 100;

const RESPONSE_START = [0x48, 0x54, 0x54, 0x50, 0x2f]; // "HTTP/"

const node = (f: HttpFieldName, value: string | number, r: ByteRange, children: readonly FieldNode[] = []) => field(f.name, f.filter, value, r.start, r.end - r.start, children);

export function dissectHttp(message: MessageEvent): FieldNode[] {
  const b = message.bytes;
  const response = RESPONSE_START.every((c, i) => b[i] === c);
  let read = parse(b, response ? 'GET' : null);
  let asHead = false;
  if (response && !read.event.ok && read.event.error.code === 'incomplete' && read.partial?.parts.framing === 'content-length' && read.partial.parts.headerEnd?.end === b.length - read.partial.start) {
    read = parse(b, 'HEAD');
    asHead = true;
  }
  const children = read.event.ok ? wholeMessage(b, read.event, asHead) : brokenMessage(b, read.event.error, read.partial);
  return [field(HTTP_FIELDS.protocol.name, HTTP_FIELDS.protocol.filter, message.summary, 0, b.length, children)];
}

interface Read {
  readonly event: ParseEvent;
  readonly partial: ReturnType<HttpParser['partial']>;
}

/** The first event of the bytes read as one stream closed after them. */
function parse(b: Uint8Array, method: string | null): Read {
  const parser = new HttpParser(method === null ? 'request' : 'response', { maxBodyBytes: Number.MAX_SAFE_INTEGER });
  if (method !== null) parser.expectResponseTo(method);
  const events = parser.push(b);
  if (events.length === 0) events.push(...parser.end());
  const event = events[0] ?? { ok: false, error: { code: 'incomplete', message: 'no HTTP message: the bytes end before a start line', offset: b.length } };
  return { event, partial: parser.partial() };
}

function wholeMessage(b: Uint8Array, m: Extract<ParseEvent, { ok: true }>, asHead: boolean): FieldNode[] {
  const at = m.start;
  const nodes: FieldNode[] = [];
  if (at > 0) nodes.push(problem(HTTP_FIELDS.warning.name, HTTP_FIELDS.warning.filter, `${at} bytes of empty lines before the request line (ignored, RFC 9112 §2.2)`, 0, at, 'warning'));
  nodes.push(...head(b, at, m.parts, m.message.headers));
  if (asHead) nodes.push(node(HTTP_FIELDS.body, 'none: the Content-Length is what a GET would get (read as a response to HEAD, RFC 9110 §9.3.2)', moved(m.parts.body, at)));
  else nodes.push(...body(b, at, m.parts, m.message.headers, m.message.body));
  if (hasHeader(m.message.headers, 'transfer-encoding') && hasHeader(m.message.headers, 'content-length')) {
    const cl = m.message.headers.findIndex((h) => h.name.toLowerCase() === 'content-length');
    nodes.push(problem(HTTP_FIELDS.warning.name, HTTP_FIELDS.warning.filter, 'both Transfer-Encoding and Content-Length: Transfer-Encoding frames the body and Content-Length is ignored (RFC 9112 §6.1); a sign of request smuggling', ...span(moved(m.parts.headers[cl]!.line, at)), 'warning'));
  }
  if (m.end < b.length) nodes.push(problem(HTTP_FIELDS.excessData.name, HTTP_FIELDS.excessData.filter, `${b.length - m.end} bytes after the end of the message`, m.end, b.length - m.end, 'warning'));
  return nodes;
}

function brokenMessage(b: Uint8Array, e: HttpParseError, partial: Read['partial']): FieldNode[] {
  const nodes: FieldNode[] = [];
  if (partial) {
    const p = partial.parts;
    nodes.push(...head(b, partial.start, p, partial.headers));
    if (p.chunks.length) nodes.push(chunkedBody(b, partial.start, p, { start: p.headerEnd!.end, end: b.length - partial.start }));
    else if (p.framing && p.framing !== 'none' && p.headerEnd && p.headerEnd.end + partial.start < b.length) nodes.push(node(HTTP_FIELDS.body, `${b.length - partial.start - p.headerEnd.end} bytes (cut short)`, { start: partial.start + p.headerEnd.end, end: b.length }));
  }
  const offset = Math.min(e.offset, b.length);
  const lf = b.indexOf(0x0a, offset);
  const end = e.code === 'incomplete' ? offset : lf < 0 ? b.length : lf + 1;
  nodes.push(problem(HTTP_FIELDS.malformed.name, HTTP_FIELDS.malformed.filter, `${e.message} (${e.code})`, offset, end - offset));
  return nodes;
}

const moved = (r: ByteRange, by: number): ByteRange => ({ start: r.start + by, end: r.end + by });
const span = (r: ByteRange): [number, number] => [r.start, r.end - r.start];
const text = (b: Uint8Array, r: ByteRange) => latin1(b, r.start, r.end);

/** The start line, the header lines and the empty line. */
function head(b: Uint8Array, at: number, p: PartialParts, headers: readonly HeaderField[]): FieldNode[] {
  const nodes = [startLine(b, at, p.startLine), ...p.headers.map((h, i) => fieldLine(b, at, h, headers[i]!))];
  if (p.headerEnd) nodes.push(node(HTTP_FIELDS.endOfHeaders, '\\r\\n', moved(p.headerEnd, at)));
  return nodes;
}

function startLine(b: Uint8Array, at: number, s: RequestLineParts | StatusLineParts): FieldNode {
  const line = moved(s.line, at);
  const value = printable(text(b, line));
  if (s.kind === 'request') {
    return node(HTTP_FIELDS.request, value, line, [
      node(HTTP_FIELDS.method, text(b, moved(s.method, at)), moved(s.method, at)),
      node(HTTP_FIELDS.uri, text(b, moved(s.target, at)), moved(s.target, at)),
      node(HTTP_FIELDS.requestVersion, text(b, moved(s.version, at)), moved(s.version, at)),
    ]);
  }
  return node(HTTP_FIELDS.response, value, line, [
    node(HTTP_FIELDS.responseVersion, text(b, moved(s.version, at)), moved(s.version, at)),
    node(HTTP_FIELDS.status, text(b, moved(s.status, at)), moved(s.status, at)),
    node(HTTP_FIELDS.phrase, text(b, moved(s.reason, at)), moved(s.reason, at)),
  ]);
}

/** A header (or trailer) line: named by fields.ts, its value the parsed one (an obs-fold unfolded). */
function fieldLine(b: Uint8Array, at: number, parts: FieldLineParts, h: HeaderField, names: HttpFieldName = headerFieldName(h.name)): FieldNode {
  return node(names, h.value, moved(parts.line, at), [node(HTTP_FIELDS.headerName, text(b, moved(parts.name, at)), moved(parts.name, at)), node(HTTP_FIELDS.headerValue, h.value, moved(parts.value, at))]);
}

function body(b: Uint8Array, at: number, p: Extract<ParseEvent, { ok: true }>['parts'], headers: readonly HeaderField[], content: Uint8Array): FieldNode[] {
  const range = moved(p.body, at);
  if (p.framing === 'chunked') return [chunkedBody(b, at, p, p.body), node(HTTP_FIELDS.fileData, `${content.length} bytes, the chunked coding removed`, range)];
  if (range.end === range.start) return [];
  const type = headerValue(headers, 'content-type') ?? '';
  if (/^\s*text\//i.test(type)) return [textLines(b, range, type)];
  return [node(HTTP_FIELDS.fileData, `${content.length} bytes${type ? ` (${type})` : ''}${p.framing === 'close' ? ', ended by the connection closing' : ''}`, range)];
}

/** "Line-based text data": each line of the body with its range, as UTF-8 (replacement characters for the rest). */
function textLines(b: Uint8Array, r: ByteRange, type: string): FieldNode {
  const decoder = new TextDecoder();
  const lines: FieldNode[] = [];
  let count = 0;
  for (let start = r.start; start < r.end; count++) {
    const lf = b.indexOf(0x0a, start);
    const end = lf < 0 || lf >= r.end ? r.end : lf + 1;
    if (count < MAX_SHOWN_LINES) lines.push(node(HTTP_FIELDS.textLine, printable(decoder.decode(b.subarray(start, end))), { start, end }));
    start = end;
  }
  if (count > MAX_SHOWN_LINES) {
    const last = lines.at(-1)!;
    lines.push(node(HTTP_FIELDS.textLine, `… ${count - MAX_SHOWN_LINES} more lines`, { start: last.offset + last.length, end: r.end }));
  }
  return node(HTTP_FIELDS.textLines, `${type.split(';')[0]!.trim()} (${count} line${count === 1 ? '' : 's'})`, r, lines);
}

/** The chunks (RFC 9112 §7.1), the last chunk and the trailers; ranges cut at the message's end when it is cut short. */
function chunkedBody(b: Uint8Array, at: number, p: PartialParts, body: ByteRange): FieldNode {
  const clip = (r: ByteRange): ByteRange => ({ start: Math.min(r.start + at, b.length), end: Math.min(r.end + at, b.length) });
  const nodes: FieldNode[] = [];
  p.chunks.forEach((c, i) => {
    if (i < MAX_SHOWN_CHUNKS || c.size === 0) nodes.push(chunk(b, c, clip));
    else if (i === MAX_SHOWN_CHUNKS) {
      const rest = p.chunks.slice(i).filter((x) => x.size > 0);
      nodes.push(node(HTTP_FIELDS.chunk, `… ${rest.length} more chunks`, clip({ start: c.sizeLine.start, end: rest.at(-1)!.data.end + 2 })));
    }
  });
  nodes.push(...p.trailers.map((t) => fieldLine(b, at, t, { name: text(b, moved(t.name, at)), value: text(b, moved(t.value, at)) }, HTTP_FIELDS.trailer)));
  const data = p.chunks.filter((c) => c.size > 0);
  return node(HTTP_FIELDS.chunkedBody, `${data.length} chunk${data.length === 1 ? '' : 's'}, ${data.reduce((n, c) => n + c.size, 0)} bytes`, clip(body), nodes);
}

function chunk(b: Uint8Array, c: ChunkParts, clip: (r: ByteRange) => ByteRange): FieldNode {
  const size = node(HTTP_FIELDS.chunkSize, `${c.size} octets`, clip(c.sizeDigits));
  const ext = c.extensions.end > c.extensions.start ? [node(HTTP_FIELDS.chunkExtensions, printable(text(b, clip(c.extensions))), clip(c.extensions))] : [];
  if (c.size === 0) return node(HTTP_FIELDS.lastChunk, printable(text(b, clip(c.sizeLine))), clip(c.sizeLine), [size, ...ext]);
  const boundary = clip({ start: c.data.end, end: c.data.end + 2 });
  const data = node(HTTP_FIELDS.chunkData, `${c.size} bytes`, clip(c.data));
  return node(HTTP_FIELDS.chunk, `${c.size} bytes`, clip({ start: c.sizeLine.start, end: c.data.end + 2 }), [size, ...ext, data, node(HTTP_FIELDS.chunkBoundary, '\\r\\n', boundary)]);
}
