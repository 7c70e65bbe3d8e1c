/**
 * Re-encoding a message for a 7-bit path (RFC 6152 §3: a client that sends
 * 8-bit data to a server without 8BITMIME must convert it, or not send it;
 * RFC 2045 §6 gives the encodings). Each leaf whose body has an 8-bit byte
 * or a line over 998 octets is re-encoded: text/* as quoted-printable,
 * anything else as base64, its Content-Transfer-Encoding field replaced
 * (or added). A multipart or message/rfc822 whose own
 * Content-Transfer-Encoding says 8bit or binary gets 7bit once its parts
 * are clean (RFC 2045 §6.4: a composite's encoding is 7bit, 8bit or binary
 * and names what it holds).
 *
 * What is not changed is reported too: 8-bit bytes in header fields (UTF-8
 * headers, RFC 6532, need SMTPUTF8 and cannot be made 7-bit here), and
 * bodies already declared base64 or quoted-printable that still hold 8-bit
 * bytes (they are malformed; re-encoding would hide it).
 */
import { encodeBase64Body } from './base64';
import { foldField, headerField } from './header';
import { allParts, parseMessage, type MimePart } from './parse';
import { encodeQuotedPrintable } from './quoted-printable';
import { sevenBitProblems } from './seven-bit';
import { ascii, concatBytes, type ByteRange } from './types';

export interface SevenBitChange {
  /** The part's path (parse.ts MimePart.path). */
  readonly path: readonly number[];
  readonly contentType: string;
  /** The range replaced, in the original bytes. */
  readonly original: ByteRange;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

export interface SevenBitResult {
  readonly bytes: Uint8Array;
  readonly changes: readonly SevenBitChange[];
  /** Problems left in place: ranges in the original bytes, with why. */
  readonly unchanged: readonly { readonly range: ByteRange; readonly reason: string }[];
}

interface Edit {
  readonly range: ByteRange;
  readonly bytes: Uint8Array;
}

/** The header section with its Content-Transfer-Encoding set to `encoding` (other fields kept byte for byte). */
function withEncoding(part: MimePart, encoding: string): Edit {
  const field = headerField(part.headers, 'content-transfer-encoding');
  const line = ascii(foldField('Content-Transfer-Encoding', encoding));
  if (field) return { range: field.field, bytes: line };
  // Added as the section's last field: before the empty line (or at the body's start when there is none).
  const at = part.headers.length > 0 ? part.headers[part.headers.length - 1]!.field.end : part.header.start;
  return { range: { start: at, end: at }, bytes: line };
}

export function toSevenBit(message: Uint8Array): SevenBitResult {
  const parsed = parseMessage(message);
  if (!parsed.ok) return { bytes: message, changes: [], unchanged: [] };
  const edits: Edit[] = [];
  const changes: SevenBitChange[] = [];
  const unchanged: { range: ByteRange; reason: string }[] = [];
  for (const part of allParts(parsed.value.root)) {
    for (const p of sevenBitProblems(message, part.header.start, part.header.end)) {
      unchanged.push({ range: p.line, reason: p.kind === 'eight-bit' ? 'an 8-bit byte in a header field (RFC 6532 UTF-8 headers need SMTPUTF8, RFC 6531)' : 'a header line over 998 octets' });
    }
    if (part.children.length > 0) {
      if (part.transferEncoding === '8bit' || part.transferEncoding === 'binary') {
        edits.push(withEncoding(part, '7bit'));
        changes.push({ path: part.path, contentType: part.contentType, original: headerField(part.headers, 'content-transfer-encoding')!.field, from: part.transferEncoding, to: '7bit', reason: 'a composite entity names the encoding of what it holds (RFC 2045 §6.4)' });
      }
      continue;
    }
    const problems = sevenBitProblems(message, part.body.start, part.body.end);
    if (problems.length === 0 || part.content === null) continue;
    if (part.transferEncoding === 'base64' || part.transferEncoding === 'quoted-printable') {
      unchanged.push({ range: part.body, reason: `8-bit bytes or long lines in a body already declared ${part.transferEncoding}` });
      continue;
    }
    const to = part.type === 'text' ? 'quoted-printable' : 'base64';
    const body = ascii(to === 'quoted-printable' ? encodeQuotedPrintable(part.content) : encodeBase64Body(part.content));
    edits.push(withEncoding(part, to), { range: part.body, bytes: body });
    const kinds = new Set(problems.map((p) => p.kind));
    changes.push({
      path: part.path,
      contentType: part.contentType,
      original: { start: part.header.start, end: part.body.end },
      from: part.transferEncoding,
      to,
      reason: [kinds.has('eight-bit') ? '8-bit bytes' : '', kinds.has('line-too-long') ? 'lines over 998 octets' : ''].filter(Boolean).join(' and ') + ' on a 7-bit path (RFC 5321 §2.4, RFC 6152)',
    });
  }
  edits.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (const e of edits) {
    pieces.push(message.subarray(at, e.range.start), e.bytes);
    at = e.range.end;
  }
  pieces.push(message.subarray(at));
  return { bytes: concatBytes(pieces), changes, unchanged };
}
