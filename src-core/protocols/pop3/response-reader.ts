/**
 * Reads a server's responses from the stream, however the bytes are cut:
 * the client says, command by command, whether the answer is multi-line
 * when positive (RFC 1939 §3: only the client knows; LIST without an
 * argument, RETR, TOP, UIDL without an argument, CAPA). A negative answer
 * is always one line.
 *
 * Each response comes with its stream range; a multi-line one also with its
 * data unstuffed (each line with CRLF) and the range of the stuffed data.
 */
import { joinLines, parseStatus, unstuffLine, type ByteRange, type Pop3Error, type Pop3Status } from './codec';
import { StreamLineReader } from './line-reader';

/** Data lines may be as long as a message's lines; RFC 5322 §2.1.1 keeps those to 1000 octets, and we take far longer. */
export const MAX_DATA_LINE = 65_536;

export interface Pop3Response {
  readonly status: Pop3Status;
  /** Unstuffed data of a multi-line response, null for a one-line one. */
  readonly data: Uint8Array | null;
  /** Stream range of the whole response. */
  readonly range: ByteRange;
  readonly dataRange: ByteRange | null;
}

export type ReadResponse = { readonly ok: true; readonly response: Pop3Response } | { readonly ok: false; readonly error: Pop3Error };

export class ResponseReader {
  private readonly lines = new StreamLineReader(MAX_DATA_LINE);
  private readonly expected: boolean[] = [];
  /** Set while the data of a multi-line response is being read. */
  private open: { status: Pop3Status; start: number; dataStart: number; lines: Uint8Array[] } | null = null;
  private failed = false;

  /** Queues what the next answer will be: multi-line when positive, or one line. */
  expect(multiline: boolean): void {
    this.expected.push(multiline);
  }

  /** Responses completed by these bytes; after an error nothing more is read. */
  push(bytes: Uint8Array): ReadResponse[] {
    if (this.failed) return [];
    const out: ReadResponse[] = [];
    for (const line of this.lines.push(bytes)) {
      const r = this.take(line.start, line.end, line.content, line.tooLong);
      if (r === null) continue;
      out.push(r);
      if (!r.ok) {
        this.failed = true;
        break;
      }
    }
    return out;
  }

  private take(start: number, end: number, content: Uint8Array, tooLong: boolean): ReadResponse | null {
    if (tooLong) return { ok: false, error: { code: 'line-too-long', message: 'a response line longer than the reader takes', offset: start } };
    if (this.open) {
      const o = this.open;
      if (content.length === 1 && content[0] === 0x2e) {
        this.open = null;
        return { ok: true, response: { status: o.status, data: joinLines(o.lines), range: { start: o.start, end }, dataRange: { start: o.dataStart, end: start } } };
      }
      o.lines.push(unstuffLine(content).slice());
      return null;
    }
    const status = parseStatus(content);
    if (!status.ok) return { ok: false, error: { ...status.error, offset: start + status.error.offset } };
    const multiline = this.expected.shift() ?? false;
    if (multiline && status.value.ok) {
      this.open = { status: status.value, start, dataStart: end, lines: [] };
      return null;
    }
    return { ok: true, response: { status: status.value, data: null, range: { start, end }, dataRange: null } };
  }
}
