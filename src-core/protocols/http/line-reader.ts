/**
 * Collects one line of the stream (a start line, a field line, a chunk-size
 * line) however the bytes are cut, up to a length limit.
 *
 * Line endings (RFC 9112 §2.2): a line ends with CRLF. The RFC lets a
 * recipient take a bare LF as a line end (MAY); we do not: a bare LF, or a
 * CR not followed by LF, is an error. Our own encoder writes CRLF only, and
 * a strict reader cannot disagree with another about where a line ends
 * (the root of request smuggling).
 *
 * The limit counts the line's bytes without its CRLF. A line is known to be
 * too long either when its LF arrives or when more than limit + 1 bytes
 * (the content and a CR) came without one, so the verdict does not depend
 * on how the bytes were cut.
 */
import { CR, LF } from './syntax';

export type LineStep =
  /** Every byte given was taken; the line goes on. */
  | { readonly kind: 'more' }
  /** The line is complete (`content()`); the bytes before `next` were taken. */
  | { readonly kind: 'line'; readonly next: number }
  | { readonly kind: 'too-long' }
  /** `at`: the bare LF, or the bare CR, counted from the line's start. */
  | { readonly kind: 'bad-ending'; readonly at: number; readonly bare: 'LF' | 'CR' };

const MORE: LineStep = { kind: 'more' };
const TOO_LONG: LineStep = { kind: 'too-long' };

export class LineReader {
  private buffer = new Uint8Array(256);
  /** Bytes of the line so far, without its LF. */
  private length = 0;

  constructor(private readonly maxBytes: number) {}

  /** Bytes of an unfinished line. */
  get pending(): number {
    return this.length;
  }

  /** Takes bytes of `bytes` from `from` on, up to and including the line's LF. */
  feed(bytes: Uint8Array, from: number): LineStep {
    const lf = bytes.indexOf(LF, from);
    const end = lf < 0 ? bytes.length : lf;
    const total = this.length + end - from;
    if (lf < 0) {
      if (total > this.maxBytes + 1) return TOO_LONG;
      this.append(bytes, from, end);
      return MORE;
    }
    const last = end > from ? bytes[end - 1] : this.length > 0 ? this.buffer[this.length - 1] : undefined;
    if (total - (last === CR ? 1 : 0) > this.maxBytes) return TOO_LONG;
    this.append(bytes, from, end);
    const cr = this.buffer.subarray(0, Math.max(0, this.length - 1)).indexOf(CR);
    if (cr >= 0) return { kind: 'bad-ending', at: cr, bare: 'CR' };
    if (last !== CR) return { kind: 'bad-ending', at: this.length, bare: 'LF' };
    return { kind: 'line', next: lf + 1 };
  }

  /** The complete line without its CRLF; valid until `clear()`. */
  content(): Uint8Array {
    return this.buffer.subarray(0, Math.max(0, this.length - 1));
  }

  clear(): void {
    this.length = 0;
  }

  private append(bytes: Uint8Array, from: number, to: number): void {
    const need = this.length + to - from;
    if (need > this.buffer.length) {
      const grown = new Uint8Array(Math.max(need, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(bytes.subarray(from, to), this.length);
    this.length = need;
  }
}
