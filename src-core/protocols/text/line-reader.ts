/**
 * The line reader of the text protocols (HTTP's start and field lines,
 * SMTP's commands and replies, POP3's commands and responses): collects a
 * line of a byte stream however its bytes are cut, up to a length limit,
 * and says where it lay in the stream (offsets from the stream's first
 * byte).
 *
 * Rules:
 * - A line ends at LF. Its content is what comes before, without the CR of
 *   a CRLF; a line ended by LF alone says so (`bareLf`), and each protocol
 *   decides what that means (HTTP refuses it, RFC 9112 §2.2; SMTP and POP3
 *   read it and say so, RFC 5321 §2.3.8, RFC 1939 §3). A CR elsewhere stays
 *   in the content.
 * - `maxBytes` counts the whole line, its line end included (RFC 5321
 *   §4.5.3.1.4: 512 octets "including the <CRLF>"). A line is too long as
 *   soon as more than maxBytes − 1 bytes came without an LF, or at its LF
 *   when it is longer: the verdict does not depend on the cuts.
 * - An over-long line is handled as the protocol needs: `stop` reports it
 *   as soon as it is known and reads no further (HTTP: the message is
 *   refused); `skip` drops its bytes up to its LF and reports it there,
 *   once, with its range, so the session goes on with the next line.
 */

const LF = 0x0a;
const CR = 0x0d;

export type OverLong = 'stop' | 'skip';

export type LineStep =
  /** Every byte given was taken; the line goes on. */
  | { readonly kind: 'more' }
  /**
   * A complete line, [start, end) in the stream (`end` after its LF); the
   * bytes before `next` were taken. `content` is valid until the next feed.
   */
  | { readonly kind: 'line'; readonly next: number; readonly start: number; readonly end: number; readonly content: Uint8Array; readonly bareLf: boolean }
  /**
   * Over the limit. `skip`: the line's LF came, at `next` − 1, and the line
   * covered [start, end). `stop`: `next` is null, and [start, end) are the
   * line's first maxBytes bytes, none an LF; nothing more is read.
   */
  | { readonly kind: 'too-long'; readonly next: number | null; readonly start: number; readonly end: number };

const MORE: LineStep = { kind: 'more' };

export class LineReader {
  private buffer = new Uint8Array(128);
  /** Bytes of the current line kept so far (its LF not included). */
  private length = 0;
  /** Stream offset of the current line's first byte. */
  private lineStart = 0;
  /** Stream offset of the next byte to come. */
  private offset = 0;
  /** The current line is over the limit: its bytes are dropped up to its LF. */
  private skipping = false;

  constructor(
    private readonly maxBytes: number,
    private readonly overLong: OverLong,
  ) {}

  /** Bytes of an unfinished line held (or skipped) so far. */
  get pending(): number {
    return this.offset - this.lineStart;
  }

  /** Stream offset of the next byte. */
  get position(): number {
    return this.offset;
  }

  /** Takes the bytes of `bytes` from `from` on, up to and including the next LF. */
  feed(bytes: Uint8Array, from: number): LineStep {
    const lf = bytes.indexOf(LF, from);
    const end = lf < 0 ? bytes.length : lf;
    const start = this.lineStart;
    // Bytes of the line before its LF: more than maxBytes − 1 cannot end in time.
    if (!this.skipping && this.length + (end - from) + 1 > this.maxBytes) {
      if (this.overLong === 'stop') return { kind: 'too-long', next: null, start, end: start + this.maxBytes };
      this.skipping = true;
      this.length = 0;
    }
    if (!this.skipping) this.append(bytes, from, end);
    this.offset += end - from;
    if (lf < 0) return MORE;
    this.offset++;
    this.lineStart = this.offset;
    if (this.skipping) {
      this.skipping = false;
      return { kind: 'too-long', next: lf + 1, start, end: this.offset };
    }
    const crlf = this.length > 0 && this.buffer[this.length - 1] === CR;
    const content = this.buffer.subarray(0, this.length - (crlf ? 1 : 0));
    this.length = 0;
    return { kind: 'line', next: lf + 1, start, end: this.offset, content, bareLf: !crlf };
  }

  /** Takes every byte of `bytes`; the lines (and over-long lines) they complete, in order, each content a copy. */
  push(bytes: Uint8Array): Exclude<LineStep, { kind: 'more' }>[] {
    const out: Exclude<LineStep, { kind: 'more' }>[] = [];
    for (let from = 0; from < bytes.length; ) {
      const step = this.feed(bytes, from);
      if (step.kind === 'more') break;
      if (step.kind === 'line') out.push({ ...step, content: step.content.slice() });
      else out.push(step);
      if (step.next === null) break;
      from = step.next;
    }
    return out;
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
