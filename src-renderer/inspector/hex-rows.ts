/**
 * A hex dump cut into byte cells, so that each byte can be highlighted and
 * clicked: the same text as format/hex-dump.ts (offset, hex in groups of 8,
 * ASCII), with every byte its own cell.
 */
export interface HexCell {
  /** The byte's offset in the message. */
  readonly index: number;
  /** Space before the hex: "" first, "  " between groups of 8, else " ". */
  readonly before: string;
  readonly hex: string;
  readonly ascii: string;
}

export interface HexRow {
  readonly offset: string;
  readonly cells: readonly HexCell[];
  /** Spaces that fill a short last line, so the ASCII column lines up. */
  readonly pad: string;
}

const GROUP = 8;

export function hexRows(bytes: Uint8Array, perLine: 8 | 16, limit = 64 * 1024): { rows: HexRow[]; omitted: number } {
  const shown = Math.min(bytes.length, limit);
  const digits = Math.max(4, (shown - 1).toString(16).length);
  const rows: HexRow[] = [];
  for (let start = 0; start < shown; start += perLine) {
    const cells: HexCell[] = [];
    const end = Math.min(start + perLine, shown);
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      const col = i - start;
      cells.push({
        index: i,
        before: col === 0 ? '' : col % GROUP === 0 ? '  ' : ' ',
        hex: byte.toString(16).padStart(2, '0'),
        ascii: byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.',
      });
    }
    let pad = '';
    for (let col = end - start; col < perLine; col++) pad += (col === 0 ? '' : col % GROUP === 0 ? '  ' : ' ') + '  ';
    rows.push({ offset: start.toString(16).padStart(digits, '0'), cells, pad });
  }
  return { rows, omitted: bytes.length - shown };
}
