import { describe, expect, it } from 'vitest';
import { hexDump } from '../format/hex-dump';
import { hexRows } from './hex-rows';

const text = (bytes: Uint8Array, perLine: 8 | 16) =>
  hexRows(bytes, perLine).rows.map((r) => `${r.offset}  ${r.cells.map((c) => c.before + c.hex).join('')}${r.pad}  ${r.cells.map((c) => c.ascii).join('')}`);

describe('hexRows', () => {
  it('reads exactly like the plain hex dump', () => {
    const bytes = new TextEncoder().encode('hello from client a\r\n and more bytes here');
    for (const perLine of [8, 16] as const) {
      expect(text(bytes, perLine)).toEqual(hexDump(bytes, { perLine }).lines.map((l) => `${l.offset}  ${l.hex}  ${l.ascii}`));
    }
  });

  it('numbers every byte and reports what it left out', () => {
    const { rows, omitted } = hexRows(new Uint8Array(40), 16, 20);
    expect(rows.flatMap((r) => r.cells.map((c) => c.index))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(omitted).toBe(20);
  });
});
