import { describe, expect, it } from 'vitest';
import { crc32, imageBytes } from './image-bytes';

/** The PNG's chunks, each checked against its CRC. */
function pngChunks(b: Uint8Array): string[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const types: string[] = [];
  for (let at = 8; at < b.length; ) {
    const length = view.getUint32(at);
    const typed = Array.from(b.subarray(at + 4, at + 8 + length));
    expect(view.getUint32(at + 8 + length)).toBe(crc32(typed));
    types.push(String.fromCharCode(...typed.slice(0, 4)));
    at += 12 + length;
  }
  return types;
}

describe('image bodies of a given size', () => {
  it('are exactly that size, for every size from the smallest file up, whenever a comment can hold the padding', () => {
    for (const [type, smallest] of [['image/jpeg', 22], ['image/gif', 35], ['image/png', 70]] as const) {
      expect(imageBytes(type, smallest - 1)).toBeNull();
      for (let size = smallest; size < smallest + 700; size++) {
        const b = imageBytes(type, size);
        if (b === null) continue;
        expect(b.length).toBe(size);
      }
      for (const size of [70_000, 200_000]) expect(imageBytes(type, size)!.length).toBe(size);
    }
  });

  it('a JPEG runs SOI, JFIF APP0, comments, fill bytes, EOI', () => {
    const b = imageBytes('image/jpeg', 1000)!;
    expect(Array.from(b.subarray(0, 4))).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect(new TextDecoder().decode(b.subarray(6, 10))).toBe('JFIF');
    expect(Array.from(b.subarray(20, 22))).toEqual([0xff, 0xfe]);
    expect(Array.from(b.subarray(-2))).toEqual([0xff, 0xd9]);
    // 1 to 4 bytes no comment can take become fill bytes before EOI
    expect(Array.from(imageBytes('image/jpeg', 25)!.subarray(-5))).toEqual([0xff, 0xff, 0xff, 0xff, 0xd9]);
  });

  it('a PNG has valid chunk CRCs: IHDR, tEXt comments, IDAT, IEND; a GIF ends with its trailer', () => {
    expect(pngChunks(imageBytes('image/png', 70)!)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(pngChunks(imageBytes('image/png', 200_000)!)).toEqual(['IHDR', 'tEXt', 'tEXt', 'tEXt', 'tEXt', 'IDAT', 'IEND']);
    const gif = imageBytes('image/gif', 600)!;
    expect(new TextDecoder().decode(gif.subarray(0, 6))).toBe('GIF89a');
    expect(gif.at(-1)).toBe(0x3b);
    expect(crc32(Array.from(new TextEncoder().encode('IEND')))).toBe(0xae426082);
  });

  it('other types, and types it knows given a size too small, are not images', () => {
    expect(imageBytes('video/mp4', 1000)).toBeNull();
    expect(imageBytes('image/jpeg; q=1', 10)).toBeNull();
  });
});
