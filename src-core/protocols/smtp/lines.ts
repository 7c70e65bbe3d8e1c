/**
 * SMTP's line rules over the shared line reader
 * (protocols/text/line-reader.ts): commands and replies, however their
 * bytes are cut (RFC 5321 §2.3.8: lines end with CRLF). A line longer than
 * the limit (its CRLF included, §4.5.3.1.4–5) is not kept: its bytes up to
 * the next LF are skipped and it is reported once, so the server can answer
 * 500 and go on with the next command. A bare LF ends a line too, and is
 * reported (§2.3.8: a server SHOULD NOT take it as a line end; we read it so
 * the reply is about the command, and say so).
 */
import { LineReader } from '../text/line-reader';

export type LineEvent = { readonly kind: 'line'; readonly line: Uint8Array; readonly bareLf: boolean } | { readonly kind: 'too-long'; readonly length: number };

export class CommandLines {
  private readonly reader: LineReader;

  /** `maxLine`: octets of a line, its CRLF included (512 for a command, §4.5.3.1.4). */
  constructor(maxLine: number) {
    this.reader = new LineReader(maxLine, 'skip');
  }

  /** The lines completed by chunk[from, until), in order; bytes of an unfinished line are kept. */
  feed(chunk: Uint8Array, from = 0, until = chunk.length): LineEvent[] {
    return this.reader.push(chunk.subarray(from, until)).map((step) => (step.kind === 'line' ? { kind: 'line', line: step.content, bareLf: step.bareLf } : { kind: 'too-long', length: step.end - step.start }));
  }
}
