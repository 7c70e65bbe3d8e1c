/**
 * The IMAP stream reader (RFC 9051 §2.2, §4.3): splits a byte stream into
 * units — one command or one response — each a line ending in CRLF that
 * may carry literals. A literal is announced at the end of a line as
 * "{n}" (synchronizing: the sender waits for the server's "+ "
 * continuation, §7.5) or "{n+}" (non-synchronizing, RFC 7888 LITERAL+),
 * then follow CRLF and exactly n bytes, after which the line goes on.
 *
 * Rules:
 * - Bytes may come in any chunking: a unit, a literal, even its "{n}"
 *   header may span chunks. Offsets count from the stream's first byte.
 * - A unit's text outside its literals is at most `maxLineBytes`; a
 *   literal at most `maxLiteralBytes` (§4.3 lets a server refuse one).
 *   Past either, a typed error, and the reader skips to the next CRLF
 *   outside a literal (the rest of that unit is discarded).
 * - When a synchronizing literal's header is read, the reader reports
 *   `literalWanted` before the literal's bytes, so a server can send "+ ".
 * - A unit's bytes are reported whole, with the ranges of its literals
 *   (relative to the unit), never split.
 */

export interface LiteralRange {
  /** Where the literal's data starts, relative to the unit's first byte. */
  readonly start: number;
  readonly length: number;
  /** True for "{n+}" (LITERAL+). */
  readonly nonSync: boolean;
}

export interface ImapUnit {
  /** The unit's bytes, its final CRLF included. */
  readonly bytes: Uint8Array;
  /** Stream offset of its first byte. */
  readonly offset: number;
  readonly literals: readonly LiteralRange[];
}

export interface ReaderError {
  readonly code: 'line-too-long' | 'literal-too-large';
  readonly message: string;
  /** Stream offset where the unit that broke the limit started. */
  readonly offset: number;
}

export type ReaderOutput =
  | { readonly kind: 'unit'; readonly unit: ImapUnit }
  | { readonly kind: 'literalWanted'; readonly size: number; readonly offset: number }
  | { readonly kind: 'error'; readonly error: ReaderError };

export interface ReaderLimits {
  /** Bytes of a unit outside its literals (RFC 9051 §4 sets no limit; RFC 7162 §4 asks for at least 8192). */
  readonly maxLineBytes: number;
  readonly maxLiteralBytes: number;
}

export const DEFAULT_LIMITS: ReaderLimits = { maxLineBytes: 8192, maxLiteralBytes: 16 * 1024 * 1024 };

const CR = 0x0d;
const LF = 0x0a;

/** "{123}" or "{123+}" right before the CRLF at `lf`, in `line` (the unit's text so far, the CRLF at its end). */
export function literalHeader(line: Uint8Array, end: number): { size: number; nonSync: boolean } | null {
  // line[end-2..end) is CRLF; look for "}" before it
  let i = end - 3;
  if (i < 0 || line[i] !== 0x7d) return null;
  i--;
  let nonSync = false;
  if (line[i] === 0x2b) {
    nonSync = true;
    i--;
  }
  let digits = 0;
  let size = 0;
  let scale = 1;
  while (i >= 0 && line[i]! >= 0x30 && line[i]! <= 0x39) {
    size += (line[i]! - 0x30) * scale;
    scale *= 10;
    digits++;
    i--;
  }
  if (digits === 0 || digits > 10 || i < 0 || line[i] !== 0x7b) return null;
  return { size, nonSync };
}

export class ImapReader {
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  /** Bytes of the unit's text (not literals) so far. */
  private textLength = 0;
  private literals: LiteralRange[] = [];
  /** Literal bytes still to come before the line goes on. */
  private literalLeft = 0;
  private unitStart = 0;
  private position = 0;
  /** Skipping the rest of a unit that broke a limit. */
  private skipping = false;
  private lastWasCr = false;

  constructor(private readonly limits: ReaderLimits = DEFAULT_LIMITS) {}

  /** True while a unit has begun and is not yet whole. */
  get partial(): boolean {
    return this.partsLength > 0 || this.literalLeft > 0;
  }

  push(data: Uint8Array): ReaderOutput[] {
    const out: ReaderOutput[] = [];
    let i = 0;
    while (i < data.length) {
      if (this.literalLeft > 0) {
        const take = Math.min(this.literalLeft, data.length - i);
        if (!this.skipping) this.append(data.subarray(i, i + take));
        this.literalLeft -= take;
        this.position += take;
        i += take;
        this.lastWasCr = false;
        continue;
      }
      // text: up to and including the next LF
      let j = i;
      while (j < data.length && data[j] !== LF) j++;
      const endsLine = j < data.length;
      const slice = data.subarray(i, endsLine ? j + 1 : j);
      const prevCr = slice.length > 1 ? slice[slice.length - 2] === CR : this.lastWasCr;
      this.position += slice.length;
      i += slice.length;
      this.lastWasCr = slice.length > 0 && slice[slice.length - 1] === CR;
      if (this.skipping) {
        if (endsLine && prevCr) this.reset();
        continue;
      }
      this.append(slice);
      this.textLength += slice.length;
      if (this.textLength > this.limits.maxLineBytes) {
        out.push({ kind: 'error', error: { code: 'line-too-long', message: `a line longer than ${this.limits.maxLineBytes} bytes`, offset: this.unitStart } });
        this.skipping = true;
        this.dropParts();
        if (endsLine && prevCr) this.reset();
        continue;
      }
      if (!endsLine || !prevCr) continue; // a bare LF is kept as text; the line goes on
      const bytes = this.joined();
      const header = literalHeader(bytes, bytes.length);
      if (header) {
        if (header.size > this.limits.maxLiteralBytes) {
          out.push({ kind: 'error', error: { code: 'literal-too-large', message: `a literal of ${header.size} bytes (at most ${this.limits.maxLiteralBytes})`, offset: this.unitStart } });
          // its bytes would follow at once only for {n+}; skip them, then the rest of the line
          this.dropParts();
          this.skipping = true;
          if (header.nonSync) this.literalLeft = header.size;
          else this.reset();
          continue;
        }
        this.literals.push({ start: this.partsLength, length: header.size, nonSync: header.nonSync });
        this.literalLeft = header.size;
        if (!header.nonSync) out.push({ kind: 'literalWanted', size: header.size, offset: this.position });
        continue;
      }
      out.push({ kind: 'unit', unit: { bytes, offset: this.unitStart, literals: this.literals } });
      this.reset();
    }
    return out;
  }

  private append(b: Uint8Array): void {
    if (b.length === 0) return;
    this.parts.push(b.slice());
    this.partsLength += b.length;
  }

  private joined(): Uint8Array {
    if (this.parts.length === 1) return this.parts[0]!;
    const all = new Uint8Array(this.partsLength);
    let at = 0;
    for (const p of this.parts) {
      all.set(p, at);
      at += p.length;
    }
    this.parts = [all];
    return all;
  }

  private dropParts(): void {
    this.parts = [];
    this.partsLength = 0;
    this.literals = [];
  }

  private reset(): void {
    this.dropParts();
    this.textLength = 0;
    this.literalLeft = 0;
    this.skipping = false;
    this.unitStart = this.position;
  }
}
