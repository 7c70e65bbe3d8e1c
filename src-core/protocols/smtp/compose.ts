/**
 * The message a user agent writes (RFC 5322 §3.6, MIME RFC 2045–2049), made
 * by the message codec's builder (mail/message/build.ts): Date, From, To,
 * Cc, Subject, Message-ID, MIME-Version; the text alone, text and HTML as
 * multipart/alternative, and with attachments multipart/mixed.
 *
 * 7-bit on the wire: the user agent asks for no 8BITMIME (RFC 6152), so the
 * body of SMTP mail must be ASCII in lines of at most 998 octets (RFC 5321
 * §2.3.1, §4.5.3.1.6). Where that bites, the builder encodes, and this file
 * says what it did (`encoded`), so the trace can show the 7-bit rule at
 * work: a subject that is not ASCII as an RFC 2047 encoded-word, text that
 * is not 7-bit as UTF-8 in quoted-printable (RFC 2045 §6.7), an attachment
 * in base64 (§6.8).
 *
 * An attachment is given as text (`content`) or as a size: a real file of
 * its type when the type is an image (http/image-bytes.ts: Wireshark and
 * mail programs read it as one), else a readable pattern.
 */
import type { SimTime } from '../../sim/time';
import { imageBytes } from '../http/image-bytes';
import { mediaTypeOf } from '../http/media-types';
import { patternBytes } from '../http/objects';
import { buildMessage, headerValue, parseHeaderSection, type Attachment, type BuiltPart } from '../mail/message';
import type { MailAttachment } from './schema';

export interface Composed {
  readonly bytes: Uint8Array;
  /** The top-level entity's type: "text/plain", "multipart/mixed" … */
  readonly contentType: string;
  /** What was encoded to keep the message 7-bit, in the order of the message ("the subject as an RFC 2047 encoded-word"). */
  readonly encoded: readonly string[];
}

export interface ComposeInput {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** An HTML version of the text: the message becomes multipart/alternative. */
  readonly html?: string;
  readonly attachments?: readonly MailAttachment[];
  /** Without its angle brackets. */
  readonly messageId: string;
  readonly at: SimTime;
}

/** An attachment's media type: as given, else from its file name's extension. */
export function attachmentMediaType(a: MailAttachment): string {
  return a.mediaType ?? mediaTypeOf(a.filename);
}

/** The attachment's bytes: its text as UTF-8, or `size` bytes of a file of its type. */
export function attachmentBytes(a: MailAttachment): Uint8Array {
  if (a.content !== undefined) return new TextEncoder().encode(a.content);
  const type = attachmentMediaType(a);
  const size = a.size ?? 0;
  return imageBytes(type, size) ?? patternBytes(size, type.startsWith('text/'));
}

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

/** The leaf parts in message order, with the transfer encoding the builder gave each (attachments come after the text, in their order). */
function leafEncodings(bytes: Uint8Array, part: BuiltPart): { readonly type: string; readonly encoding: string }[] {
  if (part.children.length > 0) return part.children.flatMap((c) => leafEncodings(bytes, c));
  const fields = parseHeaderSection(bytes, part.header.start, part.header.end, []).fields;
  return [{ type: part.contentType, encoding: (headerValue(fields, 'Content-Transfer-Encoding') ?? '7bit').trim().toLowerCase() }];
}

export function composeMessage(m: ComposeInput): Composed {
  const attachments: Attachment[] = (m.attachments ?? []).map((a) => ({ filename: a.filename, mediaType: attachmentMediaType(a), bytes: attachmentBytes(a) }));
  const built = buildMessage({
    from: { name: '', address: m.from },
    to: m.to.map((address) => ({ name: '', address })),
    cc: m.cc.map((address) => ({ name: '', address })),
    subject: m.subject,
    date: m.at,
    messageId: `<${m.messageId}>`,
    text: m.text,
    ...(m.html === undefined ? {} : { html: m.html }),
    attachments,
  });
  const encoded: string[] = [];
  if (!isAscii(m.subject)) encoded.push('the subject as an RFC 2047 encoded-word');
  let attachment = 0;
  for (const leaf of leafEncodings(built.bytes, built.root)) {
    if (leaf.encoding === 'quoted-printable') encoded.push(`the ${leaf.type} text as UTF-8 in quoted-printable`);
    else if (leaf.encoding === 'base64') encoded.push(`the attachment ${attachments[attachment++]?.filename ?? ''} in base64`);
  }
  return { bytes: built.bytes, contentType: built.root.contentType, encoded };
}
