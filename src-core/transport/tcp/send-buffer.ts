/**
 * The send buffer: bytes the application has written and the peer has not
 * yet acknowledged, addressed by stream offset.
 *
 * Rule: it is a queue of chunks with the stream offset of its first byte, so
 * appending, reading a segment and dropping acknowledged bytes cost O(chunk
 * count touched), never a copy of the whole buffer. `read()` returns a view
 * when the range lies in one chunk and copies only when it spans several.
 */
import { byteView } from '../byte-view';
import { slabBytes } from '../byte-slab';
export class SendBuffer {
  private chunks: Uint8Array[] = [];
  /** Index in `chunks` of the first live chunk. */
  private head = 0;
  /** Stream offset of chunks[head][0]. */
  private headStart = 0;
  /** Stream offset one past the last byte written. */
  private endOffset = 0;
  /** Read cursor: a chunk index and its start offset, to make sequential reads O(1). */
  private cursorIndex = 0;
  private cursorStart = 0;

  /** Stream offset one past the last byte written (= total bytes ever written). */
  get end(): number {
    return this.endOffset;
  }

  /** Stream offset of the oldest byte still held. */
  get start(): number {
    return this.headStart;
  }

  /** Bytes held (written and not yet released). */
  get length(): number {
    return this.endOffset - this.headStart;
  }

  /**
   * Append `data` without copying it: the buffer keeps a reference, so the
   * caller must not modify `data` afterwards (ownership passes to TCP; a
   * copy here would double the cost of a bulk transfer).
   */
  push(data: Uint8Array): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.endOffset += data.length;
  }

  /** Bytes [offset, offset + length); the range must lie within [start, end). */
  read(offset: number, length: number): Uint8Array {
    if (offset < this.headStart || offset + length > this.endOffset || length < 0) {
      throw new RangeError(`read [${offset}, ${offset + length}) outside [${this.headStart}, ${this.endOffset})`);
    }
    if (length === 0) return new Uint8Array(0);
    let index: number;
    let chunkStart: number;
    if (this.cursorIndex >= this.head && this.cursorStart <= offset) {
      index = this.cursorIndex;
      chunkStart = this.cursorStart;
    } else {
      index = this.head;
      chunkStart = this.headStart;
    }
    let chunk = this.chunks[index]!;
    while (chunkStart + chunk.length <= offset) {
      chunkStart += chunk.length;
      index += 1;
      chunk = this.chunks[index]!;
    }
    this.cursorIndex = index;
    this.cursorStart = chunkStart;
    const from = offset - chunkStart;
    if (from + length <= chunk.length) return byteView(chunk, from, from + length);
    const out = slabBytes(length);
    let written = 0;
    let piece = chunk.subarray(from);
    for (;;) {
      const take = Math.min(piece.length, length - written);
      out.set(piece.subarray(0, take), written);
      written += take;
      if (written === length) return out;
      index += 1;
      piece = this.chunks[index]!;
    }
  }

  /** Drop every byte before stream offset `offset` (acknowledged by the peer). */
  release(offset: number): void {
    const upTo = Math.min(offset, this.endOffset);
    while (this.head < this.chunks.length) {
      const chunk = this.chunks[this.head]!;
      if (this.headStart + chunk.length > upTo) break;
      this.headStart += chunk.length;
      this.head += 1;
    }
    if (this.head < this.chunks.length && upTo > this.headStart) {
      this.chunks[this.head] = this.chunks[this.head]!.subarray(upTo - this.headStart);
      if (this.cursorIndex === this.head) this.cursorStart = upTo;
      this.headStart = upTo;
    }
    if (this.head === this.chunks.length) {
      // Empty: reset in place.
      this.chunks = [];
      this.head = 0;
      this.headStart = this.endOffset;
    } else if (this.head >= 1024 && this.head * 2 >= this.chunks.length) {
      // Compact occasionally so the array does not grow without bound.
      this.chunks = this.chunks.slice(this.head);
      this.cursorIndex -= this.head;
      this.head = 0;
    }
    if (this.cursorIndex < this.head || this.cursorIndex >= this.chunks.length) {
      this.cursorIndex = this.head;
      this.cursorStart = this.headStart;
    }
  }
}
