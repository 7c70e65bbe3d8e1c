/**
 * POP3's line rules over the shared line reader
 * (protocols/text/line-reader.ts): a POP3 byte stream in lines, however the
 * bytes are cut, each with where it lies in the stream (byte offsets
 * counted from the stream's first byte).
 *
 * Rules:
 * - RFC 1939 §3: every line ends with CRLF. We also take a bare LF as a
 *   line end (a lenient reader; the line's `bareLf` says so), so a client
 *   that sends LF alone is still answered. A CR elsewhere stays in the line.
 * - A line longer than `maxBytes` (CRLF included) is reported once as
 *   `tooLong`, with the range it covered, and its bytes are dropped up to
 *   its LF: the session goes on with the next line. The verdict does not
 *   depend on the cuts.
 */
import { LineReader } from '../text/line-reader';

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

export class StreamLineReader {
  private readonly reader: LineReader;

  constructor(maxBytes: number) {
    this.reader = new LineReader(maxBytes, 'skip');
  }

  /** Bytes of an unfinished line held (or skipped) so far. */
  get pending(): number {
    return this.reader.pending;
  }

  /** Stream offset of the next byte. */
  get position(): number {
    return this.reader.position;
  }

  /** Takes every byte of `bytes`; returns the lines completed by them, in order. */
  push(bytes: Uint8Array): StreamLine[] {
    return this.reader.push(bytes).map((s) =>
      s.kind === 'line' ? { start: s.start, end: s.end, content: s.content, tooLong: false, bareLf: s.bareLf } : { start: s.start, end: s.end, content: new Uint8Array(0), tooLong: true, bareLf: false },
    );
  }
}
