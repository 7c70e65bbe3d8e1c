/**
 * HTTP's line rules over the shared line reader (protocols/text/line-reader.ts):
 * one start line, field line or chunk-size line, however the bytes are cut,
 * up to a length limit.
 *
 * Line endings (RFC 9112 §2.2): a line ends with CRLF. The RFC lets a
 * recipient take a bare LF as a line end (MAY); we do not: a bare LF, or a
 * CR not followed by LF, is an error. Our own encoder writes CRLF only, and
 * a strict reader cannot disagree with another about where a line ends
 * (the root of request smuggling).
 *
 * The limit counts the line's bytes without its CRLF (a bare LF's line
 * counts all its bytes before the LF). A line is known to be too long
 * either when its LF arrives or when more than limit + 1 bytes (the content
 * and a CR) came without one, so the verdict does not depend on how the
 * bytes were cut; nothing is read after it.
 */
import { LineReader as TextLineReader } from '../text/line-reader';
import { CR } from './syntax';

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
const EMPTY = new Uint8Array(0);

export class LineReader {
  private readonly reader: TextLineReader;
  private line: Uint8Array = EMPTY;

  constructor(private readonly maxBytes: number) {
    // The shared reader counts the CRLF too.
    this.reader = new TextLineReader(maxBytes + 2, 'stop');
  }

  /** Bytes of an unfinished line. */
  get pending(): number {
    return this.reader.pending;
  }

  /** Takes bytes of `bytes` from `from` on, up to and including the line's LF. */
  feed(bytes: Uint8Array, from: number): LineStep {
    const step = this.reader.feed(bytes, from);
    if (step.kind === 'more') return MORE;
    if (step.kind === 'too-long' || (step.bareLf && step.content.length > this.maxBytes)) return TOO_LONG;
    const cr = step.content.indexOf(CR);
    if (cr >= 0) return { kind: 'bad-ending', at: cr, bare: 'CR' };
    if (step.bareLf) return { kind: 'bad-ending', at: step.content.length, bare: 'LF' };
    this.line = step.content;
    return { kind: 'line', next: step.next };
  }

  /** The complete line without its CRLF; valid until `clear()`. */
  content(): Uint8Array {
    return this.line;
  }

  clear(): void {
    this.line = EMPTY;
  }
}
