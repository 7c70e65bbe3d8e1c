/**
 * Byte arrays for the per-segment paths, carved from shared blocks instead
 * of allocated one by one: a new Uint8Array of 1.5 KB costs V8 an
 * ArrayBuffer, a backing store and its zeroing, several times a view's cost.
 *
 * Rules:
 * - Memory is never handed out twice: the block is only bumped, and a block
 *   is freed by the garbage collector when no array made from it is left.
 *   So an array stays valid as long as anyone holds it, like any other.
 * - Each array starts zeroed (fresh ArrayBuffer memory) and at a multiple of
 *   4 bytes in its block (the checksum reads aligned 32-bit words).
 * - Arrays over a quarter of a block get a buffer of their own.
 * - The cost of sharing: a kept array keeps its whole block alive. Blocks are
 *   16 KiB, about ten full segments.
 */
const BLOCK_BYTES = 16 * 1024;

let block = new ArrayBuffer(0);
let used = 0;

export function slabBytes(length: number): Uint8Array {
  if (length > BLOCK_BYTES / 4) return new Uint8Array(length);
  if (used + length > block.byteLength) {
    block = new ArrayBuffer(BLOCK_BYTES);
    used = 0;
  }
  const bytes = new Uint8Array(block, used, length);
  used = (used + length + 3) & ~3;
  return bytes;
}
