/**
 * Cuts an SMTP command stream into lines however its bytes are cut (RFC
 * 5321 §2.3.8: lines end with CRLF). A line longer than the limit is not
 * kept: its bytes up to the next LF are skipped and it is reported once, so
 * the server can answer 500 and go on with the next command (§4.5.3.1.4).
 * A bare LF ends a line too, and is reported (§2.3.8: a server SHOULD NOT
 * take it as a line end; we read it so the reply is about the command, and
 * say so).
 */
const CR = 0x0d;
const LF = 0x0a;

export type LineEvent = { readonly kind: 'line'; readonly line: Uint8Array; readonly bareLf: boolean } | { readonly kind: 'too-long'; readonly length: number };

export class CommandLines {
  private buffer: number[] = [];
  private skipping = false;
  private skipped = 0;

  constructor(private readonly maxContent: number) {}

  /** The lines completed by `chunk`, in order; bytes of an unfinished line are kept. */
  feed(chunk: Uint8Array, from = 0, until = chunk.length): LineEvent[] {
    const out: LineEvent[] = [];
    for (let i = from; i < until; i++) {
      const b = chunk[i]!;
      if (b === LF) {
        if (this.skipping) {
          out.push({ kind: 'too-long', length: this.skipped + 1 });
          this.skipping = false;
          this.skipped = 0;
          continue;
        }
        const bareLf = this.buffer[this.buffer.length - 1] !== CR;
        const line = Uint8Array.from(bareLf ? this.buffer : this.buffer.slice(0, -1));
        this.buffer = [];
        out.push({ kind: 'line', line, bareLf });
        continue;
      }
      if (this.skipping) {
        this.skipped++;
        continue;
      }
      this.buffer.push(b);
      // content, plus room for the CR of its CRLF
      if (this.buffer.length > this.maxContent + 1) {
        this.skipping = true;
        this.skipped = this.buffer.length;
        this.buffer = [];
      }
    }
    return out;
  }
}
