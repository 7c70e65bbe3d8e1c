/**
 * A hex dump as Wireshark's bytes pane shows it: per line an offset, the
 * bytes in hex (groups of 8) and the same bytes as ASCII, '.' for anything
 * not printable. 16 bytes a line, or 8 where there is no room for 16.
 */

export interface HexLine {
  /** Four or more hex digits: "0000", "0010" … */
  readonly offset: string;
  /** "48 45 4c 4c 4f 0a" padded with spaces to the full width, so columns align. */
  readonly hex: string;
  readonly ascii: string;
}

export interface HexDump {
  readonly lines: HexLine[];
  /** Bytes past `limit` that were left out. */
  readonly omitted: number;
}

export interface HexDumpOptions {
  /** 8 or 16. */
  readonly perLine?: 8 | 16;
  /** At most this many bytes are dumped. */
  readonly limit?: number;
}

const GROUP = 8;

/** Characters in a full line: offset, two spaces, hex with group gaps, two spaces, ASCII. */
export function lineWidth(perLine: 8 | 16, offsetDigits = 4): number {
  return offsetDigits + 2 + (perLine * 3 - 1 + (perLine / GROUP - 1)) + 2 + perLine;
}

export function hexDump(bytes: Uint8Array, options: HexDumpOptions = {}): HexDump {
  const perLine = options.perLine ?? 16;
  const shown = Math.min(bytes.length, options.limit ?? 64 * 1024);
  const offsetDigits = Math.max(4, (shown - 1).toString(16).length);
  const lines: HexLine[] = [];
  for (let start = 0; start < shown; start += perLine) {
    const end = Math.min(start + perLine, shown);
    let hex = '';
    let ascii = '';
    for (let i = start; i < start + perLine; i++) {
      if (i > start) hex += (i - start) % GROUP === 0 ? '  ' : ' ';
      if (i < end) {
        const byte = bytes[i]!;
        hex += byte.toString(16).padStart(2, '0');
        ascii += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.';
      } else {
        hex += '  ';
      }
    }
    lines.push({ offset: start.toString(16).padStart(offsetDigits, '0'), hex, ascii });
  }
  return { lines, omitted: bytes.length - shown };
}
