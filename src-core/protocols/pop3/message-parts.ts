/**
 * What POP3 needs of a stored message's bytes (RFC 5322, CRLF line ends):
 * its head and first body lines for TOP (RFC 1939 §7), and its Subject for
 * the client's events: the header's first Subject field, unfolded (RFC 5322
 * §2.2.3) and its encoded-words decoded (RFC 2047), read by the shared
 * message codec (protocols/mail/message/).
 */
import { decodeHeaderText, headerField, parseHeaderSection } from '../mail/message';

/** Offset just after the empty line that ends the header, or the message's length when it has none. */
export function headerEnd(bytes: Uint8Array): number {
  return parseHeaderSection(bytes, 0, bytes.length, []).bodyStart;
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

/** The Subject of a message ("" without one). */
export function subjectOf(bytes: Uint8Array): string {
  const field = headerField(parseHeaderSection(bytes, 0, bytes.length, []).fields, 'subject');
  return field === undefined ? '' : decodeHeaderText(field.value, [], field.valueRange.start);
}
