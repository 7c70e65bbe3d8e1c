/**
 * The course's socket-programming protocol (Kurose & Ross §2.7): the client
 * sends a line of text, the server answers with the same line in upper case.
 *
 * Framing: over UDP one datagram is one line (no terminator, as in the
 * notes' UDPClient.py). Over TCP, a byte stream, each line ends with "\n"
 * so the receiver knows where it ends; a line may arrive split across
 * segments or several lines in one segment.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export function encodeLine(text: string, terminated: boolean): Uint8Array {
  return encoder.encode(terminated ? `${text}\n` : text);
}

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** The server's whole job. `toUpperCase` of ASCII letters, as Python's str.upper() does for them. */
export function uppercase(line: string): string {
  return line.toUpperCase();
}

/** Trace summary of a line, shown in the chart: quoted, long ones shortened. */
export function summarizeLine(line: string): string {
  const shown = line.length > 60 ? `${line.slice(0, 57)}…` : line;
  return JSON.stringify(shown);
}

/**
 * Splits a TCP byte stream into "\n"-terminated lines, sans-I/O:
 * `push(bytes)` then `poll()` until null.
 */
export class LineSplitter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly ready: string[] = [];

  push(bytes: Uint8Array): void {
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 0x0a) continue;
      this.pending.push(bytes.subarray(start, i));
      this.pendingBytes += i - start;
      this.ready.push(decodeText(this.concatPending()));
      start = i + 1;
    }
    if (start < bytes.length) {
      this.pending.push(bytes.slice(start));
      this.pendingBytes += bytes.length - start;
    }
  }

  /** The next complete line (without its "\n"), or null. */
  poll(): string | null {
    return this.ready.shift() ?? null;
  }

  /** Bytes received after the last complete line. */
  get partialBytes(): number {
    return this.pendingBytes;
  }

  private concatPending(): Uint8Array {
    const out = new Uint8Array(this.pendingBytes);
    let o = 0;
    for (const p of this.pending) {
      out.set(p, o);
      o += p.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    return out;
  }
}
