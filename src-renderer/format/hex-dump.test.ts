import { describe, expect, it } from 'vitest';
import { hexDump, lineWidth } from './hex-dump';

const text = (s: string) => new TextEncoder().encode(s);

describe('hexDump', () => {
  it('shows 16 bytes a line in two groups of 8, with offsets and ASCII', () => {
    const dump = hexDump(text('Line "hello from client a"\n'));
    expect(dump.omitted).toBe(0);
    expect(dump.lines).toEqual([
      { offset: '0000', hex: '4c 69 6e 65 20 22 68 65  6c 6c 6f 20 66 72 6f 6d', ascii: 'Line "hello from' },
      { offset: '0010', hex: '20 63 6c 69 65 6e 74 20  61 22 0a'.padEnd(48), ascii: ' client a".' },
    ]);
  });

  it('pads the last line so the ASCII column lines up', () => {
    const dump = hexDump(new Uint8Array(20));
    expect(dump.lines.map((l) => l.hex.length)).toEqual([48, 48]);
  });

  it('shows 8 bytes a line when asked, without a group gap', () => {
    const dump = hexDump(new Uint8Array([0, 1, 2, 0x41, 0x7e, 0x7f, 0x80, 0xff, 9]), { perLine: 8 });
    expect(dump.lines).toEqual([
      { offset: '0000', hex: '00 01 02 41 7e 7f 80 ff', ascii: '...A~...' },
      { offset: '0008', hex: '09                     ', ascii: '.' },
    ]);
  });

  it('prints dots for anything outside printable ASCII (TCP header bytes)', () => {
    expect(hexDump(new Uint8Array([0xee, 0x68, 0x2e, 0xe0])).lines[0]!.ascii).toBe('.h..');
  });

  it('is empty for no bytes', () => {
    expect(hexDump(new Uint8Array(0))).toEqual({ lines: [], omitted: 0 });
  });

  it('stops at the limit and says how many bytes it left out', () => {
    const dump = hexDump(new Uint8Array(100), { limit: 32 });
    expect(dump.lines).toHaveLength(2);
    expect(dump.omitted).toBe(68);
  });

  it('widens the offset past 64 KiB', () => {
    const dump = hexDump(new Uint8Array(0x10010), { limit: 0x10010 });
    expect(dump.lines.at(-1)!.offset).toBe('10000');
    expect(dump.lines[0]!.offset).toBe('00000');
  });

  it('knows the width of a full line in characters', () => {
    const full = hexDump(new Uint8Array(16)).lines[0]!;
    expect(lineWidth(16)).toBe(`${full.offset}  ${full.hex}  ${full.ascii}`.length);
    const half = hexDump(new Uint8Array(8), { perLine: 8 }).lines[0]!;
    expect(lineWidth(8)).toBe(`${half.offset}  ${half.hex}  ${half.ascii}`.length);
  });
});
