/**
 * A streaming HTTP/1.x parser for one direction of a connection (RFC 9112):
 * `push` the bytes as they arrive, cut anywhere, and get each message once
 * its last byte is in, with the byte range of every part (parse-result.ts);
 * `end` when the peer closes.
 *
 * The same bytes give the same events however they are cut: lines are
 * collected whole (line-reader.ts) and every verdict is a function of the
 * bytes alone, never of where a push ended. Offsets are counted from the
 * stream's first byte.
 *
 * - Requests: empty lines before a request line are skipped (RFC 9112 §2.2:
 *   a server SHOULD ignore at least one); they belong to no message.
 * - Responses: how a body ends depends on the request it answers (§6.3: no
 *   body after HEAD, a tunnel after CONNECT), so the caller says, with
 *   `expectResponseTo(method)`, each request it sent, in order (pipelining,
 *   §9.3.2). A 1xx other than 101 is an interim response (RFC 9110 §15.2):
 *   it is returned as a message and the final response still answers the
 *   same request.
 * - A response with neither Content-Length nor Transfer-Encoding is read
 *   until the server closes (§6.3 rule 8): `end()` completes it.
 * - After an error the parser stops: further `push` and `end` give nothing
 *   (a server answers 400 and closes, §6.3). The same after `end()`.
 *
 * The rules of each part are in start-line.ts (§3, §4), header-lines.ts
 * (§5), framing.ts (§6.1, §6.3) and chunked.ts (§7.1).
 */
import { parseChunkSizeLine } from './chunked';
import { bodyFraming } from './framing';
import { isContinuation, parseContinuation, parseFieldLine } from './header-lines';
import { LineReader } from './line-reader';
import type { HeaderField, HttpMessage } from './message';
import {
  DEFAULT_LIMITS,
  type BodyFraming,
  type ByteRange,
  type ChunkParts,
  type FieldLineParts,
  type HttpParseErrorCode,
  type HttpParserLimits,
  type ParseEvent,
  type PartialMessage,
  type RequestLineParts,
  type StatusLineParts,
} from './parse-result';
import { parseRequestLine, parseStatusLine, type RequestLine, type Span, type StatusLine } from './start-line';

type Phase = 'start' | 'headers' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'close' | 'switched' | 'stopped';

interface Field {
  name: string;
  value: string;
  line: ByteRange;
  nameRange: ByteRange;
  valueRange: ByteRange;
}

/** The message being read; ranges count from its first byte. */
interface Draft {
  readonly start: number;
  readonly line: RequestLine | StatusLine;
  readonly startLine: RequestLineParts | StatusLineParts;
  readonly headers: Field[];
  readonly trailers: Field[];
  headerEnd: ByteRange | null;
  framing: BodyFraming | null;
  after: 'next' | 'interim' | 'switch';
  readonly body: Uint8Array[];
  bodyBytes: number;
  /** Body bytes the Content-Length still announces. */
  expected: number;
  readonly chunks: ChunkParts[];
}

const shift = (s: Span, by: number): ByteRange => ({ start: s.start + by, end: s.end + by });

export class HttpParser {
  private phase: Phase = 'start';
  /** Stream offset of the first byte of the push being read. */
  private base = 0;
  /** Stream offset of the current line's first byte. */
  private lineStart = 0;
  private readonly lines: LineReader;
  private readonly limits: HttpParserLimits;
  private readonly methods: string[] = [];
  private draft: Draft | null = null;
  /** Bytes still to read of a body or chunk; in 'chunk-end', bytes of the CRLF read. */
  private remaining = 0;
  private events: ParseEvent[] = [];
  /** The status of the response after which the connection left HTTP. */
  private switchedBy = 0;

  constructor(
    readonly kind: 'request' | 'response',
    limits: Partial<HttpParserLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.lines = new LineReader(this.limits.maxLineBytes);
  }

  /** A response parser: one request was sent with this method; its response comes after those of the requests before it. */
  expectResponseTo(method: string): void {
    if (this.kind !== 'response') throw new Error('expectResponseTo is for a parser of responses');
    this.methods.push(method);
  }

  /** Requests whose (final) response has not been read yet. */
  get outstanding(): number {
    return this.methods.length;
  }

  /** Bytes taken so far: the stream offset of the next byte. */
  get offset(): number {
    return this.base;
  }

  /** Whether the parser stopped: after an error, `end()`, or a switch of protocols. */
  get stopped(): boolean {
    return this.phase === 'stopped';
  }

  /**
   * What was read of the message in progress, or of the one an error or
   * `end()` cut short: null between messages and before a start line is
   * complete. (The dissector shows a malformed message's good parts.)
   */
  partial(): PartialMessage | null {
    const d = this.draft;
    if (!d) return null;
    return {
      start: d.start,
      headers: d.headers.map((h) => ({ name: h.name, value: h.value })),
      parts: { startLine: d.startLine, headers: fieldParts(d.headers), headerEnd: d.headerEnd, framing: d.framing, chunks: [...d.chunks], trailers: fieldParts(d.trailers) },
    };
  }

  push(bytes: Uint8Array): ParseEvent[] {
    this.events = [];
    let i = 0;
    while (i < bytes.length && this.phase !== 'stopped') i = this.step(bytes, i);
    this.base += i;
    return this.events;
  }

  /** The peer closed: a response read until close ends here; a message cut short is an 'incomplete' error. */
  end(): ParseEvent[] {
    this.events = [];
    const phase = this.phase;
    const d = this.draft;
    if (phase === 'close' && d) this.complete(this.base);
    else if (phase === 'start' && this.lines.pending > 0) this.fail('incomplete', 'the connection closed in the middle of a start line', this.base);
    else if (d && phase !== 'start' && phase !== 'switched' && phase !== 'stopped') this.fail('incomplete', `the connection closed ${where(phase, d, this.remaining)}`, this.base);
    this.phase = 'stopped';
    return this.events;
  }

  /** Reads from bytes[i] on as the phase says; returns the index of the next byte to read. */
  private step(bytes: Uint8Array, i: number): number {
    const d = this.draft;
    switch (this.phase) {
      case 'start':
      case 'headers':
      case 'chunk-size':
      case 'trailers':
        return this.line(bytes, i);
      case 'length':
      case 'chunk-data':
        return this.data(bytes, i, d!);
      case 'chunk-end':
        return this.chunkEnd(bytes, i, d!);
      case 'close':
        return this.untilClose(bytes, i, d!);
      case 'switched':
        this.fail('switched-protocols', this.switchedBy === 101 ? 'after a 101 (Switching Protocols) response the connection speaks another protocol (RFC 9110 §15.2.2): these bytes are not HTTP' : `after a ${this.switchedBy} response to CONNECT the connection is a tunnel (RFC 9112 §6.3 rule 2): these bytes are not HTTP`, this.base + i);
        return i;
      case 'stopped':
        return bytes.length;
    }
  }

  private line(bytes: Uint8Array, i: number): number {
    if (this.lines.pending === 0) this.lineStart = this.base + i;
    const r = this.lines.feed(bytes, i);
    switch (r.kind) {
      case 'more':
        return bytes.length;
      case 'too-long': {
        const [code, what]: [HttpParseErrorCode, string] = this.phase === 'start' ? ['start-line-too-long', 'the start line'] : this.phase === 'chunk-size' ? ['bad-chunk', 'a chunk-size line'] : ['header-too-long', this.phase === 'headers' ? 'a header line' : 'a trailer line'];
        this.fail(code, `${what} is longer than ${this.limits.maxLineBytes} bytes, the limit`, this.lineStart);
        return i;
      }
      case 'bad-ending':
        this.fail('bad-line-ending', r.bare === 'LF' ? 'a line ends with LF alone; HTTP/1.1 lines end with CRLF (RFC 9112 §2.2)' : 'a CR not followed by LF (a bare CR, RFC 9112 §2.2)', this.lineStart + r.at);
        return i;
      case 'line': {
        const end = this.base + r.next;
        const content = this.lines.content();
        if (this.phase === 'start') this.startLine(content, end);
        else if (this.phase === 'headers' || this.phase === 'trailers') this.fieldLine(content, end, this.draft!);
        else this.chunkSize(content, end, this.draft!);
        this.lines.clear();
        return r.next;
      }
    }
  }

  private startLine(content: Uint8Array, end: number): void {
    const start = this.lineStart;
    const line: ByteRange = { start: 0, end: end - start };
    if (content.length === 0 && this.kind === 'request') return; // §2.2: an empty line before a request line is ignored
    if (content.length === 0) return this.fail('bad-start-line', 'an empty line where a status line should be (RFC 9112 §4)', start);
    const parsed = this.kind === 'request' ? parseRequestLine(content) : parseStatusLine(content);
    if (!parsed.ok) return this.fail(parsed.error.code, parsed.error.message, start + parsed.error.at);
    const startLine: RequestLineParts | StatusLineParts =
      'method' in parsed
        ? { kind: 'request', line, method: parsed.spans.method, target: parsed.spans.target, version: parsed.spans.version }
        : { kind: 'response', line, version: parsed.spans.version, status: parsed.spans.status, reason: parsed.spans.reason };
    this.draft = { start, line: parsed, startLine, headers: [], trailers: [], headerEnd: null, framing: null, after: 'next', body: [], bodyBytes: 0, expected: 0, chunks: [] };
    this.phase = 'headers';
  }

  /** A line of the header or the trailer section (RFC 9112 §5, §7.1.2). */
  private fieldLine(content: Uint8Array, end: number, d: Draft): void {
    const trailer = this.phase === 'trailers';
    const fields = trailer ? d.trailers : d.headers;
    const at = this.lineStart - d.start;
    const line: ByteRange = { start: at, end: end - d.start };
    if (content.length === 0) return trailer ? this.complete(end) : this.headerEnd(d, line, end);
    const what = trailer ? 'trailer' : 'header';
    const last = fields.at(-1);
    if (isContinuation(content)) {
      if (!last) return this.fail('bad-header', `whitespace at the start of the first ${what} line (RFC 9112 §2.2)`, this.lineStart);
      if (this.kind === 'request') return this.fail('bad-header', `a ${what} line starting with whitespace continues ${last.name} (obs-fold), which a server rejects (RFC 9112 §5.2)`, this.lineStart);
      const more = parseContinuation(content, last.name);
      if (!more.ok) return this.fail(more.error.code, more.error.message, this.lineStart + more.error.at);
      // §5.2: a user agent replaces the obs-fold with SP.
      if (more.value !== '') {
        last.valueRange = { start: last.value === '' ? at + more.span.start : last.valueRange.start, end: at + more.span.end };
        last.value = last.value === '' ? more.value : `${last.value} ${more.value}`;
      }
      last.line = { start: last.line.start, end: line.end };
      return;
    }
    if (fields.length >= this.limits.maxHeaders) return this.fail('too-many-headers', `more than ${this.limits.maxHeaders} ${what} fields, the limit`, this.lineStart);
    const parsed = parseFieldLine(content, what);
    if (!parsed.ok) return this.fail(parsed.error.code, parsed.error.message, this.lineStart + parsed.error.at);
    fields.push({ name: parsed.name, value: parsed.value, line, nameRange: shift(parsed.spans.name, at), valueRange: shift(parsed.spans.value, at) });
  }

  /** The empty line after the headers: how the body is framed (framing.ts, RFC 9112 §6.3). */
  private headerEnd(d: Draft, line: ByteRange, end: number): void {
    d.headerEnd = line;
    const status = 'status' in d.line ? d.line.status : undefined;
    const final = status === undefined || status >= 200 || status === 101;
    if (this.kind === 'response' && final && this.methods.length === 0) return this.fail('unexpected-response', `a ${status} response with no request outstanding: its body cannot be framed (RFC 9112 §6.3)`, d.start);
    const framing = bodyFraming(
      { kind: this.kind, version: d.line.version, headers: d.headers, valueStarts: d.headers.map((h) => h.valueRange.start), status, method: this.methods[0] },
      this.limits.maxBodyBytes,
    );
    if (!framing.ok) return this.fail(framing.code, framing.message, d.start + framing.at);
    d.framing = framing.framing;
    d.after = framing.after;
    if (framing.framing === 'none' || (framing.framing === 'content-length' && framing.length === 0)) return this.complete(end);
    if (framing.framing === 'content-length') {
      d.expected = framing.length;
      this.remaining = framing.length;
      this.phase = 'length';
    } else this.phase = framing.framing === 'chunked' ? 'chunk-size' : 'close';
  }

  private chunkSize(content: Uint8Array, end: number, d: Draft): void {
    const parsed = parseChunkSizeLine(content);
    if (!parsed.ok) return this.fail(parsed.error.code, parsed.error.message, this.lineStart + parsed.error.at);
    if (d.bodyBytes + parsed.size > this.limits.maxBodyBytes) return this.fail('body-too-large', `a chunk of ${parsed.size} bytes takes the body over the limit of ${this.limits.maxBodyBytes} bytes`, this.lineStart);
    const at = this.lineStart - d.start;
    const dataStart = end - d.start;
    d.chunks.push({ size: parsed.size, sizeLine: { start: at, end: dataStart }, sizeDigits: shift(parsed.digits, at), extensions: shift(parsed.extensions, at), data: { start: dataStart, end: dataStart + parsed.size } });
    this.remaining = parsed.size;
    this.phase = parsed.size === 0 ? 'trailers' : 'chunk-data';
  }

  /** Body bytes of a Content-Length body or of a chunk. */
  private data(bytes: Uint8Array, i: number, d: Draft): number {
    const take = Math.min(this.remaining, bytes.length - i);
    d.body.push(bytes.slice(i, i + take));
    d.bodyBytes += take;
    this.remaining -= take;
    if (this.remaining > 0) return i + take;
    if (this.phase === 'length') this.complete(this.base + i + take);
    else this.phase = 'chunk-end';
    return i + take;
  }

  /** The CRLF after a chunk's data (RFC 9112 §7.1); `remaining` counts its bytes read. */
  private chunkEnd(bytes: Uint8Array, i: number, d: Draft): number {
    const want = this.remaining === 0 ? 0x0d : 0x0a;
    if (bytes[i] !== want) {
      this.fail('bad-chunk', `the ${d.chunks.at(-1)!.size}-byte data of chunk ${d.chunks.length} is not followed by CRLF (RFC 9112 §7.1)`, this.base + i);
      return i;
    }
    if (++this.remaining === 2) {
      this.remaining = 0;
      this.phase = 'chunk-size';
    }
    return i + 1;
  }

  /** A response body read until the server closes (RFC 9112 §6.3 rule 8). */
  private untilClose(bytes: Uint8Array, i: number, d: Draft): number {
    const room = this.limits.maxBodyBytes - d.bodyBytes;
    if (bytes.length - i > room) {
      this.fail('body-too-large', `the body, read until the connection closes, is over the limit of ${this.limits.maxBodyBytes} bytes`, this.base + i + room);
      return i;
    }
    d.body.push(bytes.slice(i));
    d.bodyBytes += bytes.length - i;
    return bytes.length;
  }

  private complete(end: number): void {
    const d = this.draft!;
    const body = d.body.length === 1 ? d.body[0]! : concat(d.body, d.bodyBytes);
    const headers: HeaderField[] = d.headers.map((h) => ({ name: h.name, value: h.value }));
    const l = d.line;
    const message: HttpMessage = 'method' in l ? { kind: 'request', method: l.method, target: l.target, version: l.version, headers, body } : { kind: 'response', version: l.version, status: l.status, reason: l.reason, headers, body };
    const headerEnd = d.headerEnd!;
    this.events.push({
      ok: true,
      message,
      start: d.start,
      end,
      parts: { startLine: d.startLine, headers: fieldParts(d.headers), headerEnd, framing: d.framing!, body: { start: headerEnd.end, end: end - d.start }, chunks: d.chunks, trailers: fieldParts(d.trailers) },
    });
    if (this.kind === 'response' && d.after !== 'interim') this.methods.shift();
    if (d.after === 'switch' && 'status' in l) this.switchedBy = l.status;
    this.draft = null;
    this.phase = d.after === 'switch' ? 'switched' : 'start';
  }

  /** The parser stops; the message it was reading stays readable through `partial()`. */
  private fail(code: HttpParseErrorCode, message: string, offset: number): void {
    this.events.push({ ok: false, error: { code, message: `at byte ${offset}: ${message}`, offset } });
    this.phase = 'stopped';
  }
}

function fieldParts(fields: readonly Field[]): FieldLineParts[] {
  return fields.map((f) => ({ line: f.line, name: f.nameRange, value: f.valueRange }));
}

/** Where in a message the stream ended, for an 'incomplete' error. */
function where(phase: Phase, d: Draft, remaining: number): string {
  switch (phase) {
    case 'headers':
      return `in the header section, after ${d.headers.length} header field${d.headers.length === 1 ? '' : 's'}`;
    case 'length':
      return `after ${d.bodyBytes} of the ${d.expected} body bytes Content-Length announced`;
    case 'chunk-size':
      return `in the chunked body, before the size line of chunk ${d.chunks.length + 1}`;
    case 'chunk-data':
      return `in chunk ${d.chunks.length}, ${remaining} of its ${d.chunks.at(-1)!.size} bytes missing`;
    case 'chunk-end':
      return `before the CRLF that ends chunk ${d.chunks.length}`;
    default:
      return 'in the trailer section of the chunked body';
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
