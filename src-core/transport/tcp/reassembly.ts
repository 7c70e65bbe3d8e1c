/**
 * Out-of-order receive queue (RFC 9293 §3.10.7.4 "Seventh": segments beyond
 * RCV.NXT are held until the gap before them is filled).
 *
 * Rule: entries are kept sorted by stream offset and may overlap (a peer can
 * re-segment when it retransmits); overlaps are resolved when the data is
 * taken, by trimming everything before the next expected offset, so each
 * byte is delivered exactly once. The caller trims data to the receive
 * window first, which bounds the size of this queue.
 */
import { byteView } from '../byte-view';
interface Piece {
  start: number;
  data: Uint8Array;
}

export class ReassemblyBuffer {
  private pieces: Piece[] = [];

  /** Number of held pieces. */
  get size(): number {
    return this.pieces.length;
  }

  /** Hold `data`, whose first byte has stream offset `start`. */
  insert(start: number, data: Uint8Array): void {
    if (data.length === 0) return;
    // Binary search for the first piece starting at or after `start`.
    let lo = 0;
    let hi = this.pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pieces[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const same = this.pieces[lo];
    if (same && same.start === start) {
      // A retransmission of a piece we hold: keep the longer one.
      if (data.length > same.data.length) same.data = data;
      return;
    }
    this.pieces.splice(lo, 0, { start, data });
  }

  /**
   * Remove and return, in order, the bytes contiguous with stream offset
   * `next`; pieces wholly before `next` are discarded.
   */
  take(next: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let used = 0;
    let at = next;
    while (used < this.pieces.length) {
      const piece = this.pieces[used]!;
      if (piece.start > at) break;
      const end = piece.start + piece.data.length;
      if (end > at) {
        out.push(byteView(piece.data, at - piece.start));
        at = end;
      }
      used += 1;
    }
    if (used > 0) this.pieces.splice(0, used);
    return out;
  }

  clear(): void {
    this.pieces = [];
  }
}
