/**
 * Splits a POP3 byte stream into lines, however the bytes are cut, and says
 * where each line lies in the stream (byte offsets counted from the
 * stream's first byte).
 *
 * Rules:
 * - RFC 1939 §3: every line ends with CRLF. We also take a bare LF as a
 *   line end (a lenient reader; the line's `bareLf` says so), so a client
 *   that sends LF alone is still answered. A CR elsewhere stays in the line.
 * - A line longer than `maxBytes` (CRLF included) is reported once as
 *   `tooLong`, with the range it covered, and its bytes are dropped up to
 *   its LF: the session goes on with the next line. The verdict does not
 *   depend on the cuts: a line is too long as soon as more than `maxBytes`
 *   bytes came without its end.
 */

export interface StreamLine {
  /** Stream offsets: [start, end), `end` after the LF. */
  readonly start: number;
  readonly end: number;
  /** The line without its CRLF (or bare LF); empty for a too-long line. */
  readonly content: Uint8Array;
  /** More than maxBytes: its content was not kept. */
  readonly tooLong: boolean;
  /** It ended with LF alone, not CRLF. */
  readonly bareLf: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

export class StreamLineReader {
  private buffer = new Uint8Array(128);
  private length = 0;
  /** Stream offset of the current line's first byte. */
  private lineStart = 0;
  /** Stream offset of the next byte to come. */
  private offset = 0;
  /** The current line passed maxBytes: its bytes are skipped to its LF. */
  private skipping = false;

  constructor(private readonly maxBytes: number) {}

  /** Bytes of an unfinished line held (or skipped) so far. */
  get pending(): number {
    return this.offset - this.lineStart;
  }

  /** Stream offset of the next byte. */
  get position(): number {
    return this.offset;
  }

  /** Takes every byte of `bytes`; returns the lines completed by them, in order. */
  push(bytes: Uint8Array): StreamLine[] {
    const lines: StreamLine[] = [];
    let from = 0;
    while (from < bytes.length) {
      const lf = bytes.indexOf(LF, from);
      const to = lf < 0 ? bytes.length : lf + 1;
      if (!this.skipping) {
        if (this.length + (to - from) > this.maxBytes) this.skipping = true;
        else this.append(bytes, from, to);
      }
      this.offset += to - from;
      from = to;
      if (lf < 0) break;
      lines.push(this.finish());
    }
    return lines;
  }

  private finish(): StreamLine {
    const start = this.lineStart;
    const end = this.offset;
    let line: StreamLine;
    if (this.skipping) {
      line = { start, end, content: new Uint8Array(0), tooLong: true, bareLf: false };
    } else {
      const crlf = this.length >= 2 && this.buffer[this.length - 2] === CR;
      line = { start, end, content: this.buffer.slice(0, this.length - (crlf ? 2 : 1)), tooLong: false, bareLf: !crlf };
    }
    this.length = 0;
    this.skipping = false;
    this.lineStart = end;
    return line;
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
