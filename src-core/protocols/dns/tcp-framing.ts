/**
 * DNS over TCP framing, pure (RFC 1035 §4.2.2, RFC 7766 §8): every message on
 * a TCP connection is preceded by a two-byte length field, most significant
 * byte first, which does not count itself. TCP is a byte stream, so a
 * message may arrive split over several reads and one read may hold several
 * messages; `DnsStreamReassembler` takes chunks as they come and yields whole
 * messages.
 *
 * Rules:
 * - A message is at most 65535 bytes (the field's range); `frameDnsMessage`
 *   refuses a longer one (our mistake, a RangeError).
 * - A length of zero cannot frame a DNS message (the header alone is 12
 *   bytes): the stream is unusable from there on, so the reassembler stops
 *   with a typed error (the peer's mistake) and the connection should close.
 * - RFC 7766 §8: the length and the message go to TCP in one write, so they
 *   leave in one segment when they fit.
 */

/** Largest DNS message over TCP: the length field's range (RFC 1035 §4.2.2). */
export const DNS_TCP_MAX = 0xffff;

/** Size of the length field that precedes each message (RFC 1035 §4.2.2). */
export const DNS_TCP_LENGTH_BYTES = 2;

/** The message with its two-byte length prefix, ready for one TCP write. */
export function frameDnsMessage(message: Uint8Array): Uint8Array {
  if (message.length > DNS_TCP_MAX) throw new RangeError(`a DNS message over TCP is at most ${DNS_TCP_MAX} bytes, not ${message.length}`);
  const out = new Uint8Array(DNS_TCP_LENGTH_BYTES + message.length);
  out[0] = message.length >> 8;
  out[1] = message.length & 0xff;
  out.set(message, DNS_TCP_LENGTH_BYTES);
  return out;
}

/** The peer sent a length field of zero at `offset` of the stream. */
export interface DnsFramingError {
  readonly code: 'zero-length';
  /** Stream offset of the bad length field. */
  readonly offset: number;
}

export type ReassembledItem = { readonly type: 'message'; readonly bytes: Uint8Array } | { readonly type: 'error'; readonly error: DnsFramingError };

export class DnsStreamReassembler {
  private buffer = new Uint8Array(0);
  /** Stream offset of buffer[0]. */
  private consumed = 0;
  private failed: DnsFramingError | null = null;

  /** Bytes as TCP delivered them, in order. */
  push(chunk: Uint8Array): void {
    if (this.failed || chunk.length === 0) return;
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
  }

  /** The next whole message, the error that ended the stream (repeated on every call), or null when more bytes are needed. */
  poll(): ReassembledItem | null {
    if (this.failed) return { type: 'error', error: this.failed };
    if (this.buffer.length < DNS_TCP_LENGTH_BYTES) return null;
    const length = (this.buffer[0]! << 8) | this.buffer[1]!;
    if (length === 0) {
      this.failed = { code: 'zero-length', offset: this.consumed };
      this.buffer = new Uint8Array(0);
      return { type: 'error', error: this.failed };
    }
    const end = DNS_TCP_LENGTH_BYTES + length;
    if (this.buffer.length < end) return null;
    const bytes = this.buffer.slice(DNS_TCP_LENGTH_BYTES, end);
    this.buffer = this.buffer.slice(end);
    this.consumed += end;
    return { type: 'message', bytes };
  }

  /** Bytes received but not yet part of a whole message. */
  get pending(): number {
    return this.buffer.length;
  }
}
