/**
 * The mail data of SMTP's DATA command (RFC 5321 §4.1.1.4, §4.5.2): the
 * message's lines, CRLF-ended, then a line holding only "." — so a line of
 * the message that begins with "." goes with one more "." in front
 * ("dot-stuffing"), which the receiver takes away.
 *
 * Rules:
 * - The sender ends the message with CRLF if it does not end so, then
 *   sends ".\r\n" (§4.1.1.4).
 * - The receiver finds the end "\r\n.\r\n" however the bytes are cut; the
 *   CRLF of the DATA command counts as the line end before a first line
 *   ".". Bytes after the end are the next commands (PIPELINING, RFC 2920).
 * - What the receiver returns is the message as sent: stuffing removed,
 *   CRLFs kept, the final CRLF of the last line included, the ".\r\n" not.
 * - While reading it notes, with offsets into the message, what a server
 *   without 8BITMIME must refuse (a byte ≥ 0x80, RFC 5321 §2.3.1: 7-bit
 *   US-ASCII) and lines over 998 octets (§4.5.3.1.6).
 */
import { MAX_TEXT_LINE } from './constants';

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

/** The message as sent on the wire after DATA's 354: dot-stuffed, CRLF-ended, then ".\r\n". */
export function encodeMailData(message: Uint8Array): Uint8Array {
  const out: number[] = [];
  let lineStart = true;
  for (let i = 0; i < message.length; i++) {
    const b = message[i]!;
    if (lineStart && b === DOT) out.push(DOT);
    out.push(b);
    lineStart = b === LF && i > 0 && message[i - 1] === CR;
  }
  if (message.length > 0 && !(message[message.length - 1] === LF && message[message.length - 2] === CR)) out.push(CR, LF);
  out.push(DOT, CR, LF);
  return Uint8Array.from(out);
}

export interface MailDataProblems {
  /** Offset in the message of its first byte ≥ 0x80, or null. */
  readonly firstEightBit: number | null;
  /** Offset in the message of the first line longer than 998 octets, or null. */
  readonly firstLongLine: number | null;
}

export type DataStep =
  | { readonly done: false }
  | {
      readonly done: true;
      readonly message: Uint8Array;
      readonly problems: MailDataProblems;
      /** More wire bytes came than the limit: `message` holds only the first ones (the server refuses it with 552). */
      readonly tooBig: boolean;
      /** Bytes of the last chunk that belonged to the data (the rest is the next command). */
      readonly used: number;
    };

/** Reads one message's data, fed chunk by chunk. */
export class MailDataReader {
  private readonly bytes: number[] = [];
  /** The last five wire bytes seen, to find "\r\n.\r\n" across chunks; starts with the DATA line's CRLF. */
  private tail = [0, 0, 0, CR, LF];
  /** Wire bytes taken so far. */
  private taken = 0;

  /** `limit`: the wire bytes kept at most; the rest is read to find the end, and dropped (RFC 5321 §4.5.3.1.7). */
  constructor(private readonly limit = Number.MAX_SAFE_INTEGER) {}

  /** Takes bytes from `chunk` until the end marker; once done, the reader is spent. */
  feed(chunk: Uint8Array): DataStep {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.taken < this.limit) this.bytes.push(b);
      this.taken++;
      const t = this.tail;
      t.shift();
      t.push(b);
      if (t[0] === CR && t[1] === LF && t[2] === DOT && t[3] === CR && t[4] === LF) {
        // The wire held "\r\n.\r\n": the message ends before the ".".
        const tooBig = this.taken > this.limit;
        const wire = tooBig ? this.bytes : this.bytes.slice(0, this.bytes.length - 3);
        return { done: true, ...unstuff(wire), tooBig, used: i + 1 };
      }
    }
    return { done: false };
  }

}

/** Removes one leading "." from each line; notes 8-bit bytes and long lines. */
function unstuff(wire: readonly number[]): { message: Uint8Array; problems: MailDataProblems } {
  const out: number[] = [];
  let lineStart = true;
  let lineLength = 0;
  let firstEightBit: number | null = null;
  let firstLongLine: number | null = null;
  for (let i = 0; i < wire.length; i++) {
    const b = wire[i]!;
    if (lineStart && b === DOT) {
      lineStart = false;
      continue;
    }
    lineStart = false;
    if (b >= 0x80 && firstEightBit === null) firstEightBit = out.length;
    out.push(b);
    lineLength++;
    if (b === LF && out[out.length - 2] === CR) {
      if (lineLength > MAX_TEXT_LINE && firstLongLine === null) firstLongLine = out.length - lineLength;
      lineStart = true;
      lineLength = 0;
    }
  }
  if (lineLength > MAX_TEXT_LINE - 2 && firstLongLine === null) firstLongLine = out.length - lineLength;
  return { message: Uint8Array.from(out), problems: { firstEightBit, firstLongLine } };
}
