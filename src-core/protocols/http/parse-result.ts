/**
 * What the HTTP/1.x parser (parser.ts) hands back: each complete message
 * with the byte range of every part, or one typed error.
 */
import type { HeaderField, HttpMessage } from './message';

/** Bytes [start, end), counted from the message's first byte. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** A request line (RFC 9112 §3); `line` includes its CRLF, the fields do not. */
export interface RequestLineParts {
  readonly kind: 'request';
  readonly line: ByteRange;
  readonly method: ByteRange;
  readonly target: ByteRange;
  readonly version: ByteRange;
}

/** A status line (RFC 9112 §4); `reason` is empty (start = end) when there is none. */
export interface StatusLineParts {
  readonly kind: 'response';
  readonly line: ByteRange;
  readonly version: ByteRange;
  readonly status: ByteRange;
  readonly reason: ByteRange;
}

/**
 * A field line (RFC 9112 §5): `line` includes its CRLF (and, in a response,
 * the obs-fold continuation lines that join it, §5.2); `value` is the
 * field value without the whitespace around it (OWS), empty at the colon's
 * end when the value is.
 */
export interface FieldLineParts {
  readonly line: ByteRange;
  readonly name: ByteRange;
  readonly value: ByteRange;
}

/** One chunk of a chunked body (RFC 9112 §7.1); the last chunk has size 0 and empty data. */
export interface ChunkParts {
  readonly size: number;
  /** The chunk-size line with its extensions and CRLF. */
  readonly sizeLine: ByteRange;
  /** The hex digits. */
  readonly sizeDigits: ByteRange;
  /** The chunk extensions after the digits (";name=value…"), empty when there are none. */
  readonly extensions: ByteRange;
  /** The chunk's data; the CRLF after it is [data.end, data.end + 2) (not for the last chunk). */
  readonly data: ByteRange;
}

/**
 * How the body's end was found (RFC 9112 §6.3): 'none' (no body: a request
 * without Content-Length or Transfer-Encoding, a response to HEAD, 1xx,
 * 204, 304), 'content-length', 'chunked', or 'close' (a response read until
 * the connection closed).
 */
export type BodyFraming = 'none' | 'content-length' | 'chunked' | 'close';

export interface MessageParts {
  readonly startLine: RequestLineParts | StatusLineParts;
  /** One per entry of the message's `headers`, in order. */
  readonly headers: readonly FieldLineParts[];
  /** The empty line (CRLF) that ends the header section. */
  readonly headerEnd: ByteRange;
  readonly framing: BodyFraming;
  /** The body as sent: with 'chunked', every chunk, the last chunk, the trailers and the final CRLF. */
  readonly body: ByteRange;
  /** With 'chunked': each chunk, the last chunk (size 0) included; else empty. */
  readonly chunks: readonly ChunkParts[];
  /** Trailer fields after the last chunk (RFC 9112 §7.1.2): parsed, not merged into the headers. */
  readonly trailers: readonly FieldLineParts[];
}

/** What was read of a message before it ended or failed: parts so far, counted from its first byte. */
export interface PartialParts {
  readonly startLine: RequestLineParts | StatusLineParts;
  readonly headers: readonly FieldLineParts[];
  /** Null while the header section goes on. */
  readonly headerEnd: ByteRange | null;
  /** Null until the header section has ended and its fields framed the body. */
  readonly framing: BodyFraming | null;
  readonly chunks: readonly ChunkParts[];
  readonly trailers: readonly FieldLineParts[];
}

export interface PartialMessage {
  /** Stream offset of the message's first byte. */
  readonly start: number;
  readonly headers: readonly HeaderField[];
  readonly parts: PartialParts;
}

export interface ParsedMessage {
  readonly ok: true;
  readonly message: HttpMessage;
  /** Byte offsets in the stream: the message is stream bytes [start, end). */
  readonly start: number;
  readonly end: number;
  readonly parts: MessageParts;
}

export type HttpParseErrorCode =
  /** The request or status line is not method SP target SP version / version SP status SP reason (§3, §4). */
  | 'bad-start-line'
  /** The method is not a token (RFC 9110 §9.1). */
  | 'bad-method'
  /** The request target is empty or holds a space, a control or a byte above 0x7E (§3.2). */
  | 'bad-target'
  /** Not HTTP-name "/" DIGIT "." DIGIT (§2.3). */
  | 'bad-version'
  /** A well-formed version other than 1.0 and 1.1 ("HTTP/2.0"): a server answers 505 (RFC 9110 §15.6.6). */
  | 'unsupported-version'
  /** The status code is not three digits, 100–599 (§4, RFC 9110 §15). */
  | 'bad-status'
  /** A line ends with LF alone, or holds a CR not followed by LF (§2.2). */
  | 'bad-line-ending'
  /** The start line is longer than the limit (a server answers 414 to a long request line, §3). */
  | 'start-line-too-long'
  /** A field line is malformed: no colon, a name that is not a token, whitespace before the colon (§5.1), a control in the value (RFC 9110 §5.5), an obs-fold in a request (§5.2). */
  | 'bad-header'
  /** A field line (header or trailer) is longer than the limit (a server answers 431). */
  | 'header-too-long'
  /** More field lines than the limit (a server answers 431). */
  | 'too-many-headers'
  /** Content-Length is not digits, or several differ (§6.3, RFC 9110 §8.6). */
  | 'bad-content-length'
  /** Transfer-Encoding with chunked not last or twice, empty, or in an HTTP/1.0 message (§6.1, §6.3). */
  | 'bad-transfer-encoding'
  /** A transfer coding other than chunked (§6.1: a server answers 501). */
  | 'unsupported-transfer-coding'
  /** A chunk-size line or the CRLF after a chunk's data is malformed (§7.1). */
  | 'bad-chunk'
  /** The body is larger than the limit (a server answers 413). */
  | 'body-too-large'
  /** A response's header section ended with no request outstanding to tell how its body is framed (§6.3). */
  | 'unexpected-response'
  /** Bytes after a 101 (Switching Protocols) response, or a 2xx to CONNECT: they are not HTTP any more (§6.3 rule 2). */
  | 'switched-protocols'
  /** The connection closed in the middle of a message (§8). */
  | 'incomplete';

export interface HttpParseError {
  readonly code: HttpParseErrorCode;
  /** What is wrong and where, in plain words. */
  readonly message: string;
  /** Byte offset in the stream of the byte at fault (for 'incomplete': where the stream ended). */
  readonly offset: number;
}

export interface ParseFailure {
  readonly ok: false;
  readonly error: HttpParseError;
}

export type ParseEvent = ParsedMessage | ParseFailure;

export interface HttpParserLimits {
  /** Bytes of a start line, field line or chunk-size line, without its CRLF. */
  readonly maxLineBytes: number;
  /** Field lines in a header section (and, apart, in a trailer section). */
  readonly maxHeaders: number;
  /** Bytes of a body, transfer coding removed. */
  readonly maxBodyBytes: number;
}

export const DEFAULT_LIMITS: HttpParserLimits = { maxLineBytes: 8192, maxHeaders: 100, maxBodyBytes: 2 ** 30 };
