/**
 * What POP3 needs of a stored message's bytes (RFC 5322, CRLF line ends):
 * its head and first body lines for TOP (RFC 1939 §7), and its Subject for
 * the client's events, read simply: the first "Subject:" field of the
 * header, unfolded (RFC 5322 §2.2.3), encoded words left as they are.
 */
import { latin1 } from './codec';

/** Offset just after the empty line that ends the header, or the message's length when it has none. */
export function headerEnd(bytes: Uint8Array): number {
  if (bytes[0] === 0x0d && bytes[1] === 0x0a) return 2;
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a && bytes[i + 2] === 0x0d && bytes[i + 3] === 0x0a) return i + 4;
  }
  return bytes.length;
}

/** TOP msg n (§7): the header, the empty line, and the first `lines` lines of the body (all of it when it has fewer). */
export function topOf(bytes: Uint8Array, lines: number): Uint8Array {
  let at = headerEnd(bytes);
  for (let n = 0; n < lines && at < bytes.length; n++) {
    const lf = bytes.indexOf(0x0a, at);
    at = lf < 0 ? bytes.length : lf + 1;
  }
  return bytes.subarray(0, at);
}

/** The Subject of a message ("" without one): its header's first Subject field, unfolded and trimmed. */
export function subjectOf(bytes: Uint8Array): string {
  const header = latin1(bytes.subarray(0, headerEnd(bytes)));
  const unfolded = header.replace(/\r\n(?=[ \t])/g, '');
  for (const line of unfolded.split('\r\n')) {
    const m = /^subject[ \t]*:(.*)$/i.exec(line);
    if (m) return utf8(m[1]!.trim());
  }
  return '';
}

/** Header bytes read as UTF-8 where they are (RFC 6532), else kept as Latin-1. */
function utf8(text: string): string {
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return text;
  }
}
