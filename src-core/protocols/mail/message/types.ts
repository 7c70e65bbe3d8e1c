/**
 * Shared shapes of the Internet message codec (RFC 5322, MIME RFC 2045–2049):
 * byte ranges into the message's bytes and located problems. Every range is
 * [start, end) in bytes of the whole message handed to the parser or made by
 * the builder, never relative to a part.
 */

export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** Problem codes: each names the rule it breaks (see docs/mail-message.md). */
export type MailProblemCode =
  | 'empty'
  | 'bare-line-end'
  | 'line-too-long'
  | 'header-no-colon'
  | 'header-bad-name'
  | 'header-space-before-colon'
  | 'header-continuation-first'
  | 'eight-bit'
  | 'bad-content-type'
  | 'no-boundary'
  | 'boundary-not-found'
  | 'boundary-not-closed'
  | 'too-deep'
  | 'bad-base64'
  | 'base64-truncated'
  | 'bad-quoted-printable'
  | 'unknown-transfer-encoding'
  | 'unknown-charset'
  | 'bad-encoded-word'
  | 'bad-parameter';

/** A located problem: `offset` is a byte offset in the message's bytes. */
export interface MailProblem {
  readonly code: MailProblemCode;
  readonly message: string;
  readonly offset: number;
  /** 'error': the bytes break a MUST of the RFCs (we read on all the same); 'warning': a tolerated habit. */
  readonly severity: 'warning' | 'error';
}

export const range = (start: number, end: number): ByteRange => ({ start, end });

export const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

export const utf8 = (text: string): Uint8Array => utf8Encoder.encode(text);
/** UTF-8 decoding that never fails: bad sequences become U+FFFD. */
export const fromUtf8 = (bytes: Uint8Array): string => utf8Decoder.decode(bytes);

/** Bytes as ISO-8859-1 text: one character per byte (for ASCII syntax scanning). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  return s;
}

/** ASCII text as bytes; characters above U+00FF are not expected here (callers pass ASCII). */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Text in a named charset (RFC 2045 §5.1 `charset`, RFC 2047 §2); null when the charset is not known. */
export function decodeCharset(bytes: Uint8Array, charset: string): string | null {
  const label = charset.trim().toLowerCase().replace(/\*.*$/, ''); // RFC 2231 §5: charset*language
  if (label === '' || label === 'us-ascii' || label === 'ascii' || label === 'utf-8' || label === 'utf8') return fromUtf8(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null;
  }
}
