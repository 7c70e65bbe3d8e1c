/**
 * Decode errors shared by the transport codecs (UDP, TCP).
 *
 * Rule: a decoder never throws on malformed input; it returns
 * `{ ok: false, error }` with one of these codes and the byte offset (from
 * the start of the transport header) where the problem was found, so that the
 * inspector can point at the offending bytes.
 */
export type TransportDecodeErrorCode =
  | 'truncated' // fewer bytes than the header (or its declared length) needs
  | 'bad-length' // a length field that contradicts itself (UDP length < 8)
  | 'bad-checksum' // RFC 1071 sum over pseudo-header + segment is not zero
  | 'bad-offset' // TCP data offset < 5 words or beyond the segment
  | 'bad-option'; // a TCP option runs past the header or has an illegal length

export interface TransportDecodeError {
  code: TransportDecodeErrorCode;
  message: string;
  /** Byte offset, from the first byte of the transport header, of the problem. */
  offset: number;
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: TransportDecodeError };

export function decodeError(
  code: TransportDecodeErrorCode,
  message: string,
  offset: number,
): { ok: false; error: TransportDecodeError } {
  return { ok: false, error: { code, message, offset } };
}
