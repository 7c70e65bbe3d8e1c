/**
 * One direction of a TCP byte stream as the application wrote it, kept for
 * the trace so that a segment's payload is a reference (stream offset and
 * length) rather than a copy.
 *
 * Rules:
 * - The archive keeps references to the written arrays, never copies: the
 *   bytes given to a socket's send() pass to the stack for good (as TCP's
 *   send buffer already requires), so they must not change afterwards.
 * - Offsets count from the stream's first data byte (the byte after the
 *   SYN), like the socket's stream offsets.
 * - Memory: 16 bytes per write (a reference and a start offset) plus each
 *   distinct underlying buffer once; a sender that writes one pattern array
 *   over and over (the bulk sender) costs almost nothing but the references.
 */
export class StreamArchive {
  private readonly chunks: Uint8Array[] = [];
  /** Stream offset of each chunk's first byte; ascending. */
  private readonly starts: number[] = [];
  private endOffset = 0;
  /** Distinct buffers referenced, with their sizes counted once (accounting). */
  private readonly buffers = new Set<ArrayBufferLike>();
  private bufferBytes = 0;
  /** The chunk that served the last read: sequential reads skip the search. */
  private lastChunk = 0;

  /** Stream offset one past the last byte written. */
  get end(): number {
    return this.endOffset;
  }

  append(data: Uint8Array): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.starts.push(this.endOffset);
    this.endOffset += data.length;
    if (!this.buffers.has(data.buffer)) {
      this.buffers.add(data.buffer);
      this.bufferBytes += data.buffer.byteLength;
    }
  }

  /** Copies stream bytes [offset, offset + length) into `into` at `at`. */
  copy(offset: number, length: number, into: Uint8Array, at: number): void {
    if (offset < 0 || length < 0 || offset + length > this.endOffset) {
      throw new RangeError(`stream bytes [${offset}, ${offset + length}) outside [0, ${this.endOffset})`);
    }
    if (length === 0) return;
    let index = this.chunkAt(offset);
    let from = offset - this.starts[index]!;
    let written = 0;
    while (written < length) {
      const chunk = this.chunks[index]!;
      const take = Math.min(chunk.length - from, length - written);
      into.set(from === 0 && take === chunk.length ? chunk : chunk.subarray(from, from + take), at + written);
      written += take;
      index += 1;
      from = 0;
    }
    this.lastChunk = Math.max(0, index - 1);
  }

  /** Memory held for the trace: references and offsets, and the distinct buffers behind them. */
  get referenceBytes(): number {
    return this.chunks.length * 16;
  }

  get retainedBufferBytes(): number {
    return this.bufferBytes;
  }

  /** Index of the chunk holding stream offset `offset` (< end). */
  private chunkAt(offset: number): number {
    const starts = this.starts;
    const last = this.lastChunk;
    if (last < starts.length && starts[last]! <= offset && offset < starts[last]! + this.chunks[last]!.length) return last;
    if (last + 1 < starts.length && starts[last + 1]! <= offset && offset < starts[last + 1]! + this.chunks[last + 1]!.length) return last + 1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
