/**
 * The message builder: RFC 5322 headers and a MIME body (RFC 2045, 2046)
 * from what a mail client's user gives. CRLF line ends throughout.
 *
 * The body's shape (RFC 2046 §5.1):
 * - text only: one text/plain entity;
 * - text and html: multipart/alternative (text/plain, then text/html: the
 *   last is the preferred one, §5.1.4);
 * - attachments: multipart/mixed, the text (or the alternative) first,
 *   then each attachment.
 *
 * Every message ends with CRLF (see withFinalLineEnd).
 *
 * Text parts: lone LF in the text becomes CRLF (the canonical form of
 * text, RFC 2049 §4 step 2). Pure ASCII text with lines of at most 998
 * octets and no lone CR or NUL goes as 7bit, charset us-ascii is left
 * implicit (RFC 2045 §5.2); other text gets charset=utf-8 and
 * quoted-printable, or 8bit when `eightBit` is asked for (RFC 6152) and the
 * lines allow it. Attachments are base64, with Content-Disposition:
 * attachment and the filename (RFC 2183; RFC 2231 when not plain ASCII).
 *
 * The boundary (RFC 2046 §5.1.1) is "=_l7_" and a hash of the parts'
 * bytes, with a counter added while it occurs in any part: "=_" can never
 * appear in quoted-printable or base64, and the check covers 7bit text.
 * So the same inputs always give the same bytes.
 *
 * Unless `eightBit` is set, the output is 7-bit clean: every byte < 128,
 * every line at most 998 octets (RFC 5321 §2.4, RFC 5322 §2.1.1).
 */
import type { SimTime } from '../../../sim/time';
import { formatAddressList, type Mailbox } from './address';
import { encodeBase64Body } from './base64';
import { formatParams } from './content-type';
import { formatMailDate } from './date';
import { encodeHeaderText, encodeWords } from './encoded-word';
import { foldField } from './header';
import { MAX_LINE_OCTETS } from './lines';
import { encodeQuotedPrintable } from './quoted-printable';
import { ascii, concatBytes, utf8, type ByteRange } from './types';

export interface Attachment {
  readonly filename: string;
  /** "application/pdf", "image/png". */
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export interface BuildInput {
  readonly from: Pick<Mailbox, 'name' | 'address'>;
  readonly to: readonly Pick<Mailbox, 'name' | 'address'>[];
  readonly cc?: readonly Pick<Mailbox, 'name' | 'address'>[];
  readonly subject: string;
  /** When the message is written (the Date field, date.ts). */
  readonly date: SimTime;
  /** With its angle brackets: "<…@example.com>" (message-id.ts makes one). */
  readonly messageId: string;
  readonly text: string;
  readonly html?: string;
  readonly attachments?: readonly Attachment[];
  /** Written after the standard fields, as given (non-ASCII values as encoded-words). */
  readonly extraHeaders?: readonly { readonly name: string; readonly value: string }[];
  /** Allow 8bit text parts (RFC 6152 8BITMIME) instead of quoted-printable. */
  readonly eightBit?: boolean;
}

export interface BuiltPart {
  /** "multipart/mixed", "text/plain" … */
  readonly contentType: string;
  /** The part's header section, with the empty line after it. */
  readonly header: ByteRange;
  readonly body: ByteRange;
  readonly children: readonly BuiltPart[];
}

export interface BuiltMessage {
  readonly bytes: Uint8Array;
  /** The message's own header section (its top-level fields). */
  readonly header: ByteRange;
  /** The top-level entity: its header is the message's MIME fields within `header`. */
  readonly root: BuiltPart;
}

/** An entity before it is placed: header lines (without the empty line) and body bytes, and its children's layout. */
interface Entity {
  readonly contentType: string;
  readonly header: string;
  readonly body: Uint8Array;
  /** Offsets of each child entity within `body`. */
  readonly children: readonly { readonly at: number; readonly entity: Entity }[];
}

const header = (name: string, value: string) => foldField(name, value);

/** Text in its canonical form: every line end CRLF (RFC 2049 §4). */
export function canonicalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * The text of a single-part message ends with a line end: mail data ends
 * with CRLF (RFC 5321 §4.1.1.4: the CRLF before the final "." ends the last
 * line), so the builder's bytes can go into DATA as they are. In a
 * multipart the delimiter's CRLF ends the last line, and the text is kept.
 */
export function withFinalLineEnd(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function linesFit(bytes: Uint8Array): boolean {
  let run = 0;
  for (const c of bytes) {
    if (c === 0x0a) run = 0;
    else if (++run > MAX_LINE_OCTETS + 1) return false; // +1: the CR of a CRLF
  }
  return true;
}

function textEntity(subtype: 'plain' | 'html', text: string, eightBit: boolean): Entity {
  const bytes = utf8(canonicalText(text));
  const ascii7 = bytes.every((c) => c < 0x80 && c !== 0);
  const loneCr = /\r(?!\n)/.test(canonicalText(text));
  const fits = linesFit(bytes) && !loneCr && !bytes.includes(0);
  let encoding: string;
  let body: Uint8Array;
  if (ascii7 && fits) {
    encoding = '7bit';
    body = bytes;
  } else if (eightBit && fits) {
    encoding = '8bit';
    body = bytes;
  } else {
    encoding = 'quoted-printable';
    body = ascii(encodeQuotedPrintable(bytes));
  }
  const charset = ascii7 ? 'us-ascii' : 'utf-8';
  const contentType = `text/${subtype}`;
  return { contentType, header: header('Content-Type', `${contentType}; charset=${charset}`) + header('Content-Transfer-Encoding', encoding), body, children: [] };
}

function attachmentEntity(a: Attachment): Entity {
  const type = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\/[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(a.mediaType) ? a.mediaType.toLowerCase() : 'application/octet-stream';
  return {
    contentType: type,
    header:
      header('Content-Type', type + formatParams([['name', a.filename]])) +
      header('Content-Disposition', `attachment${formatParams([['filename', a.filename]])}`) +
      header('Content-Transfer-Encoding', 'base64'),
    body: ascii(encodeBase64Body(a.bytes)),
    children: [],
  };
}

function fnv1a(parts: readonly Uint8Array[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) for (const c of p) h = Math.imul(h ^ c, 0x01000193);
  return h >>> 0;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A boundary (RFC 2046 §5.1.1: 1–70 characters) that occurs in none of the encoded parts. */
export function pickBoundary(parts: readonly Uint8Array[], depth: number): string {
  const base = `=_l7_${depth}_${fnv1a(parts).toString(36)}`;
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}_${n}`;
    const b = ascii(candidate);
    if (!parts.some((p) => contains(p, b))) return candidate;
  }
}

function multipartEntity(subtype: 'mixed' | 'alternative', children: readonly Entity[], depth: number): Entity {
  const encoded = children.map((c) => concatBytes([ascii(c.header), ascii('\r\n'), c.body]));
  const boundary = pickBoundary(encoded, depth);
  const pieces: Uint8Array[] = [];
  const placed: { at: number; entity: Entity }[] = [];
  let at = 0;
  const add = (b: Uint8Array) => {
    pieces.push(b);
    at += b.length;
  };
  // A preamble for readers without MIME (RFC 2049 §3 habit), on the outermost multipart only.
  if (depth === 0) add(ascii('This is a multipart message in MIME format.\r\n'));
  children.forEach((c, i) => {
    add(ascii(`--${boundary}\r\n`));
    placed.push({ at, entity: c });
    add(encoded[i]!);
    add(ascii('\r\n'));
  });
  add(ascii(`--${boundary}--\r\n`));
  const contentType = `multipart/${subtype}`;
  return { contentType, header: header('Content-Type', contentType + formatParams([['boundary', boundary]])), body: concatBytes(pieces), children: placed };
}

/** Places an entity whose header starts at `start` and whose body starts at `bodyStart`. */
function layout(e: Entity, start: number, bodyStart: number): BuiltPart {
  return {
    contentType: e.contentType,
    header: { start, end: bodyStart },
    body: { start: bodyStart, end: bodyStart + e.body.length },
    children: e.children.map((c) => {
      const childStart = bodyStart + c.at;
      return layout(c.entity, childStart, childStart + c.entity.header.length + 2);
    }),
  };
}

export function buildMessage(input: BuildInput): BuiltMessage {
  const eightBit = input.eightBit ?? false;
  const attachments = input.attachments ?? [];
  const singlePart = input.html === undefined && attachments.length === 0;
  const text = textEntity('plain', singlePart ? withFinalLineEnd(input.text) : input.text, eightBit);
  const main = input.html === undefined ? text : multipartEntity('alternative', [text, textEntity('html', input.html, eightBit)], 1);
  const root = attachments.length === 0 ? main : multipartEntity('mixed', [main, ...attachments.map(attachmentEntity)], 0);

  let head = header('Date', formatMailDate(input.date));
  head += header('From', formatAddressList([input.from]));
  if (input.to.length > 0) head += header('To', formatAddressList(input.to));
  if (input.cc && input.cc.length > 0) head += header('Cc', formatAddressList(input.cc));
  head += header('Subject', encodeHeaderText(input.subject));
  head += header('Message-ID', input.messageId);
  for (const h of input.extraHeaders ?? []) head += header(h.name, /^[\x20-\x7e]*$/.test(h.value) ? h.value : encodeWords(h.value));
  head += header('MIME-Version', '1.0');
  const mimeStart = head.length;
  head += root.header;
  const bytes = concatBytes([ascii(head), ascii('\r\n'), root.body]);
  const bodyStart = head.length + 2;
  const placed = layout(root, mimeStart, bodyStart);
  return { bytes, header: { start: 0, end: bodyStart }, root: placed };
}
